import type { Localized } from '../errors.ts';
import type { GroupField, LeafField } from '../form/form-template.schema.ts';
import { displayValue } from '../screening/diff-answers.ts';
import { runTest, showPlain, type RuleCondition, type Shown, type TestContext } from './rule-conditions.ts';

// Rules over a repeating group: count the items that meet every condition ("at least 2 cases
// in China begun at least a year before the call closes"). An item that does not qualify is
// not an error — an applicant may list a newer third case; it simply does not count — and each
// item carries its own reason so the screener sees which case counted and why another did not.

export type ItemOutcome = { index: number; status: 'pass' | 'fail' | 'unknown'; reason: Localized };
export type CountRule = {
  kind: 'countAtLeast' | 'countAtMost'; description: string; descriptionEn?: string; where: readonly RuleCondition[];
} & ({ kind: 'countAtLeast'; min: number } | { kind: 'countAtMost'; max: number });
export type CountOutcome = { status: 'pass' | 'fail' | 'unknown'; reason: Localized; items: ItemOutcome[]; qualifying: number; total: number };

/** "案例2" when the group names its items, else "第2项" / "Item 2". */
export function itemName(group: Pick<GroupField, 'itemLabel'> | undefined, index: number): Localized {
  return { 'zh-CN': group?.itemLabel ? `${group.itemLabel}${index + 1}` : `第${index + 1}项`, en: `Item ${index + 1}` };
}

/** Values in words: option labels and units from the sub-field when the form is known. */
function shownFor(field: LeafField | undefined): Shown {
  if (!field) return showPlain;
  return (v) => {
    if (Array.isArray(v) && field.kind === 'choice') return v.map((x) => (typeof x === 'string' ? (field.options.find((o) => o.value === x)?.label ?? x) : showPlain(x))).join('、');
    return displayValue(field, v) || showPlain(v);
  };
}

function judgeItem(item: unknown, where: readonly RuleCondition[], group: GroupField | undefined, ctx: TestContext, index: number): ItemOutcome {
  const name = itemName(group, index);
  const prefix = (r: Localized, tail: Localized): Localized => ({ 'zh-CN': `${r['zh-CN']}：${tail['zh-CN']}`, en: `${r.en}: ${tail.en}` });
  if (!item || typeof item !== 'object' || Array.isArray(item)) return { index, status: 'unknown', reason: prefix(name, { 'zh-CN': '不是有效的一项', en: 'not a valid item' }) };
  const outcomes = where.map((c) => {
    const sub = group?.fields.find((f) => f.id === c.field) as LeafField | undefined;
    const label = { 'zh-CN': sub?.label ?? c.field, en: sub?.labelEn ?? sub?.label ?? c.field };
    return runTest(c, (item as Record<string, unknown>)[c.field], label, ctx, shownFor(sub));
  });
  const join = (list: typeof outcomes): Localized => ({ 'zh-CN': list.map((o) => o.why['zh-CN']).join('；'), en: list.map((o) => o.why.en).join('; ') });
  const failed = outcomes.filter((o) => o.ok === false);
  if (failed.length) return { index, status: 'fail', reason: prefix(name, join(failed)) };
  const unclear = outcomes.filter((o) => o.ok === null);
  if (unclear.length) return { index, status: 'unknown', reason: prefix(name, join(unclear)) };
  const detail = outcomes.length ? join(outcomes) : { 'zh-CN': '计入', en: 'counted' };
  return { index, status: 'pass', reason: prefix(name, { 'zh-CN': `符合（${detail['zh-CN']}）`, en: `counts (${detail.en})` }) };
}

/** Counts the qualifying items; a missing list has none. */
export function evaluateCount(rule: CountRule, value: unknown, group: GroupField | undefined, ctx: TestContext): CountOutcome {
  const list = Array.isArray(value) ? value : [];
  const items = list.map((item, i) => judgeItem(item, rule.where, group, ctx, i));
  const q = items.filter((i) => i.status === 'pass').length;
  const u = items.filter((i) => i.status === 'unknown').length;
  const zh = rule.description;
  const en = rule.descriptionEn ?? rule.description;
  const base = { items, qualifying: q, total: list.length };
  if (rule.kind === 'countAtLeast') {
    const need = { 'zh-CN': `至少需要 ${rule.min} 项`, en: `at least ${rule.min} needed` };
    if (q >= rule.min) return { ...base, status: 'pass', reason: { 'zh-CN': `符合：${zh}（符合条件的 ${q} 项，${need['zh-CN']}）`, en: `Met: ${en} (${q} qualifying, ${need.en})` } };
    if (q + u < rule.min) return { ...base, status: 'fail', reason: { 'zh-CN': `不符合：${zh}（符合条件的 ${q} 项，${need['zh-CN']}）`, en: `Not met: ${en} (${q} qualifying, ${need.en})` } };
    return { ...base, status: 'unknown', reason: { 'zh-CN': `无法判断：${zh}（确定符合 ${q} 项，另有 ${u} 项无法判断，${need['zh-CN']}）`, en: `Cannot tell: ${en} (${q} qualifying, ${u} undecided, ${need.en})` } };
  }
  const cap = { 'zh-CN': `最多 ${rule.max} 项`, en: `at most ${rule.max} allowed` };
  if (q > rule.max) return { ...base, status: 'fail', reason: { 'zh-CN': `不符合：${zh}（符合条件的 ${q} 项，${cap['zh-CN']}）`, en: `Not met: ${en} (${q} matching, ${cap.en})` } };
  if (q + u <= rule.max) return { ...base, status: 'pass', reason: { 'zh-CN': `符合：${zh}（符合条件的 ${q} 项，${cap['zh-CN']}）`, en: `Met: ${en} (${q} matching, ${cap.en})` } };
  return { ...base, status: 'unknown', reason: { 'zh-CN': `无法判断：${zh}（确定符合 ${q} 项，另有 ${u} 项无法判断，${cap['zh-CN']}）`, en: `Cannot tell: ${en} (${q} matching, ${u} undecided, ${cap.en})` } };
}
