import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issuesToFieldErrors } from '../../src/api/zod-issues.ts';
import { isChinesePhone, ObjectionInputSchema, RuleObjectionRequestSchema } from '../../src/publicity/objection.schema.ts';

const good = { name: '张三', organization: '郑州某某环保科技有限公司', phone: '13812345678', email: 'zhang@example.com', applicationId: 'a1', reasons: '该项目申报材料中的检测报告系伪造，附检测机构出具的说明。' };

test('phone numbers: mobile and landline, with the usual separators', () => {
  for (const ok of ['13812345678', '+86 138 1234 5678', '0371-65509953', '010-12345678', '(0371)65509953', '0371-65509953-123']) assert.equal(isChinesePhone(ok), true, ok);
  for (const bad of ['12345678901', '1381234567', '65509953', 'abc', '']) assert.equal(isChinesePhone(bad), false, bad);
});

test('a complete real-name objection parses; fileIds default to none', () => {
  const r = ObjectionInputSchema.parse(good);
  assert.deepEqual(r.fileIds, []);
});

test('each missing or bad identity field is named, in both languages', () => {
  const r = ObjectionInputSchema.safeParse({ ...good, name: ' ', phone: '12345', email: 'nope', reasons: '太短了', organization: undefined });
  assert.equal(r.success, false);
  const fields = Object.fromEntries(issuesToFieldErrors(r.error!.issues).map((f) => [f.path, f.message]));
  assert.deepEqual(Object.keys(fields).sort(), ['email', 'name', 'organization', 'phone', 'reasons']);
  assert.equal(fields.name['zh-CN'], '请填写真实姓名（2–50 字）');
  assert.equal(fields.organization['zh-CN'], '此项为必填项');
  assert.match(fields.phone.en, /mobile or landline/);
  assert.equal(fields.reasons['zh-CN'], '请写明异议理由，至少 10 字');
  assert.equal(fields.email.en, 'Not a valid email address');
});

test('at most ten evidence files', () => {
  const r = ObjectionInputSchema.safeParse({ ...good, fileIds: Array.from({ length: 11 }, (_, i) => `f${i}`) });
  assert.equal(r.success, false);
  assert.equal(issuesToFieldErrors(r.error!.issues)[0].path, 'fileIds');
});

test('a ruling: rejected changes nothing; a tier change names the tier', () => {
  assert.equal(RuleObjectionRequestSchema.safeParse({ ruling: 'rejected', reason: '经核实，理由不成立', consequence: 'removed' }).success, false);
  const t = RuleObjectionRequestSchema.safeParse({ ruling: 'upheld', reason: '经核实，材料有误', consequence: 'tier_changed' });
  assert.equal(t.success, false);
  assert.equal(issuesToFieldErrors(t.error!.issues)[0].path, 'newTierId');
  assert.equal(RuleObjectionRequestSchema.safeParse({ ruling: 'upheld', reason: '经核实，材料有误', consequence: 'removed' }).success, true);
});
