import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FormTemplateSchema } from '../../src/form/form-template.schema.ts';
import { MASK, masker, redactApplication } from '../../src/review/redact.ts';
import { fileRefsIn } from '../../src/form/file-refs.ts';
import { cutOf, describeEntryRule, proposeEntrants } from '../../src/review/entry.ts';

// Blind review's redaction (what an expert may see) and the entry rules that propose who
// goes on to the next round.

const form = FormTemplateSchema.parse({
  id: 'f',
  version: 1,
  title: '申报表',
  sections: [
    { id: 'cover', title: '封面', fields: [{ id: 'applicant', kind: 'text', label: '申报单位' }] },
    {
      id: 'basic',
      title: '基本情况',
      fields: [
        { id: 'techName', kind: 'text', label: '技术名称' },
        { id: 'summary', kind: 'text', label: '简介', multiline: true },
        { id: 'code', kind: 'creditCode', label: '统一社会信用代码' },
        { id: 'proof', kind: 'file', label: '检测报告', accept: ['.pdf'] },
        { id: 'license', kind: 'file', label: '营业执照', accept: ['.pdf'] },
      ],
    },
  ],
});

const answers = {
  cover: { applicant: '河南绿源科技有限公司' },
  basic: {
    techName: '绿源低温余热发电技术',
    summary: '河南绿源科技有限公司自主研发，已在绿源一号线应用；联系人王伟 13912345678。',
    code: '91410100MA0000000X',
    proof: { id: 'f1', name: '绿源检测报告.pdf', size: 10, type: 'application/pdf' },
    license: { id: 'f2', name: '营业执照.pdf', size: 10, type: 'application/pdf' },
  },
};

describe('blind redaction', () => {
  const r = redactApplication(form, answers, ['cover', 'basic.license'], ['河南绿源科技有限公司', '王伟', '13912345678', null, '']);

  test('identifying sections and fields leave the form and the answers; credit codes always', () => {
    assert.deepEqual(r.template.sections.map((s) => s.id), ['basic']);
    assert.deepEqual(r.template.sections[0].fields.map((f) => f.id), ['techName', 'summary', 'proof']);
    assert.deepEqual(Object.keys(r.answers), ['basic']);
    assert.deepEqual(Object.keys(r.answers.basic).sort(), ['proof', 'summary', 'techName']);
  });

  test('identifying values are masked wherever they appear, longest first', () => {
    assert.equal(r.answers.basic.summary, `${MASK}自主研发，已在绿源一号线应用；联系人${MASK} ${MASK}。`);
    assert.equal(r.answers.basic.techName, '绿源低温余热发电技术', 'a word that merely shares characters stays');
    assert.equal(masker(['绿源', '绿源科技'])('绿源科技与绿源'), `${MASK}与${MASK}`);
    assert.equal(masker(['', 'a'])('abc'), 'abc', 'values shorter than 2 characters are not masked');
  });

  test('files keep their content but lose their names; those in removed fields are not offered', () => {
    assert.deepEqual([...r.files], [['f1', '附件1.pdf']]);
    assert.equal((r.answers.basic.proof as { name: string }).name, '附件1.pdf');
    assert.deepEqual(fileRefsIn(answers).map((f) => f.id), ['f1', 'f2']);
    assert.ok(!JSON.stringify(r).includes('河南绿源科技有限公司'));
  });
});

describe('entry rules', () => {
  const ranked = [{ app: 'a', score: 90 }, { app: 'b', score: 80 }, { app: 'c', score: 70 }];
  test('all, top N, threshold and the organizer’s pick', () => {
    assert.deepEqual(proposeEntrants({ kind: 'all' }, ranked), ['a', 'b', 'c']);
    assert.deepEqual(proposeEntrants({ kind: 'topN', n: 2 }, ranked), ['a', 'b']);
    assert.deepEqual(proposeEntrants({ kind: 'topN', n: 5 }, ranked), ['a', 'b', 'c']);
    assert.deepEqual(proposeEntrants({ kind: 'threshold', min: 80 }, ranked), ['a', 'b']);
    assert.deepEqual(proposeEntrants({ kind: 'manual' }, ranked), []);
  });
  test('the cut for P(above cut), and the rule in words', () => {
    assert.deepEqual(cutOf({ kind: 'topN', n: 3 }), { cutRank: 3 });
    assert.deepEqual(cutOf({ kind: 'threshold', min: 75 }), { cut: 75 });
    assert.deepEqual(cutOf(undefined), {});
    assert.match(describeEntryRule({ kind: 'topN', n: 3 })['zh-CN'], /前 3 名/);
    assert.match(describeEntryRule({ kind: 'threshold', min: 75 }).en, /at least 75/);
  });
});
