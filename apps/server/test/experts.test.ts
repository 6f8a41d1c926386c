import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { grantRole } from '../src/features/access/grant.service.ts';
import { actorOf, applicantWithOrg, creditCodes, multipart, openProgram, samplePdf } from './support/journey.ts';
import { mailText, startSmtpServer } from './support/smtp.ts';
import { acceptedExperts } from '../src/features/experts/program-experts.service.ts';
import { DEMO_PASSWORD, loadDemoData } from '../src/features/system/demo-data.ts';

// The expert pool end to end on both engines: Excel import (all or nothing) and export round
// trip, search, who may do what, invitations through a real SMTP server, accepting (which links
// the account and grants the role) and declining, declared conflicts.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = ['姓名', '工作单位', '统一社会信用代码', '上级集团', '所在地区代码', '职称', '专业领域', '关键词', '个人简介', '邮箱', '电话'];

/** A sheet as organizers make them: a title row above the header. */
async function sheet(rows: string[][], headers = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('专家');
  ws.addRow(['2026年评审专家名单']);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readRows(buffer: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0].eachRow((row) => out.push(HEADERS.map((_, i) => row.getCell(i + 1).text)));
  return out;
}

const goodRows = [
  ['陈光伏', '华北电力大学', '', '', '110114', '教授', '储能、能源绿色低碳转型', '光伏、钙钛矿电池', '研究钙钛矿叠层太阳电池与光伏组件可靠性。', 'chen@example.com', '010-61770000'],
  ['刘储能', '河南绿能储能科技有限公司', creditCodes[0], '河南能源集团有限公司', '410105', '正高级工程师', 'storage', '储能、锂离子电池', '从事电化学储能电站系统集成。', 'liu@example.com', ''],
  ['许水', '郑州大学', '', '', '410100', '教授', '环境保护产业', '污水处理、MBR', '城镇与工业污水处理。', 'xu@example.com', ''],
];

describeEachEngine('experts: pool, import/export, invitations, conflicts', (engine) => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let admin: Client;
  let applicant: Client;
  let programId: string;
  let applicationId: string;
  const list = async (c: Client, query = '') => (await c.get(`/api/experts${query}`)).json();
  const byEmail = async (email: string) => (await list(admin, `?pageSize=200`)).items.find((e: { email: string }) => e.email === email);

  before(async () => {
    smtp = await startSmtpServer();
    h = await startHarness(engine, { smtpUrl: smtp.url });
    const first = (await ensureFirstAdmin(h.deps))!;
    admin = h.client();
    await admin.login(first.email, first.password);
    programId = (await openProgram(h, await actorOf(h, admin), 'experts-test')).id;
    const a = await applicantWithOrg(h, 'applicant@example.com', creditCodes[1]);
    applicant = a.client;
    const app = await applicant.post('/api/applications', { programId, trackId: 'storage', organizationId: a.orgId });
    assert.equal(app.statusCode, 200, app.body);
    applicationId = app.json().id;
  });
  after(async () => {
    await h.close();
    await smtp.close();
  });

  test('the template downloads with the columns the import reads', async () => {
    const r = await admin.get('/api/experts/template.xlsx');
    assert.equal(r.statusCode, 200);
    assert.equal(r.headers['content-type'], XLSX);
    const [header] = await readRows(r.rawPayload);
    assert.deepEqual(header, ['姓名*', '工作单位*', '统一社会信用代码', '上级集团', '所在地区代码', '职称', '专业领域', '关键词', '个人简介', '邮箱*', '电话']);
  });

  test('a sheet with bad rows imports nothing and names every row, column and reason', async () => {
    const bad = await sheet([
      goodRows[0],
      ['', '某大学', '91410100MA00000019', '', '4101', '', '不存在的领域', '', '', 'not-an-email', ''],
      [...goodRows[1].slice(0, 9), 'CHEN@example.com', ''],
    ]);
    const r = await admin.upload('/api/experts/import', multipart('专家.xlsx', bad, XLSX));
    assert.equal(r.statusCode, 400, r.body);
    assert.match(r.json().error.message['zh-CN'], /表格有 6 处问题，未导入任何专家/);
    assert.deepEqual(r.json().error.fields.map((f: { path: string }) => f.path), ['rows.4.姓名', 'rows.4.统一社会信用代码', 'rows.4.所在地区代码', 'rows.4.专业领域', 'rows.4.邮箱', 'rows.5.邮箱']);
    assert.equal(r.json().error.fields[5].message['zh-CN'], '第 5 行「邮箱」：与第 3 行重复');
    assert.equal((await list(admin)).total, 0, 'not even the good row');
    const missingHeader = await admin.upload('/api/experts/import', multipart('专家.xlsx', await sheet([['张三']], ['名字']), XLSX));
    assert.deepEqual([missingHeader.statusCode, missingHeader.json().error.fields[0].path], [400, 'sheet']);
    assert.equal((await admin.upload('/api/experts/import', multipart('伪装.xlsx', samplePdf, XLSX))).statusCode, 415);
  });

  test('a good sheet imports; importing again updates by address and keeps what empty cells leave out', async () => {
    const r = await admin.upload('/api/experts/import', multipart('专家.xlsx', await sheet(goodRows), XLSX));
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual(r.json(), { created: 3, updated: 0, total: 3 });
    const chen = await byEmail('chen@example.com');
    assert.deepEqual([chen.fields, chen.fieldRefs.map((f: { name: string }) => f.name), chen.keywords, chen.regionCode, chen.orgCreditCode], [['storage', 'glt2024-4'], ['储能', '能源绿色低碳转型'], ['光伏', '钙钛矿电池'], '110114', null]);
    const again = await admin.upload('/api/experts/import', multipart('专家.xlsx', await sheet([['陈光伏', '华北电力大学', '', '', '', '教授级', '', '', '', 'Chen@Example.com', '']]), XLSX));
    assert.deepEqual(again.json(), { created: 0, updated: 1, total: 1 });
    const after = await byEmail('chen@example.com');
    assert.deepEqual([after.title, after.keywords, after.regionCode, after.id], ['教授级', chen.keywords, '110114', chen.id]);
  });

  test('search and filters: words, field, region prefix, title, paging', async () => {
    const emails = async (q: string) => (await list(admin, q)).items.map((e: { email: string }) => e.email).sort();
    assert.deepEqual(await emails('?q=储能'), ['liu@example.com'], 'keywords and bio are searched; 陈 has 储能 only as a field');
    assert.deepEqual(await emails('?q=钙钛矿 光伏'), ['chen@example.com']);
    assert.deepEqual(await emails('?q=mbr'), ['xu@example.com']);
    assert.deepEqual(await emails('?field=storage'), ['chen@example.com', 'liu@example.com'], 'named by its name (储能) or its id');
    assert.deepEqual(await emails('?field=glt2024-2'), ['xu@example.com']);
    assert.deepEqual(await emails('?region=41'), ['liu@example.com', 'xu@example.com']);
    assert.deepEqual(await emails('?region=4101&title=正高级'), ['liu@example.com']);
    const page = await list(admin, '?pageSize=2&page=2');
    assert.deepEqual([page.total, page.items.length], [3, 1]);
    const bad = await admin.get('/api/experts?status=accepted');
    assert.deepEqual([bad.statusCode, bad.json().error.fields[0].path], [400, 'programId']);
    assert.equal((await admin.get('/api/experts?region=河南')).statusCode, 400);
  });

  test('create, edit and delete with field-level errors; a stale edit is refused', async () => {
    const body = { name: '王氢', orgName: '同济大学', regionCode: '310000', fields: ['green'], keywords: ['氢能', '燃料电池'], bio: '研究PEM电解水制氢。', email: 'wang@example.com' };
    const created = await admin.post('/api/experts', body);
    assert.equal(created.statusCode, 200, created.body);
    const dup = await admin.post('/api/experts', { ...body, email: 'WANG@example.com' });
    assert.deepEqual([dup.statusCode, dup.json().error.fields[0].path], [409, 'email']);
    const badCode = await admin.post('/api/experts', { ...body, email: 'w2@example.com', orgCreditCode: '123' });
    assert.deepEqual([badCode.statusCode, badCode.json().error.fields[0].path], [400, 'orgCreditCode']);
    const badField = await admin.post('/api/experts', { ...body, email: 'w3@example.com', fields: ['ghost'] });
    assert.deepEqual([badField.statusCode, badField.json().error.fields[0].path], [400, 'fields']);
    const longBio = await admin.post('/api/experts', { ...body, email: 'w4@example.com', bio: '长'.repeat(501) });
    assert.deepEqual([longBio.statusCode, longBio.json().error.fields[0].path], [400, 'bio']);
    const id = created.json().id;
    const { updatedAt } = created.json();
    const edit = await admin.put(`/api/experts/${id}`, { ...body, title: '教授', baseUpdatedAt: updatedAt });
    assert.equal(edit.statusCode, 200, edit.body);
    assert.equal((await admin.put(`/api/experts/${id}`, { ...body, baseUpdatedAt: updatedAt })).statusCode, 409);
    assert.equal((await admin.put('/api/experts/forged', { ...body, baseUpdatedAt: updatedAt })).statusCode, 404);
    const temp = (await admin.post('/api/experts', { ...body, email: 'temp@example.com' })).json();
    assert.equal((await admin.request('DELETE', `/api/experts/${temp.id}`)).statusCode, 200);
    assert.equal((await admin.get(`/api/experts/${temp.id}`)).statusCode, 404);
    assert.equal((await list(admin)).total, 4);
  });

  test('export round trip: the exported sheet imports back onto the same profiles, unchanged', async () => {
    const beforeList = (await list(admin, '?pageSize=200')).items;
    const r = await admin.get('/api/experts/export.xlsx');
    assert.equal(r.statusCode, 200);
    const rows = await readRows(r.rawPayload);
    assert.equal(rows.length, 1 + beforeList.length);
    assert.ok(rows.some((row) => row[0] === '刘储能' && row[6] === '储能' && row[2] === creditCodes[0]), JSON.stringify(rows));
    const back = await admin.upload('/api/experts/import', multipart('专家库.xlsx', r.rawPayload, XLSX));
    assert.deepEqual(back.json(), { created: 0, updated: beforeList.length, total: beforeList.length });
    const strip = (e: Record<string, unknown>) => ({ ...e, updatedAt: 0 });
    assert.deepEqual((await list(admin, '?pageSize=200')).items.map(strip), beforeList.map(strip));
    const filtered = await readRows((await admin.get('/api/experts/export.xlsx?region=41')).rawPayload);
    assert.deepEqual(filtered.slice(1).map((row) => row[9]).sort(), ['liu@example.com', 'xu@example.com']);
  });

  test('only those who run some review manage the pool; a review institution may', async () => {
    const chen = await byEmail('chen@example.com');
    for (const res of [
      await applicant.get('/api/experts'),
      await applicant.post('/api/experts', { name: '某', orgName: '某单位', email: 'x@example.com' }),
      await applicant.get(`/api/experts/${chen.id}`),
      await applicant.get('/api/experts/export.xlsx'),
      await applicant.get('/api/experts/template.xlsx'),
      await applicant.upload('/api/experts/import', multipart('a.xlsx', await sheet(goodRows), XLSX)),
      await applicant.post(`/api/programs/${programId}/experts/invitations`, { expertIds: [chen.id] }),
      await applicant.get(`/api/programs/${programId}/experts`),
    ]) assert.equal(res.statusCode, 403, res.body);
    assert.equal((await h.client().get('/api/experts')).statusCode, 401);
    const inst = h.client();
    await inst.register('institution@example.com');
    await grantRole(h.deps, null, { userId: (await actorOf(h, inst)).userId, role: 'review_institution', programId, trackId: 'storage' });
    assert.equal((await inst.get('/api/experts')).statusCode, 200);
    assert.equal((await inst.post(`/api/programs/${programId}/experts/invitations`, { expertIds: [chen.id] })).statusCode, 403, 'the whole program needs a program-wide grant');
  });

  test('invite → email → the invited person registers, accepts with availability and conflicts → linked, granted the track role', async () => {
    const liu = await byEmail('liu@example.com');
    const sent = await admin.post(`/api/programs/${programId}/experts/invitations`, { expertIds: [liu.id], trackId: 'storage', maxLoad: 20 });
    assert.equal(sent.statusCode, 200, sent.body);
    assert.deepEqual(sent.json(), { invited: 1, skipped: 0, failed: [] });
    const mail = mailText((await smtp.waitForMail('liu@example.com')).raw);
    assert.match(mail, /评审专家邀请/);
    const token = /\/expert\/invitation\?token=([A-Za-z0-9_-]+)/.exec(mail)![1];
    const info = await h.client().get(`/api/expert-invitations/${token}`);
    assert.deepEqual([info.statusCode, info.json().email, info.json().hasAccount, info.json().trackName, info.json().status], [200, 'liu@example.com', false, '储能', 'invited']);
    assert.deepEqual((await admin.post(`/api/programs/${programId}/experts/invitations`, { expertIds: [liu.id] })).json(), { invited: 0, skipped: 1, failed: [] }, 'an open invitation is not sent twice');

    const stranger = h.client();
    await stranger.register('forwarded@example.com');
    assert.equal((await stranger.post('/api/expert-invitations/accept', { token })).statusCode, 403);

    const expert = h.client();
    await expert.register('liu@example.com');
    assert.deepEqual((await expert.get('/api/expert-invitations/mine')).json().items.map((i: { status: string }) => i.status), ['invited'], 'found by address before linking');
    const badApp = await expert.post('/api/expert-invitations/accept', { token, conflicts: [{ applicationId: 'forged', reason: '曾参与该项目' }] });
    assert.deepEqual([badApp.statusCode, badApp.json().error.fields[0].path], [400, 'conflicts.0.applicationId']);
    const noReason = await expert.post('/api/expert-invitations/accept', { token, conflicts: [{ orgName: '某公司' }] });
    assert.deepEqual([noReason.statusCode, noReason.json().error.fields[0].path], [400, 'conflicts.0.reason']);
    const accepted = await expert.post('/api/expert-invitations/accept', {
      token, maxLoad: 8, availabilityNote: '12月不便',
      conflicts: [{ orgName: '河南某环保科技有限公司', reason: '曾在该公司任职' }, { applicationId, reason: '与申报人有合作' }],
    });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.deepEqual([accepted.json().status, accepted.json().maxLoad, accepted.json().trackId, accepted.json().conflicts.length], ['accepted', 8, 'storage', 2]);
    assert.equal((await expert.post('/api/expert-invitations/accept', { token })).statusCode, 409, 'answered once');

    const me = (await expert.get('/api/auth/me')).json();
    assert.ok(me.grants.some((g: { role: string; programId: string; trackId: string }) => g.role === 'expert' && g.programId === programId && g.trackId === 'storage'), JSON.stringify(me.grants));
    const profile = (await expert.get('/api/experts/me')).json();
    assert.deepEqual([profile.id, profile.userId], [liu.id, me.id]);

    const panel = await acceptedExperts(h.deps, programId);
    assert.deepEqual(panel.map((p) => [p.expertId, p.userId, p.trackId, p.maxLoad]), [[liu.id, me.id, 'storage', 8]]);
    assert.deepEqual([panel[0].declaredApplicationIds, panel[0].declaredOrgNames, panel[0].profile.orgName], [[applicationId], ['河南某环保科技有限公司'], '河南绿能储能科技有限公司']);
    const notices = (await admin.get('/api/notifications')).json().items;
    assert.ok(notices.some((n: { kind: string }) => n.kind === 'expert.accepted'));
  });

  test('an expert sees and edits only their own profile; declares a conflict on the program later', async () => {
    const expert = h.client();
    await expert.login('liu@example.com');
    const own = (await expert.get('/api/experts/me')).json();
    const chen = await byEmail('chen@example.com');
    assert.equal((await expert.get(`/api/experts/${own.id}`)).statusCode, 200);
    assert.equal((await expert.get(`/api/experts/${chen.id}`)).statusCode, 403);
    assert.equal((await expert.get('/api/experts')).statusCode, 403);
    assert.equal((await expert.put(`/api/experts/${chen.id}`, { name: 'x', orgName: '某单位', email: 'chen@example.com', baseUpdatedAt: chen.updatedAt })).statusCode, 403);
    const { id: _id, email: _e, userId: _u, createdAt: _c, updatedAt, ...rest } = own;
    const changed = await expert.put('/api/experts/me', { ...rest, bio: '更新后的简介：液流电池与储能电站。', baseUpdatedAt: updatedAt });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().bio, '更新后的简介：液流电池与储能电站。');
    assert.equal((await expert.put('/api/experts/me', { ...rest, email: 'other@example.com', baseUpdatedAt: changed.json().updatedAt })).statusCode, 400, 'the address is not the expert\'s to change');

    const declared = await expert.post(`/api/programs/${programId}/expert-conflicts`, { orgName: '某集团有限公司', reason: '近三年有合作' });
    assert.equal(declared.statusCode, 200, declared.body);
    assert.equal(declared.json().source, 'assignment');
    assert.equal((await expert.get(`/api/programs/${programId}/expert-conflicts`)).json().items.length, 3);
    assert.equal((await applicant.post(`/api/programs/${programId}/expert-conflicts`, { orgName: '某集团有限公司', reason: '近三年有合作' })).statusCode, 403);
    assert.equal((await admin.request('DELETE', `/api/experts/${own.id}`)).statusCode, 409, 'an invited expert is not deleted');
  });

  test('an invited account gets an in-app notice; declining is recorded; the program list shows every answer', async () => {
    const xuAccount = h.client();
    await xuAccount.register('xu@example.com');
    const xu = await byEmail('xu@example.com');
    assert.deepEqual((await admin.post(`/api/programs/${programId}/experts/invitations`, { expertIds: [xu.id] })).json(), { invited: 1, skipped: 0, failed: [] });
    await smtp.waitForMail('xu@example.com');
    const notices = (await xuAccount.get('/api/notifications')).json().items;
    assert.ok(notices.some((n: { kind: string }) => n.kind === 'expert.invitation'), JSON.stringify(notices));
    const declined = await xuAccount.post('/api/expert-invitations/decline', { programId, reason: '时间冲突' });
    assert.equal(declined.statusCode, 200, declined.body);
    assert.equal(declined.json().status, 'declined');
    const programList = (await admin.get(`/api/programs/${programId}/experts`)).json().items;
    assert.deepEqual(programList.map((i: { expert: { email: string }; status: string; declaredConflicts: number }) => [i.expert.email, i.status, i.declaredConflicts]).sort(), [['liu@example.com', 'accepted', 3], ['xu@example.com', 'declined', 0]]);
    assert.deepEqual((await list(admin, `?programId=${programId}&status=none`)).items.map((e: { email: string }) => e.email).sort(), ['chen@example.com', 'wang@example.com']);
    assert.deepEqual((await list(admin, `?programId=${programId}&status=declined`)).items.map((e: { invitation: { availabilityNote: string } }) => e.invitation.availabilityNote), ['时间冲突']);
    assert.equal((await acceptedExperts(h.deps, programId)).length, 1, 'a declined expert is not on the panel');
    const resent = await admin.post(`/api/programs/${programId}/experts/invitations`, { expertIds: [xu.id], resend: true });
    assert.deepEqual(resent.json(), { invited: 1, skipped: 0, failed: [] }, 'invited again on request');
  });

  test('every change is in the audit log', async () => {
    const actions = (await h.deps.db.selectFrom('audit_log').select('action').where('action', 'like', 'expert.%').execute()).map((r) => r.action);
    for (const a of ['expert.import', 'expert.create', 'expert.update', 'expert.delete', 'expert.invite', 'expert.invitation_accept', 'expert.invitation_decline', 'expert.update_own', 'expert.conflict_declare']) assert.ok(actions.includes(a), a);
  });

  test('demo data: a pool of experts, the demo expert account one of them, accepted on the demo editions', async () => {
    await loadDemoData(h.deps);
    await loadDemoData(h.deps);
    const demo = h.client();
    assert.equal((await demo.login('expert@demo.lvping.local', DEMO_PASSWORD)).statusCode, 200);
    assert.equal((await demo.get('/api/experts/me')).json().email, 'expert@demo.lvping.local');
    const mine = (await demo.get('/api/expert-invitations/mine')).json().items;
    assert.deepEqual(mine.map((i: { programSlug: string; status: string }) => `${i.programSlug}:${i.status}`).sort(), ['cnblue-2022-demo:accepted', 'henan-green-2025-demo:accepted', 'kczg-2022-demo:accepted']);
    assert.ok((await list(admin)).total >= 4 + 20);
    const henan = mine.find((i: { programSlug: string }) => i.programSlug === 'henan-green-2025-demo').programId;
    assert.ok((await acceptedExperts(h.deps, henan)).length >= 20);
  });
});
