// The form renderer's pure helpers, without a browser: answers by path, progress, errors by path,
// file checks; and the organizer table's filters in the address.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FormTemplateSchema } from '@lvping/domain/form/form-template.schema.ts';
import { acceptsFile, errorsAt, formatBytes, getAt, loc, progress, setAt, withoutErrorsAt } from '../src/form-renderer/answers.ts';
import { filtersFromParams, filtersToParams, regionFromPrefix, regionPrefix } from '../src/organizer/filters.ts';
import { filenameFromDisposition } from '../src/api/client.ts';
import { guessFormat } from '../src/organizer/definition-text.ts';

const template = FormTemplateSchema.parse({
  id: 't',
  version: 1,
  title: '测试表',
  sections: [
    {
      id: 'basic',
      title: '基本情况',
      fields: [
        { id: 'name', kind: 'text', label: '名称', required: true },
        { id: 'hightech', kind: 'choice', label: '高新', required: true, options: [{ value: 'y', label: '是' }, { value: 'n', label: '否' }] },
        { id: 'cert', kind: 'text', label: '证书编号', required: true, visibleIf: { field: 'hightech', equals: 'y' } },
        { id: 'note', kind: 'text', label: '备注' },
      ],
    },
    {
      id: 'data',
      title: '数据',
      fields: [
        { id: 'rd', kind: 'yearTable', label: '近三年', required: true, years: [2021, 2022], rows: [{ id: 'rev', label: '收入' }, { id: 'x', label: '可选', optional: true }] },
        { id: 'members', kind: 'group', label: '成员', required: true, minItems: 2, fields: [{ id: 'n', kind: 'text', label: '姓名' }] },
        { id: 'promise', kind: 'declaration', label: '承诺', text: '真实' },
        { id: 'stamp', kind: 'signature', label: '公章' },
      ],
    },
    { id: 'rec', title: '推荐意见', filledBy: 'recommender', fields: [{ id: 'op', kind: 'text', label: '意见', required: true }] },
  ],
});

test('getAt reads objects and group items by dotted path', () => {
  const a = { team: { members: [{ name: '林' }, { name: '王' }] }, t: { rd: { rev: { '2021': 5 } } } };
  assert.equal(getAt(a, 'team.members.1.name'), '王');
  assert.equal(getAt(a, 't.rd.rev.2021'), 5);
  assert.equal(getAt(a, 'team.nothing.0'), undefined);
  assert.equal(getAt(undefined, 'a.b'), undefined);
});

test('setAt copies on write, creates objects, keeps arrays, and drops emptied answers', () => {
  const a = { basic: { name: '甲', note: 'x' }, team: { members: [{ n: '林' }] } };
  const b = setAt(a, 'basic.name', '乙');
  assert.equal(b.basic.name, '乙');
  assert.equal(a.basic.name, '甲', 'the original is untouched');
  assert.equal(b.team, a.team, 'untouched branches are shared');
  const c = setAt(a, 'team.members.0.n', '王');
  assert.ok(Array.isArray(c.team.members));
  assert.equal(c.team.members[0].n, '王');
  const d = setAt({}, 'data.rd', { rev: { '2021': 1 } }) as Record<string, Record<string, unknown>>;
  assert.deepEqual(d, { data: { rd: { rev: { '2021': 1 } } } });
  // Year keys are object keys, never array indexes.
  const e = setAt({}, 'rev.2021', 3) as Record<string, unknown>;
  assert.ok(!Array.isArray(e.rev));
  assert.deepEqual(setAt(a, 'basic.note', ''), { ...a, basic: { name: '甲' } });
  assert.deepEqual(setAt(a, 'basic.note', undefined).basic, { name: '甲' });
  const blank: { s: Record<string, unknown> } = { s: {} };
  assert.equal(setAt(blank, 's.flag', false).s.flag, false, 'false is an answer');
  assert.equal(setAt(blank, 's.n', 0).s.n, 0, '0 is an answer');
});

test('progress counts visible required fields the person fills in', () => {
  assert.deepEqual(progress(template, {}), { filled: 0, total: 6 });
  // 证书编号 becomes visible (and required) once 高新 is 是.
  assert.deepEqual(progress(template, { basic: { hightech: 'y' } }), { filled: 1, total: 7 });
  const full = {
    basic: { name: '甲', hightech: 'y', cert: 'GR1' },
    data: {
      rd: { rev: { '2021': 1, '2022': 2 } }, // the optional row may stay empty
      members: [{ n: 'a' }, { n: 'b' }],
      promise: true,
      stamp: { file: { id: 'f', name: 's.pdf', size: 1, type: 'application/pdf' }, date: '2026-11-20' },
    },
  };
  assert.deepEqual(progress(template, full), { filled: 7, total: 7 });
  assert.equal(progress(template, { ...full, data: { ...full.data, members: [{ n: 'a' }] } }).filled, 6, 'below minItems');
  assert.equal(progress(template, { ...full, data: { ...full.data, promise: false } }).filled, 6, 'an unticked declaration');
  assert.equal(progress(template, { ...full, data: { ...full.data, rd: { rev: { '2021': 1 } } } }).filled, 6, 'a missing cell');
  assert.deepEqual(progress(template, {}, 'recommender'), { filled: 0, total: 1 });
});

test('errors by path: a field shows its own and those below it; editing clears them', () => {
  const m = { 'zh-CN': '错', en: 'bad' };
  const errs = [
    { path: 'basic.fields', message: m },
    { path: 'basic.fields.1', message: m },
    { path: 'basic.fieldsOther', message: m },
    { path: 'team.members', message: m },
    { path: 'team.members.0.name', message: m },
  ];
  assert.deepEqual(errorsAt(errs, 'basic.fields', true).map((e) => e.path), ['basic.fields', 'basic.fields.1']);
  assert.deepEqual(errorsAt(errs, 'basic.fields', false).map((e) => e.path), ['basic.fields']);
  assert.deepEqual(withoutErrorsAt(errs, 'team.members.0.name').map((e) => e.path), ['basic.fields', 'basic.fields.1', 'basic.fieldsOther']);
  assert.deepEqual(withoutErrorsAt(errs, 'basic.fields').map((e) => e.path), ['basic.fieldsOther', 'team.members', 'team.members.0.name']);
});

test('labels fall back to Chinese; sizes and accepted types read like the server', () => {
  assert.equal(loc('en', '名称', 'Name'), 'Name');
  assert.equal(loc('en', '名称'), '名称');
  assert.equal(loc('zh-CN', '名称', 'Name'), '名称');
  assert.equal(formatBytes(12), '12 B');
  assert.equal(formatBytes(320 * 1024), '320 KB');
  assert.equal(formatBytes(1.5 * 1024 * 1024), '1.5 MB');
  assert.equal(formatBytes(2 * 1024 * 1024), '2 MB');
  assert.equal(acceptsFile([], 'a.exe', ''), true);
  assert.equal(acceptsFile(['.pdf'], '营业执照.PDF', ''), true);
  assert.equal(acceptsFile(['.pdf'], 'a.pdf.exe', ''), false);
  assert.equal(acceptsFile(['image/*'], 'x', 'image/png'), true);
  assert.equal(acceptsFile(['application/pdf'], 'x', 'application/pdf'), true);
  assert.equal(acceptsFile(['application/pdf', '.jpg'], 'x.png', 'image/png'), false);
});

test('the applications filters round-trip through the address; regions become prefixes', () => {
  const f = { trackId: 'xinrui', status: 'submitted' as const, region: '41', q: '电池', page: 2, pageSize: 50 };
  const params = new URLSearchParams(filtersToParams(f, { tab: 'applications' }));
  assert.equal(params.get('tab'), 'applications');
  assert.deepEqual(filtersFromParams(params), f);
  assert.deepEqual(filtersToParams({ page: 1 }), {}, 'page 1 is the default');
  assert.deepEqual(filtersFromParams(new URLSearchParams('page=-3&size=x')), { trackId: undefined, status: undefined, region: undefined, q: undefined, page: undefined, pageSize: undefined });
  assert.equal(regionPrefix('410000'), '41');
  assert.equal(regionPrefix('410100'), '4101');
  assert.equal(regionPrefix('410105'), '410105');
  assert.equal(regionFromPrefix('41'), '410000');
  assert.equal(regionFromPrefix('4101'), '410100');
  assert.equal(regionFromPrefix(undefined), undefined);
});

test('download names: RFC 5987 (Chinese) wins over the plain name', () => {
  assert.equal(filenameFromDisposition(null), null);
  assert.equal(filenameFromDisposition('attachment; filename="a.pdf"'), 'a.pdf');
  assert.equal(filenameFromDisposition('attachment; filename=a.xlsx'), 'a.xlsx');
  assert.equal(filenameFromDisposition(`attachment; filename="x.pdf"; filename*=UTF-8''${encodeURIComponent('申报书.pdf')}`), '申报书.pdf');
  assert.equal(filenameFromDisposition("attachment; filename*=UTF-8''%E0%A4%A"), null, 'a broken escape and no plain name');
  assert.equal(filenameFromDisposition('inline'), null);
});

test('imported definitions: the format from the file name, else from the text', () => {
  assert.equal(guessFormat('p.json', 'slug: x'), 'json');
  assert.equal(guessFormat('p.yml', '{}'), 'yaml');
  assert.equal(guessFormat('paste', '  {"slug": "x"}'), 'json');
  assert.equal(guessFormat('paste', 'slug: x'), 'yaml');
});
