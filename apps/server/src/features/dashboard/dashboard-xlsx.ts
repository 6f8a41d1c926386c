import ExcelJS from 'exceljs';
import { applicationStatuses, applicationStatusNames, formatShanghai, type CountRow, type Dashboard, type ProgramDefinition } from '@lvping/domain';

// The dashboard as a workbook: one sheet per table, statuses as columns in the state machine's
// order. A few hundred rows at most, so it is built in memory rather than streamed.

const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
    c.border = border;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
}

function countSheet(wb: ExcelJS.Workbook, name: string, keyTitle: string, rows: CountRow[]): void {
  const statuses = applicationStatuses.filter((s) => s !== 'draft' && rows.some((r) => r.byStatus[s]));
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '代码', key: 'key', width: 14 },
    { header: keyTitle, key: 'label', width: 36 },
    { header: '合计', key: 'total', width: 8 },
    ...statuses.map((s) => ({ header: applicationStatusNames[s]['zh-CN'], key: s, width: 12 })),
  ];
  styleHeader(ws.getRow(1));
  for (const r of rows) ws.addRow({ key: r.key, label: r.label, total: r.total, ...Object.fromEntries(statuses.map((s) => [s, r.byStatus[s] ?? 0])) });
  const sum = ws.addRow({ label: '合计', total: rows.reduce((a, r) => a + r.total, 0), ...Object.fromEntries(statuses.map((s) => [s, rows.reduce((a, r) => a + (r.byStatus[s] ?? 0), 0)])) });
  sum.font = { bold: true };
}

export async function dashboardWorkbook(d: Dashboard, def: ProgramDefinition): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '绿评 lvping';
  wb.created = new Date(d.generatedAt);
  const cover = wb.addWorksheet('概况');
  cover.columns = [{ width: 18 }, { width: 48 }];
  cover.addRows([['活动', def.name], ['统计时间（北京时间）', formatShanghai(d.generatedAt)], ['申报总数（不含草稿）', d.total]]);
  for (const s of applicationStatuses) if (d.byStatus[s]) cover.addRow([applicationStatusNames[s]['zh-CN'], d.byStatus[s]]);
  countSheet(wb, '按赛道', '赛道/榜单', d.byTrack);
  countSheet(wb, '按地区', '省份', d.byRegion);
  if (d.byUnit) countSheet(wb, '按推荐单位', '推荐单位', d.byUnit);
  countSheet(wb, '按渠道', '渠道', d.byChannel);
  const daily = wb.addWorksheet('每日提交');
  daily.columns = [{ header: '日期', key: 'date', width: 14 }, { header: '首次提交', key: 'submitted', width: 10 }, { header: '退回后重新提交', key: 'resubmitted', width: 16 }];
  styleHeader(daily.getRow(1));
  for (const day of d.daily) daily.addRow(day);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
