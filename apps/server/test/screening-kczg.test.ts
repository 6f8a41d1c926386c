import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { loadDemoData, DEMO_PASSWORD } from '../src/features/system/demo-data.ts';
import { setStatusIfCurrent } from '../src/features/applications/application.repository.ts';
import { applicantWithOrg, multipart, samplePdf } from './support/journey.ts';
import { creditCode } from './support/screening.ts';

// The seed template's own rule, on the demo edition of 2022 科创中国 (call open): 新锐企业榜 takes
// enterprises founded no more than 10 years before 2022. The track is recommended, so screening
// starts at 'endorsed'; the endorsement itself is the recommendation feature's, and stands here
// as a status set through the applications repository.

const table = (years: number[], rows: Record<string, number | string>) =>
  Object.fromEntries(Object.entries(rows).map(([row, v]) => [row, Object.fromEntries(years.map((y) => [String(y), v]))]));

const xinruiAnswers = (founded: string, seal: unknown) => ({
  basic: {
    companyName: '苏州绿能储能科技有限公司', region: '320500', founded, legalRep: '张伟', highTech: 'yes', listedCompany: 'no', capital: 2000, staff: 86,
    contactName: '李娜', contactTitle: '总经理助理', phone: '0512-66668888', email: 'contact@example.cn', contactAddress: '江苏省苏州市工业园区星湖街328号',
    industry: '7', mainBusiness: '锂离子电池储能系统的研发、生产与销售。', mainBusinessIndustry: '3841',
  },
  innovation: { table: table([2020, 2021, 2022], { patentApplications: 6, patentGrants: 4, patentLicenses: 1, ownPatents: 12 }) },
  rd: { table: table([2020, 2021, 2022], { rdStaff: 30, rdQuality: 45, rdSpend: 800, rdIntensity: 8.5 }) },
  contribution: { table: table([2020, 2021, 2022], { tax: 300, jobGrowth: 12, revenue: 9000, chainProjects: 5 }) },
  growth: { table: table([2023, 2024, 2025], { profit: 1500, revenue: 12000, coreTech: 'high' }) },
  achievements: { text: '建成工商业储能示范项目20余个，带动园区上下游配套企业发展。' },
  applicantSeal: { seal: { file: seal, date: '2022-10-20' } },
});

describeEachEngine('screening on the 2022 科创中国 demo edition: the 10-year rule of 新锐企业榜', (engine) => {
  let h: Harness;
  let institution: Client;
  let programId: string;

  before(async () => {
    h = await startHarness(engine);
    await loadDemoData(h.deps);
    programId = (await h.client().get('/api/programs/by-slug/kczg-2022-demo')).json().id;
    institution = h.client();
    await institution.login('institution@demo.lvping.local', DEMO_PASSWORD);
  });
  after(() => h.close());

  async function endorsedApplication(email: string, n: number, founded: string) {
    const a = await applicantWithOrg(h, email, creditCode(n), '320505');
    const app = (await a.client.post('/api/applications', { programId, trackId: 'xinrui', organizationId: a.orgId })).json();
    const seal = (await a.client.upload(`/api/applications/${app.id}/files?field=applicantSeal.seal`, multipart('盖章页.pdf', samplePdf, 'application/pdf'))).json();
    const saved = await a.client.put(`/api/applications/${app.id}/draft`, { answers: xinruiAnswers(founded, seal), baseRevision: 0 });
    assert.equal(saved.statusCode, 200, saved.body);
    const submitted = await a.client.post(`/api/applications/${app.id}/submit`, { baseRevision: 1 });
    assert.equal(submitted.json().status, 'submitted', submitted.body);
    return { client: a.client, id: app.id as string };
  }

  test('an enterprise founded in 2010 fails the rule with its reason; one founded in 2015 passes', async () => {
    const old = await endorsedApplication('old@example.com', 201, '2010-05-01');
    const young = await endorsedApplication('young@example.com', 202, '2015-03-18');

    // Submitted on a recommended track: still with its unit, not the screener's yet.
    const waiting = (await institution.get(`/api/applications/${old.id}/screening`)).json();
    assert.deepEqual([waiting.entry, waiting.status, waiting.canDecide], ['recommendation', 'submitted', false]);
    assert.equal((await institution.post(`/api/applications/${old.id}/screening/decision`, { outcome: 'fail', baseRevision: waiting.revision, reason: '成立超过十年' })).statusCode, 409);
    const pending = (await institution.get(`/api/programs/${programId}/screening/queue?trackId=xinrui`)).json();
    assert.deepEqual([pending.screenableStatus, pending.total], ['endorsed', 0]);

    for (const id of [old.id, young.id]) assert.equal(await setStatusIfCurrent(h.deps.db, id, { statuses: ['submitted'] }, { status: 'endorsed' }), true);

    const view = (await institution.get(`/api/applications/${old.id}/screening`)).json();
    assert.equal(view.canDecide, true);
    const [age] = view.rules;
    assert.deepEqual([age.ruleId, age.status, age.value], ['age-10-years', 'fail', '2010-05-01']);
    assert.equal(age.reason['zh-CN'], '不符合：成立年限不超过10年（工商注册成立时间以2022年反推）');
    assert.deepEqual(view.checklist.map((i: { id: string }) => i.id), ['registered-mainland', 'pilot-city', 'sme-tech', 'not-prohibited', 'no-incidents', 'not-listed-2021']);
    assert.equal((await institution.get(`/api/applications/${young.id}/screening`)).json().rules[0].status, 'pass');

    const queue = (await institution.get(`/api/programs/${programId}/screening/queue?trackId=xinrui`)).json();
    assert.deepEqual(queue.items.map((i: { id: string; ruleSummary: { fail: number } }) => [i.id, i.ruleSummary.fail]), [[old.id, 1], [young.id, 0]]);

    const bulk = (await institution.post(`/api/programs/${programId}/screening/bulk-pass`, { applicationIds: [old.id, young.id] })).json();
    assert.deepEqual(bulk.results.map((r: { ok: boolean }) => r.ok), [false, true], 'a failed rule is decided one by one');
    const failed = await institution.post(`/api/applications/${old.id}/screening/decision`, { outcome: 'fail', baseRevision: view.revision, reason: '企业成立于2010年，超过10年' });
    assert.equal(failed.json().status, 'ineligible', failed.body);
    assert.deepEqual(failed.json().current.failedRules.map((r: { ruleId: string }) => r.ruleId), ['age-10-years']);
  });
});
