import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { actorOf, applicantWithOrg } from './support/journey.ts';
import { creditCode, openScreeningProgram, submittedApplication } from './support/screening.ts';
import { mailText, startSmtpServer } from './support/smtp.ts';
import { acceptedExpertsFor } from './support/review.ts';
import { jobResult } from './support/jobs.ts';

// Review assignment end to end on both engines: experts from the pool invited and accepted,
// screened applications, the exact solve with its certificate and quality report, hand edits
// with 回避 enforced, an override that needs a reason, publishing (mail + notice + status), and
// an expert's declared conflict that refills the slot.

type Item = { id: string; applicationId: string; expertId: string; status: string; source: string; affinity: number };

describeEachEngine('review assignment: solve, edit, rules, publish, declare conflict', (engine) => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let admin: Client;
  let programId: string;
  const apps: { id: string; orgName: string }[] = [];
  const experts: { id: string; email: string; client: Client }[] = [];
  const base = () => `/api/programs/${programId}/assignment`;

  before(async () => {
    smtp = await startSmtpServer();
    h = await startHarness(engine, { smtpUrl: smtp.url });
    const first = (await ensureFirstAdmin(h.deps))!;
    admin = h.client();
    await admin.login(first.email, first.password);
    programId = await openScreeningProgram(h, await actorOf(h, admin), 'assign-test');

    // Three screened applications; the first applicant's organization also employs expert 0.
    for (let i = 0; i < 3; i++) {
      const a = await applicantWithOrg(h, `applicant${i}@example.com`, creditCode(100 + i));
      const app = await submittedApplication(a.client, programId, a.orgId, 'green', { projectName: ['余热回收发电', '光伏储能微电网', '污水深度处理'][i], summary: ['钢铁行业余热回收与发电。', '分布式光伏与储能。', '工业废水膜处理回用。'][i] });
      const pass = await admin.post(`/api/applications/${app.id}/screening/decision`, { outcome: 'pass', baseRevision: app.revision });
      assert.equal(pass.statusCode, 200, pass.body);
      const org = (await h.deps.db.selectFrom('organizations').select('name').where('id', '=', a.orgId).executeTakeFirstOrThrow()).name;
      apps.push({ id: app.id, orgName: org });
    }
    const profiles = [
      { name: '同单位专家', orgName: apps[0].orgName, keywords: ['余热回收'], bio: '余热回收发电' },
      { name: '余热专家', orgName: '清华大学', keywords: ['余热回收', '发电'], bio: '工业余热回收利用与发电系统。' },
      { name: '光伏专家', orgName: '华北电力大学', keywords: ['光伏', '储能'], bio: '分布式光伏与储能微电网。' },
      { name: '水处理专家', orgName: '同济大学', keywords: ['污水', '膜处理'], bio: '工业废水深度处理与回用。' },
    ];
    experts.push(...(await acceptedExpertsFor(h, admin, smtp, programId, profiles, 'expert', ['green'], 3)));
  });
  after(async () => {
    await h.close();
    await smtp.close();
  });

  const items = async (): Promise<Item[]> => (await admin.get(base())).json().items;

  test('solve: every application gets 3 reviewers, never a conflicted one, certified optimal', async () => {
    assert.equal((await h.client().get(base())).statusCode, 401);
    assert.equal((await experts[1].client.post(`${base()}/solve`, {})).statusCode, 403, 'an expert does not assign');
    assert.equal((await admin.post(`${base()}/solve`, { loadCost: -1 })).statusCode, 400);
    // A job: the request answers 202 with its id, the result is what a synchronous solve returned.
    const { feasible, view } = await jobResult(h, admin, await admin.post(`${base()}/solve`, { loadCost: 1 }));
    assert.equal(feasible, true);
    assert.equal(view.items.length, 9);
    assert.equal(view.run.optimal, true);
    assert.ok(!view.items.some((i: Item) => i.applicationId === apps[0].id && i.expertId === experts[0].id), 'same organization never assigned');
    // Each expert has room for 3: 9 reviews over 4 experts, expert 0 only for two applications.
    const load = (e: string) => view.items.filter((i: Item) => i.expertId === e).length;
    assert.ok(experts.every((e) => load(e.id) <= 3));
    assert.ok(view.items.every((i: Item) => i.status === 'draft' && i.source === 'solver'));
    assert.equal(view.quality.short.length, 0);
    assert.ok(view.quality.percentOfUpperBound > 0 && view.quality.percentOfUpperBound <= 100);
    assert.equal(typeof view.quality.load.gini, 'number');
    // The best-fitting expert reviews the heat-recovery application.
    assert.ok(view.items.some((i: Item) => i.applicationId === apps[0].id && i.expertId === experts[1].id));
    const why = (await admin.get(`${base()}/pairs/${apps[0].id}/${experts[1].id}`)).json();
    assert.ok(why.affinity > 0 && why.sharedTerms.length > 0, JSON.stringify(why));
    const blocked = (await admin.get(`${base()}/pairs/${apps[0].id}/${experts[0].id}`)).json();
    assert.equal(blocked.conflicts[0].kind, 'same-organization');
    assert.match(blocked.conflicts[0].detail, /同一单位/);
  });

  test('hand edits keep 回避 and capacity; the report follows', async () => {
    const all = await items();
    const mine = all.filter((i) => i.applicationId === apps[0].id);
    const conflicted = await admin.post(`${base()}/edit`, { op: 'swap', assignmentId: mine[0].id, expertId: experts[0].id });
    assert.equal(conflicted.statusCode, 409);
    assert.match(conflicted.json().error.message['zh-CN'], /同一单位/);
    const twice = await admin.post(`${base()}/edit`, { op: 'add', applicationId: apps[0].id, expertId: mine[1].expertId });
    assert.equal(twice.statusCode, 409);
    const removed = await admin.post(`${base()}/edit`, { op: 'remove', assignmentId: mine[0].id });
    assert.equal(removed.statusCode, 200, removed.body);
    assert.deepEqual(removed.json().quality.short.map((s: { applicationId: string; has: number }) => [s.applicationId, s.has]), [[apps[0].id, 2]]);
    const back = await admin.post(`${base()}/edit`, { op: 'add', applicationId: apps[0].id, expertId: mine[0].expertId });
    assert.equal(back.statusCode, 200, back.body);
    assert.equal(back.json().quality.short.length, 0);
    assert.equal((await admin.post(`${base()}/edit`, { op: 'remove', assignmentId: 'nope' })).statusCode, 404);
  });

  test('an override of a computed 回避 needs a reason and is audited; pins and bans are rules too', async () => {
    const pair = { applicationId: apps[0].id, expertId: experts[0].id };
    assert.equal((await admin.post(`${base()}/rules`, { ...pair, kind: 'override', reason: '' })).statusCode, 400);
    assert.equal((await admin.post(`${base()}/rules`, { ...pair, kind: 'pin', reason: '指定' })).statusCode, 409, 'a conflicted pair cannot be pinned');
    const notConflicted = await admin.post(`${base()}/rules`, { applicationId: apps[1].id, expertId: experts[1].id, kind: 'override', reason: '无须解除' });
    assert.equal(notConflicted.statusCode, 400);
    const ok = await admin.post(`${base()}/rules`, { ...pair, kind: 'override', reason: '专家已调离该单位三年，经秘书处核实' });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().rules[0].kind, 'override');
    assert.equal((await admin.get(`${base()}/pairs/${apps[0].id}/${experts[0].id}`)).json().conflicts.length, 0);
    const audit = await h.deps.db.selectFrom('audit_log').select(['action', 'after_json']).where('action', '=', 'review.pair_override').execute();
    assert.equal(audit.length, 1);
    assert.match(String(audit[0].after_json), /专家已调离该单位三年/);
    const removed = await admin.post(`${base()}/rules/delete`, pair);
    assert.equal(removed.statusCode, 200);
    assert.equal(removed.json().rules.length, 0);
  });

  test('publish: experts get mail and a notice, applications go into review; a declared conflict refills the slot', async () => {
    const pub = await admin.post(`${base()}/publish`);
    assert.equal(pub.statusCode, 200, pub.body);
    assert.equal(pub.json().published, 9);
    assert.equal((await admin.post(`${base()}/publish`)).statusCode, 400, 'nothing left to publish');
    await h.runJobs(); // the queued mail is out
    const mail = mailText((await smtp.waitForMail(experts[1].email)).raw);
    assert.ok(smtp.mails.some((m) => m.to.includes(experts[1].email) && /评审任务/.test(mailText(m.raw))), mail);
    const status = await h.deps.db.selectFrom('applications').select('status').where('id', 'in', apps.map((a) => a.id)).execute();
    assert.ok(status.every((s) => s.status === 'in_review'));
    const notices = (await experts[1].client.get('/api/notifications')).json().items;
    assert.ok(notices.some((n: { kind: string }) => n.kind === 'review.assigned'));

    // An expert with a spare place: the one not yet on application 1 or 2 takes the slot.
    const all = await items();
    const target = all.find((i) => i.applicationId !== apps[0].id && experts.slice(1).some((e) => e.id === i.expertId))!;
    const owner = experts.find((e) => e.id === target.expertId)!;
    const mine = (await owner.client.get('/api/review-assignments/mine')).json().items;
    assert.ok(mine.some((m: { id: string; orgName: string }) => m.id === target.id && m.orgName.length > 0));
    const stranger = experts.find((e) => e.id !== owner.id)!;
    assert.equal((await stranger.client.post(`/api/review-assignments/${target.id}/conflict`, { reason: '不是我的' })).statusCode, 404);
    assert.equal((await owner.client.post(`/api/review-assignments/${target.id}/conflict`, { reason: '' })).statusCode, 400);
    const declared = await owner.client.post(`/api/review-assignments/${target.id}/conflict`, { reason: '曾为该单位提供咨询服务' });
    assert.equal(declared.statusCode, 200, declared.body);
    const after = await items();
    const onApp = after.filter((i) => i.applicationId === target.applicationId);
    assert.equal(onApp.find((i) => i.id === target.id)!.status, 'declined');
    const live = onApp.filter((i) => i.status !== 'declined');
    if (declared.json().refilled) {
      assert.equal(live.length, 3);
      assert.ok(live.some((i) => i.source === 'refill' && i.status === 'published'));
    } else assert.equal(live.length, 2);
    assert.ok(!live.some((i) => i.expertId === owner.id), 'the declaring expert is off the application');
    assert.equal((await owner.client.post(`/api/review-assignments/${target.id}/conflict`, { reason: '再次声明' })).statusCode, 409);
    // Solving again keeps what was published and never offers the declined pair again.
    const again = await jobResult(h, admin, await admin.post(`${base()}/solve`, {}));
    assert.ok(again.feasible === false || !again.view.items.some((i: Item) => i.expertId === owner.id && i.applicationId === target.applicationId && i.status !== 'declined'));
  });
});
