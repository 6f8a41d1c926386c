import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { FormTemplateSchema } from '@lvping/domain';
import { renderBlankFormXlsx } from '../../src/features/documents/form-xlsx.ts';
import { uniqueSheetName } from '../../src/features/documents/xlsx-util.ts';
import { template } from '../../../../packages/domain/test/form/fixtures.ts';

// The blank Excel template read back with exceljs: the sheets, headers, frozen rows and the
// drop-down lists an applicant drafting offline relies on.

async function read(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

function findRow(ws: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === label) return ws.getRow(r);
  assert.fail(`no row labelled ${label} in ${ws.name}`);
}

function values(row: ExcelJS.Row): unknown[] {
  return (row.values as unknown[]).slice(1);
}

const input = { programName: '2022年“科创中国”新锐企业榜', trackName: '绿色低碳赛道', form: template };

describe('renderBlankFormXlsx', () => {
  test('one sheet per section with Chinese headers, frozen under the header row', async () => {
    const wb = await read(await renderBlankFormXlsx(input));
    assert.deepEqual(wb.worksheets.map((w) => w.name), template.sections.map((s) => s.title));
    for (const ws of wb.worksheets) {
      assert.deepEqual(values(ws.getRow(2)), ['填报项', '填写内容', '说明']);
      assert.equal(ws.getRow(2).getCell(1).font?.bold, true);
      assert.equal(ws.views[0]?.state, 'frozen');
      assert.equal((ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit, 2);
      assert.ok((ws.getColumn(2).width ?? 0) >= 30, 'the answer column is wide');
    }
    assert.match(String(wb.worksheets[0].getCell('A1').value), /绿色低碳赛道.*基本情况/);
  });

  test('fields carry their limits, units and drop-down lists', async () => {
    const ws = (await read(await renderBlankFormXlsx(input))).getWorksheet('基本情况')!;
    const highTech = findRow(ws, '是否高新技术企业 *').getCell(2).dataValidation;
    assert.equal(highTech.type, 'list');
    assert.deepEqual(highTech.formulae, ['"是,否"']);
    assert.equal(findRow(ws, '单位性质').getCell(2).dataValidation.errorStyle, 'warning', '其他 may be typed');
    const staff = findRow(ws, '从业人数 *');
    assert.equal(staff.getCell(2).dataValidation.type, 'whole');
    assert.match(String(staff.getCell(3).value), /单位：人/);
    assert.match(String(findRow(ws, '申报企业名称 *').getCell(3).value), /不超过50字/);
    assert.match(String(findRow(ws, '专业领域').getCell(3).value), /选项：新能源及应用、碳中和与绿色创新/);
    assert.match(String(findRow(ws, '高新技术企业证书编号 *').getCell(3).value), /“是否高新技术企业”为“是”时填写/);
  });

  test('a year table is a grid with a live 平均值, a group has a row per item', async () => {
    const wb = await read(await renderBlankFormXlsx(input));
    const rd = wb.getWorksheet('企业技术研发投入')!;
    const head = findRow(rd, '指标（单位）');
    assert.deepEqual(values(head), ['指标（单位）', '2020年', '2021年', '2022年1-6月', '平均值']);
    const revenue = findRow(rd, '营业收入总额（万元）');
    assert.match(String((revenue.getCell(5).value as ExcelJS.CellFormulaValue).formula), /AVERAGE\(B\d+:D\d+\)/);
    assert.equal(findRow(rd, '关键核心技术应用程度评估').getCell(2).dataValidation.formulae[0], '"高,较高,一般"');
    const team = wb.getWorksheet('核心团队')!;
    const header = findRow(team, '序号');
    assert.deepEqual(values(header).slice(0, 4), ['序号', '姓名', '起始年月', '持股（%）']);
    assert.equal(team.getRow(header.number + 3).getCell(1).value, 3, 'maxItems rows');
  });

  test('a long option list goes to a hidden sheet', async () => {
    const options = Array.from({ length: 30 }, (_, i) => ({ value: `o${i}`, label: `第${i + 1}类节能环保技术装备，含配套服务` }));
    const form = FormTemplateSchema.parse({ id: 'f', version: 1, title: '表', sections: [{ id: 's', title: '分类', fields: [{ id: 'c', kind: 'choice', label: '类别', options }] }] });
    const wb = await read(await renderBlankFormXlsx({ ...input, form }));
    const lists = wb.getWorksheet('选项')!;
    assert.equal(lists.state, 'hidden');
    assert.equal(lists.getCell('A30').value, options[29].label);
    assert.equal(findRow(wb.getWorksheet('分类')!, '类别').getCell(2).dataValidation.formulae[0], "'选项'!$A$1:$A$30");
  });
});

describe('uniqueSheetName', () => {
  test('at most 31 characters, no forbidden characters, unique ignoring case', () => {
    const used = new Set<string>();
    const long = '绿色低碳技术创新与应用示范工程（含碳捕集利用与封存、氢能、储能及新型电力系统）赛道';
    const a = uniqueSheetName(long, used);
    const b = uniqueSheetName(long, used);
    assert.equal(Array.from(a).length, 31);
    assert.ok(Array.from(b).length <= 31 && b.endsWith('(2)') && a !== b);
    assert.equal(uniqueSheetName('A/B:C?[D]*', used), 'A_B_C__D__');
    assert.equal(uniqueSheetName('Sheet', used), 'Sheet');
    assert.equal(uniqueSheetName('sheet', used), 'sheet(2)');
  });
});
