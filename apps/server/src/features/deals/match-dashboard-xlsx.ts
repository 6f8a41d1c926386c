import ExcelJS from 'exceljs';
import { formatShanghai, type MatchDashboard } from '@lvping/domain';
import { headerFill, thinBorder } from '../documents/xlsx-util.ts';

// The matchmaking dashboard as a workbook: an overview sheet and one sheet per grouping.

function groupSheet(wb: ExcelJS.Workbook, name: string, keyTitle: string, rows: MatchDashboard['byKind']): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [{ header: keyTitle, key: 'label', width: 36 }, { header: '成交笔数', key: 'deals', width: 12 }, { header: '成交金额（万元）', key: 'amountWan', width: 18 }];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).eachCell((c) => {
    c.fill = headerFill;
    c.border = thinBorder;
  });
  for (const r of rows) ws.addRow({ label: r.label, deals: r.deals, amountWan: r.amountWan });
  const total = ws.addRow({ label: '合计', deals: rows.reduce((a, r) => a + r.deals, 0), amountWan: rows.reduce((a, r) => a + r.amountWan, 0) });
  total.font = { bold: true };
  ws.getColumn('amountWan').numFmt = '#,##0.0000';
}

export async function matchDashboardWorkbook(d: MatchDashboard): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '绿评 lvping';
  wb.created = new Date(d.generatedAt);
  const cover = wb.addWorksheet('概况');
  cover.columns = [{ width: 24 }, { width: 20 }];
  cover.addRows([
    ['统计时间（北京时间）', formatShanghai(d.generatedAt)],
    ['意向（双向匹配）', d.matches ? `${d.matches.interests}（${d.matches.mutual}）` : '未启用'],
    ['约见请求', d.meetings.requested], ['已接受', d.meetings.accepted], ['已排期', d.meetings.scheduled], ['已举行', d.meetings.held],
    ['已确认交易（笔）', d.deals.confirmed], ['已确认交易金额（万元）', d.deals.amountWan], ['待确认交易（笔）', d.deals.pending], ['交易佣金（万元）', d.deals.commissionWan],
  ]);
  groupSheet(wb, '按交易类型', '交易类型', d.byKind);
  groupSheet(wb, '按来源活动', '来源活动', d.byProgram);
  groupSheet(wb, '按领域', '领域', d.byField);
  groupSheet(wb, '按地区', '省份', d.byRegion);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
