import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDefinitionText } from '../../src/program/definition-text.ts';
import { ProgramDefinitionSchema, type ProgramDefinition } from '../../src/program/program-definition.schema.ts';
import { checklistState, ruleSummary, screenableStatus, screenTrackRules, statusAfter } from '../../src/screening/screening-rules.ts';
import { ScreeningDecisionRequestSchema } from '../../src/screening/screening.schema.ts';

const kczg = (() => {
  const parsed = parseDefinitionText(readFileSync(new URL('../../../../templates/kczg-2022.yaml', import.meta.url), 'utf8'), 'yaml');
  if (!parsed.ok) assert.fail('kczg-2022.yaml does not load');
  return parsed.definition as ProgramDefinition;
})();
const xinrui = kczg.tracks.find((t) => t.id === 'xinrui')!;
const xinruiForm = kczg.forms.find((f) => f.id === 'xinrui')!;
const org = { name: '测试企业', creditCode: '91350100M000100Y43', regionCode: '350100', kind: 'enterprise' };

describe('screening rules', () => {
  test('what waits for screening: submitted on direct tracks, endorsed on recommended ones', () => {
    assert.equal(screenableStatus({ entry: 'direct' }), 'submitted');
    assert.equal(screenableStatus({ entry: 'recommendation' }), 'endorsed');
    assert.equal(statusAfter({ entry: 'direct' }, 'submitted', 'pass'), 'eligible');
    assert.equal(statusAfter({ entry: 'direct' }, 'submitted', 'fail'), 'ineligible');
    assert.equal(statusAfter({ entry: 'direct' }, 'submitted', 'return'), 'returned');
    assert.equal(statusAfter({ entry: 'recommendation' }, 'endorsed', 'return'), 'returned');
    assert.equal(statusAfter({ entry: 'recommendation' }, 'submitted', 'pass'), null, 'still with its unit');
    for (const s of ['draft', 'returned', 'eligible', 'ineligible', 'withdrawn'] as const) assert.equal(statusAfter({ entry: 'direct' }, s, 'pass'), null, s);
  });

  test('新锐企业榜: founded ≤ 10 years before 2022, counted from 1 January 2012', () => {
    const run = (founded?: string) => screenTrackRules(xinrui, xinruiForm, founded ? { basic: { founded } } : {}, org, kczg.year);
    const [young] = run('2012-01-01');
    assert.equal(young.status, 'pass');
    assert.equal(young.value, '2012-01-01');
    const [old] = run('2011-12-31');
    assert.equal(old.status, 'fail');
    assert.match(old.reason!['zh-CN'], /不符合：成立年限不超过10年/);
    assert.equal(old.description, '成立年限不超过10年（工商注册成立时间以2022年反推）');
    assert.equal(run()[0].status, 'unknown', 'unanswered is never a silent pass');
    assert.deepEqual(ruleSummary([old, young, run()[0]]), { pass: 1, fail: 1, unknown: 1 });
  });

  test("a rule may read the organization's registered data", () => {
    const text = readFileSync(new URL('../../../../templates/kczg-2022.yaml', import.meta.url), 'utf8');
    const parsed = parseDefinitionText(text, 'yaml');
    assert.ok(parsed.ok);
    const def = structuredClone(parsed.definition) as ProgramDefinition;
    const track = def.tracks.find((t) => t.id === 'xinrui')!;
    track.eligibility.rules.push({ id: 'mainland', kind: 'regionWithin', field: 'organization.regionCode', codes: ['11', '35'], description: '注册地在北京或福建' });
    assert.equal(ProgramDefinitionSchema.safeParse(def).success, true, 'organization.regionCode is a known field');
    const bad = structuredClone(def);
    bad.tracks.find((t) => t.id === 'xinrui')!.eligibility.rules.at(-1)!.field = 'organization.revenue';
    assert.equal(ProgramDefinitionSchema.safeParse(bad).success, false, 'but not an invented one');
    const rules = screenTrackRules(track, xinruiForm, { basic: { founded: '2015-03-01' } }, org, 2022);
    assert.deepEqual(rules.map((r) => [r.ruleId, r.status, r.value]), [['age-10-years', 'pass', '2015-03-01'], ['mainland', 'pass', '350100']]);
    assert.equal(screenTrackRules(track, xinruiForm, {}, { ...org, regionCode: '440300' }, 2022)[1].status, 'fail');
  });

  test('checklist: the track’s items with saved marks; unknown saved items dropped', () => {
    const items = checklistState(xinrui.eligibility.checklist, {
      'registered-mainland': { checked: true, note: '', by: 'u1', at: 5 },
      'sme-tech': { checked: false, note: '员工超过1000人', by: 'u2', at: 6 },
      gone: { checked: true, note: '', by: 'u1', at: 1 },
    }, new Map([['u1', '李娜']]));
    assert.equal(items.length, xinrui.eligibility.checklist.length);
    assert.deepEqual(items.slice(0, 3).map((i) => [i.id, i.checked, i.note, i.updatedBy]), [
      ['registered-mainland', true, '', '李娜'], ['pilot-city', null, '', null], ['sme-tech', false, '员工超过1000人', null],
    ]);
  });

  test('decisions: a failure needs a reason of at least 5 characters; a return needs comments', () => {
    const ok = (v: unknown) => ScreeningDecisionRequestSchema.safeParse(v).success;
    assert.equal(ok({ outcome: 'fail', baseRevision: 3 }), false);
    assert.equal(ok({ outcome: 'fail', baseRevision: 3, reason: '  不符合  ' }), false, 'trimmed before counting');
    assert.equal(ok({ outcome: 'fail', baseRevision: 3, reason: '成立超过十年' }), true);
    assert.equal(ok({ outcome: 'return', baseRevision: 3 }), false);
    assert.equal(ok({ outcome: 'return', baseRevision: 3, comments: '请补充营业执照', resubmitBy: '2026-02-30' }), false);
    assert.equal(ok({ outcome: 'return', baseRevision: 3, comments: '请补充营业执照', resubmitBy: '2026-12-31' }), true);
    assert.equal(ok({ outcome: 'pass', baseRevision: 3 }), true);
    assert.equal(ok({ outcome: 'pass', baseRevision: 3, reason: 'extra' }), false, 'strict');
  });
});
