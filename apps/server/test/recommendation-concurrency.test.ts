import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from './support/engines.ts';
import { Client, startHarness, type Harness } from './support/harness.ts';
import { buildApp, type App } from '../src/app.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { actorOf } from './support/journey.ts';
import { applicantAccount, openRecProgram, recProgram, stampedPage, submittedCandidate, unitIds, unitMember } from './support/recommendation-fixture.ts';
import type { Actor } from '../src/context.ts';

// The quota is a database invariant, not a check in JavaScript: fifty endorsements fired at once
// against a quota of 3 leave exactly 3 endorsed — in one process, and across two app instances
// sharing one PostgreSQL database.

describeEachEngine('recommendation: the quota under concurrency', (engine) => {
  let h: Harness;
  let programId: string;
  let units: Record<string, string>;
  let applicant: { client: Client; actor: Actor };
  let n = 0;

  before(async () => {
    h = await startHarness(engine);
    const first = (await ensureFirstAdmin(h.deps))!;
    const ac = h.client();
    await ac.login(first.email, first.password);
    programId = await openRecProgram(h, await actorOf(h, ac), recProgram('rec-race'));
    applicant = await applicantAccount(h, 'racer@example.com');
    units = await unitIds(applicant.client, programId);
  });
  after(() => h.close());

  /** 50 submitted candidates of the unit, each with its stamped page uploaded. */
  async function fifty(unitName: string, memberEmail: string) {
    const member = await unitMember(h, memberEmail, units[unitName], programId);
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push(await submittedCandidate(h, applicant.actor, programId, 'rec', units[unitName], ++n));
    const stamps: string[] = [];
    for (const id of ids) stamps.push(await stampedPage(member.client, id));
    return { member, ids, stamps };
  }

  async function outcome(unitName: string, ids: string[]) {
    const db = h.deps.db;
    const usage = await db.selectFrom('quota_usage').select('used').where('unit_id', '=', units[unitName]).where('track_id', '=', 'rec').executeTakeFirst();
    const endorsed = await db.selectFrom('nominations').select('application_id').where('unit_id', '=', units[unitName]).where('status', '=', 'endorsed').execute();
    const statuses = await db.selectFrom('applications').select('status').where('id', 'in', ids).execute();
    return { used: usage?.used, nominations: endorsed.length, endorsedApplications: statuses.filter((s) => s.status === 'endorsed').length, stillSubmitted: statuses.filter((s) => s.status === 'submitted').length };
  }

  function assertExactlyThree(results: { statusCode: number; json: () => { error?: { code: string; message: Record<string, string> } } }[]) {
    const ok = results.filter((r) => r.statusCode === 200);
    const refused = results.filter((r) => r.statusCode === 409);
    assert.equal(ok.length, 3, `exactly 3 succeed, got ${results.map((r) => r.statusCode).join(',')}`);
    assert.equal(refused.length, 47);
    for (const r of refused) {
      assert.equal(r.json().error!.code, 'QUOTA_EXHAUSTED');
      assert.match(r.json().error!.message['zh-CN'], /推荐名额已用完（3\/3）/);
    }
  }

  test('50 endorsements at once against a quota of 3: exactly 3 succeed, 47 are told the quota is used up', async () => {
    const { member, ids, stamps } = await fifty('甲单位', 'race-jia@example.com');
    const results = await Promise.all(ids.map((id, i) => member.client.post(`/api/recommendation/candidates/${id}/endorse`, { opinion: `同意推荐 ${i}`, stampedFileId: stamps[i] })));
    assertExactlyThree(results);
    assert.deepEqual(await outcome('甲单位', ids), { used: 3, nominations: 3, endorsedApplications: 3, stillSubmitted: 47 });
  });

  test('the same across two app instances sharing one database', { skip: engine === 'sqlite' ? 'SQLite serves one process (README); several processes share PostgreSQL' : false }, async () => {
    // A second stateless instance on the same database, as a second process behind the proxy.
    const b: App = await buildApp(h.deps.config, { database: h.testDb.open(), logger: false });
    try {
      await b.app.ready();
      const { member, ids, stamps } = await fifty('丙单位', 'race-bing@example.com');
      const viaB = new Client(b);
      viaB.cookies = new Map(member.client.cookies);
      viaB.csrfToken = member.client.csrfToken;
      const results = await Promise.all(ids.map((id, i) => (i % 2 ? viaB : member.client).post(`/api/recommendation/candidates/${id}/endorse`, { opinion: `同意推荐 ${i}`, stampedFileId: stamps[i] })));
      assertExactlyThree(results);
      assert.ok(results.filter((r, i) => i % 2 === 1).every((r) => r.statusCode === 200 || r.statusCode === 409), 'instance B answered its half');
      assert.deepEqual(await outcome('丙单位', ids), { used: 3, nominations: 3, endorsedApplications: 3, stillSubmitted: 47 });
    } finally {
      await b.app.close();
      await b.database.close();
    }
  });
});
