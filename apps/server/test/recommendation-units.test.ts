import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { actorOf, multipart, samplePdf } from './support/journey.ts';
import { mailText, startSmtpServer } from './support/smtp.ts';
import { openRecProgram, recProgram } from './support/recommendation-fixture.ts';
import { DEMO_PASSWORD, loadDemoData } from '../src/features/system/demo-data.ts';

// The organizer's side of the units: the Excel import (all or nothing, problems by row), the
// administrators' invitations through a real SMTP server, accepting one, editing a unit.

const HEADERS = ['单位名称', '推荐渠道', '所在地区代码', '组织负责人', '负责人电话', '联络员', '联络员电话', '管理员邮箱'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A sheet as organizers make them: a title row above the header. */
async function sheet(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('推荐单位');
  ws.addRow(['2026年推荐单位名单']);
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describeEachEngine('recommendation: units, import and invitations', (engine) => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let organizer: Client;
  let programId: string;
  const importUrl = () => `/api/programs/${programId}/recommending-units/import`;
  const listUnits = async () => (await organizer.get(`/api/programs/${programId}/recommending-units`)).json();
  const byName = async (name: string) => (await listUnits()).units.find((u: { name: string }) => u.name === name);

  before(async () => {
    smtp = await startSmtpServer();
    h = await startHarness(engine, { smtpUrl: smtp.url });
    const first = (await ensureFirstAdmin(h.deps))!;
    organizer = h.client();
    await organizer.login(first.email, first.password);
    programId = await openRecProgram(h, await actorOf(h, organizer), recProgram('rec-units'));
  });
  after(async () => {
    await h.close();
    await smtp.close();
  });

  test('a sheet with bad rows imports nothing and names every bad row and column', async () => {
    const before = (await listUnits()).units.length;
    assert.equal(before, 3, 'the definition names three units');
    const bad = await sheet([
      ['全国某学会', '渠道一', '110000', '张三', '010-12345678', '李四', '13800000000', 'xuehui@example.com'],
      ['某省科协', '不存在的渠道', '410000', '', '', '', '', ''],
      ['某联合体', '渠道二', '4101', '王五', '电话', '', '', 'not-an-email'],
    ]);
    const r = await organizer.upload(importUrl(), multipart('推荐单位.xlsx', bad, XLSX));
    assert.equal(r.statusCode, 400, r.body);
    assert.match(r.json().error.message['zh-CN'], /表格有 4 处问题，未导入任何单位/);
    assert.deepEqual(r.json().error.fields.map((f: { path: string }) => f.path), ['rows.4.推荐渠道', 'rows.5.所在地区代码', 'rows.5.负责人电话', 'rows.5.管理员邮箱']);
    assert.match(r.json().error.fields[0].message['zh-CN'], /^第 4 行「推荐渠道」：“不存在的渠道”不是本活动的推荐渠道/);
    assert.equal((await listUnits()).units.length, before, 'nothing imported, not even the good row');
  });

  test('a good sheet creates new units and updates those it names (甲单位 gets its contacts)', async () => {
    const good = await sheet([
      ['全国某学会', '渠道一、二渠道', '110000', '张三', '010-12345678', '李四', '13800000000', 'xuehui@example.com'],
      ['某省科协', 'c1', '410000', '', '', '', '', ''],
      ['甲单位', '', '', '赵组长', '0371-11112222', '钱联络', '0371-33334444', 'jia-admin@example.com'],
    ]);
    const r = await organizer.upload(importUrl(), multipart('推荐单位.xlsx', good, XLSX));
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual(r.json(), { created: 2, updated: 1, total: 3 });
    const jia = await byName('甲单位');
    assert.deepEqual(jia.contacts, [{ role: 'leader', name: '赵组长', phone: '0371-11112222' }, { role: 'liaison', name: '钱联络', phone: '0371-33334444' }]);
    assert.deepEqual([jia.regionCode, jia.channels.map((c: { id: string }) => c.id), jia.fromDefinition], ['410100', ['c1'], true], 'empty cells keep what the unit had');
    const society = await byName('全国某学会');
    assert.deepEqual(society.channels.map((c: { id: string }) => c.id), ['c1', 'c2']);
    assert.equal(society.quotas.find((q: { trackId: string }) => q.trackId === 'rec').limit, 6, 'two channels, stacked');
    assert.equal((await listUnits()).units.length, 5);
  });

  test('only organizers import; a file that is not a spreadsheet is refused', async () => {
    const outsider = h.client();
    await outsider.register('outsider@example.com');
    const xlsx = await sheet([['外来单位', '渠道一', '', '', '', '', '', '']]);
    assert.equal((await outsider.upload(importUrl(), multipart('a.xlsx', xlsx, XLSX))).statusCode, 403);
    assert.equal((await outsider.get(`/api/programs/${programId}/recommending-units`)).statusCode, 403);
    assert.equal((await organizer.upload(importUrl(), multipart('伪装.xlsx', samplePdf, XLSX))).statusCode, 415);
    assert.equal((await byName('外来单位')), undefined);
  });

  test('invitations go out by email; the invited address accepts and becomes a recommender of the program', async () => {
    const jiaId = (await byName('甲单位')).id;
    const sent = await organizer.post(`/api/programs/${programId}/recommending-units/invitations`, { unitIds: [jiaId] });
    assert.equal(sent.statusCode, 200, sent.body);
    assert.deepEqual(sent.json(), { sent: 1, skipped: 0, failed: [] });
    const mail = mailText((await smtp.waitForMail('jia-admin@example.com')).raw);
    const token = /\/recommendation\/accept\?token=([A-Za-z0-9_-]+)/.exec(mail)![1];

    const stranger = h.client();
    await stranger.register('forwarded-to@example.com');
    const wrong = await stranger.post('/api/recommendation/invitations/accept', { token });
    assert.deepEqual([wrong.statusCode, wrong.json().error.code], [403, 'FORBIDDEN'], 'a forwarded link does not work for someone else');

    const admin = h.client();
    await admin.register('jia-admin@example.com');
    const accepted = await admin.post('/api/recommendation/invitations/accept', { token });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.deepEqual([accepted.json().unitId, accepted.json().unitName], [jiaId, '甲单位']);
    const me = (await admin.get('/api/auth/me')).json();
    assert.ok(me.grants.some((g: { role: string; programId: string }) => g.role === 'recommender' && g.programId === programId));
    const mine = (await admin.get('/api/recommendation/units/mine')).json();
    assert.deepEqual(mine.units.map((u: { id: string }) => u.id), [jiaId]);
    assert.equal((await admin.get(`/api/recommendation/units/${jiaId}/candidates`)).statusCode, 200);

    const replay = await admin.post('/api/recommendation/invitations/accept', { token });
    assert.deepEqual([replay.statusCode, replay.json().error.code], [400, 'TOKEN_INVALID']);

    // Everyone else: 甲's administrator is in, the society's is invited once; asking again skips both.
    assert.deepEqual((await organizer.post(`/api/programs/${programId}/recommending-units/invitations`, {})).json(), { sent: 1, skipped: 1, failed: [] });
    await smtp.waitForMail('xuehui@example.com');
    assert.deepEqual((await organizer.post(`/api/programs/${programId}/recommending-units/invitations`, {})).json(), { sent: 0, skipped: 2, failed: [] });
    const units = await listUnits();
    assert.deepEqual([units.units.find((u: { id: string }) => u.id === jiaId).members, (await byName('全国某学会')).pendingInvitations], [1, 1]);
    assert.equal((await stranger.post(`/api/programs/${programId}/recommending-units/invitations`, {})).statusCode, 403);
  });

  test('the organizer edits a unit; an edit from a stale copy is refused', async () => {
    const unit = await byName('丙单位');
    const body = {
      name: '丙单位', regionCode: '410300', channels: ['c2'], adminEmails: ['bing@example.com'],
      contacts: [{ role: 'leader', name: '孙组长', phone: '0379-1234567' }, { role: 'liaison', name: '周联络', phone: '', email: 'zhou@example.com' }],
    };
    const list = await listUnits();
    const baseUpdatedAt = unit.updatedAt;
    const r = await organizer.put(`/api/recommendation/units/${unit.id}`, { ...body, baseUpdatedAt });
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual([r.json().channels.map((c: { id: string }) => c.id), r.json().contacts[1].email], [['c2'], 'zhou@example.com']);
    assert.equal((await organizer.put(`/api/recommendation/units/${unit.id}`, { ...body, baseUpdatedAt })).statusCode, 409);
    assert.equal((await organizer.put(`/api/recommendation/units/${unit.id}`, { ...body, channels: ['ghost'], baseUpdatedAt: baseUpdatedAt + 1 })).statusCode, 400);
    assert.equal((await organizer.put('/api/recommendation/units/forged', { ...body, baseUpdatedAt })).statusCode, 404);
    assert.equal(list.units.length, 5);
  });

  test('the demo recommender acts for a unit in each demo edition that has a recommendation step', async () => {
    await loadDemoData(h.deps);
    const demo = h.client();
    assert.equal((await demo.login('recommender@demo.lvping.local', DEMO_PASSWORD)).statusCode, 200);
    const mine = (await demo.get('/api/recommendation/units/mine')).json().units;
    assert.deepEqual(mine.map((u: { programSlug: string; name: string }) => [u.programSlug, u.name]).sort(), [['henan-green-2025-demo', '郑州市'], ['kczg-2022-demo', '演示推荐单位']]);
    assert.equal(mine.find((u: { programSlug: string }) => u.programSlug === 'kczg-2022-demo').quotas.find((q: { trackId: string }) => q.trackId === 'xinrui').limit, 5);
  });
});
