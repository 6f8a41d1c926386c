import ExcelJS from 'exceljs';
import { columnWidth, styleHeader, thinBorder, uniqueSheetName } from '../documents/xlsx-util.ts';
import type { SummaryRow, UnitSummary } from './unit-summary.service.ts';

// The 推荐汇总表 as Excel: a sheet per unit, its title and unit line above the header row, one row
// per endorsed application in the unit's order of preference.

// Two ideographic spaces between the parts of the unit line, as a printed form spaces them.
const GAP = '\u3000\u3000';

const FIXED: Array<{ header: string; width: number; value(r: SummaryRow, s: UnitSummary): string | number | null }> = [
  { header: '推荐排序', width: 8, value: (r) => r.preference },
  { header: '推荐单位', width: 24, value: (_, s) => s.unitName },
  { header: '推荐渠道', width: 18, value: (_, s) => s.channels || null },
  { header: '申报编号', width: 20, value: (r) => r.number },
  { header: '赛道/领域', width: 18, value: (r) => r.trackName },
  { header: '申报单位', width: 30, value: (r) => r.organizationName },
  { header: '统一社会信用代码', width: 22, value: (r) => r.creditCode },
  { header: '所在地区', width: 22, value: (r) => r.region },
];
const TAIL: Array<{ header: string; width: number; value(r: SummaryRow): string }> = [
  { header: '推荐意见', width: 50, value: (r) => r.opinion },
  { header: '推荐时间', width: 18, value: (r) => r.endorsedAt },
];

/** Headers of a sheet, in order (the tests and the PDF read the same list). */
export const summaryHeaders = (s: UnitSummary): string[] => [...FIXED.map((f) => f.header), ...s.headers, ...TAIL.map((t) => t.header)];

function addSheet(wb: ExcelJS.Workbook, s: UnitSummary, used: Set<string>): void {
  const ws = wb.addWorksheet(uniqueSheetName(s.unitName, used), { views: [{ state: 'frozen', ySplit: 3 }] });
  const headers = summaryHeaders(s);
  ws.columns = headers.map((h, i) => ({ width: FIXED[i]?.width ?? (i >= headers.length - TAIL.length ? TAIL[i - (headers.length - TAIL.length)].width : columnWidth([h], 12, 30)) }));
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getCell(1, 1).value = `${s.programName}${s.title}`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, headers.length);
  ws.getCell(2, 1).value = [`推荐单位（盖章）：${s.unitName}`, `推荐渠道：${s.channels || '—'}`, `推荐数量：${s.rows.length}`].join(GAP);
  const head = ws.getRow(3);
  head.values = headers;
  head.height = 30;
  styleHeader(head, headers.length);
  for (const r of s.rows) {
    const row = ws.addRow([...FIXED.map((f) => f.value(r, s)), ...r.cells, ...TAIL.map((t) => t.value(r))]);
    row.alignment = { vertical: 'top', wrapText: true };
    for (let c = 1; c <= headers.length; c++) row.getCell(c).border = thinBorder;
  }
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: headers.length } };
}

/** A workbook with one sheet per unit (a unit's own download has one). */
export async function renderUnitSummaryXlsx(units: UnitSummary[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'lvping';
  const used = new Set<string>();
  for (const s of units) addSheet(wb, s, used);
  if (!units.length) wb.addWorksheet('推荐汇总表');
  return Buffer.from(await wb.xlsx.writeBuffer());
}
