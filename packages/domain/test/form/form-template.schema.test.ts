import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FormTemplateSchema, checkTemplate, type FormTemplateInput } from '../../src/form/index.ts';
import { template, templateInput } from './fixtures.ts';

function withSections(sections: FormTemplateInput['sections']): FormTemplateInput {
  return { id: 't', version: 1, title: '测试', sections };
}

function issuesOf(input: unknown): string[] {
  const r = FormTemplateSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('FormTemplateSchema', () => {
  test('parses a template with every field kind and fills defaults', () => {
    const kinds = new Set(template.sections.flatMap((s) => s.fields.flatMap((f) => (f.kind === 'group' ? [f.kind, ...f.fields.map((g) => g.kind)] : [f.kind]))));
    for (const k of ['text', 'number', 'date', 'choice', 'yearTable', 'region', 'industry', 'trl', 'creditCode', 'file', 'declaration', 'signature', 'group', 'computed']) {
      assert.ok(kinds.has(k as never), `fixture lacks ${k}`);
    }
    const basic = template.sections[0];
    const name = basic.fields.find((f) => f.id === 'companyName');
    assert.equal(name?.kind === 'text' && name.multiline, false);
    const ownership = basic.fields.find((f) => f.id === 'ownership');
    assert.equal(ownership?.kind === 'choice' && ownership.otherLabel, '其他，具体为');
    const pledge = template.sections.find((s) => s.id === 'pledge');
    assert.equal(pledge?.fields[0].required, true, 'a declaration is required by default');
    assert.equal(pledge?.fields[1].kind === 'signature' && pledge.fields[1].signer, '申报单位公章');
    assert.equal(template.sections.find((s) => s.id === 'recommend')?.filledBy, 'recommender');
    assert.equal(basic.filledBy, 'applicant');
    const rd = template.sections[1].fields[0];
    assert.equal(rd.kind === 'yearTable' && rd.averageLabel, '平均值');
    assert.deepEqual(checkTemplate(template), []);
  });

  test('rejects an unknown field kind and unknown properties', () => {
    assert.ok(issuesOf(withSections([{ id: 's', title: 'S', fields: [{ id: 'a', kind: 'colour', label: 'A' } as never] }])).length > 0);
    assert.ok(issuesOf(withSections([{ id: 's', title: 'S', fields: [{ id: 'a', kind: 'text', label: 'A', maxLength: 5 } as never] }])).length > 0);
  });

  test('ids cannot contain dots or be numbers, since they are path segments', () => {
    assert.ok(issuesOf(withSections([{ id: 's', title: 'S', fields: [{ id: 'a.b', kind: 'text', label: 'A' }] }])).length > 0);
    assert.ok(issuesOf(withSections([{ id: '2021', title: 'S', fields: [{ id: 'a', kind: 'text', label: 'A' }] }])).length > 0);
  });

  test('duplicate section, field, option, row and year ids are reported', () => {
    const issues = issuesOf(
      withSections([
        {
          id: 's',
          title: 'S',
          fields: [
            { id: 'a', kind: 'text', label: 'A' },
            { id: 'a', kind: 'number', label: 'A2' },
            { id: 'c', kind: 'choice', label: 'C', options: [{ value: 'x', label: 'X' }, { value: 'x', label: 'X2' }] },
            { id: 't', kind: 'yearTable', label: 'T', years: [2020, 2020], rows: [{ id: 'r', label: 'R' }, { id: 'r', label: 'R2' }] },
          ],
        },
        { id: 's', title: 'S again', fields: [{ id: 'b', kind: 'text', label: 'B' }] },
      ]),
    );
    for (const expected of ['duplicate section id "s"', 'duplicate field id "a"', 'duplicate option value "x"', 'duplicate row id "r"', 'duplicate year 2020']) {
      assert.ok(issues.some((i) => i.includes(expected)), `missing: ${expected} in ${issues.join(' | ')}`);
    }
  });

  test('the reserved 其他 value and inverted limits are rejected', () => {
    const issues = issuesOf(
      withSections([
        {
          id: 's',
          title: 'S',
          fields: [
            { id: 'c', kind: 'choice', label: 'C', options: [{ value: '__other__', label: '其他' }] },
            { id: 't', kind: 'text', label: 'T', minChars: 600, maxChars: 400 },
            { id: 'n', kind: 'number', label: 'N', min: 10, max: 1 },
            { id: 'd', kind: 'date', label: 'D', min: '2022-02-30' },
            { id: 'g', kind: 'group', label: 'G', minItems: 5, maxItems: 2, fields: [{ id: 'x', kind: 'text', label: 'X' }] },
          ],
        },
      ]),
    );
    for (const expected of ['is reserved', 'minChars/maxChars', 'fields.2: min/max', 'not a calendar date', 'minItems/maxItems']) {
      assert.ok(issues.some((i) => i.includes(expected)), `missing: ${expected} in ${issues.join(' | ')}`);
    }
  });

  test('conditions and expressions must name existing fields, and expressions numeric ones', () => {
    const issues = issuesOf(
      withSections([
        {
          id: 's',
          title: 'S',
          fields: [
            { id: 'name', kind: 'text', label: 'N' },
            { id: 'a', kind: 'text', label: 'A', visibleIf: { field: 'nope', equals: 'x' } },
            { id: 'b', kind: 'computed', label: 'B', expression: { op: 'sum', args: ['name', 'missing.field'] } },
          ],
        },
      ]),
    );
    assert.ok(issues.some((i) => i.includes('"nope" does not name a field')), issues.join(' | '));
    assert.ok(issues.some((i) => i.includes('"name" is not a number')), issues.join(' | '));
    assert.ok(issues.some((i) => i.includes('"missing.field" does not name a field')), issues.join(' | '));
  });

  test('difference and ratio take two arguments', () => {
    const issues = issuesOf(
      withSections([{ id: 's', title: 'S', fields: [{ id: 'n', kind: 'number', label: 'N' }, { id: 'r', kind: 'computed', label: 'R', expression: { op: 'ratio', args: ['n'] } }] }]),
    );
    assert.ok(issues.some((i) => i.includes('exactly two arguments')), issues.join(' | '));
  });

  test('circular conditions and computations are rejected', () => {
    const cond = issuesOf(
      withSections([
        {
          id: 's',
          title: 'S',
          fields: [
            { id: 'a', kind: 'text', label: 'A', visibleIf: { field: 'b', notEmpty: true } },
            { id: 'b', kind: 'text', label: 'B', visibleIf: { field: 'a', notEmpty: true } },
          ],
        },
      ]),
    );
    assert.ok(cond.some((i) => i.includes('circular reference')), cond.join(' | '));
    const comp = issuesOf(
      withSections([
        {
          id: 's',
          title: 'S',
          fields: [
            { id: 'x', kind: 'computed', label: 'X', expression: { op: 'sum', args: ['y', 1] } },
            { id: 'y', kind: 'computed', label: 'Y', expression: { op: 'sum', args: ['x', 1] } },
          ],
        },
      ]),
    );
    assert.ok(comp.some((i) => i.includes('circular reference')), comp.join(' | '));
    const self = issuesOf(withSections([{ id: 's', title: 'S', visibleIf: { field: 's.a', equals: 'x' }, fields: [{ id: 'a', kind: 'text', label: 'A' }] }]));
    assert.ok(self.some((i) => i.includes('circular reference')), 'a section cannot depend on its own field');
  });

  test('year-table references resolve to rows, years and the average', () => {
    const ok = issuesOf(
      withSections([
        {
          id: 's',
          title: 'S',
          fields: [
            { id: 't', kind: 'yearTable', label: 'T', years: [2021, 2022], rows: [{ id: 'r', label: 'R' }] },
            { id: 'c', kind: 'computed', label: 'C', expression: { op: 'difference', args: ['t.r.2022', 's.t.r.average'] } },
          ],
        },
      ]),
    );
    assert.deepEqual(ok, []);
    const bad = issuesOf(
      withSections([
        {
          id: 's',
          title: 'S',
          fields: [
            { id: 't', kind: 'yearTable', label: 'T', years: [2021], rows: [{ id: 'r', label: 'R' }] },
            { id: 'c', kind: 'computed', label: 'C', expression: { op: 'sum', args: ['t.r.2019', 't.q.2021'] } },
          ],
        },
      ]),
    );
    assert.equal(bad.filter((i) => i.includes('does not name a field')).length, 2, bad.join(' | '));
  });

  test('the fixture input itself round-trips through parse', () => {
    const again = FormTemplateSchema.parse(JSON.parse(JSON.stringify(templateInput)));
    assert.deepEqual(again, template);
  });
});
