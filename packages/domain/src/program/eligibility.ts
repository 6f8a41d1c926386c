import { z } from 'zod';
import type { Localized } from '../errors.ts';
import type { FormTemplate, GroupField } from '../form/form-template.schema.ts';
import { resolveRef } from '../form/form-refs.ts';
import { evaluateCount, type ItemOutcome } from './group-rules.ts';
import type { PhaseDates } from './relative-date.ts';
import { leafVariants, RuleConditionSchema, runTest } from './rule-conditions.ts';
import { effectiveAnswers } from './rule-values.ts';

export { RuleConditionSchema, type RuleCondition } from './rule-conditions.ts';
export { DateRefSchema, resolveDateRef, type DateRef, type RelativeDate } from './relative-date.ts';
export type { ItemOutcome } from './group-rules.ts';

// 参选条件 that can be computed from the answers. Each rule names the answer it reads by its
// path in the form (`section.field`) and carries the reason shown when it fails, so the
// screener and (once released) the applicant read the same words the program wrote.
// Which kind fits which field is checked when the definition is validated (rule-fit.ts): a
// rule that could never be evaluated never gets in.

const base = {
  id: z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/),
  /** `section.field` in the track's form (for countAtLeast/countAtMost: a repeating group), or a year-table cell `section.table.row.2021` / `.average`. */
  field: z.string().regex(/^[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*(\.[\w-]+)*$/),
  /** The condition as the program states it: 注册成立时间不超过10年. */
  description: z.string().min(1).max(1000),
  descriptionEn: z.string().max(1000).optional(),
  /** Also refuse the submission while the rule is not met (the screener still sees it). */
  checkAtSubmit: z.boolean().optional(),
};
const Where = z.array(RuleConditionSchema).max(20).default([]);

export const EligibilityRuleSchema = z.discriminatedUnion('kind', [
  ...leafVariants(base),
  /** At least `min` items of the group meet every `where` condition. */
  z.strictObject({ ...base, kind: z.literal('countAtLeast'), min: z.number().int().min(1), where: Where }),
  /** At most `max` items of the group meet every `where` condition. */
  z.strictObject({ ...base, kind: z.literal('countAtMost'), max: z.number().int().min(0), where: Where }),
]);
export type EligibilityRule = z.infer<typeof EligibilityRuleSchema>;
export type EligibilityRuleKind = EligibilityRule['kind'];
export const eligibilityRuleKinds: readonly EligibilityRuleKind[] = EligibilityRuleSchema.options.map((o) => o.shape.kind.value);
export const isCountRule = (r: EligibilityRule): r is Extract<EligibilityRule, { kind: 'countAtLeast' | 'countAtMost' }> =>
  r.kind === 'countAtLeast' || r.kind === 'countAtMost';

export type RuleOutcome = {
  ruleId: string; status: 'pass' | 'fail' | 'unknown'; reason: Localized | null;
  /** Group rules: each item with its reason, and how many qualified. */
  items?: ItemOutcome[]; qualifying?: number; total?: number;
};

/**
 * What rules are evaluated against: the program year (maxAgeYears), its phases (relative
 * dates) and the form the answers were filled against (hidden fields, computed values, labels).
 * A bare year is accepted for callers that have nothing else.
 */
export type RuleContext = { year: number; phases?: readonly PhaseDates[]; form?: FormTemplate };

/**
 * Besides the form's answers, a rule may read the applicant organization's registered data as
 * `organization.<field>` (e.g. `organization.regionCode` for 注册地): what the platform already
 * verified (the credit code's check digit, a GB/T 2260 code) need not be typed again.
 */
export const organizationRuleFields = ['name', 'creditCode', 'regionCode', 'kind'] as const;
export const isOrganizationRuleField = (path: string): boolean =>
  (organizationRuleFields as readonly string[]).some((f) => path === `organization.${f}`);

export function answerAt(answers: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), answers);
}

function groupAt(form: FormTemplate | undefined, path: string): GroupField | undefined {
  const t = form ? resolveRef(form, undefined, path) : undefined;
  return t?.type === 'field' && t.field.kind === 'group' ? t.field : undefined;
}

function labelAt(form: FormTemplate | undefined, path: string): Localized {
  const t = form ? resolveRef(form, undefined, path) : undefined;
  const f = t?.type === 'field' ? t.field : t?.field;
  return f ? { 'zh-CN': f.label, en: f.labelEn ?? f.label } : { 'zh-CN': path, en: path };
}

/** Every rule's outcome; a missing answer is 'unknown', never a silent pass. */
export function evaluateEligibility(rules: readonly EligibilityRule[], answers: Record<string, unknown>, context: number | RuleContext): RuleOutcome[] {
  const ctx: RuleContext = typeof context === 'number' ? { year: context } : context;
  const input = ctx.form ? effectiveAnswers(ctx.form, answers) : answers;
  return rules.map((rule): RuleOutcome => {
    const value = answerAt(input, rule.field);
    if (isCountRule(rule)) {
      const c = evaluateCount(rule, value, groupAt(ctx.form, rule.field), ctx);
      return { ruleId: rule.id, status: c.status, reason: c.reason, items: c.items, qualifying: c.qualifying, total: c.total };
    }
    const { ok, why } = runTest(rule, value, labelAt(ctx.form, rule.field), ctx);
    if (ok === true) return { ruleId: rule.id, status: 'pass', reason: null };
    if (ok === null) {
      const en = rule.descriptionEn ?? rule.description;
      return value === undefined || value === null || value === ''
        ? { ruleId: rule.id, status: 'unknown', reason: { 'zh-CN': `无法判断（未填写）：${rule.description}`, en: `Cannot tell (not answered): ${en}` } }
        : { ruleId: rule.id, status: 'unknown', reason: { 'zh-CN': `无法判断：${rule.description}（${why['zh-CN']}）`, en: `Cannot tell: ${en} (${why.en})` } };
    }
    return { ruleId: rule.id, status: 'fail', reason: { 'zh-CN': `不符合：${rule.description}`, en: `Not met: ${rule.descriptionEn ?? rule.description}` } };
  });
}
