import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDefinitionText } from '../../src/program/definition-text.ts';
import { prefillAnswers, type PrefillOrganization } from '../../src/form/form-prefill.ts';
import { FormTemplateSchema, type FormTemplate } from '../../src/form/form-template.schema.ts';
import { validateAnswers } from '../../src/form/validate-answers.ts';

const org: PrefillOrganization = {
  name: '河南绿能科技有限公司', creditCode: '91410100MA44N0XX5A', regionCode: '410105', address: '郑州市金水区花园路1号',
  contactName: '张明', contactPhone: '13800138000', contactEmail: 'zhang@example.com',
};

const program = (file: string) => {
  const parsed = parseDefinitionText(readFileSync(new URL(`../../../../templates/${file}`, import.meta.url), 'utf8'), 'yaml');
  if (!parsed.ok) assert.fail(parsed.problems.map((p) => `${p.path}: ${p.message['zh-CN']}`).join('\n'));
  return parsed.definition;
};
const formOf = (file: string, id: string): FormTemplate => program(file).forms.find((f) => f.id === id) ?? assert.fail(`no form ${id}`);

test('the 河南 form starts with the organization on its cover and in its basic section, the region at the county level', () => {
  const answers = prefillAnswers(formOf('henan-green-2025.yaml', 'jishu'), org);
  assert.deepEqual(answers.cover, { applicantName: org.name, contactName: '张明', contactPhone: '13800138000' });
  assert.deepEqual(answers.basic, { name: org.name, region: '410105', address: org.address });
  assert.ok(validateAnswers(formOf('henan-green-2025.yaml', 'jishu'), answers, { mode: 'draft' }).ok, 'a prefilled draft passes the autosave checks');
});

test('a city-level question gets the city of a county-level organization (科创中国 新锐企业)', () => {
  const answers = prefillAnswers(formOf('kczg-2022.yaml', 'xinrui'), org);
  assert.equal(answers.basic?.region, '410100');
  assert.equal(answers.basic?.companyName, org.name);
  assert.equal(answers.basic?.contactAddress, org.address);
});

test('创蓝: name, credit code and contacts; a value the field would refuse is left for the applicant', () => {
  const form = formOf('cnblue-2022.yaml', 'baoming');
  const answers = prefillAnswers(form, { ...org, contactName: '张'.repeat(31), contactPhone: 'call me' });
  assert.equal(answers.basic?.name, org.name);
  assert.equal(answers.basic?.creditCode, org.creditCode);
  assert.equal(answers.basic?.contactEmail, org.contactEmail);
  assert.equal(answers.basic?.contactName, undefined, 'longer than the field\'s 30 字');
  assert.equal(answers.basic?.contactPhone, undefined, 'not a phone number the field takes');
});

test('a form without prefill starts empty, and a group\'s field cannot take one', () => {
  const base = { id: 'f', version: 1, title: '表', sections: [{ id: 's', title: '节', fields: [{ id: 'a', kind: 'text', label: '名称' }] }] };
  assert.deepEqual(prefillAnswers(FormTemplateSchema.parse(base), org), {});
  const grouped = {
    ...base,
    sections: [{ id: 's', title: '节', fields: [{ id: 'g', kind: 'group', label: '成员', fields: [{ id: 'n', kind: 'text', label: '单位', prefill: 'organization.name' }] }] }],
  };
  const r = FormTemplateSchema.safeParse(grouped);
  assert.equal(r.success, false);
  assert.match(JSON.stringify(r.error?.issues), /only a section's own fields/);
  const wrongKind = { ...base, sections: [{ id: 's', title: '节', fields: [{ id: 'r', kind: 'region', level: 'city', label: '地区', prefill: 'organization.name' }] }] };
  assert.equal(FormTemplateSchema.safeParse(wrongKind).success, false, 'a region takes only the organization\'s region');
});
