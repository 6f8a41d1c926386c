import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProgramDefinitionInput } from '@lvping/domain';
import { describeEachEngine } from './support/engines.ts';
import { solveAssignment } from './support/jobs.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { createProgram, setProgramStatus } from '../src/features/programs/program.service.ts';
import type { Actor } from '../src/context.ts';
import { actorOf, applicantWithOrg } from './support/journey.ts';
import { creditCode, submittedApplication, withRole } from './support/screening.ts';
import { acceptedExpertsFor } from './support/review.ts';
import { testProgram } from './support/program-fixture.ts';
import { applicantAccount, openRecProgram, recProgram, stampedPage, submittedCandidate, unitIds, unitMember } from './support/recommendation-fixture.ts';
import { startSmtpServer } from './support/smtp.ts';

// Decisions and committee approval on both engines: a program through its one (final) round,
// tiers proposed from the ranking (a tier without a count blocks until the organizer gives one),
// a change against the proposal needs its reason, the list goes to the committee (only its
// members may act), a member proposes changes and the list comes back, the organizer adjusts
// and resubmits, two approvals approve it: candidates, the webhook, the audit and the record of
// who approved what and when. Then 河南's 优秀组织奖 by rule, and by hand with a reason.

function decisionProgram(slug: string, now: number): ProgramDefinitionInput {
  const def = testProgram(slug, now);
  def.tracks[0].awardTiers = [{ id: 'first', name: '一等奖', count: 1 }, { id: 'second', name: '二等奖' }, { id: 'excellent', name: '优秀奖' }];
  def.review = {
    reviewsPerApplication: 2,
    rubrics: [{
      id: 'r', name: '评分标准', gates: [{ id: 'faren', name: '具有独立法人资格' }],
      criteria: [{ id: 'tech', name: '技术先进性', weight: 60, max: 10 }, { id: 'benefit', name: '减排效果', weight: 40, max: 10 }],
    }],
    rounds: [{ id: 'final', phase: 'review', rubric: 'r' }],
  };
  def.decision = { approval: { by: 'committee', name: '评选顾问委员会审议', approvalsRequired: 2 } };
  return def;
}

type Item = { applicationId: string; rank: number | null; proposedTierId: string | null; tierId: string | null; reason: string | null; decided: boolean; needsReason: boolean; excludedBy: unknown; why: { 'zh-CN': string } | null; pAbove: number | null; score: number | null };

describeEachEngine('decisions and committee approval', (engine) => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let admin: Client;
  let adminActor: Actor;
  let programId: string;
  const apps: string[] = [];
  let members: Client[];
  let outsider: Client;
  const url = (p = '') => `/api/programs/${programId}/decisions${p}`;
  const committee = (p = '') => `/api/committee/programs/${programId}${p}`;
  const items = async (): Promise<Item[]> => {
    const r = await admin.get(url());
    assert.equal(r.statusCode, 200, r.body);
    return r.json().tracks[0].items;
  };
  const byApp = (list: Item[], i: number) => list.find((x) => x.applicationId === apps[i])!;

  before(async () => {
    smtp = await startSmtpServer();
    h = await startHarness(engine, { smtpUrl: smtp.url });
    const first = (await ensureFirstAdmin(h.deps))!;
    admin = h.client();
    await admin.login(first.email, first.password);
    adminActor = await actorOf(h, admin);
    const created = await createProgram(h.deps, adminActor, { from: 'text', format: 'json', text: JSON.stringify(decisionProgram('decisions-test', h.deps.now())) });
    programId = (await setProgramStatus(h.deps, adminActor, created.id, 'open')).id;
    await h.deps.db.insertInto('webhook_endpoints').values({ id: 'hook1', program_id: programId, url: 'https://example.com/hook', secret: 's', events_json: JSON.stringify(['outcome.decided']), active: 1, created_by: adminActor.userId, created_at: Date.now() }).execute();
    for (let i = 0; i < 4; i++) {
      const a = await applicantWithOrg(h, `dapplicant${i}@example.com`, creditCode(700 + i));
      const app = await submittedApplication(a.client, programId, a.orgId, 'green', { projectName: `项目${i}` });
      const pass = await admin.post(`/api/applications/${app.id}/screening/decision`, { outcome: 'pass', baseRevision: app.revision });
      assert.equal(pass.statusCode, 200, pass.body);
      apps.push(app.id);
    }
    const experts = await acceptedExpertsFor(h, admin, smtp, programId, [
      { name: '专家甲', orgName: '清华大学', keywords: ['余热'], bio: '余热回收。' },
      { name: '专家乙', orgName: '同济大学', keywords: ['储能'], bio: '储能。' },
      { name: '专家丙', orgName: '浙江大学', keywords: ['光伏'], bio: '光伏。' },
    ], 'dexpert');
    await solveAssignment(h, admin, programId, { loadCost: 0 });
    assert.equal((await admin.post(`/api/programs/${programId}/assignment/publish`, {})).statusCode, 200);
    // Every expert scores alike: totals 94, 82, 50; the fourth fails the gate with both reviewers.
    const scores = [[9, 10], [7, 10], [5, 5]];
    for (const e of experts) {
      for (const item of (await e.client.get('/api/review-assignments/mine')).json().items as { id: string; applicationId: string }[]) {
        await e.client.post(`/api/review-assignments/${item.id}/confirm`, {});
        const i = apps.indexOf(item.applicationId);
        const sheetUrl = `/api/review-assignments/${item.id}/sheet`;
        const cur = (await e.client.get(sheetUrl)).json();
        const sheet = i === 3
          ? { gates: { faren: { pass: false, note: '分公司' } }, overallComment: '不满足基本要求' }
          : { scores: { tech: scores[i][0], benefit: scores[i][1] }, gates: { faren: { pass: true } }, overallComment: '评语' };
        const saved = await e.client.put(sheetUrl, { sheet, baseRevision: cur.revision });
        assert.equal(saved.statusCode, 200, saved.body);
        const done = await e.client.post(`${sheetUrl}/submit`, { baseRevision: saved.json().revision });
        assert.equal(done.statusCode, 200, done.body);
      }
    }
    members = [await withRole(h, adminActor, 'dcommittee0@example.com', 'committee', programId), await withRole(h, adminActor, 'dcommittee1@example.com', 'committee', programId)];
    outsider = await withRole(h, adminActor, 'dexpertonly@example.com', 'expert', programId);
  });
  after(async () => {
    await h.close();
    await smtp.close();
  });

  test('the view lists the last round’s ranking with the proposal; nothing is decided yet and only the organizer may see it', async () => {
    const view = (await admin.get(url())).json();
    assert.equal(view.status, 'deciding');
    assert.equal(view.round.roundId, 'final');
    assert.deepEqual(view.approval, { by: 'committee', name: '评选顾问委员会审议', approvalsRequired: 2, approvals: 0 });
    const list: Item[] = view.tracks[0].items;
    assert.deepEqual([0, 1, 2, 3].map((i) => byApp(list, i).rank), [1, 2, 3, null]);
    assert.deepEqual([0, 1, 2].map((i) => byApp(list, i).score), [94, 82, 50]);
    assert.ok(byApp(list, 3).excludedBy, 'a failed gate is listed, not ranked');
    assert.equal(byApp(list, 3).proposedTierId, null);
    assert.ok(list.every((i) => !i.decided));
    assert.match(view.blockers[0]['zh-CN'], /尚未按排名生成/);
    for (const c of [members[0], outsider]) assert.equal((await c.get(url())).statusCode, 403);
    assert.equal((await admin.post(url('/submit'), {})).statusCode, 409, 'nothing to submit yet');
  });

  test('propose: a middle tier without a count takes none and blocks; counts from the organizer fix it', async () => {
    const r = await admin.post(url('/tracks/green/propose'), {});
    assert.equal(r.statusCode, 200, r.body);
    const track = r.json().tracks[0];
    assert.deepEqual(track.tiers.map((t: { id: string; needsCount: boolean; proposed: number }) => [t.id, t.needsCount, t.proposed]), [['first', false, 1], ['second', true, 0], ['excellent', false, 2]]);
    assert.match(track.problems[0]['zh-CN'], /“二等奖”未设名额或分数线/);
    const refused = await admin.post(url('/submit'), {});
    assert.equal(refused.statusCode, 409);
    assert.match(refused.json().error.message['zh-CN'], /“二等奖”未设名额/);

    const bad = await admin.post(url('/tracks/green/propose'), { counts: { nope: 1 } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.fields[0].path, 'counts.nope');
    assert.equal((await admin.post(url('/tracks/green/propose'), { counts: { second: -1 } })).statusCode, 400);
    assert.equal((await admin.post(url('/tracks/nope/propose'), {})).statusCode, 404);
    assert.equal((await members[0].post(url('/tracks/green/propose'), {})).statusCode, 403, 'a committee member does not decide the list');

    const ok = await admin.post(url('/tracks/green/propose'), { counts: { second: 1 } });
    assert.equal(ok.statusCode, 200, ok.body);
    const tiers = ok.json().tracks[0].tiers;
    assert.deepEqual(tiers.map((t: { id: string; count: number | null; definedCount: number | null }) => [t.id, t.count, t.definedCount]), [['first', 1, 1], ['second', 1, null], ['excellent', null, null]]);
    const list = ok.json().tracks[0].items as Item[];
    assert.deepEqual([0, 1, 2, 3].map((i) => [byApp(list, i).proposedTierId, byApp(list, i).tierId, byApp(list, i).decided]), [['first', 'first', true], ['second', 'second', true], ['excellent', 'excellent', true], [null, null, true]]);
    assert.match(byApp(list, 1).why!['zh-CN'], /第 2 名，在“二等奖”的 1 个名额内/);
    // The last round has no cut of its own: P(above) is against the last tiered place.
    assert.ok(list.filter((i) => i.rank !== null).every((i) => i.pAbove === null || (i.pAbove >= 0 && i.pAbove <= 1)));
    assert.deepEqual(ok.json().blockers, []);
    const stored = await h.deps.db.selectFrom('decision_tier_counts').selectAll().where('program_id', '=', programId).execute();
    assert.deepEqual(stored.map((s) => [s.tier_id, s.count]), [['second', 1]]);
  });

  test('a change against the proposal needs a reason (field error, nothing changed); an unknown tier is refused', async () => {
    const noReason = await admin.put(url(`/applications/${apps[2]}`), { tierId: 'second' });
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.json().error.fields[0].path, 'reason');
    assert.match(noReason.json().error.fields[0].message['zh-CN'], /请填写理由/);
    assert.equal(byApp(await items(), 2).tierId, 'excellent', 'unchanged');
    const unknown = await admin.put(url(`/applications/${apps[2]}`), { tierId: 'gold', reason: '理由充分' });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().error.fields[0].path, 'tierId');
    assert.equal((await admin.put(url('/applications/ghost'), { tierId: null, reason: '不存在' })).statusCode, 404);
    assert.equal((await outsider.put(url(`/applications/${apps[2]}`), { tierId: 'second', reason: '越权' })).statusCode, 403);
    const ok = await admin.put(url(`/applications/${apps[2]}`), { tierId: 'second', reason: '现场考察表现突出，专家组建议提升' });
    assert.equal(ok.statusCode, 200, ok.body);
    const it = byApp(ok.json().tracks[0].items, 2);
    assert.deepEqual([it.tierId, it.proposedTierId, it.reason, it.needsReason], ['second', 'excellent', '现场考察表现突出，专家组建议提升', false]);
    const audit = await h.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'decision.set').execute();
    assert.equal(audit.length, 1);
    assert.match(audit[0].after_json ?? '', /现场考察表现突出/);
  });

  test('the committee: only members, only once submitted; proposing changes sends the list back', async () => {
    assert.equal((await outsider.get(committee())).statusCode, 403);
    assert.equal((await admin.get(committee())).statusCode, 403, 'the organizer is not a member');
    const early = (await members[0].get(committee())).json();
    assert.deepEqual([early.open, early.tracks.length, early.program.awaitingMe], [false, 0, false]);
    assert.equal((await members[0].post(committee('/approve'), {})).statusCode, 409, 'not with the committee yet');

    const sent = await admin.post(url('/submit'), {});
    assert.equal(sent.statusCode, 200, sent.body);
    assert.deepEqual(sent.json(), { status: 'with_committee', submission: 1 });
    assert.equal((await admin.put(url(`/applications/${apps[2]}`), { tierId: 'excellent' })).statusCode, 409, 'not editable while with the committee');
    assert.equal((await admin.post(url('/submit'), {})).statusCode, 409);

    const mine = (await members[0].get('/api/committee/programs')).json().items;
    assert.deepEqual(mine.map((p: { programId: string; awaitingMe: boolean }) => [p.programId, p.awaitingMe]), [[programId, true]]);
    assert.ok((await members[0].get('/api/notifications')).json().items.some((n: { title: string }) => /待审定/.test(n.title)));
    const list = (await members[0].get(committee())).json();
    assert.equal(list.open, true);
    const seen = byApp(list.tracks[0].items, 2);
    assert.deepEqual([seen.tierId, seen.reason, seen.score], ['second', '现场考察表现突出，专家组建议提升', 50]);
    assert.equal((await outsider.post(committee('/approve'), {})).statusCode, 403);
    assert.equal((await outsider.post(committee('/changes'), { items: [] , body: '越权意见' })).statusCode, 403);

    const comment = await members[1].post(committee('/comments'), { applicationId: apps[0], body: '一等奖无异议' });
    assert.equal(comment.statusCode, 200, comment.body);
    assert.equal((await members[1].post(committee('/comments'), { body: ' ' })).statusCode, 400);
    const badChange = await members[0].post(committee('/changes'), { items: [{ applicationId: apps[2], proposedTierId: 'gold', reason: '建议' }] });
    assert.equal(badChange.statusCode, 400);
    assert.equal(badChange.json().error.fields[0].path, 'items.0.proposedTierId');
    assert.equal((await members[0].post(committee('/changes'), { items: [{ applicationId: apps[2], proposedTierId: 'excellent', reason: '' }] })).statusCode, 400);
    const changes = await members[0].post(committee('/changes'), { body: '请复核二等奖', items: [{ applicationId: apps[2], proposedTierId: 'excellent', reason: '得分明显低于第二名，提升依据不足' }] });
    assert.equal(changes.statusCode, 200, changes.body);
    assert.equal(changes.json().status, 'deciding');
    assert.equal((await members[1].post(committee('/approve'), {})).statusCode, 409, 'back with the organizer');

    const view = (await admin.get(url())).json();
    assert.equal(view.status, 'deciding');
    const proposal = view.committee.find((c: { verdict: string; applicationId: string | null }) => c.verdict === 'changes' && c.applicationId === apps[2]);
    assert.deepEqual([proposal.proposedTierId, proposal.body, proposal.submission, proposal.userName], ['excellent', '得分明显低于第二名，提升依据不足', 1, 'dcommittee0']);
    assert.ok(view.committee.some((c: { verdict: string; body: string }) => c.verdict === 'comment' && c.body === '一等奖无异议'));
  });

  test('the organizer adjusts and resubmits; a member approves once; the second approval approves: candidates, webhook, audit', async () => {
    const back = await admin.put(url(`/applications/${apps[2]}`), { tierId: 'excellent' });
    assert.equal(back.statusCode, 200, back.body);
    assert.deepEqual([byApp(back.json().tracks[0].items, 2).tierId, byApp(back.json().tracks[0].items, 2).reason], ['excellent', null], 'as proposed: no reason needed');
    assert.deepEqual((await admin.post(url('/submit'), {})).json(), { status: 'with_committee', submission: 2 });

    const one = await members[0].post(committee('/approve'), { body: '同意' });
    assert.equal(one.statusCode, 200, one.body);
    assert.deepEqual(one.json(), { status: 'with_committee', submission: 2, approvals: 1 });
    const again = await members[0].post(committee('/approve'), {});
    assert.equal(again.statusCode, 409);
    assert.match(again.json().error.message['zh-CN'], /已审定/);
    assert.equal((await members[0].get('/api/committee/programs')).json().items[0].awaitingMe, false);
    const two = await members[1].post(committee('/approve'), {});
    assert.equal(two.statusCode, 200, two.body);
    assert.deepEqual(two.json(), { status: 'approved', submission: 2, approvals: 2 });

    const outcome = await h.deps.db.selectFrom('program_outcomes').selectAll().where('program_id', '=', programId).executeTakeFirstOrThrow();
    assert.equal(outcome.status, 'approved');
    assert.ok(outcome.approved_at && outcome.approved_at > 0);
    const statuses = new Map((await h.deps.db.selectFrom('applications').select(['id', 'status']).where('program_id', '=', programId).execute()).map((a) => [a.id, a.status]));
    assert.deepEqual(apps.map((id) => statuses.get(id)), ['candidate', 'candidate', 'candidate', 'in_review']);
    const events = await h.deps.db.selectFrom('application_events').selectAll().where('application_id', '=', apps[0]).where('status', '=', 'candidate').execute();
    assert.equal(events[0].note, '拟入选：一等奖');

    const reviews = await h.deps.db.selectFrom('committee_reviews').selectAll().where('program_id', '=', programId).orderBy('created_at').orderBy('verdict').execute();
    const approvals = reviews.filter((r) => r.verdict === 'approve');
    const users = await Promise.all(members.map((m) => actorOf(h, m)));
    assert.deepEqual(approvals.map((r) => [r.submission, r.user_id]).sort(), users.map((u) => [2, u.userId]).sort());
    assert.ok(approvals.every((r) => r.created_at > 0));
    assert.deepEqual(reviews.filter((r) => r.verdict === 'changes').map((r) => r.submission), [1, 1]);

    const actions = (await h.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', programId).execute()).map((a) => a.action);
    for (const a of ['decision.propose', 'outcome.submit', 'outcome.propose_changes', 'committee.comment', 'committee.approve', 'outcome.approve', 'decision.approved']) assert.ok(actions.includes(a), `${a} in ${actions.join(',')}`);
    assert.equal(actions.filter((a) => a === 'outcome.submit').length, 2);
    assert.equal(actions.filter((a) => a === 'committee.approve').length, 2);

    const [delivery] = await h.deps.db.selectFrom('webhook_deliveries').selectAll().where('program_id', '=', programId).execute();
    assert.equal(delivery.event, 'outcome.decided');
    const payload = JSON.parse(delivery.payload_json);
    assert.equal(payload.data.status, 'approved');
    assert.deepEqual(payload.data.decisions.map((d: { applicationId: string; tierId: string }) => [d.applicationId, d.tierId]).sort(), [[apps[0], 'first'], [apps[1], 'second'], [apps[2], 'excellent']].sort());

    // Approved: the organizer can no longer change a decision, only reopen with a reason.
    assert.equal((await admin.put(url(`/applications/${apps[1]}`), { tierId: 'first', reason: '调整' })).statusCode, 409);
    assert.equal((await admin.post(url('/finalize'), {})).statusCode, 409, 'this program needs its committee');
    const noReason = await admin.post(url('/reopen'), {});
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.json().error.fields[0].path, 'reason');
    const reopened = await admin.post(url('/reopen'), { reason: '发现材料问题，重新拟定' });
    assert.equal(reopened.statusCode, 200, reopened.body);
    assert.equal(reopened.json().status, 'deciding');
    const after = await h.deps.db.selectFrom('applications').select(['id', 'status']).where('id', '=', apps[0]).executeTakeFirstOrThrow();
    assert.equal(after.status, 'advanced', 'off the candidate list again');
  });
});

describeEachEngine('program awards: 优秀组织奖 for units in every recommended track', (engine) => {
  let h: Harness;
  let admin: Client;
  let programId: string;
  let units: Record<string, string>;

  before(async () => {
    h = await startHarness(engine);
    const first = (await ensureFirstAdmin(h.deps))!;
    admin = h.client();
    await admin.login(first.email, first.password);
    const adminActor = await actorOf(h, admin);
    const def = recProgram('awards-test', h.deps.now());
    def.programAwards = [
      { id: 'youxiu-zuzhi', name: '优秀组织奖', rule: { kind: 'unitsInEveryTrack', stage: 'screened' } },
      { id: 'zuijia', name: '最佳组织单位', rule: { kind: 'manual' } },
    ];
    def.decision = { approval: { by: 'none' } };
    programId = await openRecProgram(h, adminActor, def);
    units = await unitIds(admin, programId);
    const applicant = await applicantAccount(h, 'awards-applicant@example.com');
    // 甲 enters both recommended tracks and passes screening in both; 乙 only one; 丙's second is endorsed but fails screening.
    const plan: [string, string, boolean][] = [['甲单位', 'rec', true], ['甲单位', 'rec2', true], ['乙单位', 'rec', true], ['丙单位', 'rec', true], ['丙单位', 'rec2', false]];
    const memberOf = new Map<string, Client>();
    for (const [i, [unit, track, pass]] of plan.entries()) {
      const appId = await submittedCandidate(h, applicant.actor, programId, track, units[unit], 900 + i);
      if (!memberOf.has(unit)) memberOf.set(unit, (await unitMember(h, `awards-${i}@example.com`, units[unit], programId)).client);
      const m = memberOf.get(unit)!;
      const endorsed = await m.post(`/api/recommendation/candidates/${appId}/endorse`, { opinion: '同意推荐', stampedFileId: await stampedPage(m, appId) });
      assert.equal(endorsed.statusCode, 200, endorsed.body);
      const { revision } = await h.deps.db.selectFrom('applications').select('revision').where('id', '=', appId).executeTakeFirstOrThrow();
      const screened = await admin.post(`/api/applications/${appId}/screening/decision`, pass ? { outcome: 'pass', baseRevision: revision } : { outcome: 'fail', baseRevision: revision, reason: '不符合申报条件要求' });
      assert.equal(screened.statusCode, 200, screened.body);
    }
  });
  after(async () => {
    await h.close();
  });

  test('the rule gives 甲 alone, with why; computing writes it by rule; a manual award needs a reason', async () => {
    const view = (await admin.get(`/api/programs/${programId}/decisions`)).json();
    const award = view.awards.find((a: { awardId: string }) => a.awardId === 'youxiu-zuzhi');
    assert.deepEqual(award.byRule.map((w: { unitName: string }) => w.unitName), ['甲单位']);
    assert.match(award.byRule[0].why['zh-CN'], /全部 2 个赛道（推荐赛道、第二推荐赛道）均有通过初筛的项目/);
    assert.deepEqual(award.winners, []);
    const computed = await admin.post(`/api/programs/${programId}/decisions/awards/youxiu-zuzhi/compute`, {});
    assert.equal(computed.statusCode, 200, computed.body);
    const rows = await h.deps.db.selectFrom('program_award_winners').selectAll().where('program_id', '=', programId).execute();
    assert.deepEqual(rows.map((r) => [r.award_id, r.unit_name, r.by_rule]), [['youxiu-zuzhi', '甲单位', 1]]);
    assert.equal((await admin.post(`/api/programs/${programId}/decisions/awards/zuijia/compute`, {})).statusCode, 400, 'a manual award has no rule');
    assert.equal((await admin.post(`/api/programs/${programId}/decisions/awards/nope/compute`, {})).statusCode, 404);

    const noReason = await admin.post(`/api/programs/${programId}/decisions/awards/zuijia/winners`, { unitId: units['乙单位'] });
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.json().error.fields[0].path, 'reason');
    const stranger = await admin.post(`/api/programs/${programId}/decisions/awards/zuijia/winners`, { unitId: 'ghost', reason: '组织有力' });
    assert.equal(stranger.json().error.fields[0].path, 'unitId');
    const added = await admin.post(`/api/programs/${programId}/decisions/awards/zuijia/winners`, { unitId: units['乙单位'], reason: '组织申报数量最多' });
    assert.equal(added.statusCode, 200, added.body);
    const zuijia = added.json().awards.find((a: { awardId: string }) => a.awardId === 'zuijia');
    assert.deepEqual(zuijia.winners.map((w: { unitName: string; byRule: boolean; reason: string }) => [w.unitName, w.byRule, w.reason]), [['乙单位', false, '组织申报数量最多']]);
    assert.equal((await admin.post(`/api/programs/${programId}/decisions/awards/zuijia/winners`, { unitId: units['乙单位'], reason: '再次' })).statusCode, 409);
    assert.equal((await admin.post(`/api/programs/${programId}/decisions/awards/zuijia/winners/${units['乙单位']}/remove`, {})).statusCode, 400);
    const removed = await admin.post(`/api/programs/${programId}/decisions/awards/zuijia/winners/${units['乙单位']}/remove`, { reason: '复核后撤销' });
    assert.equal(removed.statusCode, 200, removed.body);
    const actions = (await h.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', programId).execute()).map((a) => a.action);
    for (const a of ['program_award.compute', 'program_award.add', 'program_award.remove']) assert.ok(actions.includes(a), a);
  });

  test('without a committee the organizer finalizes (submit is refused); then awards are frozen', async () => {
    const proposed = await admin.post(`/api/programs/${programId}/decisions/tracks/rec/propose`, {});
    assert.equal(proposed.statusCode, 200, proposed.body);
    assert.ok(proposed.json().tracks[0].items.every((i: { excludedBy: unknown; tierId: string | null }) => i.excludedBy && i.tierId === null), 'unscored: listed, not tiered');
    const submit = await admin.post(`/api/programs/${programId}/decisions/submit`, {});
    assert.equal(submit.statusCode, 409);
    assert.match(submit.json().error.message['zh-CN'], /不需要委员会审定/);
    const done = await admin.post(`/api/programs/${programId}/decisions/finalize`, {});
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().status, 'approved');
    const actions = (await h.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', programId).execute()).map((a) => a.action);
    assert.ok(actions.includes('outcome.finalize') && actions.includes('decision.approved'));
    assert.equal((await admin.post(`/api/programs/${programId}/decisions/awards/youxiu-zuzhi/compute`, {})).statusCode, 409);
  });
});
