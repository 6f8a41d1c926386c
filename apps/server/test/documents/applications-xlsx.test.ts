import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { FormTemplateSchema } from '@lvping/domain';
import { streamApplicationsXlsx, type ExportRow, type ExportTrack } from '../../src/features/documents/applications-xlsx.ts';
import { template, validAnswers } from '../../../../packages/domain/test/form/fixtures.ts';

// 1,000 applications over two tracks streamed to a file, then read back with exceljs.

const SUBMITTED = Date.UTC(2022, 9, 20, 18, 30); // 2022-10-21 02:30 in Shanghai

const simpleForm = FormTemplateSchema.parse({
  id: 'simple',
  version: 1,
  title: '简表',
  sections: [
    {
      id: 'main',
      title: '概况',
      fields: [
        { id: 'name', kind: 'text', label: '项目名称' },
        { id: 'co2', kind: 'number', label: '年减排量', unit: 'tCO2e' },
        { id: 'kind', kind: 'choice', label: '类型', options: [{ value: 'a', label: '节能' }, { value: 'b', label: '储能' }] },
      ],
    },
  ],
});

const longName = '绿色低碳技术创新与应用示范工程（含碳捕集利用与封存、氢能、储能）赛道';
const tracks: ExportTrack[] = [
  { id: 'green', name: longName, form: template },
  { id: 'simple', name: '储能:新型[电力]系统', form: simpleForm },
  { id: 'empty', name: longName, form: simpleForm },
];

function row(i: number, trackId: string): ExportRow {
  const answers =
    trackId === 'green'
      ? { ...validAnswers(), basic: { ...validAnswers().basic, staff: i } }
      : { main: { name: `示范项目${i}`, co2: i * 10, kind: i % 2 ? 'a' : 'b' } };
  return {
    trackId,
    number: `LP-${String(i).padStart(5, '0')}`,
    organizationName: `绿能科技有限公司${i}`,
    creditCode: '91350100M000100Y43',
    regionCode: '410105',
    status: i % 3 ? 'submitted' : 'in_review',
    submittedAt: SUBMITTED,
    answers,
  };
}

async function* rows(n: number, split: number): AsyncIterable<ExportRow> {
  for (let i = 0; i < n; i++) yield row(i, i < split ? 'green' : 'simple');
}

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lvping-export-'));
});
after(() => rm(dir, { recursive: true, force: true }));

async function exportTo(file: string, source: AsyncIterable<ExportRow>, onProgress?: (n: number) => void) {
  const output = createWriteStream(file);
  try {
    return await streamApplicationsXlsx({ output, tracks, rows: source, onProgress });
  } finally {
    output.end();
    await finished(output).catch(() => undefined);
  }
}

const headerOf = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1) as string[];
const cell = (ws: ExcelJS.Worksheet, r: number, header: string) => ws.getRow(r).getCell(headerOf(ws).indexOf(header) + 1).value;

describe('streamApplicationsXlsx', () => {
  test('1,000 rows over two tracks: a sheet per track with the form as columns', async () => {
    const file = join(dir, 'export.xlsx');
    const progress: number[] = [];
    const result = await exportTo(file, rows(1000, 600), (n) => progress.push(n));
    assert.deepEqual(result, { rows: 1000 });
    assert.equal(progress.at(-1), 1000);
    assert.ok(progress.length >= 10, 'progress is reported along the way');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const [green, simple, empty] = wb.worksheets;
    assert.deepEqual(wb.worksheets.map((w) => Array.from(w.name).length <= 31), [true, true, true]);
    assert.equal(new Set(wb.worksheets.map((w) => w.name)).size, 3, 'unique names for equal track names');
    assert.equal(simple.name, '储能_新型_电力_系统');
    assert.deepEqual([green.rowCount, simple.rowCount, empty.rowCount], [601, 401, 1]);

    const gh = headerOf(green);
    assert.deepEqual(gh.slice(0, 6), ['申报编号', '申报单位', '统一社会信用代码', '所在地区', '状态', '提交时间']);
    for (const h of ['申报企业名称', '从业人数（人）', '近三年·营业收入总额（万元）·2021', '近三年·营业收入总额（万元）·平均值', '研发经费投入强度（%）', '主要成员']) {
      assert.ok(gh.includes(h), `header ${h}`);
    }
    assert.equal(cell(green, 2, '申报编号'), 'LP-00000');
    assert.equal(cell(green, 2, '所在地区'), '河南省郑州市金水区');
    assert.equal(cell(green, 2, '状态'), '评审中');
    assert.equal(cell(green, 3, '状态'), '已提交');
    assert.equal(cell(green, 2, '提交时间'), '2022-10-21 02:30');
    assert.equal(cell(green, 2, '近三年·营业收入总额（万元）·平均值'), 1433.33);
    assert.equal(cell(green, 2, '近三年·营业收入总额（万元）·2021'), 1500);
    assert.equal(cell(green, 101, '从业人数（人）'), 99, 'numbers stay numbers');
    assert.equal(cell(green, 2, '专业领域'), '新能源及应用、其他：储能');
    assert.match(String(cell(green, 2, '主要成员')), /^林工，2016年3月，12\.5 %/);
    assert.equal(cell(green, 2, '高新技术企业证书编号'), null, 'hidden field is empty');

    // Every export ends with the recommending unit, its channels and the unit's opinion (issue 13).
    assert.deepEqual(headerOf(simple).slice(6), ['项目名称', '年减排量（tCO2e）', '类型', '推荐单位', '推荐渠道', '推荐意见']);
    assert.equal(cell(simple, 401, '项目名称'), '示范项目999');
    assert.equal(cell(simple, 401, '年减排量（tCO2e）'), 9990);
    assert.equal(cell(simple, 401, '类型'), '节能');
  });

  test('rows must come grouped by track', async () => {
    async function* interleaved() {
      yield row(0, 'green');
      yield row(1, 'simple');
      yield row(2, 'green');
    }
    await assert.rejects(exportTo(join(dir, 'bad.xlsx'), interleaved()), /grouped by track/);
  });

  test('a row of a track not in the export is refused', async () => {
    async function* stray() {
      yield row(0, 'nope');
    }
    await assert.rejects(exportTo(join(dir, 'stray.xlsx'), stray()), /track nope/);
  });
});
