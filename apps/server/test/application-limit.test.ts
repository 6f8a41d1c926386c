import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Migrator, sql, type Kysely } from 'kysely';
import { describeEachEngine, createTestDatabase } from './support/engines.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { createProgram, setProgramStatus } from '../src/features/programs/program.service.ts';
import { migrateToLatest } from '../src/db/database.ts';
import { migrations } from '../src/db/migrations/index.ts';
import { actorOf, applicantWithOrg } from './support/journey.ts';
import { creditCode } from './support/screening.ts';
import { testProgram } from './support/program-fixture.ts';

// Applications per organization per track (`applicationsPerOrganization`, default 1), held
// under concurrent creation on both engines by the slot column's unique index; and the
// migration that replaced the one-per-track constraint keeps existing applications and
// everything that refers to them.

describeEachEngine('applications per organization per track', (engine) => {
  let h: Harness;
  let programId: string;

  before(async () => {
    h = await startHarness(engine);
    const first = (await ensureFirstAdmin(h.deps))!;
    const ac = h.client();
    await ac.login(first.email, first.password);
    const admin = await actorOf(h, ac);
    const def = testProgram('app-limit', h.deps.now());
    // 储能: a technology holder may enter up to 3 technologies.
    (def.tracks[1] as { applicationsPerOrganization?: number }).applicationsPerOrganization = 3;
    const created = await createProgram(h.deps, admin, { from: 'text', format: 'json', text: JSON.stringify(def) });
    programId = (await setProgramStatus(h.deps, admin, created.id, 'open')).id;
  });
  after(async () => {
    await h.close();
  });

  test('default 1: of 8 concurrent creations one succeeds, the others are told the organization already applied', async () => {
    const a = await applicantWithOrg(h, 'one@example.com', creditCode(501));
    const results = await Promise.all(Array.from({ length: 8 }, () => a.client.post('/api/applications', { programId, trackId: 'green', organizationId: a.orgId })));
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409, 409, 409, 409, 409, 409, 409]);
    const refused = results.find((r) => r.statusCode === 409)!.json().error;
    assert.equal(refused.code, 'CONFLICT');
    assert.equal(refused.message['zh-CN'], '该单位已在此赛道申报');
    const again = (await a.client.post('/api/applications', { programId, trackId: 'green', organizationId: a.orgId })).json().error;
    assert.equal(again.details.applicationId, results.find((r) => r.statusCode === 200)!.json().id, 'names the one it has');
  });

  test('a track allowing 3: of 10 concurrent creations exactly 3 succeed; another organization is not affected', async () => {
    const a = await applicantWithOrg(h, 'three@example.com', creditCode(502));
    const results = await Promise.all(Array.from({ length: 10 }, () => a.client.post('/api/applications', { programId, trackId: 'storage', organizationId: a.orgId })));
    assert.equal(results.filter((r) => r.statusCode === 200).length, 3, results.map((r) => r.statusCode).join(','));
    assert.equal(results.filter((r) => r.statusCode === 409).length, 7);
    const numbers = new Set(results.filter((r) => r.statusCode === 200).map((r) => r.json().number));
    assert.equal(numbers.size, 3);
    const over = (await a.client.post('/api/applications', { programId, trackId: 'storage', organizationId: a.orgId })).json().error;
    assert.deepEqual(over.message, { 'zh-CN': '该单位在此赛道已有 3 份申报，已达每个单位 3 份的上限', en: 'This organization already has 3 applications on this track, the most one organization may have (3)' });
    const slots = await h.deps.db.selectFrom('applications').select('slot').where('program_id', '=', programId).where('track_id', '=', 'storage').where('organization_id', '=', a.orgId).orderBy('slot').execute();
    assert.deepEqual(slots.map((s) => s.slot), [1, 2, 3]);
    const b = await applicantWithOrg(h, 'other@example.com', creditCode(503));
    assert.equal((await b.client.post('/api/applications', { programId, trackId: 'storage', organizationId: b.orgId })).statusCode, 200);
  });
});

describe('migration 20261208000700_app_limit on existing data', () => {
  const names = Object.keys(migrations).sort();
  const previous = names[names.indexOf('20261208000700_app_limit') - 1];

  /** A row for `table` from its own columns: required ones filled, references pointing at the given ids. */
  async function insertRow(db: Kysely<any>, table: string, given: Record<string, unknown>): Promise<void> {
    const t = (await db.introspection.getTables()).find((x) => x.name === table)!;
    const values: Record<string, unknown> = {};
    for (const c of t.columns) {
      if (c.name in given) values[c.name] = given[c.name];
      else if (c.name === 'id' || (!c.isNullable && !c.hasDefaultValue)) values[c.name] = /int|bigint|real|numeric/i.test(c.dataType) ? 1 : `${table}-${c.name}`;
    }
    const cols = Object.keys(values);
    await sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))}) values (${sql.join(cols.map((c) => values[c]))})`.execute(db);
  }

  for (const engine of ['sqlite', 'postgres'] as const) {
    test(`[${engine}] applications, their events and screenings survive; slot 1; a second slot may be added, the same slot not`, async (t) => {
      let tdb;
      try {
        tdb = await createTestDatabase(engine);
      } catch (e) {
        if (engine === 'postgres') return t.skip(`PostgreSQL not reachable: ${(e as Error).message}`);
        throw e;
      }
      const { db, close } = tdb.open();
      try {
        const kdb = db as unknown as Kysely<any>;
        const m = await new Migrator({ db: kdb, provider: { getMigrations: async () => migrations } }).migrateTo(previous);
        assert.equal(m.error, undefined);
        await insertRow(kdb, 'users', { id: 'u1', email: 'u1@example.com' });
        await insertRow(kdb, 'programs', { id: 'p1', slug: 'p1', created_by: 'u1' });
        await insertRow(kdb, 'organizations', { id: 'o1', owner_user_id: 'u1', credit_code: 'c1' });
        for (const [id, track] of [['a1', 't1'], ['a2', 't2']]) {
          await insertRow(kdb, 'applications', { id, number: `N-${id}`, program_id: 'p1', track_id: track, organization_id: 'o1', applicant_user_id: 'u1', unit_id: null });
        }
        await insertRow(kdb, 'application_events', { id: 'e1', application_id: 'a1' });
        await insertRow(kdb, 'screenings', { id: 's1', application_id: 'a1', version_no: 1 });

        await migrateToLatest(kdb);
        const apps = await kdb.selectFrom('applications').select(['id', 'slot', 'track_id']).orderBy('id').execute();
        assert.deepEqual(apps, [{ id: 'a1', slot: 1, track_id: 't1' }, { id: 'a2', slot: 1, track_id: 't2' }]);
        assert.equal((await kdb.selectFrom('application_events').select('id').where('application_id', '=', 'a1').execute()).length, 1);
        assert.equal((await kdb.selectFrom('screenings').select('id').where('application_id', '=', 'a1').execute()).length, 1);
        await insertRow(kdb, 'applications', { id: 'a3', number: 'N-a3', program_id: 'p1', track_id: 't1', organization_id: 'o1', applicant_user_id: 'u1', unit_id: null, slot: 2 });
        await assert.rejects(
          insertRow(kdb, 'applications', { id: 'a4', number: 'N-a4', program_id: 'p1', track_id: 't1', organization_id: 'o1', applicant_user_id: 'u1', unit_id: null, slot: 2 }),
          /unique|duplicate/i,
        );
        if (engine === 'sqlite') {
          assert.deepEqual((await sql`pragma foreign_key_check`.execute(kdb)).rows, []);
          assert.deepEqual((await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(kdb)).rows, [{ foreign_keys: 1 }], 'foreign keys are on again');
          await assert.rejects(insertRow(kdb, 'application_events', { id: 'e2', application_id: 'nope' }), /FOREIGN KEY/i, 'references still enforced');
        }
      } finally {
        await close();
        await tdb.drop();
      }
    });
  }
});
