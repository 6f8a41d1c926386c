import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, formatShanghai, ProgramDefinitionSchema, type NeedFieldsInput } from '@lvping/domain';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { grantRole } from '../src/features/access/grant.service.ts';
import { actorOf, applicantWithOrg, multipart, samplePdf } from './support/journey.ts';
import { creditCode, withRole } from './support/screening.ts';
import { decodeMail, startSmtpServer } from './support/smtp.ts';
import type { Actor } from '../src/context.ts';

// 技术需求 and 揭榜挂帅 on both engines: a need goes draft → pending → rejected (with a note the
// poster reads) → resubmitted → published → closed, the public never sees its contact and only
// its poster edits it; the catalog organizer makes a 揭榜挂帅 program from published needs (one
// track per need, the need linked), solvers apply and submit through the ordinary application
// API, and 赛马 milestones of the funded solvers get reports and scores whose comparison adds up.

const today = () => formatShanghai(Date.now(), false);

const needFields = (over: Partial<NeedFieldsInput> = {}): NeedFieldsInput => ({
  problem: '钢铁烧结烟气低温脱硝技术', description: '烧结烟气温度 120–180℃，波动大，现有 SCR 催化剂低温活性不足。', fieldId: 'glt2024-2',
  indicators: [{ name: '脱硝效率', target: 90, unit: '%' }, { name: '氨逃逸', target: 3, unit: 'ppm', direction: 'atMost' }],
  budget: { min: 300, max: 800 }, deadline: addDays(today(), 60), funded: true,
  contact: { name: '王工', phone: '13912345678', email: 'wang.secret@example.com' }, ...over,
});

/** A solver's proposal for a need's track, filled as the solver form asks. */
const proposal = (title: string, milestones: { name: string; dueOn: string }[]) => ({
  plan: { title, summary: '采用低温锰铈复合催化剂与烟气再循环耦合工艺。', innovation: '低温活性组分配方。', trl: 6 },
  schedule: { months: 18, milestones: milestones.map((m) => ({ ...m, deliverable: '检测报告' })) },
  team: { lead: '赵教授', members: [{ name: '赵教授', title: '教授', role: '总体' }], capability: '十年烟气治理经验。' },
  budget: { request: 500, selfFunding: 100, breakdown: '设备 300 万元，材料 200 万元。' },
  indicators: { i1: 93, i2: 2.5 },
  pledge: { declaration: true },
});

describeEachEngine('needs and 揭榜挂帅: lifecycle, privacy, program from needs, solvers, 赛马 milestones', (engine) => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let admin: Client;
  let adminActor: Actor;
  let catalog: Client;
  let poster: { client: Client; orgId: string };
  let poster2: { client: Client; orgId: string };
  let stranger: { client: Client; orgId: string };
  let lifecycleId: string;
  const published: string[] = [];
  let programId: string;
  const solvers: { client: Client; appId: string; track: string }[] = [];

  before(async () => {
    smtp = await startSmtpServer();
    h = await startHarness(engine, { smtpUrl: smtp.url });
    const first = (await ensureFirstAdmin(h.deps))!;
    admin = h.client();
    await admin.login(first.email, first.password);
    adminActor = await actorOf(h, admin);
    catalog = h.client();
    assert.equal((await catalog.register('catalog@example.com', undefined, '目录运营')).statusCode, 200);
    await grantRole(h.deps, adminActor, { userId: (await actorOf(h, catalog)).userId, role: 'catalog_organizer', programId: null, trackId: null });
    poster = await applicantWithOrg(h, 'poster@example.com', creditCode(701), '410105');
    poster2 = await applicantWithOrg(h, 'poster2@example.com', creditCode(702), '320102');
    stranger = await applicantWithOrg(h, 'stranger@example.com', creditCode(703), '110105');
  });
  after(async () => {
    await h.close();
    await smtp.close();
  });

  const count = async (table: 'tech_needs' | 'need_milestones') => Number((await h.deps.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  test('a need: draft → pending → rejected with a note → resubmitted → published → closed; public without contact', async () => {
    const created = await poster.client.post('/api/needs', { organizationId: poster.orgId, fields: needFields() });
    assert.equal(created.statusCode, 200, created.body);
    const need = created.json();
    lifecycleId = need.id;
    assert.deepEqual([need.status, need.canEdit, need.canClose, need.organization.regionCode], ['draft', true, false, '410105']);
    assert.equal(need.fields.contact.email, 'wang.secret@example.com', 'the poster sees its contact');
    assert.equal((await h.client().get(`/api/needs/public/${need.id}`)).statusCode, 404, 'a draft is not public');
    assert.equal((await stranger.client.get(`/api/needs/${need.id}`)).statusCode, 404);

    assert.equal((await poster.client.post(`/api/needs/${need.id}/submit`)).json().status, 'pending');
    const notices = await h.deps.db.selectFrom('notifications').select(['title', 'link']).where('user_id', '=', (await actorOf(h, catalog)).userId).execute();
    assert.ok(notices.some((n) => n.title.includes('钢铁烧结烟气低温脱硝技术') && n.link === '/needs/review'), 'the catalog organizer is told');
    assert.equal((await poster.client.put(`/api/needs/${need.id}`, { fields: needFields() })).statusCode, 409, 'no editing while under review');

    // Only the catalog organizer reviews.
    assert.equal((await stranger.client.post(`/api/needs/${need.id}/review`, { decision: 'publish' })).statusCode, 403);
    assert.equal((await poster.client.post(`/api/needs/${need.id}/review`, { decision: 'publish' })).statusCode, 403, 'not one’s own either');
    assert.equal((await stranger.client.get('/api/needs/review-queue')).statusCode, 403);
    const queue = (await catalog.get('/api/needs/review-queue')).json().items;
    assert.deepEqual(queue.map((n: { id: string }) => n.id), [need.id]);
    assert.equal(queue[0].fields.contact.phone, '13912345678', 'the reviewer sees the contact');

    await h.runJobs(); // mail queued before is delivered before the inbox is emptied
    smtp.mails.length = 0;
    const rejected = await catalog.post(`/api/needs/${need.id}/review`, { decision: 'reject', note: '指标单位不清，请补充测试工况。' });
    assert.equal(rejected.statusCode, 200, rejected.body);
    assert.deepEqual([rejected.json().status, rejected.json().reviewNote], ['rejected', '指标单位不清，请补充测试工况。']);
    const mail = decodeMail((await smtp.waitForMail('poster@example.com')).raw);
    assert.match(mail.subject, /未通过审核/);
    assert.match(mail.text, /指标单位不清/);
    const mine = (await poster.client.get('/api/needs/mine')).json().items;
    assert.deepEqual([mine[0].status, mine[0].reviewNote, mine[0].canEdit], ['rejected', '指标单位不清，请补充测试工况。', true]);

    const edited = await poster.client.put(`/api/needs/${need.id}`, { fields: needFields({ description: '烧结烟气 120–180℃（标态，干基，6% O₂）。' }) });
    assert.equal(edited.json().status, 'draft');
    assert.equal((await poster.client.post(`/api/needs/${need.id}/submit`)).json().status, 'pending');
    const pub = await catalog.post(`/api/needs/${need.id}/review`, { decision: 'publish' });
    assert.equal(pub.json().status, 'published');
    assert.equal((await catalog.post(`/api/needs/${need.id}/review`, { decision: 'publish' })).statusCode, 409, 'not twice');
    assert.ok((await h.deps.db.selectFrom('notifications').select('title').where('user_id', '=', (await actorOf(h, poster.client)).userId).execute()).some((n) => n.title.startsWith('您的技术需求已发布')));

    // The public: no contact anywhere, the filters.
    const anon = h.client();
    const detail = await anon.get(`/api/needs/public/${need.id}`);
    assert.equal(detail.statusCode, 200);
    assert.equal(detail.json().fields.contact, undefined);
    assert.ok(!detail.body.includes('13912345678') && !detail.body.includes('wang.secret') && !detail.body.includes('王工'), 'no contact in the public body');
    assert.deepEqual([detail.json().open, detail.json().organizationName, detail.json().regionCode], [true, '测试企业 poster@example.com', '410105']);
    const list = async (q: string) => (await anon.get(`/api/needs/public${q}`)).json() as { total: number; items: { id: string }[] };
    assert.equal((await list('')).total, 1);
    assert.ok(!JSON.stringify(await list('')).includes('13912345678'));
    assert.equal((await list('?fieldId=glt2024-2')).total, 1);
    assert.equal((await list('?fieldId=glt2024-4')).total, 0);
    assert.equal((await list('?region=410000')).total, 1, 'the province covers its city');
    assert.equal((await list('?region=410100')).total, 1);
    assert.equal((await list('?region=320000')).total, 0);
    assert.equal((await list('?funded=1')).total, 1);
    assert.equal((await list('?funded=0')).total, 0);
    assert.equal((await list('?state=open')).total, 1);
    assert.equal((await list('?state=closed')).total, 0);
    assert.equal((await list(`?q=${encodeURIComponent('低温脱硝')}`)).total, 1);
    assert.equal((await list(`?q=${encodeURIComponent('13912345678')}`)).total, 0, 'the contact is not searchable');

    // Only the poster edits or closes.
    assert.equal((await stranger.client.put(`/api/needs/${need.id}`, { fields: needFields() })).statusCode, 403);
    assert.equal((await stranger.client.post(`/api/needs/${need.id}/close`)).statusCode, 403);
    assert.equal((await catalog.put(`/api/needs/${need.id}`, { fields: needFields() })).statusCode, 403);
    assert.equal((await poster.client.put(`/api/needs/${need.id}`, { fields: needFields() })).statusCode, 409, 'a published need is not edited');
    const closed = await poster.client.post(`/api/needs/${need.id}/close`);
    assert.deepEqual([closed.json().status, typeof closed.json().closedAt], ['closed', 'number']);
    assert.equal((await list('?state=open')).total, 0);
    assert.equal((await list('?state=closed')).total, 1);
    assert.deepEqual([(await anon.get(`/api/needs/public/${need.id}`)).json().status, (await anon.get(`/api/needs/public/${need.id}`)).json().open], ['closed', false]);

    const audit = await h.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', need.id).orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => a.action), ['need.create', 'need.submit', 'need.reject', 'need.update', 'need.submit', 'need.publish', 'need.close']);
  });

  test('bad input: field errors, nothing stored, no 500', async () => {
    const before = await count('tech_needs');
    const bad = await poster.client.post('/api/needs', {
      organizationId: poster.orgId,
      fields: needFields({ problem: '难', fieldId: 'glt2024-99', indicators: [], budget: { min: 900, max: 100 }, deadline: '2031-02-30', contact: { name: '王', phone: '123', email: 'x' } }),
    });
    assert.equal(bad.statusCode, 400);
    const paths = (bad.json().error.fields as { path: string }[]).map((f) => f.path).sort();
    assert.deepEqual(paths, ['fields.budget.max', 'fields.contact.email', 'fields.contact.name', 'fields.contact.phone', 'fields.deadline', 'fields.fieldId', 'fields.indicators', 'fields.problem']);
    const notMine = await stranger.client.post('/api/needs', { organizationId: poster.orgId, fields: needFields() });
    assert.equal(notMine.statusCode, 400);
    assert.equal(notMine.json().error.fields[0].path, 'organizationId');
    assert.equal((await h.client().post('/api/needs', { organizationId: poster.orgId, fields: needFields() })).statusCode, 403, 'no session, no CSRF token');
    assert.equal(await count('tech_needs'), before, 'nothing stored');

    const late = (await poster.client.post('/api/needs', { organizationId: poster.orgId, fields: needFields({ deadline: addDays(today(), -1) }) })).json();
    const submit = await poster.client.post(`/api/needs/${late.id}/submit`);
    assert.equal(submit.statusCode, 400);
    assert.equal(submit.json().error.fields[0].path, 'fields.deadline');
    assert.equal((await poster.client.post(`/api/needs/${late.id}/close`)).statusCode, 409, 'a draft is not closed');
    const pending = (await poster.client.post('/api/needs', { organizationId: poster.orgId, fields: needFields() })).json();
    await poster.client.post(`/api/needs/${pending.id}/submit`);
    const noNote = await catalog.post(`/api/needs/${pending.id}/review`, { decision: 'reject', note: '' });
    assert.equal(noNote.statusCode, 400);
    assert.equal(noNote.json().error.fields[0].path, 'note');
    assert.equal((await catalog.post('/api/needs/nope/review', { decision: 'publish' })).statusCode, 404);
    assert.equal((await h.client().get('/api/needs/public?region=41')).statusCode, 400);
    assert.equal((await h.client().get('/api/needs/public?limit=100000')).statusCode, 400);
    assert.equal((await h.client().get('/api/needs/public/nope')).statusCode, 404);
    await catalog.post(`/api/needs/${pending.id}/review`, { decision: 'reject', note: '重复发布。' });
  });

  test('揭榜挂帅 from needs: one track per need, needs linked; solvers apply and submit through the ordinary API', async () => {
    for (const [p, problem, field] of [[poster, '工业窑炉余热深度回收', 'glt2024-1'], [poster2, '退役动力电池梯次利用分选', 'glt2024-3']] as const) {
      const n = (await p.client.post('/api/needs', { organizationId: p.orgId, fields: needFields({ problem, fieldId: field, deadline: addDays(today(), 45 + published.length * 10) }) })).json();
      await p.client.post(`/api/needs/${n.id}/submit`);
      assert.equal((await catalog.post(`/api/needs/${n.id}/review`, { decision: 'publish' })).statusCode, 200);
      published.push(n.id);
    }
    const pending = (await poster2.client.post('/api/needs', { organizationId: poster2.orgId, fields: needFields({ problem: '尚未审核的需求' }) })).json();
    await poster2.client.post(`/api/needs/${pending.id}/submit`);

    const body = { needIds: published, slug: 'jbgs-test', name: '2031 年绿色低碳技术揭榜挂帅', solversPerNeed: 2 };
    assert.equal((await stranger.client.post('/api/needs/jiebang-programs', body)).statusCode, 403, 'not a catalog organizer');
    const withPending = await catalog.post('/api/needs/jiebang-programs', { ...body, needIds: [published[0], pending.id, lifecycleId] });
    assert.equal(withPending.statusCode, 400);
    assert.deepEqual((withPending.json().error.fields as { path: string }[]).map((f) => f.path), ['needIds.1', 'needIds.2']);
    assert.equal((await catalog.post('/api/needs/jiebang-programs', { ...body, slug: 'Bad Slug' })).statusCode, 400);

    const created = await catalog.post('/api/needs/jiebang-programs', body);
    assert.equal(created.statusCode, 200, created.body);
    programId = created.json().programId;
    assert.deepEqual(created.json().tracks.map((t: { needId: string; trackId: string; name: string }) => [t.needId, t.trackId, t.name]), [
      [published[0], 'need1', '工业窑炉余热深度回收'], [published[1], 'need2', '退役动力电池梯次利用分选'],
    ]);
    const program = await catalog.get(`/api/programs/${programId}`);
    assert.equal(program.statusCode, 200, 'its creator organizes it');
    const def = program.json().definition;
    assert.ok(ProgramDefinitionSchema.safeParse(def).success);
    assert.deepEqual(def.tracks.map((t: { id: string; name: string }) => [t.id, t.name]), [['need1', '工业窑炉余热深度回收'], ['need2', '退役动力电池梯次利用分选']]);
    assert.match(def.tracks[0].description, /目标指标：脱硝效率 ≥ 90%；氨逃逸 ≤ 3ppm/);
    assert.equal(def.phases.find((p: { kind: string }) => p.kind === 'call').endsAt, `${addDays(today(), 55)} 24:00`, 'the call runs to the latest deadline');
    assert.deepEqual(def.review.rubrics[0].criteria.map((c: { weight: number }) => c.weight), [30, 25, 20, 15, 10]);
    const linked = (await poster.client.get(`/api/needs/${published[0]}`)).json();
    assert.deepEqual(linked.program, { programId, slug: 'jbgs-test', name: '2031 年绿色低碳技术揭榜挂帅', trackId: 'need1' });
    assert.equal((await h.client().get(`/api/needs/public/${published[1]}`)).json().program.trackId, 'need2', 'the public need links to its track');
    const again = await catalog.post('/api/needs/jiebang-programs', { ...body, slug: 'jbgs-again', needIds: [published[0]] });
    assert.equal(again.statusCode, 400);
    assert.match(again.json().error.fields[0].message['zh-CN'], /已是另一揭榜挂帅活动的赛道/);
    assert.ok((await h.deps.db.selectFrom('notifications').select('title').where('user_id', '=', (await actorOf(h, poster2.client)).userId).execute()).some((n) => n.title.includes('揭榜挂帅')));

    assert.equal((await catalog.post(`/api/programs/${programId}/status`, { status: 'open' })).statusCode, 200);
    const plan = (k: number) => [
      { name: '小试验证', dueOn: addDays(today(), 30 + k) },
      { name: '中试示范', dueOn: addDays(today(), 120 + k) },
    ];
    for (const [i, track] of (['need1', 'need1', 'need2'] as const).entries()) {
      const s = await applicantWithOrg(h, `solver${i}@example.com`, creditCode(710 + i), '110108');
      const app = await s.client.post('/api/applications', { programId, trackId: track, organizationId: s.orgId });
      assert.equal(app.statusCode, 200, app.body);
      const id = app.json().id as string;
      const saved = await s.client.put(`/api/applications/${id}/draft`, { answers: proposal(`揭榜方案${i + 1}`, plan(i)), baseRevision: 0 });
      assert.equal(saved.statusCode, 200, saved.body);
      const submitted = await s.client.post(`/api/applications/${id}/submit`, { baseRevision: saved.json().revision });
      assert.equal(submitted.statusCode, 200, submitted.body);
      assert.equal(submitted.json().status, 'submitted');
      solvers.push({ client: s.client, appId: id, track });
    }
    const listed = await catalog.get(`/api/programs/${programId}/applications`);
    assert.equal(listed.statusCode, 200, listed.body);
    assert.equal(listed.json().total ?? listed.json().items.length, 3, 'the organizer lists them as in any program');
  });

  test('赛马: milestones from plans and by the organizer, reports (content-checked), scores, the comparison', async () => {
    // The outcome (the decision feature's job) stands in here: two solvers of need1 and the one of need2 are funded.
    await h.deps.db.updateTable('applications').set({ status: 'awarded' }).where('id', 'in', solvers.map((s) => s.appId)).execute();
    const [s1, s2, s3] = solvers;
    const expert1 = await withRole(h, adminActor, 'expert-need1@example.com', 'expert', programId, 'need1');
    const expert2 = await withRole(h, adminActor, 'expert-need2@example.com', 'expert', programId, 'need2');
    const base = `/api/programs/${programId}/milestones`;

    assert.equal((await expert1.post(`${base}/from-plans`)).statusCode, 403, 'experts do not set milestones');
    const seeded = await catalog.post(`${base}/from-plans`);
    assert.equal(seeded.statusCode, 200, seeded.body);
    const need1 = seeded.json().tracks.find((t: { trackId: string }) => t.trackId === 'need1');
    assert.equal(need1.needId, published[0]);
    assert.deepEqual(need1.solvers.map((s: { applicationId: string; milestones: unknown[] }) => [s.applicationId, s.milestones.length]), [[s1.appId, 2], [s2.appId, 2]]);
    assert.equal(await count('need_milestones'), 6);
    assert.equal((await catalog.post(`${base}/from-plans`)).json().tracks[0].solvers[0].milestones.length, 2, 'copied once');

    // The organizer sets s1's own: one due in a month, two already past (one to be reported late, one never), one far ahead.
    const set = await catalog.put(`${base}/applications/${s1.appId}`, { milestones: [
      { name: '催化剂小试', dueOn: addDays(today(), 30) }, { name: '方案设计评审', dueOn: addDays(today(), -1) },
      { name: '现场踏勘', dueOn: addDays(today(), -2) }, { name: '工业示范', dueOn: addDays(today(), 300) },
    ] });
    assert.equal(set.statusCode, 200, set.body);
    const badSet = await catalog.put(`${base}/applications/${s1.appId}`, { milestones: [{ name: '', dueOn: '2031-13-01' }] });
    assert.deepEqual((badSet.json().error.fields as { path: string }[]).map((f) => f.path).sort(), ['milestones.0.dueOn', 'milestones.0.name']);
    assert.equal((await catalog.put(`${base}/applications/nope`, { milestones: [{ name: 'x', dueOn: today() }] })).statusCode, 404);
    const m1 = (await s1.client.get(`${base}/mine`)).json().items[0].milestones as { id: string; name: string }[];
    assert.deepEqual(m1.map((m) => m.name), ['催化剂小试', '方案设计评审', '现场踏勘', '工业示范']);
    const m2 = (await s2.client.get(`${base}/mine`)).json().items[0].milestones as { id: string }[];
    const m3 = (await s3.client.get(`${base}/mine`)).json().items[0].milestones as { id: string }[];

    // Reports: only the solver, content-checked.
    const report = (c: Client, id: string, name = '阶段报告.pdf', bytes: Buffer | string = samplePdf) => c.upload(`${base}/${id}/reports`, multipart(name, bytes, 'application/pdf'));
    assert.equal((await report(s2.client, m1[0].id)).statusCode, 404, 'not another solver’s milestone');
    assert.equal((await report(stranger.client, m1[0].id)).statusCode, 404);
    assert.equal((await report(s1.client, m1[0].id, '伪装.pdf', 'just text, not a PDF')).statusCode, 415);
    assert.equal((await report(s1.client, m1[0].id, '脚本.exe', 'MZ')).statusCode, 415);
    const r1 = await report(s1.client, m1[0].id);
    assert.equal(r1.statusCode, 200, r1.body);
    assert.equal((await report(s1.client, m1[1].id)).statusCode, 200);
    assert.equal((await report(s2.client, m2[0].id)).statusCode, 200);
    assert.equal((await report(s3.client, m3[0].id)).statusCode, 200);

    // Scores: the organizer and the track's experts; a report first; 0–100 with a comment.
    const score = (c: Client, id: string, s: number, comment = '按计划完成，数据可信。') => c.put(`${base}/${id}/score`, { score: s, comment });
    assert.equal((await score(catalog, m1[2].id, 50)).statusCode, 409, 'nothing reported yet');
    assert.equal((await score(expert2, m1[0].id, 50)).statusCode, 404, 'an expert of another track');
    assert.equal((await score(s1.client, m1[0].id, 100)).statusCode, 404, 'not the solver');
    const bad = await catalog.put(`${base}/${m1[0].id}/score`, { score: 101, comment: '' });
    assert.deepEqual((bad.json().error.fields as { path: string }[]).map((f) => f.path).sort(), ['comment', 'score']);
    assert.equal((await score(catalog, m1[0].id, 70)).statusCode, 200);
    assert.equal((await score(catalog, m1[0].id, 80)).statusCode, 200, 'rescoring replaces one’s own');
    assert.equal((await score(expert1, m1[0].id, 90)).statusCode, 200);
    assert.equal((await score(catalog, m1[1].id, 70)).statusCode, 200);
    assert.equal((await score(expert1, m2[0].id, 60)).statusCode, 200);
    assert.equal((await score(expert2, m3[0].id, 88)).statusCode, 200);

    const comparison = await catalog.get(`${base}/comparison?track=need1`);
    assert.equal(comparison.statusCode, 200, comparison.body);
    const c = comparison.json();
    assert.deepEqual([c.canManage, c.canScore, c.tracks.length], [true, true, 1]);
    const [a, b] = c.tracks[0].solvers;
    assert.deepEqual(a.milestones.map((m: { state: string; averageScore: number | null }) => [m.state, m.averageScore]), [['on_time', 85], ['late', 70], ['overdue', null], ['pending', null]]);
    assert.deepEqual([a.title, a.onTime, a.late, a.overdue, a.pending, a.onTimeRate, a.averageScore], ['揭榜方案1', 1, 1, 1, 1, 33.3, 77.5]);
    assert.deepEqual([b.title, b.onTime, b.pending, b.averageScore, b.onTimeRate], ['揭榜方案2', 1, 1, 60, 100]);
    assert.deepEqual(a.milestones[0].scores.map((s: { score: number; scorer: string }) => s.score).sort(), [80, 90]);

    // Who sees which track: the poster its own need's, an expert its track's, a stranger nothing.
    const posterView = await poster.client.get(`${base}/comparison`);
    assert.deepEqual(posterView.json().tracks.map((t: { trackId: string }) => t.trackId), ['need1']);
    assert.deepEqual([posterView.json().canScore, posterView.json().canManage], [false, false]);
    assert.equal((await poster2.client.get(`${base}/comparison?track=need1`)).statusCode, 403);
    assert.deepEqual((await expert2.get(`${base}/comparison`)).json().tracks.map((t: { solvers: { averageScore: number }[] }) => t.solvers[0].averageScore), [88]);
    assert.equal((await stranger.client.get(`${base}/comparison`)).statusCode, 403);

    // The solver sees its scores and comments, not who gave them; the poster downloads the report.
    const mine = (await s1.client.get(`${base}/mine`)).json().items[0];
    assert.equal(mine.averageScore, 77.5);
    assert.ok(mine.milestones[0].scores.every((s: { scorer: string | null }) => s.scorer === null));
    const file = await poster.client.get(`${base}/${m1[0].id}/reports/${r1.json().id}`);
    assert.equal(file.statusCode, 200);
    assert.deepEqual(file.rawPayload, samplePdf);
    assert.equal((await poster2.client.get(`${base}/${m1[0].id}/reports/${r1.json().id}`)).statusCode, 404);

    // A reported milestone stays; the audit has every step; the solver was told of its scores.
    const drop = await catalog.put(`${base}/applications/${s1.appId}`, { milestones: [{ id: m1[3].id, name: '工业示范', dueOn: addDays(today(), 300) }] });
    assert.equal(drop.statusCode, 409);
    assert.equal((await s1.client.get(`${base}/mine`)).json().items[0].milestones.length, 4, 'nothing changed');
    const actions = (await h.deps.db.selectFrom('audit_log').select('action').where('action', 'like', 'milestone.%').execute()).map((x) => x.action);
    assert.deepEqual([actions.filter((x) => x === 'milestone.report').length, actions.filter((x) => x === 'milestone.score').length, actions.includes('milestone.from_plans'), actions.includes('milestone.set')], [4, 6, true, true]);
    assert.ok((await h.deps.db.selectFrom('notifications').select('title').where('user_id', '=', (await actorOf(h, s1.client)).userId).execute()).some((n) => n.title.includes('已评分')));
  });
});
