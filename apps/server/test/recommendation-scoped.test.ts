import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { creditCodeCheckChar, formatShanghai, type OrganizationInput, type ProgramDefinitionInput } from '@lvping/domain';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { jobDownload } from './support/jobs.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { actorOf } from './support/journey.ts';
import { applicantAccount, openRecProgram, stampedPage, unitIds, unitMember } from './support/recommendation-fixture.ts';
import { createOrganization } from '../src/features/organizations/organization.service.ts';
import { createApplication, saveDraft, submitApplication } from '../src/features/applications/application.service.ts';
import { pdfText } from './documents/pdf-text.ts';
import type { Actor } from '../src/context.ts';

// Issue 13, a national catalog selection through the definition alone: 省级发展改革委 recommend in
// their own region (not central SOEs), 国务院国资委 recommends central SOEs, 兵团 has no region code;
// at most 2 per field and 3 across the program per unit, the program-wide max holding under 50
// concurrent endorsements; a wrong unit refused with its reason; each unit's 推荐汇总表.

function catalogProgram(slug: string, now = Date.now()): ProgramDefinitionInput {
  const day = 86_400_000;
  return {
    slug, name: `绿色低碳先进技术目录 ${slug}`, year: new Date(now).getUTCFullYear(), organizers: ['国家发展改革委'],
    phases: [{ id: 'call', kind: 'call', name: '征集', startsAt: formatShanghai(now - 10 * day, false), endsAt: `${formatShanghai(now + 10 * day, false)} 24:00` }],
    tracks: [
      { id: 'f1', name: '节能降碳', formId: 'f', entry: 'recommendation' },
      { id: 'f2', name: '资源循环', formId: 'f', entry: 'recommendation' },
    ],
    forms: [{
      id: 'f', version: 1, title: '技术申报表',
      sections: [{ id: 's', title: '技术', fields: [{ id: 'name', kind: 'text', label: '技术名称', required: true, maxChars: 50 }, { id: 'cases', kind: 'text', label: '应用案例', maxChars: 200 }] }],
    }],
    recommendation: {
      channels: [
        { id: 'provincial', name: '省级发展改革委', reach: { regions: 'own', excludeOwnership: ['central_soe'] } },
        { id: 'sasac', name: '国务院国资委', reach: { ownership: ['central_soe'] } },
      ],
      quotas: [
        { id: 'per-field', tracks: ['f1', 'f2'], kind: 'max', count: 2, description: '每个领域不超过2项' },
        { id: 'total', scope: 'program', kind: 'max', count: 3, description: '每个推荐单位推荐总数不超过3项' },
      ],
      units: [
        { id: 'henan', name: '河南省发展改革委', regionCode: '410000', channels: ['provincial'] },
        { id: 'qingdao', name: '青岛市发展改革委', regionCode: '370200', channels: ['provincial'] },
        { id: 'bingtuan', name: '新疆生产建设兵团发展改革委', channels: ['provincial'], reach: { regions: ['659001'] } },
        { id: 'sasac', name: '国务院国资委', channels: ['sasac'] },
      ],
      summary: { columns: [{ field: 's.name' }, { field: 's.cases', header: '应用案例（一年以上）' }] },
    },
  };
}

const code = (n: number) => {
  const first17 = `91370200MA${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17)!;
};

describeEachEngine('recommendation: scoped quotas, routing and 推荐汇总表', (engine) => {
  let h: Harness;
  let programId: string;
  let units: Record<string, string>;
  let applicant: { client: ReturnType<Harness['client']>; actor: Actor };
  let organizerClient: ReturnType<Harness['client']>;
  let n = 0;

  before(async () => {
    h = await startHarness(engine);
    const first = (await ensureFirstAdmin(h.deps))!;
    organizerClient = h.client();
    await organizerClient.login(first.email, first.password);
    programId = await openRecProgram(h, await actorOf(h, organizerClient), catalogProgram('catalog-scope'));
    applicant = await applicantAccount(h, 'catalog-applicant@example.com');
    units = await unitIds(applicant.client, programId);
  });
  after(() => h.close());

  async function org(regionCode: string, ownership?: OrganizationInput['ownership']) {
    return createOrganization(h.deps, applicant.actor, {
      name: `技术企业${++n}`, creditCode: code(n), regionCode, kind: 'enterprise', ownership, address: '', contactName: '王五', contactPhone: '0532-12345678', contactEmail: applicant.actor.email,
    });
  }

  async function candidate(trackId: string, unitName: string, regionCode: string) {
    const o = await org(regionCode, 'private');
    const app = await createApplication(h.deps, applicant.actor, { programId, trackId, organizationId: o.id, unitId: units[unitName] });
    await saveDraft(h.deps, applicant.actor, app.id, { answers: { s: { name: `技术${n}`, cases: `案例${n}：运行两年` } }, baseRevision: 0 });
    await submitApplication(h.deps, applicant.actor, app.id, 1);
    return app.id;
  }

  test('units without a region are first-class: no code is made up', async () => {
    const choices = (await applicant.client.get(`/api/programs/${programId}/recommending-units/choices`)).json();
    const region = Object.fromEntries(choices.units.map((u: { name: string; regionCode: string }) => [u.name, u.regionCode]));
    assert.deepEqual(region, { 河南省发展改革委: '410000', 青岛市发展改革委: '370200', 新疆生产建设兵团发展改革委: '', 国务院国资委: '' });
  });

  test('routing: an applicant sees and may name only units that may recommend it; a wrong choice is refused with the reason', async () => {
    const priv = await org('410102', 'private');
    const soe = await org('110108', 'central_soe');
    const mk = async (o: { id: string }) => (await applicant.client.post('/api/applications', { programId, trackId: 'f1', organizationId: o.id })).json().id as string;
    const privApp = await mk(priv);
    const soeApp = await mk(soe);
    const names = async (id: string) => (await applicant.client.get(`/api/applications/${id}/recommendation/choices`)).json();
    assert.deepEqual(await names(privApp), { unitKind: 'unit', units: [{ id: units['河南省发展改革委'], name: '河南省发展改革委', regionCode: '410000', channels: [{ id: 'provincial', name: '省级发展改革委' }] }], outOfReach: 3 });
    assert.deepEqual((await names(soeApp)).units.map((u: { name: string }) => u.name), ['国务院国资委']);

    const wrong = await applicant.client.put(`/api/applications/${privApp}/recommendation`, { unitId: units['国务院国资委'] });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().error.message['zh-CN'], '国务院国资委不负责推荐民营企业，请选择对应的推荐单位');
    const wrongRegion = await applicant.client.put(`/api/applications/${soeApp}/recommendation`, { unitId: units['河南省发展改革委'] });
    assert.equal(wrongRegion.statusCode, 400);
    assert.match(wrongRegion.json().error.message['zh-CN'], /河南省发展改革委不负责推荐注册在北京市海淀区的单位/);
    assert.equal((await applicant.client.put(`/api/applications/${soeApp}/recommendation`, { unitId: units['国务院国资委'] })).statusCode, 200);
    // Refused on creation too, and through the unit's link.
    const created = await applicant.client.post('/api/applications', { programId, trackId: 'f2', organizationId: priv.id, unitId: units['青岛市发展改革委'] });
    assert.equal(created.statusCode, 400);
    assert.match(created.json().error.message.en, /青岛市发展改革委 does not recommend organizations registered in/);
    const link = (await organizerClient.post(`/api/recommendation/units/${units['新疆生产建设兵团发展改革委']}/invite-link`, {})).json();
    const viaLink = await applicant.client.put(`/api/applications/${privApp}/recommendation`, { inviteToken: link.token });
    assert.equal(viaLink.statusCode, 400);

    // A unit sees only applicants in its reach, even one named before the definition routed.
    await h.deps.db.updateTable('applications').set({ unit_id: units['国务院国资委'], status: 'submitted' }).where('id', '=', privApp).execute();
    const sasac = await unitMember(h, 'sasac@example.com', units['国务院国资委'], programId);
    const seen = (await sasac.client.get(`/api/recommendation/units/${units['国务院国资委']}/candidates`)).json();
    assert.ok(!seen.items.some((c: { applicationId: string }) => c.applicationId === privApp), 'out of reach: not listed');
    assert.equal((await sasac.client.get(`/api/recommendation/candidates/${privApp}`)).statusCode, 404);
  });

  test('50 endorsements at once against a program-wide quota of 3 (2 per field): exactly 3 succeed, each refusal names its quota', async () => {
    const member = await unitMember(h, 'henan-drc@example.com', units['河南省发展改革委'], programId);
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push(await candidate(i % 2 ? 'f2' : 'f1', '河南省发展改革委', '410105'));
    const stamps: string[] = [];
    for (const id of ids) stamps.push(await stampedPage(member.client, id));
    const results = await Promise.all(ids.map((id, i) => member.client.post(`/api/recommendation/candidates/${id}/endorse`, { opinion: `同意推荐 ${i}`, stampedFileId: stamps[i] })));
    const ok = results.filter((r) => r.statusCode === 200);
    assert.equal(ok.length, 3, results.map((r) => r.statusCode).join(','));
    for (const r of results.filter((x) => x.statusCode !== 200)) {
      assert.equal(r.statusCode, 409);
      const e = r.json().error;
      assert.equal(e.code, 'QUOTA_EXHAUSTED');
      assert.ok(['per-field', 'total'].includes(e.details.ruleId), JSON.stringify(e.details));
      if (e.details.ruleId === 'total') assert.match(e.message['zh-CN'], /全部推荐赛道合计的推荐名额已用完（3\/3，名额规则「每个推荐单位推荐总数不超过3项」）/);
      else assert.match(e.message['zh-CN'], /推荐名额已用完（2\/2）/);
    }
    const ledger = Object.fromEntries((await h.deps.db.selectFrom('quota_usage').select(['track_id', 'used']).where('unit_id', '=', units['河南省发展改革委']).execute()).map((r) => [r.track_id, Number(r.used)]));
    assert.equal(ledger['@total'], 3);
    assert.equal((ledger.f1 ?? 0) + (ledger.f2 ?? 0), 3);
    assert.ok((ledger.f1 ?? 0) <= 2 && (ledger.f2 ?? 0) <= 2, JSON.stringify(ledger));
    const endorsed = await h.deps.db.selectFrom('nominations').select('application_id').where('unit_id', '=', units['河南省发展改革委']).where('status', '=', 'endorsed').execute();
    assert.equal(endorsed.length, 3);
    const meter = (await member.client.get(`/api/recommendation/units/${units['河南省发展改革委']}`)).json();
    assert.deepEqual(meter.scopedQuotas.map((q: { ruleId: string; used: number; limit: number; left: number }) => [q.ruleId, q.used, q.limit, q.left]), [['total', 3, 3, 0]]);
  });

  test('per field and across the program, one after the other; a withdrawal gives both places back; the 推荐汇总表', async () => {
    const member = await unitMember(h, 'qingdao-drc@example.com', units['青岛市发展改革委'], programId);
    const [a, b, c, d, e] = [await candidate('f1', '青岛市发展改革委', '370202'), await candidate('f1', '青岛市发展改革委', '370202'), await candidate('f1', '青岛市发展改革委', '370203'), await candidate('f2', '青岛市发展改革委', '370202'), await candidate('f2', '青岛市发展改革委', '370211')];
    const endorse = async (id: string, opinion = '该技术成熟可靠，同意推荐。') => member.client.post(`/api/recommendation/candidates/${id}/endorse`, { opinion, stampedFileId: await stampedPage(member.client, id) });
    assert.equal((await endorse(a, '推荐意见甲：技术领先，应用案例运行超过一年。')).statusCode, 200);
    assert.equal((await endorse(b)).statusCode, 200);
    const third = await endorse(c);
    assert.equal(third.statusCode, 409);
    assert.equal(third.json().error.details.ruleId, 'per-field');
    assert.equal((await endorse(d, '推荐意见丁')).statusCode, 200);
    const overall = await endorse(e);
    assert.equal(overall.statusCode, 409);
    assert.deepEqual({ ruleId: overall.json().error.details.ruleId, scope: overall.json().error.details.scope }, { ruleId: 'total', scope: 'program' });
    assert.match(overall.json().error.message.en, /rule "每个推荐单位推荐总数不超过3项"/);

    assert.equal((await applicant.client.post(`/api/applications/${b}/withdraw`, { reason: '技术调整' })).statusCode, 200);
    const ledger = async () => Object.fromEntries((await h.deps.db.selectFrom('quota_usage').select(['track_id', 'used']).where('unit_id', '=', units['青岛市发展改革委']).execute()).map((r) => [r.track_id, Number(r.used)]));
    assert.deepEqual(await ledger(), { '@total': 2, f1: 1, f2: 1 });
    assert.equal((await endorse(e, '推荐意见戊')).statusCode, 200);

    // The unit puts 戊 first; the order must list every standing endorsement.
    assert.equal((await member.client.put(`/api/recommendation/units/${units['青岛市发展改革委']}/preferences`, { applicationIds: [e, a] })).statusCode, 400);
    assert.equal((await member.client.put(`/api/recommendation/units/${units['青岛市发展改革委']}/preferences`, { applicationIds: [e, a, d] })).statusCode, 200);

    const xlsx = await member.client.get(`/api/recommendation/units/${units['青岛市发展改革委']}/summary.xlsx`);
    assert.equal(xlsx.statusCode, 200);
    assert.match(decodeURIComponent(String(xlsx.headers['content-disposition'])), /青岛市发展改革委-推荐汇总表\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    assert.equal(ws.name, '青岛市发展改革委');
    const headers = (ws.getRow(3).values as unknown[]).slice(1);
    assert.deepEqual(headers, ['推荐排序', '推荐单位', '推荐渠道', '申报编号', '赛道/领域', '申报单位', '统一社会信用代码', '所在地区', '技术名称', '应用案例（一年以上）', '推荐意见', '推荐时间']);
    const row = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    assert.equal(ws.rowCount, 6);
    assert.deepEqual(row(4).slice(0, 3), [1, '青岛市发展改革委', '省级发展改革委']);
    assert.equal(row(4)[10], '推荐意见戊');
    assert.equal(row(5)[10], '推荐意见甲：技术领先，应用案例运行超过一年。');
    assert.match(String(row(5)[9]), /^案例\d+：运行两年$/);
    assert.equal(row(6)[4], '资源循环');

    const pdf = await member.client.get(`/api/recommendation/units/${units['青岛市发展改革委']}/summary.pdf`);
    assert.equal(pdf.statusCode, 200);
    const { pages, all } = await pdfText(pdf.rawPayload);
    assert.match(all, /推荐汇总表/);
    assert.match(all, /推荐意见甲：技术领先/);
    assert.match(pages[pages.length - 1], /推荐单位（盖章）：青岛市发展改革委/);
    assert.match(pages[pages.length - 1], /经审核，我单位推荐以上 3 项/);

    // Another unit's member cannot have it; the organizer has any unit's, and all in one workbook.
    const other = await unitMember(h, 'bingtuan@example.com', units['新疆生产建设兵团发展改革委'], programId);
    assert.equal((await other.client.get(`/api/recommendation/units/${units['青岛市发展改革委']}/summary.xlsx`)).statusCode, 404);
    assert.equal((await organizerClient.get(`/api/recommendation/units/${units['青岛市发展改革委']}/summary.pdf`)).statusCode, 200);
    const all4 = await organizerClient.get(`/api/programs/${programId}/recommendation/summary.xlsx`);
    assert.equal(all4.statusCode, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(all4.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(book.worksheets.map((w) => w.name), ['河南省发展改革委', '青岛市发展改革委', '新疆生产建设兵团发展改革委', '国务院国资委']);
    assert.equal(book.worksheets[0].rowCount, 6, '河南: its 3 endorsements');
    assert.equal((await applicant.client.get(`/api/programs/${programId}/recommendation/summary.xlsx`)).statusCode, 403);

    // The applications export carries the unit, channel and opinion; the 申报书 prints the opinion.
    const exp = await jobDownload(h, organizerClient, await organizerClient.post(`/api/programs/${programId}/applications/exports`, {}));
    const eb = new ExcelJS.Workbook();
    await eb.xlsx.load(exp.rawPayload as unknown as ArrayBuffer);
    const sheet = eb.worksheets[0];
    const eh = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    assert.deepEqual(eh.slice(-3), ['推荐单位', '推荐渠道', '推荐意见']);
    const opinions = [];
    for (let r = 2; r <= sheet.rowCount; r++) opinions.push(sheet.getRow(r).getCell(eh.indexOf('推荐意见') + 1).value);
    assert.ok(opinions.includes('推荐意见甲：技术领先，应用案例运行超过一年。'), JSON.stringify(opinions));
    const book1 = await applicant.client.get(`/api/applications/${a}/pdf`);
    assert.equal(book1.statusCode, 200);
    const printed = await pdfText(book1.rawPayload);
    assert.match(printed.all, /推荐单位意见/);
    assert.match(printed.all, /推荐意见甲：技术领先/);
  });
});
