import type { Field, FormTemplate, GroupField } from '../form/form-template.schema.ts';
import { resolveRef } from '../form/form-refs.ts';
import { isCountRule, isOrganizationRuleField, type EligibilityRule, type EligibilityRuleKind } from './eligibility.ts';
import { isCalendarDate, type DateRef, type PhaseDates } from './relative-date.ts';
import { dateKinds, type RuleCondition } from './rule-conditions.ts';

// Does each rule fit the field it reads? A numberAtLeast on a text, a date rule on a group, a
// choiceIn naming no option or a date counted from a phase the program lacks would be accepted
// and then be 'unknown' (or 'fail') on every application, forever. They are refused here, in
// zh-CN and English, with the kinds that would fit the field.

export type RuleProblem = { path: Array<string | number>; zh: string; en: string };

/** What kind of value a rule path reads. */
type Target = { kind: Field['kind'] | 'numberCell' | 'choiceCell'; options?: string[]; field?: Field; group?: GroupField; filledBy?: string };

const fieldNames: Record<Target['kind'], [string, string]> = {
  text: ['文本', 'text'], number: ['数字', 'number'], date: ['日期', 'date'], choice: ['选择', 'choice'], yearTable: ['年度表', 'year table'],
  region: ['行政区划', 'region'], industry: ['行业分类', 'industry'], trl: ['技术成熟度', 'TRL'], creditCode: ['统一社会信用代码', 'credit code'],
  file: ['附件', 'file'], declaration: ['承诺申明', 'declaration'], signature: ['盖章页', 'signature'], computed: ['计算', 'computed'],
  group: ['重复组（列表）', 'repeating group'], numberCell: ['年度表数字单元格', 'year-table number cell'], choiceCell: ['年度表选择单元格', 'year-table choice cell'],
};

const numeric: EligibilityRuleKind[] = ['numberAtLeast', 'numberAtMost'];
/** The rule kinds that can be evaluated on a value of each kind; `answered` fits everything. */
export const kindsFitting: Record<Target['kind'], readonly EligibilityRuleKind[]> = {
  date: [...dateKinds, 'answered'], number: [...numeric, 'answered'], trl: [...numeric, 'answered'], computed: [...numeric, 'answered'],
  numberCell: [...numeric, 'answered'], choice: ['choiceIn', 'answered'], choiceCell: ['choiceIn', 'answered'], industry: ['choiceIn', 'answered'],
  region: ['regionWithin', 'answered'], declaration: ['isTrue', 'answered'], group: ['countAtLeast', 'countAtMost', 'answered'],
  text: ['answered'], yearTable: ['answered'], creditCode: ['answered'], file: ['answered'], signature: ['answered'],
};

const organizationTargets: Record<string, Target> = {
  'organization.name': { kind: 'text' }, 'organization.creditCode': { kind: 'creditCode' },
  'organization.regionCode': { kind: 'region' }, 'organization.kind': { kind: 'choice', options: ['enterprise', 'organization'] },
};

function targetOf(form: FormTemplate, path: string): Target | undefined {
  // An organization field added later without an entry here reads as a plain value choiceIn can test.
  if (isOrganizationRuleField(path)) return organizationTargets[path] ?? { kind: 'choice' };
  const t = resolveRef(form, undefined, path);
  if (!t) return undefined;
  if (t.type === 'cell') {
    const row = t.field.rows.find((r) => r.id === t.row)!;
    return t.column !== 'average' && row.type === 'choice'
      ? { kind: 'choiceCell', options: row.options?.map((o) => o.value), filledBy: t.section.filledBy }
      : { kind: 'numberCell', filledBy: t.section.filledBy };
  }
  const f = t.field;
  return { kind: f.kind, field: f, options: f.kind === 'choice' ? f.options.map((o) => o.value) : undefined, group: f.kind === 'group' ? f : undefined, filledBy: t.section.filledBy };
}

function leafTarget(f: Field): Target {
  return { kind: f.kind, field: f, options: f.kind === 'choice' ? f.options.map((o) => o.value) : undefined };
}

/** A path into a group's item (`cases.list.country`) is not a field of its own: say what to write instead. */
function missingFieldProblem(form: FormTemplate, formId: string, path: string): RuleProblem {
  const [s, g, sub] = path.split('.');
  const group = form.sections.find((x) => x.id === s)?.fields.find((f) => f.id === g);
  if (group?.kind === 'group' && sub && group.fields.some((f) => f.id === sub)) {
    return {
      path: ['field'],
      zh: `字段 ${path} 是重复组 ${s}.${g} 中每一项的子字段：请用 countAtLeast 或 countAtMost 规则，field 写 ${s}.${g}，在 where 中对 ${sub} 设条件`,
      en: `${path} is a sub-field of each item of the repeating group ${s}.${g}: use a countAtLeast or countAtMost rule with field ${s}.${g} and a where condition on ${sub}`,
    };
  }
  return { path: ['field'], zh: `申报表 ${formId} 中没有字段 ${path}`, en: `form ${formId} has no field ${path}` };
}

type Who = { zh: string; en: string };

/** The checks a test makes of its target, for a rule (`who` = 规则 r1) or one of its conditions. */
function testProblems(test: EligibilityRule | RuleCondition, target: Target, fieldPath: string, who: Who, phases: readonly PhaseDates[]): RuleProblem[] {
  const out: RuleProblem[] = [];
  const fits = kindsFitting[target.kind].filter((k) => ('id' in test ? true : !(k === 'countAtLeast' || k === 'countAtMost')));
  if (!fits.includes(test.kind)) {
    const [zh, en] = fieldNames[target.kind];
    out.push({
      path: ['kind'],
      zh: `${who.zh} 的类型 ${test.kind} 不适用于${zh}字段 ${fieldPath}；适用于该字段的类型：${fits.join('、')}`,
      en: `${who.en}: kind ${test.kind} does not fit the ${en} field ${fieldPath}; kinds that fit it: ${fits.join(', ')}`,
    });
    return out;
  }
  if (test.kind === 'choiceIn' && target.options && target.kind !== 'industry') {
    const bad = test.values.filter((v) => !target.options!.includes(v));
    if (bad.length) out.push({ path: ['values'], zh: `${who.zh} 的取值 ${bad.join('、')} 不是字段 ${fieldPath} 的选项；可选值：${target.options.join('、')}`, en: `${who.en}: ${bad.join(', ')} is not an option of ${fieldPath}; its options: ${target.options.join(', ')}` });
  }
  if ('date' in test) out.push(...dateProblems(test.date, who, phases));
  const f = target.field;
  if (f?.kind === 'number' && test.kind === 'numberAtLeast' && f.max !== undefined && test.value > f.max) {
    out.push({ path: ['value'], zh: `${who.zh} 要求不低于 ${test.value}，但字段 ${fieldPath} 最大只能填 ${f.max}，永远无法满足`, en: `${who.en} needs at least ${test.value} but ${fieldPath} allows at most ${f.max}: it can never be met` });
  }
  if (f?.kind === 'number' && test.kind === 'numberAtMost' && f.min !== undefined && test.value < f.min) {
    out.push({ path: ['value'], zh: `${who.zh} 要求不高于 ${test.value}，但字段 ${fieldPath} 最小只能填 ${f.min}，永远无法满足`, en: `${who.en} needs at most ${test.value} but ${fieldPath} allows no less than ${f.min}: it can never be met` });
  }
  return out;
}

function dateProblems(ref: DateRef, who: Who, phases: readonly PhaseDates[]): RuleProblem[] {
  if (typeof ref === 'string') {
    return isCalendarDate(ref) ? [] : [{ path: ['date'], zh: `${who.zh} 的日期 ${ref} 不是有效日期`, en: `${who.en}: ${ref} is not a calendar date` }];
  }
  if (phases.some((p) => p.id === ref.phase)) return [];
  const known = phases.map((p) => p.id);
  return [{ path: ['date', 'phase'], zh: `${who.zh} 引用的阶段 ${ref.phase} 不存在；已有阶段：${known.join('、')}`, en: `${who.en} refers to a phase ${ref.phase} the program does not have; its phases: ${known.join(', ')}` }];
}

/** Every problem of a track's rules against its form and the program's phases; paths are relative to the rule list. */
export function eligibilityProblems(rules: readonly EligibilityRule[], form: FormTemplate, formId: string, phases: readonly PhaseDates[]): RuleProblem[] {
  const out: RuleProblem[] = [];
  const seen = new Set<string>();
  rules.forEach((rule, j) => {
    const at = (p: RuleProblem): RuleProblem => ({ ...p, path: [j, ...p.path] });
    if (seen.has(rule.id)) out.push(at({ path: ['id'], zh: `重复的规则 id：${rule.id}`, en: `duplicate rule id: ${rule.id}` }));
    seen.add(rule.id);
    const target = targetOf(form, rule.field);
    if (!target) return out.push(at(missingFieldProblem(form, formId, rule.field)));
    const who = { zh: `规则 ${rule.id}`, en: `rule ${rule.id}` };
    out.push(...testProblems(rule, target, rule.field, who, phases).map(at));
    if (rule.checkAtSubmit && target.filledBy === 'recommender') {
      out.push(at({ path: ['checkAtSubmit'], zh: `规则 ${rule.id} 要求提交时检查，但字段 ${rule.field} 由推荐单位填写，申报单位提交时无法满足`, en: `rule ${rule.id} is checked at submission, but ${rule.field} is filled in by the recommending unit, not the applicant` }));
    }
    if (!isCountRule(rule) || !target.group) return;
    const group = target.group;
    if (rule.kind === 'countAtLeast' && group.maxItems !== undefined && rule.min > group.maxItems) {
      out.push(at({ path: ['min'], zh: `规则 ${rule.id} 要求至少 ${rule.min} 项，但列表 ${rule.field} 最多只能填 ${group.maxItems} 项`, en: `rule ${rule.id} needs at least ${rule.min} items but ${rule.field} allows at most ${group.maxItems}` }));
    }
    rule.where.forEach((c, k) => {
      const cWho = { zh: `规则 ${rule.id} 的条件 ${k + 1}`, en: `rule ${rule.id}, condition ${k + 1}` };
      const inWhere = (p: RuleProblem): RuleProblem => at({ ...p, path: ['where', k, ...p.path] });
      const sub = group.fields.find((f) => f.id === c.field);
      if (!sub) {
        const ids = group.fields.map((f) => f.id);
        out.push(inWhere({ path: ['field'], zh: `${cWho.zh}：列表 ${rule.field} 的每一项中没有字段 ${c.field}；可用字段：${ids.join('、')}`, en: `${cWho.en}: the items of ${rule.field} have no field ${c.field}; their fields: ${ids.join(', ')}` }));
        return;
      }
      out.push(...testProblems(c, leafTarget(sub), `${rule.field}.*.${c.field}`, cWho, phases).map(inWhere));
    });
  });
  return out;
}
