import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { MatchProfileInput } from '@lvping/domain';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { decodeMail, startSmtpServer } from './support/smtp.ts';
import { actorOf, openProgram } from './support/journey.ts';
import { approvedProfile, catalogEntry, organizationOf, userWith } from './support/match-fixture.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';

// What comes of matchmaking, on both engines: a deal recorded by one side after an 对接会
// meeting and confirmed by the other, its 交易佣金 by the platform's rules (edited by platform
// admins only; a confirmed deal keeps what it was charged), the dashboard's figures and its Excel
// export; amounts seen by the parties and the catalog organizer only; IP service requests routed
// to the approved providers of that service and region, who accept, decline and complete.

const contact = { name: '王工', phone: '0371-66668888', email: 'wang@tech.example.cn' };
const investorInput = (orgName: string): MatchProfileInput => ({
  kind: 'investor', orgName, contact: { name: '赵投', phone: '13911112222', email: 'zhao@fund.example.cn' }, fieldIds: ['glt2024-4'], regions: [],
  description: '关注光伏与储能', stages: ['A'], ticketMin: 100, ticketMax: 5000,
});

describeEachEngine('deals, 交易佣金, IP service requests and the matchmaking dashboard', (engine) => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let admin: Client;
  let organizer: Client;
  let owner: { client: Client; userId: string; orgId: string };
  let investor: { client: Client; userId: string };
  let otherInvestor: { client: Client; userId: string };
  let outsider: Client;
  let entry = '';
  let programName = '';
  let meetingId = '';
  let dealId = '';

  before(async () => {
    smtp = await startSmtpServer();
    h = await startHarness(engine, { smtpUrl: smtp.url });
    const first = (await ensureFirstAdmin(h.deps))!;
    admin = h.client();
    assert.equal((await admin.login(first.email, first.password)).statusCode, 200);
    const program = await openProgram(h, await actorOf(h, admin), 'deal-source');
    programName = (await h.deps.db.selectFrom('programs').select('name').where('id', '=', program.id).executeTakeFirstOrThrow()).name;
    organizer = (await userWith(h, 'catalog@example.com', 'catalog_organizer')).client;
    const o = await userWith(h, 'owner@example.com');
    owner = { ...o, orgId: await organizationOf(o.client, '郑州光电科技有限公司', '410105', contact) };
    entry = await catalogEntry(h, owner, { name: '钙钛矿叠层光伏组件', fieldId: 'glt2024-4', trl: 7, scope: '分布式光伏电站', process: '叠层电池封装工艺', contact });
    // The entry came from that program's results (as the catalog's "add a program's winners" leaves it).
    await h.deps.db.updateTable('catalog_entries').set({ program_id: program.id }).where('id', '=', entry).execute();
    investor = await userWith(h, 'investor@example.com');
    await approvedProfile(investor.client, organizer, investorInput('绿能创投'));
    otherInvestor = await userWith(h, 'other@example.com');
    await approvedProfile(otherInvestor.client, organizer, investorInput('碳中和基金'));
    outsider = (await userWith(h, 'outsider@example.com')).client;
    // They met at an 对接会.
    const ev = await organizer.post('/api/meetings/events', { name: '银企对接会', place: '郑州', date: '2026-12-18', startTime: '09:00', endTime: '10:00', slotMinutes: 30, tables: 2 });
    const eventId = ev.json().id;
    await organizer.post(`/api/meetings/events/${eventId}/participants`, { userIds: [owner.userId, investor.userId, otherInvestor.userId] });
    meetingId = (await investor.client.post(`/api/meetings/events/${eventId}/requests`, { toUserId: owner.userId, note: '许可合作' })).json().id;
    await owner.client.post(`/api/meetings/requests/${meetingId}/respond`, { accept: true });
    await otherInvestor.client.post(`/api/meetings/events/${eventId}/requests`, { toUserId: owner.userId, note: '投资' });
    assert.equal((await organizer.post(`/api/meetings/events/${eventId}/schedule`, {})).statusCode, 200);
    await organizer.post(`/api/meetings/requests/${meetingId}/held`, { held: true });
  });
  after(async () => {
    await h?.close();
    await smtp?.close();
  });

  test('a deal is recorded by one side; bad input names its field and records nothing', async () => {
    const base = { kind: 'license', amountWan: 300, date: '2026-12-20', viaPlatform: true, counterpartUserId: owner.userId, meetingRequestId: meetingId };
    assert.equal((await outsider.post('/api/deals', base)).statusCode, 403, 'not a market member');
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, amountWan: 1.23456 }, 'amountWan'],
      [{ ...base, counterpartUserId: investor.userId }, 'counterpartUserId'],
      [{ ...base, counterpartUserId: undefined, counterpartEmail: 'nobody@example.com' }, 'counterpartEmail'],
      [{ ...base, counterpartUserId: otherInvestor.userId }, 'meetingRequestId'],
      [{ ...base, date: '2026-13-01' }, 'date'],
    ];
    for (const [body, path] of cases) {
      const r = await investor.client.post('/api/deals', body);
      assert.equal(r.statusCode, 400, `${path}: ${r.body}`);
      assert.ok(r.json().error.fields.some((f: { path: string }) => f.path === path), `${path}: ${r.body}`);
    }
    const other = await otherInvestor.client.post('/api/deals', { kind: 'investment', amountWan: 1000, date: '2026-12-20', viaPlatform: true, counterpartUserId: investor.userId, catalogEntryId: entry });
    assert.equal(other.statusCode, 400, 'the technology belongs to neither side');
    assert.equal((await investor.client.get('/api/deals')).json().items.length, 0);
    const recorded = await investor.client.post('/api/deals', base);
    assert.equal(recorded.statusCode, 200, recorded.body);
    dealId = recorded.json().id;
    assert.deepEqual([recorded.json().status, recorded.json().amountWan, recorded.json().catalogEntryId, recorded.json().technologyName, recorded.json().commission], ['pending', 300, entry, '钙钛矿叠层光伏组件', null]);
    await h.runJobs(); // the queued mail is out
    const mail = await smtp.waitForMail('owner@example.com');
    assert.ok(smtp.mails.some((m) => m.to.includes('owner@example.com') && decodeMail(m.raw).subject.includes('请确认交易登记')), decodeMail(mail.raw).subject);
  });

  test('counterparts: whom the caller met', async () => {
    const items = (await investor.client.get('/api/deals/counterparts')).json().items;
    assert.deepEqual(items.map((i: { userId: string; meetingRequestId: string; technologyName: string }) => [i.userId, i.meetingRequestId, i.technologyName]), [[owner.userId, meetingId, '钙钛矿叠层光伏组件']]);
  });

  test('the other side confirms; the commission is computed then, by the rules in force', async () => {
    assert.equal((await investor.client.post(`/api/deals/${dealId}/confirm`, { confirm: true })).statusCode, 403, 'the recorder cannot confirm');
    assert.equal((await otherInvestor.client.post(`/api/deals/${dealId}/confirm`, { confirm: true })).statusCode, 404);
    const ok = await owner.client.post(`/api/deals/${dealId}/confirm`, { confirm: true, note: '属实' });
    assert.equal(ok.statusCode, 200, ok.body);
    const d = ok.json();
    assert.equal(d.status, 'confirmed');
    // Default license rule: 5% of the first 100万, 3% above → 5万 + 6万.
    assert.equal(d.commission.commissionWan, 11);
    assert.equal(d.commission.commissionFen, 11_0000_00);
    assert.deepEqual(d.commission.parts, [{ fromWan: 0, toWan: 100, ratePercent: 5, baseWan: 100 }, { fromWan: 100, toWan: null, ratePercent: 3, baseWan: 200 }]);
    assert.equal((await owner.client.post(`/api/deals/${dealId}/confirm`, { confirm: true })).statusCode, 409);
  });

  test('commission rules: platform admins edit them; a confirmed deal keeps its commission', async () => {
    const rules = { rules: [{ kind: 'license', tiers: [{ upToWan: null, ratePercent: 10 }], minWan: null, maxWan: null }] };
    assert.equal((await organizer.put('/api/deals/commission-rules', rules)).statusCode, 403);
    const bad = await admin.put('/api/deals/commission-rules', { rules: [{ kind: 'license', tiers: [{ upToWan: 100, ratePercent: 5 }] }] });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.fields[0].path, 'rules.0.tiers.0.upToWan');
    const saved = await admin.put('/api/deals/commission-rules', rules);
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal((await investor.client.get('/api/deals/commission-rules')).json().rules[0].tiers[0].ratePercent, 10);
    assert.equal((await owner.client.get(`/api/deals/${dealId}`)).json().commission.commissionWan, 11, 'charged once, at confirmation');
    // A second deal, by email, outside the platform: no commission; a third is declined; a fourth stays pending.
    const offPlatform = (await owner.client.post('/api/deals', { kind: 'purchase', amountWan: 50.5, date: '2026-12-21', viaPlatform: false, counterpartEmail: 'investor@example.com' })).json();
    assert.equal(offPlatform.catalogEntryId, null);
    const c = await investor.client.post(`/api/deals/${offPlatform.id}/confirm`, { confirm: true });
    assert.equal(c.json().commission, null);
    const declined = (await investor.client.post('/api/deals', { kind: 'loan', amountWan: 999, date: '2026-12-21', viaPlatform: true, counterpartUserId: owner.userId })).json();
    assert.equal((await owner.client.post(`/api/deals/${declined.id}/confirm`, { confirm: false, note: '未达成' })).json().status, 'declined');
    await investor.client.post('/api/deals', { kind: 'license', amountWan: 77, date: '2026-12-22', viaPlatform: true, counterpartUserId: owner.userId, catalogEntryId: entry });
  });

  test('amounts are seen by the parties and the catalog organizer only', async () => {
    assert.equal((await outsider.get(`/api/deals/${dealId}`)).statusCode, 404);
    assert.equal((await otherInvestor.client.get(`/api/deals/${dealId}`)).statusCode, 404);
    assert.deepEqual((await otherInvestor.client.get('/api/deals')).json().items, []);
    assert.equal((await otherInvestor.client.get('/api/deals?all=1')).statusCode, 403);
    assert.equal((await outsider.get('/api/deals/dashboard')).statusCode, 403);
    assert.equal((await investor.client.get('/api/deals/dashboard')).statusCode, 403);
    assert.equal((await owner.client.get('/api/deals/dashboard/export.xlsx')).statusCode, 403);
    assert.equal((await owner.client.get(`/api/deals/${dealId}`)).json().amountWan, 300);
    const all = (await organizer.get('/api/deals?all=1')).json().items as { id: string; amountWan: number; commission: { commissionWan: number } | null }[];
    assert.equal(all.length, 4);
    assert.equal(all.find((d) => d.id === dealId)!.commission!.commissionWan, 11);
  });

  test('the dashboard counts confirmed deals by kind, program, field and region, and exports them', async () => {
    const r = await organizer.get('/api/deals/dashboard');
    assert.equal(r.statusCode, 200, r.body);
    const d = r.json();
    assert.deepEqual(d.meetings, { requested: 2, accepted: 1, scheduled: 1, held: 1 });
    assert.deepEqual(d.deals, { confirmed: 2, amountWan: 350.5, pending: 1, commissionWan: 11 });
    assert.deepEqual(d.matches, { interests: 0, mutual: 0 }, 'features/match is installed: its interests are counted');
    assert.deepEqual(d.byKind.map((g: { key: string; deals: number; amountWan: number }) => [g.key, g.deals, g.amountWan]), [['license', 1, 300], ['purchase', 1, 50.5]]);
    assert.deepEqual(d.byProgram.map((g: { label: string; amountWan: number }) => [g.label, g.amountWan]), [[programName, 300], ['非评选来源', 50.5]]);
    assert.deepEqual(d.byField.map((g: { label: string; amountWan: number }) => [g.label, g.amountWan]), [['能源绿色低碳转型', 300], ['未关联技术', 50.5]]);
    assert.deepEqual(d.byRegion.map((g: { label: string; amountWan: number }) => [g.label, g.amountWan]), [['河南省', 300], ['未知地区', 50.5]]);
    const x = await organizer.get('/api/deals/dashboard/export.xlsx');
    assert.equal(x.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['概况', '按交易类型', '按来源活动', '按领域', '按地区']);
    const region = wb.getWorksheet('按地区')!;
    assert.deepEqual([region.getRow(2).getCell(1).value, region.getRow(2).getCell(3).value], ['河南省', 300]);
  });

  test('IP service requests go to the approved providers of that service and region', async () => {
    const apply = async (email: string, orgName: string, services: string[], regions: string[]) => {
      const u = await userWith(h, email);
      const r = await u.client.post('/api/services/providers', { orgName, services, regions, contact: { name: '李', phone: '0371-1234567', email } });
      assert.equal(r.statusCode, 200, r.body);
      return { ...u, profileId: r.json().id as string };
    };
    const henan = await apply('henan-ip@example.com', '河南知识产权事务所', ['patent_search', 'pledge'], ['410000']);
    const national = await apply('national-ip@example.com', '全国评估中心', ['valuation'], []);
    const shenzhen = await apply('sz-ip@example.com', '深圳专利检索中心', ['patent_search'], ['440000']);
    const pending = await apply('pending-ip@example.com', '待审检索所', ['patent_search'], []);
    assert.equal((await owner.client.post(`/api/services/providers/${henan.profileId}/review`, { approve: true })).statusCode, 403);
    for (const p of [henan, national, shenzhen]) assert.equal((await organizer.post(`/api/services/providers/${p.profileId}/review`, { approve: true })).json().status, 'approved');
    assert.equal((await organizer.get('/api/services/providers?status=pending')).json().items.length, 1);

    assert.equal((await investor.client.post('/api/services/requests', { kind: 'patent_search', regionCode: '410105', description: '检索同类专利' })).statusCode, 403, 'technology owners ask');
    const bad = await owner.client.post('/api/services/requests', { kind: 'patent_search', regionCode: '999999', description: '检索同类专利' });
    assert.equal(bad.json().error.fields[0].path, 'regionCode');
    const search = (await owner.client.post('/api/services/requests', { kind: 'patent_search', regionCode: '410105', catalogEntryId: entry, description: '检索钙钛矿叠层相关专利' })).json();
    assert.equal(search.status, 'open');
    assert.deepEqual(search.routes.map((x: { orgName: string }) => x.orgName), ['河南知识产权事务所'], 'by service and region; unapproved providers get nothing');
    const valuation = (await owner.client.post('/api/services/requests', { kind: 'valuation', regionCode: '410105', description: '专利价值评估' })).json();
    assert.deepEqual(valuation.routes.map((x: { orgName: string }) => x.orgName), ['全国评估中心'], 'no regions: 全国');
    const nobody = (await owner.client.post('/api/services/requests', { kind: 'pledge', regionCode: '440305', description: '知识产权质押融资' })).json();
    assert.equal(nobody.status, 'unrouted');

    assert.ok((await smtp.waitForMail('henan-ip@example.com')).raw.length > 0);
    assert.equal((await shenzhen.client.post(`/api/services/requests/${search.id}/answer`, { action: 'accept' })).statusCode, 404, 'not routed to it');
    assert.equal((await pending.client.post(`/api/services/requests/${search.id}/answer`, { action: 'accept' })).statusCode, 404);
    assert.deepEqual((await shenzhen.client.get('/api/services/requests')).json().items, []);
    assert.equal((await henan.client.post(`/api/services/requests/${search.id}/answer`, { action: 'complete' })).statusCode, 409, 'accept first');
    const accepted = (await henan.client.post(`/api/services/requests/${search.id}/answer`, { action: 'accept', note: '三个工作日内出报告' })).json();
    assert.deepEqual([accepted.status, accepted.provider.orgName], ['accepted', '河南知识产权事务所']);
    const done = (await henan.client.post(`/api/services/requests/${search.id}/answer`, { action: 'complete', note: '检索报告已发送' })).json();
    assert.equal(done.status, 'completed');
    const declined = (await national.client.post(`/api/services/requests/${valuation.id}/answer`, { action: 'decline', note: '档期已满' })).json();
    assert.equal(declined.status, 'unrouted', 'declined by everyone it went to');
    const notices = (await owner.client.get('/api/notifications?limit=50')).json().items.map((n: { kind: string }) => n.kind);
    for (const k of ['service.accept', 'service.complete', 'service.decline', 'service.unrouted']) assert.ok(notices.includes(k), k);
    const mine = (await owner.client.get('/api/services/requests')).json().items;
    assert.equal(mine.length, 3);
  });
});
