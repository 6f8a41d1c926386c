import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expertFieldLabel, expertSheetColumns, expertSheetKeyOf, expertSheetRow, matchExpertField, parseExpertSheet, type ExpertSheetRow } from '../../src/expert/expert-sheet.ts';
import { ExpertProfileInputSchema, ExpertQuerySchema, UpdateMyExpertProfileRequestSchema } from '../../src/expert/expert.schema.ts';
import { greenCatalogue2024 } from '../../src/reference/green-catalogue.ts';

// The expert pool's spreadsheet: every problem named by row, column and reason; names or ids for
// fields; the export's rows parse back to the same profiles.

const fields = [
  ...greenCatalogue2024.map((f) => ({ id: f.id, name: f.name })),
  { id: 'chuneng', name: '储能' },
  { id: 'jieneng', name: '节能' },
  { id: 'jieneng-b', name: '节能' },
];
const good: ExpertSheetRow = {
  name: '王储能', orgName: '清华大学', orgCreditCode: '', regionCode: '110108', title: '教授', fields: '储能、能源绿色低碳转型', keywords: '锂离子电池，液流电池',
  bio: '从事电化学储能研究。', email: 'Wang@Example.com', phone: '010-62780000',
};

test('the template columns: Chinese headers', () => {
  assert.deepEqual(expertSheetColumns.map((c) => c.header), ['姓名', '工作单位', '统一社会信用代码', '上级集团', '所在地区代码', '职称', '专业领域', '关键词', '个人简介', '邮箱', '电话']);
  assert.equal(expertSheetKeyOf('姓名*'), 'name');
  assert.equal(expertSheetKeyOf(' 邮箱（必填）'), 'email');
  assert.equal(expertSheetKeyOf('备注'), undefined);
});

test('a good row: fields by name, keywords split, the address lower-cased, empty cells null', () => {
  const r = parseExpertSheet([{ rowNumber: 3, cells: good }], fields);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.experts, [{
    rowNumber: 3, name: '王储能', orgName: '清华大学', orgCreditCode: null, orgParentGroup: null, regionCode: '110108', title: '教授',
    fields: ['chuneng', 'glt2024-4'], keywords: ['锂离子电池', '液流电池'], bio: '从事电化学储能研究。', email: 'wang@example.com', phone: '010-62780000',
  }]);
});

test('bad rows: every problem says row, column and reason; nothing is returned for a bad row', () => {
  const rows = [
    { rowNumber: 2, cells: good },
    { rowNumber: 3, cells: { ...good, name: '', email: 'not-an-email', regionCode: '4101', orgCreditCode: '91410100MA00000019' } },
    { rowNumber: 4, cells: { ...good, email: 'x@example.com', fields: '储能、不存在的领域、节能', bio: '长'.repeat(501) } },
    { rowNumber: 5, cells: { ...good, email: 'WANG@example.com' } },
  ];
  const r = parseExpertSheet(rows, fields);
  assert.deepEqual(r.experts.map((e) => e.rowNumber), [2]);
  assert.deepEqual(r.problems.map((p) => p.path), [
    'rows.3.姓名', 'rows.3.统一社会信用代码', 'rows.3.所在地区代码', 'rows.3.邮箱',
    'rows.4.专业领域', 'rows.4.专业领域', 'rows.4.个人简介',
    'rows.5.邮箱',
  ]);
  const zh = r.problems.map((p) => p.message['zh-CN']);
  assert.equal(zh[0], '第 3 行「姓名」：不能为空');
  assert.match(zh[1], /^第 3 行「统一社会信用代码」：“91410100MA00000019”统一社会信用代码无效/);
  assert.match(zh[2], /^第 3 行「所在地区代码」：“4101”请选择有效的行政区划/);
  assert.match(zh[3], /^第 3 行「邮箱」：“not-an-email”邮箱格式不正确/);
  assert.equal(zh[4], '第 4 行「专业领域」：“不存在的领域”不是已知的赛道或目录类别');
  assert.match(zh[5], /^第 4 行「专业领域」：“节能”对应多个领域（jieneng、jieneng-b），请写成“节能（代码）”/);
  assert.match(zh[6], /^第 4 行「个人简介」：.*不能超过 500 个字符/);
  assert.equal(zh[7], '第 5 行「邮箱」：与第 2 行重复');
  assert.match(r.problems[0].message.en, /^Row 3, 姓名: must not be empty/);
});

test('an empty sheet is a problem', () => {
  assert.deepEqual(parseExpertSheet([], fields).problems.map((p) => p.path), ['rows']);
});

test('fields: by id, by name, or "name（id）" when two share a name; the export writes what parses back', () => {
  assert.deepEqual(matchExpertField('glt2024-2', fields), { id: 'glt2024-2' });
  assert.deepEqual(matchExpertField('环境保护产业', fields), { id: 'glt2024-2' });
  assert.deepEqual(matchExpertField('节能', fields), { ambiguous: ['jieneng', 'jieneng-b'] });
  assert.deepEqual(matchExpertField('节能（jieneng-b）', fields), { id: 'jieneng-b' });
  assert.equal(expertFieldLabel('jieneng', fields), '节能（jieneng）');
  assert.equal(expertFieldLabel('chuneng', fields), '储能');
  const profile = ExpertProfileInputSchema.parse({ name: '李节能', orgName: '某研究院', fields: ['jieneng', 'chuneng', 'glt2024-1'], keywords: ['余热', '电机'], email: 'li@example.com', orgParentGroup: '某集团' });
  const back = parseExpertSheet([{ rowNumber: 2, cells: expertSheetRow(profile, fields) }], fields);
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.experts[0], { ...profile, rowNumber: 2 });
});

test('schemas: keywords deduplicated, an empty credit code is null, the expert cannot change the address, status needs a program', () => {
  const p = ExpertProfileInputSchema.parse({ name: '张三', orgName: '某大学', orgCreditCode: ' ', keywords: ['光伏', '光伏', ' 储能 '], email: 'A@B.cn' });
  assert.deepEqual([p.keywords, p.orgCreditCode, p.email, p.regionCode, p.phone], [['光伏', '储能'], null, 'a@b.cn', null, null]);
  assert.equal(UpdateMyExpertProfileRequestSchema.safeParse({ name: '张三', orgName: '某大学', email: 'x@y.cn', baseUpdatedAt: 1 }).success, false);
  assert.equal(ExpertQuerySchema.safeParse({ status: 'accepted' }).success, false);
  assert.equal(ExpertQuerySchema.safeParse({ status: 'none', programId: 'p' }).success, true);
});
