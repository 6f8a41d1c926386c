import { z } from 'zod';
import type { Localized } from '../errors.ts';

// 参选条件 that can be computed from the answers. Each rule names the answer it reads by its
// path in the form (`section.field`) and carries the reason shown when it fails, so the
// screener and (once released) the applicant read the same words the program wrote.

const base = {
  id: z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/),
  /** `section.field` in the track's form. */
  field: z.string().regex(/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)+$/),
  /** The condition as the program states it: 注册成立时间不超过10年. */
  description: z.string().min(1).max(1000),
  descriptionEn: z.string().max(1000).optional(),
};
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const EligibilityRuleSchema = z.discriminatedUnion('kind', [
  /** Founded at most `years` years before the program year (counted from 1 January of that year). */
  z.strictObject({ ...base, kind: z.literal('maxAgeYears'), years: z.number().int().positive() }),
  z.strictObject({ ...base, kind: z.literal('dateBefore'), date: IsoDate }),
  z.strictObject({ ...base, kind: z.literal('dateOnOrAfter'), date: IsoDate }),
  /** A GB/T 2260 code inside one of these (41 = 河南省, 4101 = 郑州市). */
  z.strictObject({ ...base, kind: z.literal('regionWithin'), codes: z.array(z.string().regex(/^\d{2,6}$/)).min(1) }),
  z.strictObject({ ...base, kind: z.literal('numberAtLeast'), value: z.number() }),
  z.strictObject({ ...base, kind: z.literal('numberAtMost'), value: z.number() }),
  z.strictObject({ ...base, kind: z.literal('choiceIn'), values: z.array(z.string()).min(1) }),
  z.strictObject({ ...base, kind: z.literal('isTrue') }),
]);
export type EligibilityRule = z.infer<typeof EligibilityRuleSchema>;

export type RuleOutcome = { ruleId: string; status: 'pass' | 'fail' | 'unknown'; reason: Localized | null };

/**
 * Besides the form's answers, a rule may read the applicant organization's registered data as
 * `organization.<field>` (e.g. `organization.regionCode` for 注册地): what the platform already
 * verified (the credit code's check digit, a GB/T 2260 code) need not be typed again.
 */
export const organizationRuleFields = ['name', 'creditCode', 'regionCode', 'kind'] as const;
export const isOrganizationRuleField = (path: string): boolean =>
  (organizationRuleFields as readonly string[]).some((f) => path === `organization.${f}`);

function answerAt(answers: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), answers);
}

/** "2015", "2015-06" and "2015-06-30" all become a comparable "YYYY-MM-DD" (the earliest day). */
function asIsoDate(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(v);
  return m ? `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}` : null;
}

function check(rule: EligibilityRule, value: unknown, programYear: number): boolean | null {
  switch (rule.kind) {
    case 'maxAgeYears': {
      const d = asIsoDate(value);
      return d === null ? null : d >= `${programYear - rule.years}-01-01`;
    }
    case 'dateBefore': {
      const d = asIsoDate(value);
      return d === null ? null : d < rule.date;
    }
    case 'dateOnOrAfter': {
      const d = asIsoDate(value);
      return d === null ? null : d >= rule.date;
    }
    case 'regionWithin':
      return typeof value === 'string' && value ? rule.codes.some((c) => value.startsWith(c)) : null;
    case 'numberAtLeast':
      return typeof value === 'number' ? value >= rule.value : null;
    case 'numberAtMost':
      return typeof value === 'number' ? value <= rule.value : null;
    case 'choiceIn': {
      if (value === undefined || value === null || value === '') return null;
      const chosen = Array.isArray(value) ? value : [value];
      return chosen.some((c) => typeof c === 'string' && rule.values.includes(c));
    }
    case 'isTrue':
      return value === undefined || value === null ? null : value === true;
  }
}

/** Every rule's outcome; a missing answer is 'unknown', never a silent pass. */
export function evaluateEligibility(rules: readonly EligibilityRule[], answers: Record<string, unknown>, programYear: number): RuleOutcome[] {
  return rules.map((rule) => {
    const ok = check(rule, answerAt(answers, rule.field), programYear);
    if (ok === true) return { ruleId: rule.id, status: 'pass', reason: null };
    if (ok === null) {
      return { ruleId: rule.id, status: 'unknown', reason: { 'zh-CN': `无法判断（未填写）：${rule.description}`, en: `Cannot tell (not answered): ${rule.descriptionEn ?? rule.description}` } };
    }
    return { ruleId: rule.id, status: 'fail', reason: { 'zh-CN': `不符合：${rule.description}`, en: `Not met: ${rule.descriptionEn ?? rule.description}` } };
  });
}
