import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { validateDefinition } from '../../src/program/definition-text.ts';
import { evaluateEligibility, type EligibilityRule } from '../../src/program/eligibility.ts';
import { describeDateRef, resolveDateRef, shiftDate } from '../../src/program/relative-date.ts';
import { submitRuleErrors } from '../../src/program/submit-rules.ts';
import { screenTrackRules } from '../../src/screening/screening-rules.ts';
import type { ProgramDefinition } from '../../src/program/program-definition.schema.ts';
import { ruleProgram } from './rule-fixture.ts';

// Rules over repeating groups ("at least 2 cases in China begun at least a year before the call
// closes"), dates counted from a phase, and the submit-time check that lets a newer third case stay.

const casesRule = {
  id: 'cases', kind: 'countAtLeast', field: 'basic.group', min: 2, checkAtSubmit: true,
  description: '至少2个国内应用案例，且应用时间在征集截止前满1年', descriptionEn: 'At least 2 cases in China in use for a year before the call closes',
  where: [
    { field: 'country', kind: 'choiceIn', values: ['cn'] },
    { field: 'startDate', kind: 'dateOnOrBefore', date: { phase: 'call', at: 'end', offsetYears: -1 } },
  ],
};
const def = (() => {
  const r = validateDefinition(ruleProgram([casesRule]));
  if (!r.ok) assert.fail(JSON.stringify(r.problems));
  return r.definition as ProgramDefinition;
})();
const track = def.tracks[0];
const form = def.forms[0];
const org = { name: '测试企业', creditCode: '91350100M000100Y43', regionCode: '410105', kind: 'enterprise' };
const ctx = { year: def.year, phases: def.phases, form };
const answers = (...cases: Array<Record<string, unknown>>) => ({ basic: { group: cases } });
const cn = (startDate?: string) => ({ name: '案例', country: 'cn', ...(startDate ? { startDate } : {}) });

describe('dates relative to a phase', () => {
  test('the call closing "2025-06-30 24:00" is 2025-06-30; a year before it 2024-06-30', () => {
    assert.equal(resolveDateRef({ phase: 'call', at: 'end' }, def.phases), '2025-06-30');
    assert.equal(resolveDateRef({ phase: 'call', at: 'end', offsetYears: -1 }, def.phases), '2024-06-30');
    assert.equal(resolveDateRef({ phase: 'call', at: 'start', offsetMonths: -6, offsetDays: 1 }, def.phases), '2024-11-02');
    assert.equal(resolveDateRef({ phase: 'x', at: 'end' }, def.phases), null);
    assert.equal(resolveDateRef('2020-09-01', def.phases), '2020-09-01');
    assert.equal(resolveDateRef({ phase: 'p', at: 'end' }, [{ id: 'p', startsAt: '2025-01-01', endsAt: '2025-03-31 17:00' }]), '2025-03-31');
    assert.equal(resolveDateRef({ phase: 'p', at: 'end' }, [{ id: 'p', startsAt: '2025-01-01', endsAt: '2025-04-01 00:00' }]), '2025-03-31', 'midnight closes the day before');
  });

  test('month and year shifts keep the day where it exists', () => {
    assert.equal(shiftDate('2024-02-29', -1), '2023-02-28');
    assert.equal(shiftDate('2025-03-31', 0, -1), '2025-02-28');
    assert.equal(shiftDate('2025-01-31', 0, 0, 1), '2025-02-01');
    assert.equal(shiftDate('2025-01-15', 0, -13), '2023-12-15');
  });

  test('read in words with the date it resolves to', () => {
    assert.deepEqual(describeDateRef({ phase: 'call', at: 'end', offsetYears: -1 }, def.phases), { 'zh-CN': '2024-06-30（征集结束前1年）', en: '2024-06-30 (1 year before the call ends)' });
  });

  test('a relative date follows the phases: the same rule on a later call', () => {
    const later = def.phases.map((p) => (p.id === 'call' ? { ...p, endsAt: '2026-06-30 24:00' } : p));
    const [o] = evaluateEligibility([casesRule as EligibilityRule], answers(cn('2025-03'), cn('2025-06')), { ...ctx, phases: later });
    assert.equal(o.status, 'pass');
    const [before] = evaluateEligibility([casesRule as EligibilityRule], answers(cn('2025-03'), cn('2025-06')), ctx);
    assert.equal(before.status, 'fail');
  });
});

describe('counting the items of a group', () => {
  test('each item with its reason; only those meeting every condition count', () => {
    const [o] = evaluateEligibility(track.eligibility.rules, answers(cn('2020-03'), { name: 'b', country: 'other', startDate: '2019-01' }, cn('2025-01'), cn()), ctx);
    assert.equal(o.status, 'unknown', 'one counts, one cannot be told, two are needed');
    assert.deepEqual([o.qualifying, o.total], [1, 4]);
    assert.deepEqual(o.items!.map((i) => [i.status, i.reason['zh-CN']]), [
      ['pass', '案例1：符合（国家为中国；开始日期 2020-03 不晚于 2024-06-30）'],
      ['fail', '案例2：国家为其他国家，不在（中国）之中'],
      ['fail', '案例3：开始日期 2025-01 晚于 2024-06-30'],
      ['unknown', '案例4：开始日期未填写'],
    ]);
    assert.equal(o.items![2].reason.en, 'Item 3: 开始日期 2025-01 is after 2024-06-30');
    assert.equal(o.reason!['zh-CN'], '无法判断：至少2个国内应用案例，且应用时间在征集截止前满1年（确定符合 1 项，另有 1 项无法判断，至少需要 2 项）');
  });

  test('pass, fail, and a month that straddles the cut-off is not yet a count', () => {
    const run = (...cases: Array<Record<string, unknown>>) => evaluateEligibility(track.eligibility.rules, answers(...cases), ctx)[0];
    assert.equal(run(cn('2020-03'), cn('2024-06'), cn('2025-05')).status, 'pass', '2024-06 ends on the cut-off day; the newer third simply does not count');
    const fail = run(cn('2020-03'), cn('2025-05'));
    assert.equal(fail.status, 'fail');
    assert.equal(fail.reason!.en, 'Not met: At least 2 cases in China in use for a year before the call closes (1 qualifying, at least 2 needed)');
    assert.equal(run().status, 'fail', 'no list is no cases');
    const straddle = { ...def, phases: def.phases.map((p) => (p.id === 'call' ? { ...p, endsAt: '2025-06-15' } : p)) };
    const o = evaluateEligibility(track.eligibility.rules, answers(cn('2020-03'), cn('2024-06')), { ...ctx, phases: straddle.phases })[0];
    assert.equal(o.status, 'unknown');
    assert.match(o.items![1].reason['zh-CN'], /2024-06 精度不足，无法判断是否不晚于 2024-06-15/);
  });

  test('countAtMost and a count with no conditions', () => {
    const rules = [
      { id: 'few', kind: 'countAtMost', field: 'basic.group', max: 1, where: [{ field: 'country', kind: 'choiceIn', values: ['other'] }], description: '境外案例不超过1个' },
      { id: 'any', kind: 'countAtLeast', field: 'basic.group', min: 3, where: [], description: '至少3个案例' },
    ] as EligibilityRule[];
    const other = { name: 'x', country: 'other' };
    assert.deepEqual(evaluateEligibility(rules, answers(other, cn('2020-01'), cn('2020-02')), ctx).map((o) => o.status), ['pass', 'pass']);
    assert.deepEqual(evaluateEligibility(rules, answers(other, other), ctx).map((o) => o.status), ['fail', 'fail']);
  });
});

describe('what rules read when the form is known', () => {
  const rules = [
    { id: 'sum', kind: 'numberAtLeast', field: 'basic.computed', value: 150, description: '收入合计不低于150' },
    { id: 'avg', kind: 'numberAtLeast', field: 'basic.table.revenue.average', value: 60, description: '平均收入不低于60' },
    { id: 'cell', kind: 'choiceIn', field: 'basic.table.level.2022', values: ['hi'], description: '2022年水平高' },
    { id: 'old', kind: 'maxAgeYears', field: 'basic.date', years: 10, description: '成立不超过10年' },
    { id: 'lic', kind: 'answered', field: 'basic.file', description: '上传营业执照' },
  ] as EligibilityRule[];
  test('computed values and year-table averages are evaluated, not left unknown forever', () => {
    const a = { basic: { number: 100, table: { revenue: { 2021: 40, 2022: 80 }, level: { 2022: 'hi' } }, date: '2016', file: [{ id: 'f1', name: '执照.pdf', size: 1 }] } };
    assert.deepEqual(evaluateEligibility(rules, a, ctx).map((o) => [o.ruleId, o.status]), [['sum', 'pass'], ['avg', 'pass'], ['cell', 'pass'], ['old', 'pass'], ['lic', 'pass']]);
    assert.deepEqual(evaluateEligibility(rules, { basic: {} }, ctx).map((o) => o.status), ['unknown', 'unknown', 'unknown', 'unknown', 'fail']);
  });
});

describe('the submit-time check', () => {
  test('refused at the group with the reasons while fewer than 2 qualify; a newer third case may stay', () => {
    const refused = submitRuleErrors(track, form, answers(cn('2020-03'), cn('2025-05')), org, def);
    assert.equal(refused.length, 1);
    assert.equal(refused[0].path, 'basic.group');
    assert.equal(refused[0].message['zh-CN'], '不符合：至少2个国内应用案例，且应用时间在征集截止前满1年（符合条件的 1 项，至少需要 2 项）；案例2：开始日期 2025-05 晚于 2024-06-30');
    assert.match(refused[0].message.en, /^Not met: .*; Item 2: 开始日期 2025-05 is after 2024-06-30$/);
    assert.deepEqual(submitRuleErrors(track, form, answers(cn('2020-03'), cn('2021-01'), cn('2025-05')), org, def), []);
    const quiet = { ...track, eligibility: { ...track.eligibility, rules: [{ ...track.eligibility.rules[0], checkAtSubmit: false }] } };
    assert.deepEqual(submitRuleErrors(quiet, form, answers(), org, def), [], 'a rule not marked checkAtSubmit waits for screening');
  });

  test('screening gives the screener the items, and what was read', () => {
    const [r] = screenTrackRules(track, form, answers(cn('2020-03'), cn('2025-05')), org, def);
    assert.equal(r.status, 'fail');
    assert.equal(r.value, '1 / 2');
    assert.deepEqual(r.items!.map((i) => i.status), ['pass', 'fail']);
  });
});
