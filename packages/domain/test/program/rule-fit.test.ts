import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDefinitionText, validateDefinition } from '../../src/program/definition-text.ts';
import { eligibilityRuleKinds, evaluateEligibility } from '../../src/program/eligibility.ts';
import type { FieldError } from '../../src/errors.ts';
import { ruleProgram } from './rule-fixture.ts';

// The definition validator refuses a rule that does not fit its field, in zh-CN and English,
// naming the kinds that would fit; every rule kind is tried on every kind of field.

const dates = ['maxAgeYears', 'dateBefore', 'dateOnOrBefore', 'dateAfter', 'dateOnOrAfter'];
const numbers = ['numberAtLeast', 'numberAtMost'];
/** Written out by hand (not read from the code under test): what may be asked of each field. */
const expected: Record<string, string[]> = {
  'basic.text': ['answered'],
  'basic.number': [...numbers, 'answered'],
  'basic.date': [...dates, 'answered'],
  'basic.choice': ['choiceIn', 'answered'],
  'basic.table': ['answered'],
  'basic.table.revenue.2021': [...numbers, 'answered'],
  'basic.table.revenue.average': [...numbers, 'answered'],
  'basic.table.level.2022': ['choiceIn', 'answered'],
  'basic.region': ['regionWithin', 'answered'],
  'basic.industry': ['choiceIn', 'answered'],
  'basic.trl': [...numbers, 'answered'],
  'basic.creditCode': ['answered'],
  'basic.file': ['answered'],
  'basic.declaration': ['isTrue', 'answered'],
  'basic.signature': ['answered'],
  'basic.computed': [...numbers, 'answered'],
  'basic.group': ['countAtLeast', 'countAtMost', 'answered'],
  'organization.regionCode': ['regionWithin', 'answered'],
  'organization.name': ['answered'],
  'organization.kind': ['choiceIn', 'answered'],
};
const fieldWords: Record<string, [string, string]> = {
  'basic.text': ['文本', 'text'], 'basic.number': ['数字', 'number'], 'basic.date': ['日期', 'date'], 'basic.choice': ['选择', 'choice'],
  'basic.table': ['年度表', 'year table'], 'basic.table.revenue.2021': ['年度表数字单元格', 'year-table number cell'],
  'basic.table.revenue.average': ['年度表数字单元格', 'year-table number cell'], 'basic.table.level.2022': ['年度表选择单元格', 'year-table choice cell'],
  'basic.region': ['行政区划', 'region'], 'basic.industry': ['行业分类', 'industry'], 'basic.trl': ['技术成熟度', 'TRL'],
  'basic.creditCode': ['统一社会信用代码', 'credit code'], 'basic.file': ['附件', 'file'], 'basic.declaration': ['承诺申明', 'declaration'],
  'basic.signature': ['盖章页', 'signature'], 'basic.computed': ['计算', 'computed'], 'basic.group': ['重复组（列表）', 'repeating group'],
  'organization.regionCode': ['行政区划', 'region'], 'organization.name': ['文本', 'text'], 'organization.kind': ['选择', 'choice'],
};

function ruleOf(kind: string, field: string): Record<string, unknown> {
  const choiceValue = field === 'basic.table.level.2022' ? 'hi' : field === 'organization.kind' ? 'enterprise' : field === 'basic.industry' ? 'C' : 'a';
  const params: Record<string, Record<string, unknown>> = {
    maxAgeYears: { years: 5 }, dateBefore: { date: '2020-01-01' }, dateOnOrBefore: { date: '2020-01-01' }, dateAfter: { date: '2020-01-01' },
    dateOnOrAfter: { date: { phase: 'call', at: 'end', offsetYears: -10 } }, regionWithin: { codes: ['41'] }, numberAtLeast: { value: 1 }, numberAtMost: { value: 10 },
    choiceIn: { values: [choiceValue] }, isTrue: {}, answered: {}, countAtLeast: { min: 1 }, countAtMost: { max: 3 },
  };
  return { id: 'r1', kind, field, description: '条件', ...params[kind] };
}

const problems = (rules: unknown[], overrides?: Record<string, unknown>): FieldError[] => {
  const r = validateDefinition(ruleProgram(rules, overrides));
  return r.ok ? [] : r.problems;
};

describe('which rule fits which field', () => {
  test('the rule kinds are the ones documented', () => {
    assert.deepEqual([...eligibilityRuleKinds].sort(), [...dates, ...numbers, 'regionWithin', 'choiceIn', 'isTrue', 'answered', 'countAtLeast', 'countAtMost'].sort());
  });

  for (const [field, fits] of Object.entries(expected)) {
    test(`every rule kind on ${field}`, () => {
      for (const kind of eligibilityRuleKinds) {
        const found = problems([ruleOf(kind, field)]);
        if (fits.includes(kind)) {
          assert.deepEqual(found, [], `${kind} on ${field} fits`);
          continue;
        }
        assert.equal(found.length, 1, `${kind} on ${field} must not validate: ${JSON.stringify(found)}`);
        const [p] = found;
        assert.equal(p.path, 'tracks.0.eligibility.rules.0.kind');
        const [zh, en] = fieldWords[field];
        assert.equal(p.message['zh-CN'], `规则 r1 的类型 ${kind} 不适用于${zh}字段 ${field}；适用于该字段的类型：${fits.join('、')}`);
        assert.equal(p.message.en, `rule r1: kind ${kind} does not fit the ${en} field ${field}; kinds that fit it: ${fits.join(', ')}`);
      }
    });
  }

  test('numberAtLeast on a text field: the message the issue asked for, in both languages', () => {
    assert.deepEqual(problems([{ id: 'r1', kind: 'numberAtLeast', field: 'basic.text', value: 3, description: '至少3' }]), [{
      path: 'tracks.0.eligibility.rules.0.kind',
      message: {
        'zh-CN': '规则 r1 的类型 numberAtLeast 不适用于文本字段 basic.text；适用于该字段的类型：answered',
        en: 'rule r1: kind numberAtLeast does not fit the text field basic.text; kinds that fit it: answered',
      },
    }]);
  });

  test('conditions of a group rule fit the sub-fields they read', () => {
    const rule = (where: unknown[]) => [{ id: 'cases', kind: 'countAtLeast', field: 'basic.group', min: 2, description: '至少2个案例', where }];
    assert.deepEqual(problems(rule([{ field: 'country', kind: 'choiceIn', values: ['cn'] }, { field: 'startDate', kind: 'dateOnOrBefore', date: { phase: 'call', at: 'end', offsetYears: -1 } }])), []);
    assert.deepEqual(problems(rule([{ field: 'name', kind: 'numberAtLeast', value: 1 }])), [{
      path: 'tracks.0.eligibility.rules.0.where.0.kind',
      message: {
        'zh-CN': '规则 cases 的条件 1 的类型 numberAtLeast 不适用于文本字段 basic.group.*.name；适用于该字段的类型：answered',
        en: 'rule cases, condition 1: kind numberAtLeast does not fit the text field basic.group.*.name; kinds that fit it: answered',
      },
    }]);
    assert.deepEqual(problems(rule([{ field: 'city', kind: 'answered' }])), [{
      path: 'tracks.0.eligibility.rules.0.where.0.field',
      message: {
        'zh-CN': '规则 cases 的条件 1：列表 basic.group 的每一项中没有字段 city；可用字段：name、country、startDate',
        en: 'rule cases, condition 1: the items of basic.group have no field city; their fields: name, country, startDate',
      },
    }]);
    const [tooMany] = problems([{ id: 'cases', kind: 'countAtLeast', field: 'basic.group', min: 6, description: '至少6个', where: [] }]);
    assert.equal(tooMany.path, 'tracks.0.eligibility.rules.0.min');
    assert.equal(tooMany.message['zh-CN'], '规则 cases 要求至少 6 项，但列表 basic.group 最多只能填 5 项');
    assert.equal(tooMany.message.en, 'rule cases needs at least 6 items but basic.group allows at most 5');
  });

  test('a sub-field path is not a field: the message says to count the group instead', () => {
    const [p] = problems([{ id: 'r1', kind: 'choiceIn', field: 'basic.group.country', values: ['cn'], description: '中国' }]);
    assert.equal(p.path, 'tracks.0.eligibility.rules.0.field');
    assert.match(p.message['zh-CN'], /重复组 basic\.group 中每一项的子字段：请用 countAtLeast 或 countAtMost 规则/);
    assert.match(p.message.en, /use a countAtLeast or countAtMost rule with field basic\.group/);
    const [none] = problems([{ id: 'r1', kind: 'answered', field: 'basic.nothing', description: '无' }]);
    assert.deepEqual(none.message, { 'zh-CN': '申报表 f 中没有字段 basic.nothing', en: 'form f has no field basic.nothing' });
  });

  test('values, dates and phases a rule names must exist', () => {
    assert.deepEqual(problems([{ id: 'r1', kind: 'choiceIn', field: 'basic.choice', values: ['a', 'c'], description: '甲' }]).map((p) => [p.path, p.message]), [[
      'tracks.0.eligibility.rules.0.values', { 'zh-CN': '规则 r1 的取值 c 不是字段 basic.choice 的选项；可选值：a、b', en: 'rule r1: c is not an option of basic.choice; its options: a, b' },
    ]]);
    assert.deepEqual(problems([{ id: 'r1', kind: 'dateBefore', field: 'basic.date', date: '2022-02-30', description: '早' }]).map((p) => [p.path, p.message]), [[
      'tracks.0.eligibility.rules.0.date', { 'zh-CN': '规则 r1 的日期 2022-02-30 不是有效日期', en: 'rule r1: 2022-02-30 is not a calendar date' },
    ]]);
    assert.deepEqual(problems([{ id: 'r1', kind: 'dateBefore', field: 'basic.date', date: { phase: 'closing', at: 'end' }, description: '早' }]).map((p) => [p.path, p.message]), [[
      'tracks.0.eligibility.rules.0.date.phase',
      { 'zh-CN': '规则 r1 引用的阶段 closing 不存在；已有阶段：call、final', en: 'rule r1 refers to a phase closing the program does not have; its phases: call, final' },
    ]]);
    const [never] = problems([{ id: 'r1', kind: 'numberAtLeast', field: 'basic.number', value: 200000, description: '很大' }]);
    assert.equal(never.path, 'tracks.0.eligibility.rules.0.value');
    assert.match(never.message['zh-CN'], /永远无法满足/);
    assert.match(never.message.en, /can never be met/);
  });

  test('checkAtSubmit may not read what the recommending unit fills in; rule ids are unique', () => {
    const [p] = problems([{ id: 'r1', kind: 'isTrue', field: 'opinion.agree', description: '推荐', checkAtSubmit: true }]);
    assert.equal(p.path, 'tracks.0.eligibility.rules.0.checkAtSubmit');
    assert.match(p.message['zh-CN'], /由推荐单位填写/);
    assert.deepEqual(problems([{ id: 'r1', kind: 'isTrue', field: 'opinion.agree', description: '推荐' }]), [], 'a screener may still read it');
    const dup = problems([{ id: 'r1', kind: 'answered', field: 'basic.text', description: 'a' }, { id: 'r1', kind: 'answered', field: 'basic.file', description: 'b' }]);
    assert.deepEqual(dup.map((d) => [d.path, d.message.en]), [['tracks.0.eligibility.rules.1.id', 'duplicate rule id: r1']]);
  });

  test('applications per organization per track: 1 unless the definition says more', () => {
    const one = validateDefinition(ruleProgram([]));
    assert.ok(one.ok);
    assert.equal(one.definition.tracks[0].applicationsPerOrganization, 1);
    const three = validateDefinition(ruleProgram([], { applicationsPerOrganization: 3 }));
    assert.ok(three.ok);
    assert.equal(three.definition.tracks[0].applicationsPerOrganization, 3);
    const zero = validateDefinition(ruleProgram([], { applicationsPerOrganization: 0 }));
    assert.ok(!zero.ok);
    assert.equal(zero.problems[0].path, 'tracks.0.applicationsPerOrganization');
  });

  test('every rule of the three seed programs fits its field and is evaluated (no rule is unknown on a full answer)', () => {
    for (const name of ['kczg-2022', 'cnblue-2022', 'henan-green-2025']) {
      const parsed = parseDefinitionText(readFileSync(new URL(`../../../../templates/${name}.yaml`, import.meta.url), 'utf8'), 'yaml');
      assert.ok(parsed.ok, `${name} validates`);
      for (const track of parsed.definition.tracks) {
        for (const rule of track.eligibility.rules) {
          const value = { choiceIn: (rule as { values?: string[] }).values?.[0], regionWithin: '410105', maxAgeYears: '2020-01-01', dateBefore: '2019-01-01' }[rule.kind as string];
          assert.notEqual(value, undefined, `${name}/${track.id}/${rule.id}: a ${rule.kind} rule the test knows how to answer`);
          const [section, field] = rule.field.split('.');
          const [o] = evaluateEligibility([rule], { [section]: { [field]: value } }, { year: parsed.definition.year, phases: parsed.definition.phases, form: parsed.definition.forms.find((f) => f.id === track.formId) });
          assert.notEqual(o.status, 'unknown', `${name}/${track.id}/${rule.id} is evaluated`);
        }
      }
    }
  });
});
