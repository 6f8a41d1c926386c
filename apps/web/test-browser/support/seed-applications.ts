// Submitted applications made through the API, for the tests whose subject comes after submission
// (recommendation, screening): an applicant's organization, the draft, its files, the answers, submit.
import assert from 'node:assert/strict';
import { creditCodeCheckChar } from '@lvping/domain/form/credit-code.ts';
import { xiandaoGreenAnswers } from '../../../../packages/domain/test/templates/samples.ts';
import { pdfBytes } from './files.ts';
import { registered, type HttpClient } from './http-client.ts';
import { makeCreditCode } from './journey.ts';

type FileRef = { id: string; name: string; size: number; type: string };

export async function programBySlug(c: HttpClient, slug: string): Promise<{ id: string; updatedAt: number; definition: Record<string, any> }> {
  return c.ok(c.get(`/api/programs/by-slug/${slug}`));
}

async function newOrganization(c: HttpClient, name: string, regionCode: string, email: string): Promise<string> {
  const org = await c.ok(c.post('/api/organizations', {
    name, creditCode: makeCreditCode(regionCode), regionCode, kind: 'enterprise', address: '示例地址1号',
    contactName: '王工', contactPhone: '010-62345678', contactEmail: email,
  }));
  return org.id;
}

async function uploadPdf(c: HttpClient, applicationId: string, field: string, name: string): Promise<FileRef> {
  return c.ok(c.upload(`/api/applications/${applicationId}/files?field=${encodeURIComponent(field)}`, name, pdfBytes(name), 'application/pdf'));
}

async function saveAndSubmit(c: HttpClient, id: string, answers: Record<string, unknown>): Promise<void> {
  const saved = await c.ok(c.put(`/api/applications/${id}/draft`, { answers, baseRevision: 0 }));
  assert.deepEqual(saved.problems, []);
  const submitted = await c.ok(c.post(`/api/applications/${id}/submit`, { baseRevision: saved.revision }));
  assert.equal(submitted.status, 'submitted');
}

/** A submitted 先导技术榜（绿色低碳领域） application naming `unitId` as its recommending unit. */
export async function submitXiandaoGreen(c: HttpClient, programId: string, unitId: string, orgName: string, email: string): Promise<{ id: string; number: string }> {
  const organizationId = await newOrganization(c, orgName, '110108', email);
  const app = await c.ok(c.post('/api/applications', { programId, trackId: 'xiandao-green', organizationId, unitId }));
  const seal = await uploadPdf(c, app.id, 'applicantOpinion.seal', '申报单位盖章页.pdf');
  await saveAndSubmit(c, app.id, xiandaoGreenAnswers(seal));
  return { id: app.id, number: app.number };
}

/** Complete answers to the 创蓝碳中和先锋奖 报名表 (every required field, the three attachments). */
export function cnblueAnswers(name: string, files: { report: FileRef; bp: FileRef; license: FileRef }): Record<string, Record<string, unknown>> {
  const first17 = '91110108MA01ABCD1';
  return {
    basic: {
      name, entityType: 'enterprise', registration: 'mainland', creditCode: first17 + creditCodeCheckChar(first17), region: '110100',
      founded: '2017-05-12', teamSize: 86, financingStage: 'a', financingTotal: 8000,
      intro: '公司专注于液流电池长时储能系统的研发与制造，核心团队来自高校与头部电池企业。', products: '全钒液流电池储能系统、储能电站集成与运维服务。',
      contactName: '王女士', contactPhone: '010-62000000', contactEmail: 'bd@example.cn',
    },
    lowCarbon: {
      mechanism: '储能系统平抑风光出力波动，减少弃风弃光，替代燃煤调峰机组。', annualReduction: 12500, reductionBasis: 'measured',
      method: '以区域电网排放因子为基准线，按已投运项目年消纳新能源电量核算。', verified: 'yes', verifier: '某认证中心', verificationReport: files.report,
    },
    innovation: { coreTech: '高功率密度液流电池电堆', techDescription: '采用新型复合电极与流场设计，电堆功率密度提升40%。', trl: 7, benchmark: '能量效率78%，循环寿命超过15000次。', applications: '已投运3个储能电站项目，合计100MWh。', rdStaff: 32, corePatents: 6 },
    team: {
      members: [{ name: '李博士', title: '创始人', background: '十年电化学储能研发经验。' }],
      strategy: '面向电网侧与新能源配储市场。', governance: '设董事会与监事会，发布年度社会责任报告。',
    },
    growth: { finance: { revenue: { '2019': 1200, '2020': 2500, '2021': 5000 }, netProfit: { '2019': -800, '2020': -300, '2021': 200 } }, market: '长时储能市场规模超过千亿元。', plan: '三年内建成GWh级产线。', financingNeed: 20000 },
    ip: {
      inventionGranted: 12, utilityGranted: 20, designGranted: 1, foreignGranted: 2, inventionPending: 9, pctPending: 3,
      keyPatents: [{ title: '一种液流电池复合电极及其制备方法', number: 'ZL201910000000.1', type: 'invention', status: 'granted', filed: '2019-03-01', holder: name }],
      ipStrategy: '围绕电堆与电解液布局专利。',
    },
    support: { wanted: ['rongzi'] },
    attachments: { bp: files.bp, license: files.license },
    pledge: { promise: true },
  };
}

/** A submitted 创蓝 application on a direct track (screened as soon as it is submitted). */
export async function submitCnblue(c: HttpClient, programId: string, trackId: string, orgName: string, email: string): Promise<{ id: string; number: string }> {
  const organizationId = await newOrganization(c, orgName, '110108', email);
  const app = await c.ok(c.post('/api/applications', { programId, trackId, organizationId }));
  const files = {
    report: await uploadPdf(c, app.id, 'lowCarbon.verificationReport', '减排量核查报告.pdf'),
    bp: await uploadPdf(c, app.id, 'attachments.bp', '商业计划书.pdf'),
    license: await uploadPdf(c, app.id, 'attachments.license', '营业执照.pdf'),
  };
  await saveAndSubmit(c, app.id, cnblueAnswers(orgName, files));
  return { id: app.id, number: app.number };
}

/**
 * A new applicant's 创蓝 applications on `trackId`, one per organization, submitted and passed at
 * screening by `screener` (the organizer): the applications a review is for.
 */
export async function screenedCnblue(baseUrl: string, screener: HttpClient, programId: string, trackId: string, applicant: { email: string; password: string; name: string }, orgNames: readonly string[]): Promise<{ id: string; number: string }[]> {
  const c = await registered(baseUrl, applicant.email, applicant.password, applicant.name);
  const apps = [];
  for (const org of orgNames) {
    const app = await submitCnblue(c, programId, trackId, org, applicant.email);
    const view = await screener.ok(screener.get(`/api/applications/${app.id}/screening`));
    await screener.ok(screener.post(`/api/applications/${app.id}/screening/decision`, { outcome: 'pass', baseRevision: view.revision }));
    apps.push(app);
  }
  return apps;
}
