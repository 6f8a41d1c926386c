import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { actorOf, applicantWithOrg } from './support/journey.ts';
import { startSmtpServer } from './support/smtp.ts';
import { decodeMail } from './support/smtp.ts';
import { answersWith, creditCode, openScreeningProgram, submittedApplication, withRole } from './support/screening.ts';
import type { Actor } from '../src/context.ts';

// 初筛 end to end on both engines: rules and checklist, failing with a reason that stays hidden
// until released, returning for revision and comparing versions, notices in the app and by mail.

describeEachEngine('screening: rules, checklist, decisions, versions, notices', (engine) => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let admin: Actor;
  let programId: string;
  let organizer: Client;
  let institution: Client;

  before(async () => {
    smtp = await startSmtpServer();
    h = await startHarness(engine, { smtpUrl: smtp.url });
    const first = (await ensureFirstAdmin(h.deps))!;
    const ac = h.client();
    await ac.login(first.email, first.password);
    admin = await actorOf(h, ac);
    programId = await openScreeningProgram(h, admin, 'screening');
    organizer = await withRole(h, admin, 'organizer@example.com', 'organizer', programId);
    // 初评机构 of the 'green' track only.
    institution = await withRole(h, admin, 'institution@example.com', 'review_institution', programId, 'green');
  });
  after(async () => {
    await h.close();
    await smtp.close();
  });

  const mailsTo = (email: string, containing: string) => smtp.mails.filter((m) => m.to.includes(email)).map((m) => decodeMail(m.raw)).filter((m) => m.text.includes(containing));
  const waitForMail = async (email: string, containing: string) => {
    for (let i = 0; i < 200; i++) {
      const found = mailsTo(email, containing);
      if (found.length) return found[0];
      await new Promise((r) => setTimeout(r, 25));
    }
    assert.fail(`no mail to ${email} containing ${containing}`);
  };
  const decide = (c: Client, id: string, body: Record<string, unknown>) => c.post(`/api/applications/${id}/screening/decision`, body);

  test('the screener sees each rule with its reason and works the checklist, saved as they go', async () => {
    const a = await applicantWithOrg(h, 'rules@example.com', creditCode(1), '440305');
    const app = await submittedApplication(a.client, programId, a.orgId, 'green', { revenue: 50 });
    const view = (await organizer.get(`/api/applications/${app.id}/screening`)).json();
    assert.equal(view.status, 'submitted');
    assert.deepEqual([view.versionNo, view.versionCount, view.canDecide], [1, 1, true]);
    assert.deepEqual(view.rules.map((r: { ruleId: string; status: string; value: string }) => [r.ruleId, r.status, r.value]), [['revenue-100', 'fail', '50 万元'], ['beijing', 'fail', '440305']]);
    assert.equal(view.rules[0].reason['zh-CN'], '不符合：上年度营业收入不低于100万元');
    assert.equal(view.rules[0].reason.en, 'Not met: Revenue of at least 1 million yuan');
    assert.deepEqual(view.ruleSummary, { pass: 0, fail: 2, unknown: 0 });
    assert.deepEqual(view.checklist.map((i: { id: string; checked: unknown }) => [i.id, i.checked]), [['license-valid', null], ['green-field', null]]);

    const tick = await organizer.put(`/api/applications/${app.id}/screening/checklist/license-valid`, { checked: true });
    assert.equal(tick.statusCode, 200, tick.body);
    assert.equal(tick.json().checklist[0].updatedBy, 'organizer');
    // Two screeners at once on different items: both marks stay.
    const [x, y] = await Promise.all([
      institution.put(`/api/applications/${app.id}/screening/checklist/green-field`, { checked: false, note: '项目偏离绿色低碳领域' }),
      organizer.put(`/api/applications/${app.id}/screening/checklist/license-valid`, { checked: true, note: '已核对' }),
    ]);
    assert.deepEqual([x.statusCode, y.statusCode], [200, 200]);
    const again = (await institution.get(`/api/applications/${app.id}/screening`)).json();
    assert.deepEqual(again.checklist.map((i: { checked: unknown; note: string }) => [i.checked, i.note]), [[true, '已核对'], [false, '项目偏离绿色低碳领域']]);
    assert.equal((await organizer.put(`/api/applications/${app.id}/screening/checklist/forged`, { checked: true })).statusCode, 404);

    const queue = (await organizer.get(`/api/programs/${programId}/screening/queue?trackId=green`)).json();
    assert.equal(queue.screenableStatus, 'submitted');
    const item = queue.items.find((i: { id: string }) => i.id === app.id);
    assert.deepEqual([item.ruleSummary.fail, item.checklist.checked, item.checklist.total], [2, 1, 2]);
  });

  test('ineligible needs a reason; the applicant reads it only once the organizer releases it', async () => {
    const email = 'fail@example.com';
    const a = await applicantWithOrg(h, email, creditCode(2), '440305');
    const app = await submittedApplication(a.client, programId, a.orgId, 'green', { revenue: 10 });
    const rev = (await organizer.get(`/api/applications/${app.id}/screening`)).json().revision;
    const noReason = await decide(organizer, app.id, { outcome: 'fail', baseRevision: rev });
    assert.equal(noReason.statusCode, 400);
    assert.deepEqual(noReason.json().error.fields.map((f: { path: string }) => f.path), ['reason']);
    assert.equal((await decide(organizer, app.id, { outcome: 'fail', baseRevision: rev, reason: '不符合 ' })).statusCode, 400, 'under 5 characters');
    const passAnyway = await decide(organizer, app.id, { outcome: 'pass', baseRevision: rev });
    assert.equal(passAnyway.json().error.fields[0].path, 'note', 'passing over a failed rule needs a word why');
    const reason = '注册地不在北京市，且上年度营业收入低于100万元';
    const failed = await decide(institution, app.id, { outcome: 'fail', baseRevision: rev, reason });
    assert.equal(failed.statusCode, 200, failed.body);
    assert.deepEqual([failed.json().status, failed.json().current.outcome, failed.json().canDecide], ['ineligible', 'fail', false]);
    assert.equal((await decide(institution, app.id, { outcome: 'fail', baseRevision: rev, reason })).statusCode, 409, 'a replay changes nothing');

    // Hidden until released: not in the feedback, the timeline, the versions or the notices.
    const detail = await a.client.get(`/api/applications/${app.id}`);
    assert.equal(detail.json().status, 'ineligible');
    assert.equal(detail.body.includes('营业收入低于'), false);
    assert.deepEqual((await a.client.get(`/api/applications/${app.id}/screening/feedback`)).json(), { items: [], awaitingRelease: true });
    assert.equal((await a.client.get(`/api/applications/${app.id}/versions`)).json().items[0].outcome, null);
    assert.equal((await a.client.get('/api/notifications')).json().items.length, 0);

    assert.equal((await institution.post(`/api/programs/${programId}/screening/release`, { trackId: 'green' })).statusCode, 403, 'organizers release');
    const released = await organizer.post(`/api/programs/${programId}/screening/release`, { applicationIds: [app.id] });
    assert.deepEqual(released.json(), { released: 1, applicationIds: [app.id] });
    assert.equal((await organizer.post(`/api/programs/${programId}/screening/release`, { applicationIds: [app.id] })).json().released, 0, 'once');

    const feedback = (await a.client.get(`/api/applications/${app.id}/screening/feedback`)).json();
    assert.equal(feedback.items[0].message, reason);
    assert.deepEqual(feedback.items[0].failedRules.map((r: { description: string }) => r.description), ['上年度营业收入不低于100万元', '申报单位注册地在北京市']);
    const notes = (await a.client.get('/api/notifications')).json();
    assert.deepEqual([notes.unread, notes.items.length, notes.items[0].kind, notes.items[0].link], [1, 1, 'screening.ineligible', `/applications/${app.id}`]);
    assert.match(notes.items[0].body, /营业收入低于100万元/);
    const mail = await waitForMail(email, reason);
    assert.match(mail.subject, /未通过初筛/);
  });

  test('return with comments → the applicant edits and resubmits → two versions, a diff → pass', async () => {
    const email = 'return@example.com';
    const a = await applicantWithOrg(h, email, creditCode(3), '110105');
    const app = await submittedApplication(a.client, programId, a.orgId, 'green', { revenue: 80 });
    const v1 = (await institution.get(`/api/applications/${app.id}/screening`)).json();
    const comments = '请补充上年度审计报告，营业收入以审计报告为准';
    const returned = await decide(institution, app.id, { outcome: 'return', baseRevision: v1.revision, comments });
    assert.equal(returned.statusCode, 200, returned.body);
    assert.equal(returned.json().status, 'returned');
    assert.equal((await decide(institution, app.id, { outcome: 'return', baseRevision: v1.revision, comments: '再退回一次看看' })).statusCode, 409);
    assert.equal((await decide(institution, app.id, { outcome: 'return', baseRevision: v1.revision, comments, resubmitBy: '2099-12-31' })).statusCode, 409);

    const mine = (await a.client.get(`/api/applications/${app.id}`)).json();
    assert.deepEqual([mine.status, mine.canEdit, mine.timeline.at(-1).note], ['returned', true, comments], 'comments are the applicant’s to read at once');
    assert.equal((await a.client.get('/api/notifications/unread-count')).json().unread, 1);
    assert.match((await waitForMail(email, comments)).subject, /退回修改/);
    assert.deepEqual((await a.client.get(`/api/applications/${app.id}/screening/feedback`)).json().items.map((i: { outcome: string; message: string }) => [i.outcome, i.message]), [['return', comments]]);

    const saved = await a.client.put(`/api/applications/${app.id}/draft`, { answers: answersWith(app.license, { revenue: 150, summary: '工业余热回收利用，年节约标煤5000吨。' }), baseRevision: mine.revision });
    assert.equal(saved.statusCode, 200, saved.body);
    const resubmitted = await a.client.post(`/api/applications/${app.id}/submit`, { baseRevision: saved.json().revision });
    assert.equal(resubmitted.json().status, 'submitted');

    const versions = (await institution.get(`/api/applications/${app.id}/versions`)).json().items;
    assert.deepEqual(versions.map((v: { versionNo: number; outcome: string | null }) => [v.versionNo, v.outcome]), [[1, 'return'], [2, null]]);
    const diff = (await institution.get(`/api/applications/${app.id}/versions/compare?from=1&to=2`)).json();
    assert.deepEqual(diff.changes.map((c: { path: string; before: string; after: string }) => [c.path, c.before, c.after]), [
      ['basic.summary', '工业余热回收利用。', '工业余热回收利用，年节约标煤5000吨。'],
      ['basic.revenue', '80 万元', '150 万元'],
    ]);
    assert.equal((await institution.get(`/api/applications/${app.id}/versions/1`)).json().answers.basic.revenue, 80);
    assert.equal((await institution.get(`/api/applications/${app.id}/versions/compare?from=1&to=9`)).statusCode, 404);
    assert.equal((await a.client.get(`/api/applications/${app.id}/versions/compare?from=1&to=2`)).statusCode, 200, 'the applicant may compare too');

    const v2 = (await institution.get(`/api/applications/${app.id}/screening`)).json();
    assert.deepEqual([v2.versionNo, v2.current, v2.history.map((r: { outcome: string }) => r.outcome), v2.ruleSummary.fail], [2, null, ['return'], 0]);
    assert.deepEqual(v2.checklist.map((i: { checked: unknown }) => i.checked), [null, null], 'a new version is checked afresh');
    assert.equal((await decide(institution, app.id, { outcome: 'return', baseRevision: v1.revision, comments })).json().error.code, 'STALE_REVISION', 'the old return, replayed');
    const passed = await decide(institution, app.id, { outcome: 'pass', baseRevision: v2.revision });
    assert.equal(passed.json().status, 'eligible', passed.body);
    assert.equal((await decide(institution, app.id, { outcome: 'pass', baseRevision: v2.revision })).statusCode, 409);
    assert.match((await waitForMail(email, '已通过初筛')).subject, /通过初筛/);
    assert.deepEqual((await a.client.get('/api/notifications')).json().items.map((n: { kind: string }) => n.kind), ['screening.passed', 'screening.returned']);
  });

  test('notifications: mark one read, someone else’s is a 404, mark all read', async () => {
    const c = h.client();
    await c.login('return@example.com');
    const list = (await c.get('/api/notifications')).json();
    assert.equal(list.unread, 2);
    const [newest, older] = list.items;
    assert.deepEqual((await c.post(`/api/notifications/${older.id}/read`)).json(), { unread: 1 });
    assert.equal((await c.get('/api/notifications?unread=1')).json().items[0].id, newest.id);
    assert.equal((await organizer.post(`/api/notifications/${newest.id}/read`)).statusCode, 404);
    assert.equal((await c.post('/api/notifications/forged/read')).statusCode, 404);
    assert.deepEqual((await c.post('/api/notifications/read-all')).json(), { unread: 0 });
    assert.equal((await h.client().get('/api/notifications')).statusCode, 401);
  });
});
