import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compileFormValidator, FormTemplateSchema, validateAnswers, type FormTemplate } from '../../src/form/index.ts';
import { template, templateInput, validAnswers } from './fixtures.ts';

// The server keeps one compiled validator per stored form version and runs it on every
// autosave: what it keeps between calls (ids, option sets, resolved references) must never
// carry one call's answers into the next, nor one template's rules into another's.

type Answers = Record<string, Record<string, unknown>>;
const paths = (r: { errors: { path: string }[] }) => r.errors.map((e) => e.path);

describe('a compiled form validator', () => {
  test('answers exactly as validateAnswers does, call after call, in both modes', () => {
    const validate = compileFormValidator(template);
    const bad: Answers = { ...validAnswers(), basic: { ...validAnswers().basic, isHighTech: 'maybe', staff: 1.5 } };
    const cases: unknown[] = [validAnswers(), bad, {}, { nope: {} }, 'not an object', validAnswers(), bad];
    for (const answers of cases) {
      for (const mode of ['draft', 'submit'] as const) {
        assert.deepEqual(validate(answers, { mode }), validateAnswers(template, answers, { mode }), `${mode}: ${JSON.stringify(answers).slice(0, 80)}`);
      }
    }
  });

  test('visibility is worked out per call: a field hidden by one call is checked in the next', () => {
    const validate = compileFormValidator(template);
    const hidden: Answers = { ...validAnswers(), basic: { ...validAnswers().basic, isHighTech: 'no', highTechCertNo: undefined } };
    delete hidden.basic.highTechCertNo;
    assert.ok(!paths(validate(hidden, { mode: 'submit' })).includes('basic.highTechCertNo'));
    const shown: Answers = { ...hidden, basic: { ...hidden.basic, isHighTech: 'yes' } };
    assert.ok(paths(validate(shown, { mode: 'submit' })).includes('basic.highTechCertNo'), 'now visible and required');
    assert.ok(!paths(validate(hidden, { mode: 'submit' })).includes('basic.highTechCertNo'), 'and hidden again');
  });

  test('each template version keeps its own rules', () => {
    // Version 4 of the same form allows a longer company name and drops an option.
    const input = structuredClone(templateInput);
    input.version = 4;
    const basic = input.sections.find((s) => s.id === 'basic')!;
    basic.fields = basic.fields.map((f) => (f.id === 'companyName' ? { ...f, maxChars: 80 } : f));
    const v4: FormTemplate = FormTemplateSchema.parse(input);
    const v3 = compileFormValidator(template);
    const v4validate = compileFormValidator(v4);
    const longName: Answers = { ...validAnswers(), basic: { ...validAnswers().basic, companyName: '绿'.repeat(60) } };
    assert.deepEqual(paths(v3(longName, { mode: 'draft' })), ['basic.companyName'], 'v3: at most 50 字');
    assert.deepEqual(paths(v4validate(longName, { mode: 'draft' })), [], 'v4: at most 80 字');
    // Running v4 did not change what v3 says, nor the other way round.
    assert.deepEqual(paths(v3(longName, { mode: 'draft' })), ['basic.companyName']);
  });
});
