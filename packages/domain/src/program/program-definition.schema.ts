import { z } from 'zod';
import { FormTemplateSchema } from '../form/form-template.schema.ts';
import { resolveRef } from '../form/form-refs.ts';
import { isShanghaiTime, shanghaiToEpoch } from './shanghai-time.ts';
import { EligibilityRuleSchema } from './eligibility.ts';
import { eligibilityProblems } from './rule-fit.ts';
import { RecommendationBlockSchema, recommendationProblems } from '../recommendation/recommendation-definition.schema.ts';
import { ReviewBlockSchema, reviewProblems } from '../review/review-definition.schema.ts';
import { DecisionBlockSchema, ProgramAwardSchema, decisionProblems, defaultDecisionBlock } from '../decision/decision-definition.schema.ts';
import { ProgramFeedsSchema, feedProblems } from './program-feeds.schema.ts';

// A program (评选活动 / 榜单 / 大赛) is configuration: this definition plus its form templates.
// The engine runs any program that passes this schema; the seeds in templates/ are three.

const Id = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/, 'id: letters, digits, _ or -, starting with a letter');
const Text = z.string().trim().min(1).max(500);
const LocalTime = z.string().refine(isShanghaiTime, 'time: "YYYY-MM-DD" or "YYYY-MM-DD HH:mm" in Asia/Shanghai (24:00 allowed)');

export const phaseKinds = [
  'call', // 征集 / 报名
  'recommendation', // 推荐
  'screening', // 初筛 / 形式审查
  'preliminary', // 初评 / 网评
  'site_visit', // 现场考察
  'roadshow', // 路演答辩
  'final', // 终评
  'committee', // 委员会终审
  'publicity', // 公示
  'publication', // 发布 / 表彰
  'promotion', // 宣传推广 / 对接
] as const;
export type PhaseKind = (typeof phaseKinds)[number];

export const PhaseSchema = z.strictObject({
  id: Id,
  kind: z.enum(phaseKinds),
  name: Text,
  nameEn: Text.optional(),
  /** Local Shanghai time; a date alone starts at 00:00. */
  startsAt: LocalTime,
  /** Local Shanghai time; a date alone ends at 24:00 of that day. */
  endsAt: LocalTime,
  description: z.string().max(5000).optional(),
  descriptionEn: z.string().max(5000).optional(),
});
export type Phase = z.infer<typeof PhaseSchema>;

export const DocumentSchema = z.strictObject({
  id: Id,
  title: Text,
  titleEn: Text.optional(),
  /** The full text (通知正文, 附件), shown on the call page. */
  body: z.string().max(200_000).optional(),
  url: z.url().optional(),
});

export const ContactSchema = z.strictObject({
  role: Text, // 秘书处, 初评机构, 联系人
  roleEn: Text.optional(),
  name: Text,
  nameEn: Text.optional(),
  phone: z.string().max(100).optional(),
  email: z.string().max(200).optional(),
  address: z.string().max(500).optional(),
  addressEn: z.string().max(500).optional(),
});

export const AwardTierSchema = z.strictObject({
  id: Id,
  name: Text, // 一等奖, 入榜
  nameEn: Text.optional(),
  /** How many may get it, where the program says (the organizer may set it at decision time). */
  count: z.number().int().positive().optional(),
  /** A score cut: only a final score at least this gets it. */
  minScore: z.number().min(0).max(100).optional(),
});

export const ChecklistItemSchema = z.strictObject({ id: Id, text: z.string().min(1).max(2000), textEn: z.string().max(2000).optional() });

export const TrackSchema = z.strictObject({
  id: Id,
  name: Text,
  nameEn: Text.optional(),
  /** Tracks in one group share a heading: 先导技术榜's five fields and 产业基础. */
  group: Id.optional(),
  description: z.string().max(10_000).optional(),
  descriptionEn: z.string().max(10_000).optional(),
  formId: Id,
  /** Who applies: an enterprise, another kind of organization, or a person (技术经理人). */
  applicant: z.enum(['enterprise', 'organization', 'person']).default('enterprise'),
  /** recommendation: through a recommending unit; direct: applicants submit on their own. */
  entry: z.enum(['recommendation', 'direct']).default('direct'),
  /** 初评机构 responsible for this track. */
  reviewInstitution: z.strictObject({ name: Text, nameEn: Text.optional(), contacts: z.array(ContactSchema).default([]) }).optional(),
  eligibility: z
    .strictObject({
      /** Computed from the answers: each failure carries its reason. */
      rules: z.array(EligibilityRuleSchema).default([]),
      /** Checked by a screener by hand. */
      checklist: z.array(ChecklistItemSchema).default([]),
    })
    .default({ rules: [], checklist: [] }),
  awardTiers: z.array(AwardTierSchema).default([]),
  /** How many applications one organization may start on this track (a technology holder may enter several technologies). */
  applicationsPerOrganization: z.number().int().min(1).max(1000).default(1),
});
export type Track = z.infer<typeof TrackSchema>;

export const TrackGroupSchema = z.strictObject({ id: Id, name: Text, nameEn: Text.optional(), description: z.string().max(10_000).optional(), descriptionEn: z.string().max(10_000).optional() });

export const ProgramDefinitionSchema = z
  .strictObject({
    slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'slug: lower-case letters, digits and -'),
    name: Text,
    nameEn: Text.optional(),
    year: z.number().int().min(2000).max(2100),
    organizers: z.array(Text).min(1),
    /** The organizers in English, in the same order (a proper name keeps its official English form). */
    organizersEn: z.array(Text).optional(),
    summary: z.string().max(5000).default(''),
    summaryEn: z.string().max(5000).optional(),
    contacts: z.array(ContactSchema).default([]),
    documents: z.array(DocumentSchema).default([]),
    phases: z.array(PhaseSchema).min(1),
    trackGroups: z.array(TrackGroupSchema).default([]),
    tracks: z.array(TrackSchema).min(1),
    forms: z.array(FormTemplateSchema).min(1),
    /** Program-level awards such as 优秀组织奖. */
    programAwards: z.array(ProgramAwardSchema).default([]),
    /** 推荐: channels, quotas per track and the units the call names (recommendation-definition.schema.ts). */
    recommendation: RecommendationBlockSchema.optional(),
    /** 专家评审: reviewers per application, matching fields, 回避 rules (review-definition.schema.ts). */
    review: ReviewBlockSchema.optional(),
    /** 决定、委员会审定、公示与证书 (decision-definition.schema.ts). */
    decision: DecisionBlockSchema.optional(),
    /** 多级遴选: the programs that feed this one their chosen applications (program-feeds.schema.ts). */
    feeds: ProgramFeedsSchema.optional(),
  })
  .superRefine((p, ctx) => {
    const dup = (items: { id: string }[], path: string) => {
      const seen = new Set<string>();
      items.forEach((it, i) => {
        if (seen.has(it.id)) ctx.addIssue({ code: 'custom', path: [path, i, 'id'], message: `重复的 id：${it.id}`, params: { en: `duplicate id: ${it.id}` } });
        seen.add(it.id);
      });
    };
    dup(p.phases, 'phases');
    dup(p.tracks, 'tracks');
    dup(p.forms, 'forms');
    dup(p.documents, 'documents');
    dup(p.trackGroups, 'trackGroups');
    if (p.organizersEn && p.organizersEn.length !== p.organizers.length) {
      ctx.addIssue({ code: 'custom', path: ['organizersEn'], message: `英文主办单位应与主办单位一一对应（${p.organizers.length} 个）`, params: { en: `organizersEn must list the ${p.organizers.length} organizers in the same order` } });
    }
    p.phases.forEach((ph, i) => {
      if (shanghaiToEpoch(ph.startsAt) >= shanghaiToEpoch(ph.endsAt, { endOfDay: true })) {
        ctx.addIssue({ code: 'custom', path: ['phases', i, 'endsAt'], message: '结束时间必须晚于开始时间', params: { en: 'must end after it starts' } });
      }
    });
    if (!p.phases.some((ph) => ph.kind === 'call')) {
      ctx.addIssue({ code: 'custom', path: ['phases'], message: '必须有一个征集（call）阶段', params: { en: 'needs a call phase' } });
    }
    const forms = new Map(p.forms.map((f) => [f.id, f]));
    const groups = new Set(p.trackGroups.map((g) => g.id));
    p.tracks.forEach((t, i) => {
      if (!forms.has(t.formId)) ctx.addIssue({ code: 'custom', path: ['tracks', i, 'formId'], message: `未定义的申报表：${t.formId}`, params: { en: `no form with id ${t.formId}` } });
      if (t.group && !groups.has(t.group)) ctx.addIssue({ code: 'custom', path: ['tracks', i, 'group'], message: `未定义的榜单分组：${t.group}`, params: { en: `no track group ${t.group}` } });
      dup(t.awardTiers, `tracks.${i}.awardTiers`);
      const form = forms.get(t.formId);
      // Each rule must fit its field (rule-fit.ts): one that could never be evaluated never validates.
      if (form) for (const r of eligibilityProblems(t.eligibility.rules, form, t.formId, p.phases)) ctx.addIssue({ code: 'custom', path: ['tracks', i, 'eligibility', 'rules', ...r.path], message: r.zh, params: { en: r.en } });
    });
    p.review?.affinityFields.forEach((a, i) => {
      const form = forms.get(a.form);
      if (!form) ctx.addIssue({ code: 'custom', path: ['review', 'affinityFields', i, 'form'], message: `未定义的申报表：${a.form}`, params: { en: `no form with id ${a.form}` } });
      else a.fields.forEach((ref, j) => {
        if (!resolveRef(form, undefined, ref)) ctx.addIssue({ code: 'custom', path: ['review', 'affinityFields', i, 'fields', j], message: `申报表 ${a.form} 中没有字段 ${ref}`, params: { en: `form ${a.form} has no field ${ref}` } });
      });
    });
    if (p.review) {
      const hasRef = (formId: string, ref: string) => {
        const form = forms.get(formId);
        return !!form && (form.sections.some((s) => s.id === ref) || !!resolveRef(form, undefined, ref));
      };
      for (const r of reviewProblems(p.review, p.phases, new Set(p.tracks.map((t) => t.id)), forms, hasRef)) ctx.addIssue({ code: 'custom', path: ['review', ...r.path], message: r.zh, params: { en: r.en } });
    }
    if (p.decision || p.programAwards.length) {
      for (const r of decisionProblems(p.decision ?? defaultDecisionBlock, p.programAwards, p.phases, p.tracks)) ctx.addIssue({ code: 'custom', path: r.path, message: r.zh, params: { en: r.en } });
    }
    if (p.recommendation) {
      for (const r of recommendationProblems(p.recommendation, p.tracks, p.forms)) ctx.addIssue({ code: 'custom', path: ['recommendation', ...r.path], message: r.zh, params: { en: r.en } });
    }
    if (p.feeds?.length) {
      const unitIds = new Set((p.recommendation?.units ?? []).map((u) => u.id));
      for (const r of feedProblems(p.feeds, { slug: p.slug, tracks: p.tracks, forms: p.forms, unitIds })) ctx.addIssue({ code: 'custom', path: ['feeds', ...r.path], message: r.zh, params: { en: r.en } });
    }
  });
export type ProgramDefinition = z.infer<typeof ProgramDefinitionSchema>;
export type ProgramDefinitionInput = z.input<typeof ProgramDefinitionSchema>;

/** The phase of a kind (the first, if a program has several). */
export function phaseOf(def: Pick<ProgramDefinition, 'phases'>, kind: PhaseKind): Phase | undefined {
  return def.phases.find((p) => p.kind === kind);
}

/** Is the call open at `now` (epoch ms)? The server's clock decides. */
export function callWindow(def: Pick<ProgramDefinition, 'phases'>): { opensAt: number; closesAt: number } {
  const call = phaseOf(def, 'call')!;
  return { opensAt: shanghaiToEpoch(call.startsAt), closesAt: shanghaiToEpoch(call.endsAt, { endOfDay: true }) };
}
