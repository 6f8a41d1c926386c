import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeDerived, FormTemplateSchema, roundTo } from '../../src/form/index.ts';
import { template, validAnswers } from './fixtures.ts';

describe('computeDerived', () => {
  test('year-table averages per numeric row, rounded to the table decimals', () => {
    const d = computeDerived(template, validAnswers());
    assert.equal(d['innovation.rd.patents.average'], 4);
    assert.equal(d['innovation.rd.rdSpend.average'], 150);
    assert.equal(d['innovation.rd.revenue.average'], 1433.33);
    assert.equal('innovation.rd.evaluation.average' in d, false, 'a choice row has no average');
  });

  test('the average covers the filled years only, and is null when none is filled', () => {
    const a = validAnswers();
    a.innovation.rd = { patents: { '2020': 3, '2022': 6 }, rdSpend: {}, revenue: { '2021': null } };
    const d = computeDerived(template, a);
    assert.equal(d['innovation.rd.patents.average'], 4.5);
    assert.equal(d['innovation.rd.rdSpend.average'], null);
    assert.equal(d['innovation.rd.revenue.average'], null);
  });

  test('computed fields: ratio of averages, nested growth rate, scale and decimals', () => {
    const d = computeDerived(template, validAnswers());
    // 150 / 1433.333… × 100, from the unrounded average
    assert.equal(d['innovation.rdIntensity'], 10.47);
    // (1800 − 1500) / 1500 × 100
    assert.equal(d['innovation.growth'], 20);
  });

  test('a missing input or a zero divisor gives null, never a guess', () => {
    const a = validAnswers();
    (a.innovation.rd as Record<string, Record<string, unknown>>).revenue = { '2020': 1000, '2021': 0, '2022': 1800 };
    assert.equal(computeDerived(template, a)['innovation.growth'], null);
    (a.innovation.rd as Record<string, Record<string, unknown>>).revenue = { '2020': 1000, '2022': 1800 };
    assert.equal(computeDerived(template, a)['innovation.growth'], null);
    assert.equal(computeDerived(template, {})['innovation.rdIntensity'], null);
  });

  test('computed fields inside group items use their own item', () => {
    const a = validAnswers();
    a.team.members = [{ name: '甲', share: 10, bonus: 2.5 }, { name: '乙', share: 5 }, { name: '丙', share: 0.1, bonus: 0.2 }];
    const d = computeDerived(template, a);
    assert.equal(d['team.members.0.total'], 12.5);
    assert.equal(d['team.members.1.total'], null);
    assert.equal(d['team.members.2.total'], 0.3);
  });

  test('hidden inputs count as empty and hidden computed fields are left out', () => {
    const t = FormTemplateSchema.parse({
      id: 't',
      version: 1,
      title: '测试',
      sections: [
        {
          id: 's',
          title: 'S',
          fields: [
            { id: 'mode', kind: 'choice', label: '方式', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
            { id: 'x', kind: 'number', label: 'X', visibleIf: { field: 'mode', equals: 'a' } },
            { id: 'y', kind: 'number', label: 'Y' },
            { id: 'sum', kind: 'computed', label: '合计', expression: { op: 'sum', args: ['x', 'y', 1] } },
            { id: 'avg', kind: 'computed', label: '平均', expression: { op: 'avg', args: ['x', 'y'] }, visibleIf: { field: 'mode', in: ['a'] } },
            { id: 'twice', kind: 'computed', label: '两倍', decimals: 0, expression: { op: 'sum', args: ['sum', 'sum'] } },
          ],
        },
      ],
    });
    assert.deepEqual(computeDerived(t, { s: { mode: 'a', x: 2, y: 4 } }), { 's.sum': 7, 's.avg': 3, 's.twice': 14 });
    assert.deepEqual(computeDerived(t, { s: { mode: 'b', x: 2, y: 4 } }), { 's.sum': null, 's.twice': null });
  });

  test('property: a computed sum equals the sum of its inputs, rounded to 2 places', () => {
    const t = FormTemplateSchema.parse({
      id: 't',
      version: 1,
      title: '测试',
      sections: [
        {
          id: 's',
          title: 'S',
          fields: [
            { id: 'a', kind: 'number', label: 'A' },
            { id: 'b', kind: 'number', label: 'B' },
            { id: 'd', kind: 'computed', label: 'D', expression: { op: 'difference', args: ['a', 'b'] } },
            { id: 'total', kind: 'computed', label: 'T', expression: { op: 'sum', args: ['a', 'b'] } },
          ],
        },
      ],
    });
    const num = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(num, num, (a, b) => {
        const d = computeDerived(t, { s: { a, b } });
        return d['s.total'] === roundTo(a + b, 2) && d['s.d'] === roundTo(a - b, 2);
      }),
    );
  });
});

describe('roundTo', () => {
  test('rounds half away from zero despite binary fractions', () => {
    assert.equal(roundTo(1.005, 2), 1.01);
    assert.equal(roundTo(-1.005, 2), -1.01);
    assert.equal(roundTo(10.465, 2), 10.47);
    assert.equal(roundTo(2 / 3, 0), 1);
  });
});
