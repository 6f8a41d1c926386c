import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatShanghai } from '@lvping/domain';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { listAuditForEntity } from '../src/features/audit/audit.repository.ts';
import { actorOf, applicantWithOrg } from './support/journey.ts';
import { completeDraft, creditCode, insertTestUnit, openScreeningProgram, submittedApplication, withRole } from './support/screening.ts';
import type { Actor } from '../src/context.ts';

// Who may screen what, bulk decisions reported per id, and deadline extensions (organizers
// only, audited), on both engines. Every refusal is checked to have changed nothing.

const DAY = 86_400_000;

describeEachEngine('screening: permissions, bulk pass, deadline extensions', (engine) => {
  let h: Harness;
  let admin: Actor;
  let programId: string;
  let organizer: Client;
  let institution: Client;
  let committee: Client;
  let expert: Client;
  let recommender: Client;
  let n = 100;
  const applicant = (region = '110105') => applicantWithOrg(h, `a${n}@example.com`, creditCode(n++), region);

  before(async () => {
    // Sessions outlive the clock jumps past the deadline below.
    h = await startHarness(engine, { auth: { sessionTtlMs: 60 * DAY } as never });
    const first = (await ensureFirstAdmin(h.deps))!;
    const ac = h.client();
    await ac.login(first.email, first.password);
    admin = await actorOf(h, ac);
    programId = await openScreeningProgram(h, admin, 'screening-access');
    organizer = await withRole(h, admin, 'organizer@example.com', 'organizer', programId);
    institution = await withRole(h, admin, 'institution@example.com', 'review_institution', programId, 'green');
    committee = await withRole(h, admin, 'committee@example.com', 'committee', programId);
    expert = await withRole(h, admin, 'expert@example.com', 'expert', programId);
    recommender = await withRole(h, admin, 'recommender@example.com', 'recommender', programId);
  });
  after(() => h.close());

  const statusOf = async (id: string) => (await organizer.get(`/api/applications/${id}/screening`)).json().status;

  test('only screeners screen, a track-scoped institution only its track; others learn nothing', async () => {
    const a = await applicant();
    const storage = await submittedApplication(a.client, programId, a.orgId, 'storage');
    const green = await submittedApplication(a.client, programId, a.orgId, 'green');
    const other = await applicant();
    const body = { outcome: 'pass', baseRevision: storage.revision, note: '符合' };
    const cases: [string, Client, number][] = [
      ['the applicant itself', a.client, 403], ['another applicant', other.client, 404], ['a recommender', recommender, 404],
      ['an expert', expert, 404], ['the committee (reads, may not screen)', committee, 403], ['the institution of another track', institution, 404],
    ];
    for (const [who, c, status] of cases) {
      assert.equal((await c.get(`/api/applications/${storage.id}/screening`)).statusCode, status, `${who}: view`);
      assert.equal((await c.post(`/api/applications/${storage.id}/screening/decision`, body)).statusCode, status, `${who}: decide`);
      assert.equal((await c.put(`/api/applications/${storage.id}/screening/checklist/license-valid`, { checked: true })).statusCode, status, `${who}: checklist`);
    }
    assert.equal(await statusOf(storage.id), 'submitted', 'nothing above changed it');
    assert.equal((await institution.get(`/api/applications/${green.id}/screening`)).statusCode, 200, 'its own track');
    assert.equal((await institution.get(`/api/programs/${programId}/screening/queue?trackId=storage`)).statusCode, 403);
    assert.equal((await institution.get(`/api/programs/${programId}/screening/queue?trackId=green`)).json().items.length, 1);
    assert.equal((await expert.get(`/api/programs/${programId}/screening/queue?trackId=green`)).statusCode, 403);
    assert.equal((await organizer.get(`/api/programs/${programId}/screening/queue`)).statusCode, 400, 'a queue is per track');
    assert.equal((await organizer.get(`/api/programs/${programId}/screening/queue?trackId=forged`)).statusCode, 404);
    assert.equal((await organizer.get('/api/programs/forged/screening/queue?trackId=green')).statusCode, 404);
    assert.equal((await organizer.get('/api/applications/00000000-0000-0000-0000-000000000000/screening')).statusCode, 404);
    const draft = await completeDraft(other.client, programId, other.orgId, 'storage');
    assert.equal((await organizer.get(`/api/applications/${draft.id}/screening`)).statusCode, 404, 'drafts are the applicant’s own');
    assert.equal((await organizer.post(`/api/applications/${draft.id}/screening/decision`, { ...body, baseRevision: draft.revision })).statusCode, 404);
    assert.equal((await h.client().get(`/api/applications/${storage.id}/screening`)).statusCode, 401);
    assert.equal((await a.client.get(`/api/applications/${storage.id}/versions`)).statusCode, 200, 'the applicant reads its versions');
    assert.equal((await other.client.get(`/api/applications/${storage.id}/versions`)).statusCode, 404);
    assert.equal((await organizer.get(`/api/applications/${storage.id}/screening/feedback`)).statusCode, 403, 'feedback is the applicant’s view');
  });

  test('bulk pass checks each id on its own and reports each', async () => {
    const [p, q, r, s] = [await applicant(), await applicant(), await applicant(), await applicant()];
    const one = await submittedApplication(p.client, programId, p.orgId, 'storage');
    const two = await submittedApplication(q.client, programId, q.orgId, 'storage');
    const ruleFails = await submittedApplication(r.client, programId, r.orgId, 'green', { revenue: 5 });
    const draft = await completeDraft(s.client, programId, s.orgId, 'storage');
    const forged = 'ffffffff-0000-0000-0000-000000000000';
    const res = await organizer.post(`/api/programs/${programId}/screening/bulk-pass`, { applicationIds: [one.id, two.id, ruleFails.id, forged, draft.id, one.id] });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().passed, 2);
    assert.deepEqual(res.json().results.map((x: { applicationId: string; ok: boolean; error?: { code: string } }) => [x.applicationId, x.ok, x.error?.code ?? null]), [
      [one.id, true, null], [two.id, true, null], [ruleFails.id, false, 'CONFLICT'], [forged, false, 'NOT_FOUND'], [draft.id, false, 'NOT_FOUND'],
    ]);
    assert.deepEqual([await statusOf(one.id), await statusOf(two.id), await statusOf(ruleFails.id)], ['eligible', 'eligible', 'submitted']);
    assert.equal((await p.client.get('/api/notifications')).json().items[0].kind, 'screening.passed');
    const replay = (await organizer.post(`/api/programs/${programId}/screening/bulk-pass`, { applicationIds: [one.id] })).json();
    assert.deepEqual([replay.passed, replay.results[0].error.code], [0, 'CONFLICT']);
    const t = await applicant();
    const three = await submittedApplication(t.client, programId, t.orgId, 'storage');
    const scoped = (await institution.post(`/api/programs/${programId}/screening/bulk-pass`, { applicationIds: [three.id] })).json();
    assert.deepEqual([scoped.passed, scoped.results[0].error.code], [0, 'NOT_FOUND'], 'not its track');
    assert.equal((await expert.post(`/api/programs/${programId}/screening/bulk-pass`, { applicationIds: [three.id] })).statusCode, 403);
    assert.equal((await organizer.post(`/api/programs/${programId}/screening/bulk-pass`, { applicationIds: [] })).statusCode, 400);
    assert.equal(await statusOf(three.id), 'submitted');
  });

  test('an extension lets a late submit through, and is in the audit log; organizers only', async () => {
    const a = await applicant();
    const late = await completeDraft(a.client, programId, a.orgId, 'green');
    const realNow = h.deps.now;
    h.deps.now = () => realNow() + 11 * DAY;
    try {
      assert.equal((await a.client.post(`/api/applications/${late.id}/submit`, { baseRevision: late.revision })).json().error.code, 'DEADLINE_PASSED');
      const until = formatShanghai(h.deps.now() + DAY, false);
      const body = { until, reason: '申报系统故障，延期一天' };
      assert.equal((await institution.post(`/api/applications/${late.id}/deadline`, body)).statusCode, 404, 'a draft is not the institution’s to see');
      assert.equal((await a.client.post(`/api/applications/${late.id}/deadline`, body)).statusCode, 403, 'not by the applicant');
      assert.equal((await organizer.post(`/api/applications/${late.id}/deadline`, { ...body, until: '2020-01-01' })).statusCode, 400, 'in the past');
      const extended = await organizer.post(`/api/applications/${late.id}/deadline`, body);
      assert.equal(extended.statusCode, 200, extended.body);
      assert.equal(formatShanghai(extended.json().deadline), `${formatShanghai(h.deps.now() + 2 * DAY, false)} 00:00`, 'to the end of that day');
      const submitted = await a.client.post(`/api/applications/${late.id}/submit`, { baseRevision: late.revision });
      assert.equal(submitted.json().status, 'submitted', submitted.body);
      const audit = (await listAuditForEntity(h.deps.db, 'application', late.id)).find((r) => r.action === 'application.extend_deadline')!;
      assert.equal(JSON.parse(audit.before_json!).deadlineOverride, null);
      assert.deepEqual([JSON.parse(audit.after_json!).deadlineOverride, JSON.parse(audit.after_json!).reason], [extended.json().deadline, body.reason]);

      // Returning after the call closed: the organizer gives a new deadline with the return.
      const v = (await institution.get(`/api/applications/${late.id}/screening`)).json();
      const ret = { outcome: 'return', baseRevision: v.revision, comments: '请补充营业执照副本', resubmitBy: formatShanghai(h.deps.now() + 5 * DAY, false) };
      assert.equal((await institution.post(`/api/applications/${late.id}/screening/decision`, ret)).statusCode, 403, 'a new deadline is an extension');
      assert.equal(await statusOf(late.id), 'submitted');
      assert.equal((await organizer.post(`/api/applications/${late.id}/screening/decision`, ret)).json().status, 'returned');
      assert.equal((await a.client.get(`/api/applications/${late.id}`)).json().canEdit, true);
    } finally {
      h.deps.now = realNow;
    }
  });

  test("a recommending unit's deadline: the recommendation phase's end, extended per unit (audited)", async () => {
    const deadlines = (await organizer.get(`/api/programs/${programId}/deadlines`)).json();
    assert.equal(deadlines.recommendationClosesAt, deadlines.callClosesAt, 'no recommendation phase: the call’s end');
    assert.deepEqual(deadlines.units, []);
    const unitId = (await insertTestUnit(h, programId, '测试推荐单位')) ?? 'unit-without-a-units-table';
    const body = { until: formatShanghai(h.deps.now() + 20 * DAY, false), reason: '该单位材料盖章延误' };
    assert.equal((await institution.post(`/api/programs/${programId}/units/${unitId}/deadline`, body)).statusCode, 403);
    const r = await organizer.post(`/api/programs/${programId}/units/${unitId}/deadline`, body);
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual((await organizer.get(`/api/programs/${programId}/deadlines`)).json().units, [{ unitId, until: r.json().deadline }]);
    const audit = await listAuditForEntity(h.deps.db, 'recommending_unit', unitId);
    assert.deepEqual(audit.map((x) => x.action), ['unit.extend_deadline']);
    assert.equal(JSON.parse(audit[0].before_json!).until, null);
    const removed = await organizer.post(`/api/programs/${programId}/units/${unitId}/deadline`, { until: null, reason: '撤销延期' });
    assert.deepEqual(removed.json(), { deadline: deadlines.recommendationClosesAt, override: null });
    if (unitId !== 'unit-without-a-units-table') {
      assert.equal((await organizer.post(`/api/programs/${programId}/units/forged-unit/deadline`, body)).statusCode, 404);
    }
    assert.equal((await expert.get(`/api/programs/${programId}/deadlines`)).statusCode, 403);
  });
});
