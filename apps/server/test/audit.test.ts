import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { appendAudit } from '../src/features/audit/audit.repository.ts';
import { verifyAuditChain } from '../src/features/audit/audit.service.ts';

describeEachEngine('audit log hash chain', (engine) => {
  let h: Harness;
  before(async () => {
    h = await startHarness(engine);
  });
  after(() => h.close());

  test('changes are logged with who, what, before and after, chained by hash', async () => {
    const c = h.client();
    const reg = await c.register('audit@example.com', 'correct horse 1', '审计');
    const userId = reg.json().user.id;
    await c.post('/api/auth/password/change', { currentPassword: 'correct horse 1', newPassword: 'another one 22' });
    const rows = await h.deps.db.selectFrom('audit_log').selectAll().where('entity_id', '=', userId).orderBy('seq').execute();
    assert.deepEqual(rows.map((r) => r.action), ['user.create', 'user.password_change']);
    assert.equal(JSON.parse(rows[0].after_json!).email, 'audit@example.com');
    assert.equal(rows[1].actor_id, userId);
    assert.ok(rows[1].request_id, 'the request id ties the row to the log line');
    assert.deepEqual(await verifyAuditChain(h.deps.db), { ok: true, rows: (await h.deps.db.selectFrom('audit_log').select('seq').execute()).length });
  });

  test('a change rolled back leaves no audit row', async () => {
    const count = async () => (await h.deps.db.selectFrom('audit_log').select('seq').execute()).length;
    const n = await count();
    await assert.rejects(
      h.deps.db.transaction().execute(async (trx) => {
        await appendAudit(trx, { actorId: null, action: 'test.rollback', entity: 'test' });
        throw new Error('boom');
      }),
    );
    assert.equal(await count(), n);
  });

  test('concurrent writers never fork the chain', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.deps.db.transaction().execute((trx) => appendAudit(trx, { actorId: null, action: 'test.concurrent', entity: 'test', entityId: String(i) })),
      ),
    );
    assert.equal((await verifyAuditChain(h.deps.db)).ok, true);
  });

  test('editing a row behind the log’s back is caught at that row', async () => {
    const target = await h.deps.db.selectFrom('audit_log').select('seq').where('action', '=', 'user.create').orderBy('seq').executeTakeFirstOrThrow();
    await sql`update audit_log set after_json = ${'{"email":"mallory@example.com"}'} where seq = ${target.seq}`.execute(h.deps.db);
    const result = await verifyAuditChain(h.deps.db);
    assert.deepEqual(result.ok ? null : { seq: result.firstBadSeq, reason: result.reason }, { seq: target.seq, reason: 'hash_mismatch' });

    if (engine === 'sqlite') {
      // The same check from the command line, against the same file.
      await h.database.close();
      const cli = spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', 'audit-verify'], {
        cwd: new URL('../../..', import.meta.url).pathname,
        env: { ...process.env, DATA_DIR: h.testDb.dataDir, DATABASE_URL: '' },
        encoding: 'utf8',
      });
      assert.equal(cli.status, 1, cli.stderr);
      assert.match(cli.stderr, new RegExp(`first bad row seq=${target.seq} \\(hash_mismatch\\)`));
      h.database = h.testDb.open();
      h.deps.db = h.database.db;
    }
  });

  test('recomputing a row’s own hash does not hide the edit: the next link breaks', async () => {
    const rows = await h.deps.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    const bad = (await verifyAuditChain(h.deps.db)) as { firstBadSeq: number };
    const { auditRowHash } = await import('../src/features/audit/audit-chain.ts');
    const row = rows.find((r) => r.seq === bad.firstBadSeq)!;
    await sql`update audit_log set hash = ${auditRowHash(row)} where seq = ${row.seq}`.execute(h.deps.db);
    const result = await verifyAuditChain(h.deps.db);
    assert.equal(result.ok, false);
    assert.deepEqual(result.ok ? null : [result.firstBadSeq, result.reason], [row.seq + 1, 'broken_link']);
  });

  test('a deleted row is reported as a gap', async () => {
    await sql`delete from audit_log where seq = 1`.execute(h.deps.db);
    const result = await verifyAuditChain(h.deps.db);
    assert.deepEqual(result.ok ? null : [result.firstBadSeq, result.reason], [1, 'gap']);
  });
});
