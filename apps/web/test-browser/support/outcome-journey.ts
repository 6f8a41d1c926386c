// The three seed programs' demo editions carried through the real product API from the call to
// the end of their last review round, for the end-to-end outcome tests (journey-*.test.ts):
// applications created and submitted with complete answers, endorsed by their recommending unit
// where the program has one, passed at screening, then every review round in order — experts
// assigned (pins and a solve; a roadshow's panel), each sheet confirmed and submitted on the
// program's own rubric, the round's ranking checked, the entrants advanced. The scores follow
// a fixed quality per application (each expert a little more or less lenient, never enough to
// swap two), so every round ranks each track in the same known order.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { ReceivedMail } from '../../../server/test/support/smtp.ts';
import { cnblueAnswers, programBySlug } from './seed-applications.ts';
import { xiandaoGreenAnswers } from '../../../../packages/domain/test/templates/samples.ts';
import { pdfBytes } from './files.ts';
import { henanProductAnswers, henanTechAnswers, type HenanEnterprise, type HenanProduct, type HenanTech } from './henan-answers.ts';
import { registered, signedIn, type HttpClient } from './http-client.ts';
import { jobResult } from './job-wait.ts';
import { DEMO_EXPERT, DEMO_ORGANIZER, DEMO_PASSWORD, makeCreditCode } from './journey.ts';
import { acceptedExperts, demoExpert, myAssignments, scoreAs, type ExpertAccount } from './review-seed.ts';

type FileRef = { id: string; name: string; size: number; type: string };

export const DEMO_RECOMMENDER = 'recommender@demo.lvping.local';
export const DEMO_INSTITUTION = 'institution@demo.lvping.local';
export const DEMO_COMMITTEE = 'committee@demo.lvping.local';
/** The password of every applicant the journeys register. */
export const APPLICANT_PASSWORD = 'outcome journey 2026';

export type JourneyApp = {
  id: string;
  number: string;
  trackId: string;
  /** What the application is called: its technology, product or project. */
  title: string;
  orgName: string;
  /** Its applicant, signed in (one account per applying organization). */
  applicant: HttpClient;
  applicantEmail: string;
  /** The share of every criterion's maximum its reviewers give it (before their leniency). */
  quality: number;
};

type Ranking = { roundId: string; tracks: { trackId: string; items: { applicationId: string; number: string; rank: number; score: number; n: number }[]; excluded: unknown[]; unscored: unknown[] }[] };

export type ReviewedProgram = {
  programId: string;
  slug: string;
  organizer: HttpClient;
  apps: JourneyApp[];
  /** Experts who can sign in, the demo expert first. */
  experts: ExpertAccount[];
  /** The review rounds, in order. */
  rounds: string[];
  /** The last round's ranking (GET …/review/rounds/<last>/ranking), every application in it. */
  ranking: Ranking;
  /** Per track, the application numbers best first: the order the scores were made to give. */
  expected: Record<string, string[]>;
};

// ── the call ──────────────────────────────────────────────────────────────────────────────────

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
  assert.deepEqual(saved.problems, [], `draft ${id}`);
  const submitted = await c.ok(c.post(`/api/applications/${id}/submit`, { baseRevision: saved.revision }));
  assert.equal(submitted.status, 'submitted');
}

type Entry = { trackId: string; orgName: string; email: string; regionCode: string; quality: number; unitId?: string };

/** A new applicant registers, its organization, the draft on the entry's track (naming its unit). */
async function startApplication(baseUrl: string, programId: string, e: Entry) {
  const applicant = await registered(baseUrl, e.email, APPLICANT_PASSWORD, `${e.orgName}申报人`);
  const organizationId = await newOrganization(applicant, e.orgName, e.regionCode, e.email);
  const app = await applicant.ok(applicant.post('/api/applications', { programId, trackId: e.trackId, organizationId, ...(e.unitId ? { unitId: e.unitId } : {}) }));
  return { applicant, app: app as { id: string; number: string } };
}

/** Passes screening after ticking every checklist item; every automatic rule must have passed. */
async function passScreening(screener: HttpClient, app: JourneyApp): Promise<void> {
  const view = await screener.ok(screener.get(`/api/applications/${app.id}/screening`));
  assert.equal(view.ruleSummary.fail, 0, `${app.number}: ${JSON.stringify(view.rules)}`);
  for (const item of view.checklist as { id: string }[]) {
    await screener.ok(screener.put(`/api/applications/${app.id}/screening/checklist/${item.id}`, { checked: true, note: '已核对申报材料' }));
  }
  const passed = await screener.ok(screener.post(`/api/applications/${app.id}/screening/decision`, { outcome: 'pass', baseRevision: view.revision }));
  assert.deepEqual([passed.status, passed.current.outcome], ['eligible', 'pass'], app.number);
}

/** The unit's member uploads the stamped 推荐意见 page and endorses the candidate. */
async function endorse(member: HttpClient, app: JourneyApp, opinion: string): Promise<void> {
  const name = '推荐意见（盖章）.pdf';
  const stamped = await member.ok(member.upload(`/api/recommendation/candidates/${app.id}/stamped-page`, name, pdfBytes('stamped recommendation'), 'application/pdf'));
  await member.ok(member.post(`/api/recommendation/candidates/${app.id}/endorse`, { opinion, stampedFileId: stamped.id }));
  const seen = await app.applicant.ok(app.applicant.get(`/api/applications/${app.id}/recommendation`));
  assert.equal(seen.nomination.status, 'endorsed', app.number);
}

/** The unit the demo recommender acts for on this program. */
async function demoUnit(recommender: HttpClient, programId: string): Promise<{ id: string; name: string }> {
  const { units } = await recommender.ok(recommender.get('/api/recommendation/units/mine'));
  const unit = units.find((u: { programId: string }) => u.programId === programId);
  assert.ok(unit, 'the demo recommender acts for a unit of this program');
  return { id: unit.id, name: unit.name };
}

// ── the review rounds ─────────────────────────────────────────────────────────────────────────

/** The rubric each track is scored on, as the template defines it: its gates and [criterion, weight, max]. */
type ExpectedRubric = { id: string; gates: string[]; criteria: [string, number, number][] };
type Rubric = { id: string; gates: { id: string; name: string }[]; criteria: { id: string; name: string; weight: number; max: number; step: number; levels?: unknown[] }[] };

// Each expert's leniency, added to an application's quality: small against the gaps between qualities.
const LENIENCY = [0, -0.03, 0.02, -0.01, 0.03, -0.02, 0.01];

/**
 * A complete sheet on `rubric`: every criterion at `level` of its maximum (on its step), a
 * comment on each, every 基本要求 gate passed with what was checked, and the overall comment.
 */
export function sheetOn(rubric: Rubric, level: number, note: string) {
  const scores: Record<string, number> = {};
  const comments: Record<string, string> = {};
  for (const c of rubric.criteria) {
    assert.equal(c.levels, undefined, `${c.id}: a levelled criterion is not expected here`);
    scores[c.id] = Math.max(0, Math.min(c.max, Math.round((c.max * level) / c.step) * c.step));
    comments[c.id] = `${note}：“${c.name}”与申报材料一致`;
  }
  const gates = Object.fromEntries(rubric.gates.map((g) => [g.id, { pass: true, note: `已核对：${g.name}` }]));
  return { scores, comments, gates, overallComment: `${note}。总体评价：技术路线清晰，效益数据可核查。` };
}
/** The weighted total of a sheet on the rubric: each criterion's share of its maximum times its weight. */
const totalOf = (rubric: Rubric, scores: Record<string, number>) => rubric.criteria.reduce((s, c) => s + (scores[c.id] / c.max) * c.weight, 0);

type RoundPlan = {
  id: string;
  /** Who assigns the round: the organizer, or (科创中国's 初评) the review institution. */
  assigner: HttpClient;
  /** Pinned reviewers and a solve; or a roadshow panel whose members review every slot. */
  by: 'pins' | 'panel';
  /** A 现场考察 round: each application's visit is scheduled first. */
  visits?: boolean;
  /** Why the entrants of the next round differ from its entry rule (a manual rule proposes none). */
  advanceReason?: string;
};

type Ctx = { programId: string; def: Record<string, any>; organizer: HttpClient; experts: ExpertAccount[]; rubrics: Record<string, ExpectedRubric> };

/** The day a round's phase starts, as the (shifted) demo definition has it. */
function roundDay(def: Record<string, any>, roundId: string): string {
  const round = def.review.rounds.find((r: { id: string }) => r.id === roundId);
  const phase = def.phases.find((p: { id: string }) => p.id === round.phase);
  return String(phase.startsAt).slice(0, 10);
}

const expectedOrder = (apps: JourneyApp[]): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  for (const a of [...apps].sort((x, y) => y.quality - x.quality)) (out[a.trackId] ??= []).push(a.number);
  return out;
};

/** Every application ranked, each track in the expected order, nothing excluded or unscored. */
function assertRanking(ranking: Ranking, apps: JourneyApp[], reviewers: number): void {
  const want = expectedOrder(apps);
  const got = Object.fromEntries(ranking.tracks.filter((t) => t.items.length || t.excluded.length || t.unscored.length).map((t) => [t.trackId, t.items.map((i) => i.number)]));
  assert.deepEqual(got, want, `${ranking.roundId}: the ranking`);
  for (const t of ranking.tracks) {
    assert.deepEqual([t.excluded, t.unscored], [[], []], `${ranking.roundId}/${t.trackId}`);
    assert.deepEqual(t.items.map((i) => i.rank), t.items.map((_, k) => k + 1));
    for (const i of t.items) assert.equal(i.n, reviewers, `${i.number}: reviews in ${ranking.roundId}`);
  }
}

/** Assigns the round, has its experts score every application, checks its ranking; returns it. */
async function reviewRound(ctx: Ctx, plan: RoundPlan, apps: JourneyApp[]): Promise<Ranking> {
  const { programId, def, organizer } = ctx;
  const reviewers = def.review.rounds.find((r: { id: string }) => r.id === plan.id).reviewsPerApplication ?? def.review.reviewsPerApplication;
  assert.ok(ctx.experts.length >= reviewers, `${plan.id} needs ${reviewers} experts`);
  const panel = ctx.experts.slice(0, reviewers);
  const base = `/api/programs/${programId}/assignment`;
  const round = `/api/programs/${programId}/review/rounds/${plan.id}`;
  const a = plan.assigner;
  const pool = await a.ok(a.get(`${base}?round=${plan.id}`));
  assert.equal(pool.roundId, plan.id);
  assert.equal(pool.applications, apps.length, `${plan.id}: the applications to review`);
  const day = roundDay(def, plan.id);

  if (plan.by === 'panel') {
    // 路演: one panel, 15 minutes a slot from 09:00; its members score every application of it.
    for (const [k, app] of apps.entries()) {
      const t = 9 * 60 + 15 * k;
      const startsAt = `${day} ${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
      await organizer.ok(organizer.put(`${round}/slots/${app.id}`, { panel: '第一组', startsAt, place: '第一会议室（线上同步腾讯会议）' }));
    }
    const added = await organizer.ok(organizer.post(`${round}/panels/${encodeURIComponent('第一组')}/members`, { expertIds: panel.map((e) => e.id) }));
    assert.deepEqual(added, { added: apps.length * reviewers, skipped: [] });
  } else {
    if (plan.visits) {
      for (const app of apps) await organizer.ok(organizer.put(`${round}/visits/${app.id}`, { date: day, team: panel.map((e) => e.name).join('、'), address: `${app.orgName}生产基地` }));
    }
    for (const app of apps) for (const e of panel) await a.ok(a.post(`${base}/rules?round=${plan.id}`, { applicationId: app.id, expertId: e.id, kind: 'pin', reason: '按评审分组指定' }));
    const solved = await jobResult(a, a.post(`${base}/solve?round=${plan.id}`, { loadCost: 0 }));
    assert.equal(solved.feasible, true, JSON.stringify(solved).slice(0, 500));
    const pairs = (solved.view.items as { applicationId: string; expertId: string }[]).map((i) => `${i.applicationId}:${i.expertId}`).sort();
    assert.deepEqual(pairs, apps.flatMap((x) => panel.map((e) => `${x.id}:${e.id}`)).sort());
  }
  const published = await a.ok(a.post(`${base}/publish?round=${plan.id}`));
  assert.deepEqual(published, { published: apps.length * reviewers, experts: reviewers });
  if (plan.by === 'pins') {
    // Pair rules hold for the whole program: left in place they would bind the next round too.
    for (const app of apps) for (const e of panel) await a.ok(a.post(`${base}/rules/delete?round=${plan.id}`, { applicationId: app.id, expertId: e.id }));
  }

  for (const [k, e] of panel.entries()) {
    const mine = await myAssignments(e.client, plan.id);
    assert.equal(mine.length, apps.length, `${e.name} in ${plan.id}`);
    for (const m of mine) {
      const app = apps.find((x) => x.id === m.applicationId)!;
      await e.client.ok(e.client.post(`/api/review-assignments/${m.id}/confirm`, {}));
      const view = await e.client.ok(e.client.get(`/api/review-assignments/${m.id}/sheet`));
      const rubric: Rubric = view.rubric;
      const want = ctx.rubrics[app.trackId];
      assert.deepEqual(
        [rubric.id, rubric.gates.map((g) => g.id), rubric.criteria.map((c) => [c.id, c.weight, c.max])],
        [want.id, want.gates, want.criteria],
        `${plan.id}: the rubric of ${app.trackId}`,
      );
      const sheet = sheetOn(rubric, app.quality + LENIENCY[k], `${e.name}评${app.number}`);
      const done = await scoreAs(e.client, m.id, sheet);
      assert.equal(done.status, 'submitted');
      assert.ok(Math.abs(done.total - totalOf(rubric, sheet.scores)) < 1e-6, `${done.total} on ${JSON.stringify(sheet.scores)}`);
      assert.deepEqual(done.failedGates, []);
    }
  }
  const progress = await organizer.ok(organizer.get(`${round}/progress`));
  assert.deepEqual([progress.totals.assigned, progress.totals.submitted], [apps.length * reviewers, apps.length * reviewers]);
  const ranking: Ranking = await organizer.ok(organizer.get(`${round}/ranking`));
  assertRanking(ranking, apps, reviewers);
  return ranking;
}

/** 晋级: every application goes on (the entry rule proposes them all, or the reason says why). */
async function advanceAll(organizer: HttpClient, programId: string, from: string, to: string, apps: JourneyApp[], reason?: string): Promise<void> {
  const round = `/api/programs/${programId}/review/rounds/${from}`;
  const preview = await organizer.ok(organizer.get(`${round}/advance`));
  assert.equal(preview.to.roundId, to);
  assert.equal(preview.done, false);
  const proposed = (preview.tracks as { items: { applicationId: string; proposed: boolean }[] }[]).flatMap((t) => t.items.filter((i) => i.proposed).map((i) => i.applicationId)).sort();
  const include = apps.map((x) => x.id).sort();
  // A manual entry rule (科创中国's 终评) proposes nobody, so the organizer's pick is a change that needs the reason.
  if (reason === undefined) assert.deepEqual(proposed, include, `${to}'s entry rule takes every application`);
  else assert.deepEqual(proposed, [], `${to}'s entry rule is manual`);
  const result = await organizer.ok(organizer.post(`${round}/advance`, { include, ...(reason ? { reason } : {}) }));
  assert.deepEqual(result, { entered: apps.length, eliminated: 0 });
}

/** Every round of the program in order, each advancing all into the next; the last round's ranking. */
async function reviewEveryRound(ctx: Ctx, plans: RoundPlan[], apps: JourneyApp[]): Promise<Ranking> {
  assert.deepEqual(plans.map((p) => p.id), ctx.def.review.rounds.map((r: { id: string }) => r.id), 'every round of the definition, in order');
  let ranking: Ranking | null = null;
  for (const [k, plan] of plans.entries()) {
    ranking = await reviewRound(ctx, plan, apps);
    const next = plans[k + 1];
    if (next) await advanceAll(ctx.organizer, ctx.programId, plan.id, next.id, apps, plan.advanceReason);
  }
  const last = plans[plans.length - 1].id;
  const after = await ctx.organizer.get(`/api/programs/${ctx.programId}/review/rounds/${last}/advance`);
  assert.equal(after.status, 400, 'the last round has no next round');
  return ranking!;
}

/** The demo expert and invited experts (who register and accept) up to `count`, with `fields` as theirs. */
async function expertsWithAccounts(baseUrl: string, organizer: HttpClient, programId: string, mails: ReceivedMail[], count: number, fields: string[], prefix: string): Promise<ExpertAccount[]> {
  const names = ['沈立新', '贺文远', '龚清源', '罗一鸣', '许知行', '唐思远', '林启明', '高志诚'];
  const orgs = ['上海交通大学', '南京航空航天大学', '武汉理工大学', '大连理工大学', '四川大学', '哈尔滨工业大学', '东南大学', '天津大学'];
  const profiles = names.slice(0, count - 1).map((name, i) => ({
    name, orgName: orgs[i], email: `${prefix}.expert${i + 1}@example.com`, keywords: ['节能降碳', '清洁生产', '储能'], bio: `${orgs[i]}教授，长期从事绿色低碳技术评价。`, fields,
  }));
  return [await demoExpert(baseUrl, organizer, programId, DEMO_EXPERT, DEMO_PASSWORD), ...(await acceptedExperts(baseUrl, organizer, programId, mails, profiles, 20))];
}

// ── 创蓝碳中和先锋奖 ───────────────────────────────────────────────────────────────────────────

const CNBLUE_TRACK = 'xinnengyuan';
const CNBLUE_ENTRIES = [
  { org: '上海蓝碳储能科技有限公司', coreTech: '高功率密度全钒液流电池电堆', quality: 0.9 },
  { org: '苏州氢途能源科技有限公司', coreTech: '兆瓦级PEM电解水制氢系统', quality: 0.78 },
  { org: '杭州光合新能源有限公司', coreTech: '钙钛矿晶硅叠层光伏组件', quality: 0.66 },
];
const CNBLUE_RUBRIC: ExpectedRubric = { id: 'zonghe', gates: [], criteria: [['lvse', 25, 25], ['chuangxin', 20, 20], ['tuandui', 20, 20], ['chengzhang', 20, 20], ['ip', 15, 15]] };

/**
 * 创蓝 (cnblue-2022-demo), track 新能源: three direct applications, screened by the organizer, then
 * 入围评估 (3 experts each, pinned), 现场考察与评估 (visits, 2 each) and 线下路演 (a panel of 5).
 */
export async function cnblueThroughReview(baseUrl: string, mails: ReceivedMail[]): Promise<ReviewedProgram> {
  const organizer = await signedIn(baseUrl, DEMO_ORGANIZER, DEMO_PASSWORD);
  const program = await programBySlug(organizer, 'cnblue-2022-demo');
  const apps: JourneyApp[] = [];
  for (const [i, e] of CNBLUE_ENTRIES.entries()) {
    const entry = { trackId: CNBLUE_TRACK, orgName: e.org, email: `cnblue.applicant${i + 1}@example.com`, regionCode: '310115', quality: e.quality };
    const { applicant, app } = await startApplication(baseUrl, program.id, entry);
    const files = {
      report: await uploadPdf(applicant, app.id, 'lowCarbon.verificationReport', '减排量核查报告.pdf'),
      bp: await uploadPdf(applicant, app.id, 'attachments.bp', '商业计划书.pdf'),
      license: await uploadPdf(applicant, app.id, 'attachments.license', '营业执照.pdf'),
    };
    const answers = cnblueAnswers(e.org, files);
    answers.innovation = { ...answers.innovation, coreTech: e.coreTech };
    await saveAndSubmit(applicant, app.id, answers);
    apps.push({ ...app, trackId: CNBLUE_TRACK, title: e.coreTech, orgName: e.org, applicant, applicantEmail: entry.email, quality: e.quality });
  }
  for (const app of apps) await passScreening(organizer, app);

  const experts = await expertsWithAccounts(baseUrl, organizer, program.id, mails, 5, [CNBLUE_TRACK], 'cnblue');
  const ctx: Ctx = { programId: program.id, def: program.definition, organizer, experts, rubrics: { [CNBLUE_TRACK]: CNBLUE_RUBRIC } };
  const ranking = await reviewEveryRound(ctx, [
    { id: 'ruwei', assigner: organizer, by: 'pins' },
    { id: 'kaocha', assigner: organizer, by: 'pins', visits: true },
    { id: 'luyan', assigner: organizer, by: 'panel' },
  ], apps);
  return { programId: program.id, slug: 'cnblue-2022-demo', organizer, apps, experts, rounds: ['ruwei', 'kaocha', 'luyan'], ranking, expected: expectedOrder(apps) };
}

// ── 河南省工业绿色低碳发展创新大赛 ───────────────────────────────────────────────────────────────

const HENAN_TECH_RUBRIC: ExpectedRubric = { id: 'jishu', gates: ['faren', 'zhishichanquan'], criteria: [['chengshudu', 25, 25], ['chuangxindian', 25, 25], ['jingji', 25, 25], ['tuiguang', 25, 25]] };
const HENAN_DESIGN_RUBRIC: ExpectedRubric = { id: 'sheji', gates: [], criteria: [['ziyuan', 20, 20], ['nengyuan', 20, 20], ['huanjing', 20, 20], ['pinzhi', 20, 20], ['ditan', 20, 20]] };

const enterprise = (name: string, region: string, industry: string, products: string): HenanEnterprise => ({
  name, region, address: `河南省郑州市${name.slice(2, 4)}路88号`, industry, products,
  intro: `${name}是郑州市重点制造业企业，拥有省级企业技术中心，先后获评国家级绿色工厂、河南省节能先进单位，近三年研发投入占营业收入的百分之三以上。`,
});
const tech = (direction: HenanTech['direction'], techName: string, what: string, benefit: string): HenanTech => ({
  direction, techName,
  scope: `适用于${what}，已在省内同类企业推广。`,
  principle: `${techName}：针对${what}的关键环节，采用自主研发的工艺与智能调控系统，主要技术指标优于行业平均水平。`,
  practicality: '解决行业共性难题，改造周期短，企业应用难度低，运行稳定可靠。',
  replicability: '已在省内三家企业应用，可推广至有色、化工、建材等行业的同类工艺。',
  project: { name: `${techName}示范项目`, content: `项目于2023年实施，完成${what}改造并配套在线监测系统。`, benefits: benefit },
});

type HenanEntry = { trackId: string; org: HenanEnterprise; quality: number } & ({ tech: HenanTech } | { product: HenanProduct });
const HENAN_ENTRIES: HenanEntry[] = [
  { trackId: 'qingjie', quality: 0.86, org: enterprise('郑州中原环保装备有限公司', '410122', '35', '烟气治理成套装备'), tech: tech('qingjie', '工业窑炉烟气多污染物协同超低排放技术', '建材、有色行业工业窑炉烟气治理', '颗粒物、二氧化硫、氮氧化物排放浓度分别低于5、35、50毫克每立方米，年减排氮氧化物1200吨。') },
  { trackId: 'jieneng', quality: 0.9, org: enterprise('郑州豫钢集团有限公司', '410105', '31', '热轧板卷、冷轧薄板'), tech: tech('jieneng', '高炉煤气余压余热梯级利用技术', '钢铁行业高炉煤气余压余热回收', '年节能量2.1万tce，减排二氧化碳5.6万tCO2，年节水量12万t。') },
  { trackId: 'jieneng', quality: 0.74, org: enterprise('郑州宇通电机有限公司', '410183', '38', '高效电机与变频调速系统'), tech: tech('jieneng', '电机系统智能变频节能改造技术', '化工、建材行业风机水泵电机系统', '年节电量3200万千瓦时，折合节能量0.39万tce，减排二氧化碳2.5万tCO2。') },
  { trackId: 'ziyuan', quality: 0.82, org: enterprise('郑州铝业循环材料有限公司', '410181', '32', '氧化铝、再生铝锭'), tech: tech('ziyuan', '赤泥高值化综合利用技术', '氧化铝行业赤泥堆存与综合利用', '年消纳赤泥50万吨，赤泥综合利用率由百分之八提高到百分之四十五，年新增产值2.6亿元。') },
  {
    trackId: 'lvse-sheji', quality: 0.8, org: enterprise('郑州绿能电机制造有限公司', '410184', '38', '永磁同步电动机'),
    product: {
      productName: '高效节能永磁同步电动机', model: 'TYCX-160M-4',
      function: '额定功率11千瓦，额定效率百分之九十四点六，达到GB 18613一级能效。',
      resource: '原辅材料有毒有害物质符合限量要求，可回收材料使用比例达到百分之九十二，包装物减量百分之三十。',
      energy: '单位产品综合能耗较行业平均水平降低百分之十八，生产用电百分之三十来自厂房屋顶光伏。',
      environment: '生产过程污染物达标排放，浸漆工序改用水性绝缘漆，VOCs排放减少百分之七十。',
      quality: '产品设计寿命20年，防护等级IP55，噪声低于行业标准限值3分贝。',
      lowCarbon: '已开展产品碳足迹核算，单台产品碳足迹较上一代降低百分之二十一，采用低碳硅钢与铁路运输。',
    },
  },
];

export type HenanReviewed = ReviewedProgram & { recommender: HttpClient; city: { id: string; name: string } };

/**
 * 河南 (henan-green-2025-demo): five 郑州市 entries, one in each of the four city-recommended tracks
 * and a second in 节能降碳 (so 郑州市 entered every track: the 优秀组织奖's condition). The demo
 * recommender (郑州市) endorses each, the organizer screens, then 初赛 (3 each, pinned, the 基本要求
 * gates passed), 复赛 (a roadshow panel of 5) and 决赛 (a panel of 7), each track on its own rubric.
 */
export async function henanThroughReview(baseUrl: string, mails: ReceivedMail[]): Promise<HenanReviewed> {
  const organizer = await signedIn(baseUrl, DEMO_ORGANIZER, DEMO_PASSWORD);
  const recommender = await signedIn(baseUrl, DEMO_RECOMMENDER, DEMO_PASSWORD);
  const program = await programBySlug(organizer, 'henan-green-2025-demo');
  const city = await demoUnit(recommender, program.id);
  assert.equal(city.name, '郑州市');
  const apps: JourneyApp[] = [];
  for (const [i, e] of HENAN_ENTRIES.entries()) {
    const email = `henan.applicant${i + 1}@example.com`;
    const { applicant, app } = await startApplication(baseUrl, program.id, { trackId: e.trackId, orgName: e.org.name, email, regionCode: e.org.region, quality: e.quality, unitId: city.id });
    const up = (field: string, name: string) => uploadPdf(applicant, app.id, field, name);
    const stamp = await up('pledge.stamp', '承诺申明盖章页.pdf');
    const license = await up('attachments.license', '营业执照.pdf');
    let answers: Record<string, unknown>;
    let title: string;
    if ('tech' in e) {
      answers = henanTechAnswers(e.org, e.tech, {
        stamp, license, ipProof: await up('attachments.ipProof', '发明专利证书.pdf'),
        effectReport: await up('attachments.effectReports', '效果评价报告.pdf'), userReport: await up('attachments.userReports', '用户使用报告.pdf'),
      });
      title = e.tech.techName;
    } else {
      answers = henanProductAnswers(e.org, e.product, { stamp, license, carbonFootprint: await up('attachments.carbonFootprint', '产品碳足迹报告.pdf') });
      title = e.product.productName;
    }
    await saveAndSubmit(applicant, app.id, answers);
    apps.push({ ...app, trackId: e.trackId, title, orgName: e.org.name, applicant, applicantEmail: email, quality: e.quality });
  }
  for (const app of apps) await endorse(recommender, app, '经郑州市工业和信息化局遴选，该项目技术先进、效益显著，同意推荐。');
  // 郑州市 has entered every city-recommended track: the 优秀组织奖 is computed from this.
  const compliance = await organizer.ok(organizer.get(`/api/programs/${program.id}/recommendation/compliance`));
  const zhengzhou = compliance.units.find((u: { name: string }) => u.name === city.name);
  assert.deepEqual([zhengzhou.enteredEveryTrack, zhengzhou.quotas.map((q: { used: number }) => q.used)], [true, [1, 2, 1, 1]]);
  for (const app of apps) await passScreening(organizer, app);

  const trackIds = [...new Set(apps.map((a) => a.trackId))];
  const experts = await expertsWithAccounts(baseUrl, organizer, program.id, mails, 7, trackIds, 'henan');
  const rubrics = Object.fromEntries(trackIds.map((t) => [t, t === 'lvse-sheji' ? HENAN_DESIGN_RUBRIC : HENAN_TECH_RUBRIC]));
  const ctx: Ctx = { programId: program.id, def: program.definition, organizer, experts, rubrics };
  const ranking = await reviewEveryRound(ctx, [
    { id: 'chusai', assigner: organizer, by: 'pins' },
    { id: 'fusai', assigner: organizer, by: 'panel' },
    { id: 'juesai', assigner: organizer, by: 'panel' },
  ], apps);
  return { programId: program.id, slug: 'henan-green-2025-demo', organizer, recommender, city, apps, experts, rounds: ['chusai', 'fusai', 'juesai'], ranking, expected: expectedOrder(apps) };
}

// ── “科创中国”系列榜单 ─────────────────────────────────────────────────────────────────────────

const KCZG_TRACK = 'xiandao-green';
const KCZG_RUBRIC: ExpectedRubric = { id: 'xiandao', gates: [], criteria: [['xianjin', 30, 10], ['changjing', 25, 10], ['zhishi', 15, 10], ['jingji', 15, 10], ['shehui', 15, 10]] };
const KCZG_ENTRIES = [
  { org: '北京碳捕集环境科技股份有限公司', techName: '低能耗复合胺烟气二氧化碳捕集技术', quality: 0.9 },
  { org: '天津绿氢装备技术有限公司', techName: '碱性电解槽高电流密度制氢技术', quality: 0.76 },
  { org: '河北零碳建材科技有限公司', techName: '钢渣矿化固碳低碳胶凝材料技术', quality: 0.62 },
];

export type KczgReviewed = ReviewedProgram & { recommender: HttpClient; institution: HttpClient; unit: { id: string; name: string } };

/**
 * 科创中国 (kczg-2022-demo), 先导技术榜（绿色低碳领域）: three entries naming the demo recommending
 * unit (a 全国学会 channel unit), endorsed within its quota; the review institution (初评机构)
 * screens them and runs 初评 (3 each); the organizer advances all to 终评 — whose entry is manual,
 * so with the reason — and 终评 is scored by 5.
 */
export async function kczgThroughReview(baseUrl: string, mails: ReceivedMail[]): Promise<KczgReviewed> {
  const organizer = await signedIn(baseUrl, DEMO_ORGANIZER, DEMO_PASSWORD);
  const recommender = await signedIn(baseUrl, DEMO_RECOMMENDER, DEMO_PASSWORD);
  const institution = await signedIn(baseUrl, DEMO_INSTITUTION, DEMO_PASSWORD);
  const program = await programBySlug(organizer, 'kczg-2022-demo');
  const unit = await demoUnit(recommender, program.id);
  const apps: JourneyApp[] = [];
  for (const [i, e] of KCZG_ENTRIES.entries()) {
    const email = `kczg.applicant${i + 1}@example.com`;
    const { applicant, app } = await startApplication(baseUrl, program.id, { trackId: KCZG_TRACK, orgName: e.org, email, regionCode: '110108', quality: e.quality, unitId: unit.id });
    const seal = await uploadPdf(applicant, app.id, 'applicantOpinion.seal', '申报单位盖章页.pdf');
    const answers = xiandaoGreenAnswers(seal);
    answers.basic = { ...answers.basic, techName: e.techName, unitName: `${e.org}研发团队` };
    await saveAndSubmit(applicant, app.id, answers);
    apps.push({ ...app, trackId: KCZG_TRACK, title: e.techName, orgName: e.org, applicant, applicantEmail: email, quality: e.quality });
  }
  for (const app of apps) await endorse(recommender, app, '该技术具有创新性和推广价值，符合先导技术榜推荐条件，同意推荐。');
  // 每个领域各单位推荐不超过3个: the three fill the unit's quota on this list.
  const { quotas } = await recommender.ok(recommender.get(`/api/recommendation/units/${unit.id}/quota`));
  const meter = quotas.find((q: { trackId: string }) => q.trackId === KCZG_TRACK);
  assert.deepEqual([meter.used, meter.limit, meter.left], [3, 3, 0]);
  for (const app of apps) await passScreening(institution, app);

  const experts = await expertsWithAccounts(baseUrl, organizer, program.id, mails, 5, [KCZG_TRACK], 'kczg');
  const ctx: Ctx = { programId: program.id, def: program.definition, organizer, experts, rubrics: { [KCZG_TRACK]: KCZG_RUBRIC } };
  const ranking = await reviewEveryRound(ctx, [
    { id: 'chuping', assigner: institution, by: 'pins', advanceReason: '初评机构推荐，经秘书处审核全部进入终评' },
    { id: 'zhongping', assigner: organizer, by: 'pins' },
  ], apps);
  return { programId: program.id, slug: 'kczg-2022-demo', organizer, recommender, institution, unit, apps, experts, rounds: ['chuping', 'zhongping'], ranking, expected: expectedOrder(apps) };
}

// ── what the organizer sees ───────────────────────────────────────────────────────────────────

/** The organizer, signed in on `page`, opens the last round's ranking; returns each track's numbers as shown. */
export async function rankingOnScreen(page: Page, baseUrl: string, seeded: ReviewedProgram): Promise<Record<string, string[]>> {
  const last = seeded.rounds[seeded.rounds.length - 1];
  await page.goto(`${baseUrl}/organizer/programs/${seeded.programId}?tab=review&round=${last}`);
  await page.locator(`[data-testid="review-tab"][data-round="${last}"]`).waitFor({ timeout: 30_000 });
  await page.getByTestId('review-view-ranking').click();
  await page.locator('[data-testid="review-ranking"][data-busy="false"]').waitFor({ timeout: 30_000 });
  const out: Record<string, string[]> = {};
  for (const trackId of Object.keys(seeded.expected)) {
    const rows = page.locator(`[data-testid="review-ranking-track"][data-track="${trackId}"] [data-testid="review-rank-row"]`);
    await rows.first().waitFor();
    out[trackId] = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-number') ?? ''));
  }
  return out;
}

/** The last round's ranking holds every application once, each track best first as the scores were made. */
export function assertFinalRanking(seeded: ReviewedProgram, reviewers: number): void {
  const ranked = seeded.ranking.tracks.flatMap((t) => t.items);
  assert.deepEqual(ranked.map((i) => i.number).sort(), seeded.apps.map((a) => a.number).sort(), 'every application is ranked, once');
  for (const t of seeded.ranking.tracks.filter((x) => x.items.length)) {
    assert.deepEqual(t.items.map((i) => i.number), seeded.expected[t.trackId], `${t.trackId}: best first`);
    const scores = t.items.map((i) => i.score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a), `${t.trackId}: scores descending`);
    for (const i of t.items) assert.equal(i.n, reviewers, `${i.number}: reviews in the last round`);
  }
}
