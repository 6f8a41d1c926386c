import { z } from 'zod';
import type { Localized } from '../errors.ts';
import { DateRefSchema, resolveDateRef, type PhaseDates } from './relative-date.ts';

// The tests a rule applies to one answer — the same whether the rule reads a field of the form
// or a field of each item of a repeating group (countAtLeast's `where`). Each test explains its
// outcome in words naming the field and the value, so a screener reads "开始日期 2025-06 晚于
// 2024-12-31" rather than a bare "不符合".

const Codes = z.array(z.string().regex(/^\d{2,6}$/)).min(1);

/** The kinds that test one answer, with their parameters; `shape` adds what rule or condition carry. */
export function leafVariants<S extends z.ZodRawShape>(shape: S) {
  return [
    /** Founded at most `years` years before the program year (counted from 1 January of that year). */
    z.strictObject({ ...shape, kind: z.literal('maxAgeYears'), years: z.number().int().positive() }),
    z.strictObject({ ...shape, kind: z.literal('dateBefore'), date: DateRefSchema }),
    z.strictObject({ ...shape, kind: z.literal('dateOnOrBefore'), date: DateRefSchema }),
    z.strictObject({ ...shape, kind: z.literal('dateAfter'), date: DateRefSchema }),
    z.strictObject({ ...shape, kind: z.literal('dateOnOrAfter'), date: DateRefSchema }),
    /** A GB/T 2260 code inside one of these (41 = 河南省, 4101 = 郑州市). */
    z.strictObject({ ...shape, kind: z.literal('regionWithin'), codes: Codes }),
    z.strictObject({ ...shape, kind: z.literal('numberAtLeast'), value: z.number() }),
    z.strictObject({ ...shape, kind: z.literal('numberAtMost'), value: z.number() }),
    z.strictObject({ ...shape, kind: z.literal('choiceIn'), values: z.array(z.string()).min(1) }),
    z.strictObject({ ...shape, kind: z.literal('isTrue') }),
    /** Anything given: a file uploaded, a text written. */
    z.strictObject({ ...shape, kind: z.literal('answered') }),
  ] as const;
}

/** A condition on one sub-field of a group item: `{ field: country, kind: choiceIn, values: [中国] }`. */
export const RuleConditionSchema = z.discriminatedUnion('kind', [...leafVariants({ field: z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/) })]);
export type RuleCondition = z.infer<typeof RuleConditionSchema>;
export type LeafKind = RuleCondition['kind'];
export const leafKinds: readonly LeafKind[] = RuleConditionSchema.options.map((o) => o.shape.kind.value);
export const dateKinds = ['maxAgeYears', 'dateBefore', 'dateOnOrBefore', 'dateAfter', 'dateOnOrAfter'] as const satisfies readonly LeafKind[];

export type TestContext = { year: number; phases?: readonly PhaseDates[] };
/** What a test says about one value: ok (pass / fail / null = cannot tell) and why. */
export type TestOutcome = { ok: boolean | null; why: Localized };
/** How the value reads (option labels instead of values when the form is known). */
export type Shown = (value: unknown) => string;

export function showPlain(v: unknown): string {
  if (Array.isArray(v)) return v.map(showPlain).join('、');
  if (v && typeof v === 'object' && 'other' in v) return String((v as { other: unknown }).other);
  if (typeof v === 'boolean') return v ? '是' : '否';
  return v === undefined || v === null ? '' : String(v);
}

/** "2015" → [2015-01-01, 2015-12-31]; "2015-06" → its month; a day is itself. */
export function dateSpan(v: unknown): [string, string] | null {
  if (typeof v !== 'string') return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(v);
  if (!m) return null;
  if (m[3]) return [v, v];
  if (m[2]) return [`${m[1]}-${m[2]}-01`, `${m[1]}-${m[2]}-${String(new Date(Date.UTC(+m[1], +m[2], 0)).getUTCDate()).padStart(2, '0')}`];
  return [`${m[1]}-01-01`, `${m[1]}-12-31`];
}

const isMissing = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const say = (zh: string, en: string): Localized => ({ 'zh-CN': zh, en });

type DateKind = (typeof dateKinds)[number];
// For each date test: does the whole span pass, does the whole span fail, and the words for both.
const dateTests: Record<DateKind, { pass: (lo: string, hi: string, d: string) => boolean; fail: (lo: string, hi: string, d: string) => boolean; yes: [string, string]; no: [string, string] }> = {
  maxAgeYears: { pass: (lo, _, d) => lo >= d, fail: (_, hi, d) => hi < d, yes: ['不早于', 'is on or after'], no: ['早于', 'is before'] },
  dateOnOrAfter: { pass: (lo, _, d) => lo >= d, fail: (_, hi, d) => hi < d, yes: ['不早于', 'is on or after'], no: ['早于', 'is before'] },
  dateBefore: { pass: (_, hi, d) => hi < d, fail: (lo, _, d) => lo >= d, yes: ['早于', 'is before'], no: ['不早于', 'is not before'] },
  dateOnOrBefore: { pass: (_, hi, d) => hi <= d, fail: (lo, _, d) => lo > d, yes: ['不晚于', 'is on or before'], no: ['晚于', 'is after'] },
  dateAfter: { pass: (lo, _, d) => lo > d, fail: (_, hi, d) => hi <= d, yes: ['晚于', 'is after'], no: ['不晚于', 'is not after'] },
};

/** The date a date test compares with; null when a relative one cannot be resolved. */
export function testDate(test: RuleCondition, ctx: TestContext): string | null {
  if (test.kind === 'maxAgeYears') return `${ctx.year - test.years}-01-01`;
  if ('date' in test) return resolveDateRef(test.date, ctx.phases);
  return null;
}

/** Applies one test to one value. A missing answer cannot be told (except for `answered`, where it fails). */
export function runTest(test: RuleCondition, value: unknown, label: Localized, ctx: TestContext, shown: Shown = showPlain): TestOutcome {
  const L = label;
  const v = shown(value);
  if (test.kind === 'answered') return isMissing(value) ? { ok: false, why: say(`${L['zh-CN']}未填写`, `${L.en} is not answered`) } : { ok: true, why: say(`${L['zh-CN']}已填写`, `${L.en} is answered`) };
  if (isMissing(value)) return { ok: null, why: say(`${L['zh-CN']}未填写`, `${L.en} is not answered`) };
  switch (test.kind) {
    case 'maxAgeYears': case 'dateBefore': case 'dateOnOrBefore': case 'dateAfter': case 'dateOnOrAfter': {
      const d = testDate(test, ctx);
      if (d === null) return { ok: null, why: say(`无法确定比较日期（阶段 ${'date' in test && typeof test.date === 'object' ? test.date.phase : ''} 未知）`, 'the date to compare with is unknown (no such phase)') };
      const span = dateSpan(value);
      if (!span) return { ok: null, why: say(`${L['zh-CN']} ${v} 不是日期`, `${L.en} ${v} is not a date`) };
      const t = dateTests[test.kind];
      if (t.pass(span[0], span[1], d)) return { ok: true, why: say(`${L['zh-CN']} ${v} ${t.yes[0]} ${d}`, `${L.en} ${v} ${t.yes[1]} ${d}`) };
      if (t.fail(span[0], span[1], d)) return { ok: false, why: say(`${L['zh-CN']} ${v} ${t.no[0]} ${d}`, `${L.en} ${v} ${t.no[1]} ${d}`) };
      return { ok: null, why: say(`${L['zh-CN']} ${v} 精度不足，无法判断是否${t.yes[0]} ${d}`, `${L.en} ${v} is too imprecise to tell whether it ${t.yes[1]} ${d}`) };
    }
    case 'regionWithin': {
      if (typeof value !== 'string') return { ok: null, why: say(`${L['zh-CN']} 不是行政区划代码`, `${L.en} is not a region code`) };
      const ok = test.codes.some((c) => value.startsWith(c));
      const codes = test.codes.join('、');
      return { ok, why: ok ? say(`${L['zh-CN']} ${v} 在 ${codes} 范围内`, `${L.en} ${v} is within ${test.codes.join(', ')}`) : say(`${L['zh-CN']} ${v} 不在 ${codes} 范围内`, `${L.en} ${v} is not within ${test.codes.join(', ')}`) };
    }
    case 'numberAtLeast': case 'numberAtMost': {
      if (typeof value !== 'number') return { ok: null, why: say(`${L['zh-CN']} 不是数字`, `${L.en} is not a number`) };
      const atLeast = test.kind === 'numberAtLeast';
      const ok = atLeast ? value >= test.value : value <= test.value;
      const [zh, en] = atLeast ? (ok ? ['不低于', 'is at least'] : ['低于', 'is below']) : ok ? ['不高于', 'is at most'] : ['高于', 'is above'];
      return { ok, why: say(`${L['zh-CN']} ${v} ${zh} ${test.value}`, `${L.en} ${v} ${en} ${test.value}`) };
    }
    case 'choiceIn': {
      const chosen = Array.isArray(value) ? value : [value];
      const ok = chosen.some((c) => typeof c === 'string' && test.values.includes(c));
      const list = shown(test.values);
      return { ok, why: ok ? say(`${L['zh-CN']}为${v}`, `${L.en} is ${v}`) : say(`${L['zh-CN']}为${v}，不在（${list}）之中`, `${L.en} is ${v}, not one of (${list})`) };
    }
    case 'isTrue':
      return value === true ? { ok: true, why: say(`${L['zh-CN']}已确认`, `${L.en} is confirmed`) } : { ok: false, why: say(`${L['zh-CN']}未确认`, `${L.en} is not confirmed`) };
  }
}
