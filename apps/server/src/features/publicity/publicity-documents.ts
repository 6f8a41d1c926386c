import ExcelJS from 'exceljs';
import { formatShanghai, formatShanghaiDeadline, type PublicityColumn, type PublicPublicity } from '@lvping/domain';
import { PdfLayout, SIZE, type Cell } from '../documents/pdf-layout.ts';
import { columnWidth, styleHeader, thinBorder } from '../documents/xlsx-util.ts';

// The printable 公示 notice and its Excel list, from the same public view the page shows: only
// the columns the definition shows, the period with its exact end, how to object, the issuers.

const headers: Record<PublicityColumn, string> = { title: '项目名称', organization: '申报单位', track: '赛道', tier: '拟获奖等级', unit: '推荐单位' };
const headersFor = (v: PublicPublicity) => ['序号', ...v.columns.map((c) => (c === 'tier' && v.kind === 'results' ? headers.tier : headers[c]))];
const rowsOf = (v: PublicPublicity) => v.items.map((it, i) => [String(i + 1), ...v.columns.map((c) => it[c] ?? '')]);

export const periodText = (v: PublicPublicity) =>
  `公示期：${formatShanghai(v.startsAt)} 至 ${formatShanghaiDeadline(v.endsAt)}（北京时间，${v.workingDays}个工作日，自公示次日起计算）`;

export async function renderPublicityPdf(v: PublicPublicity): Promise<Buffer> {
  const pdf = new PdfLayout();
  pdf.line(v.title, { size: SIZE.title, bold: true, align: 'center' });
  pdf.space(12);
  pdf.line(`根据${v.programName}工作安排，现将${v.kind === 'results' ? '评比结果' : '推荐项目'}予以公示，接受社会监督。`);
  pdf.space(4);
  pdf.line(periodText(v), { bold: true });
  pdf.space(10);
  const heads = headersFor(v);
  const widthOf = (i: number) => (i === 0 ? 36 : (pdf.width - 36) / (heads.length - 1));
  pdf.row(heads.map((text, i): Cell => ({ text, width: widthOf(i), label: true })));
  for (const r of rowsOf(v)) pdf.row(r.map((text, i): Cell => ({ text, width: widthOf(i), align: i === 0 ? 'center' : 'left' })));
  pdf.heading('异议方式');
  const how = v.howToObject ?? '公示期内，对公示项目有异议的，可实名提出，写明姓名、单位、联系电话、电子邮箱、异议理由并附证明材料；匿名或逾期提出的异议不予受理。';
  pdf.flowBox(how, { indent: true });
  for (const c of v.contacts) pdf.line(`${c.role}：${c.name}${c.phone ? `\u3000电话：${c.phone}` : ''}${c.email ? `\u3000邮箱：${c.email}` : ''}${c.address ? `\u3000地址：${c.address}` : ''}`);
  pdf.space(24);
  for (const issuer of v.issuers) pdf.line(issuer, { align: 'right' });
  pdf.line(formatShanghai(v.startsAt, false), { align: 'right' });
  return pdf.finish({ coverPages: 0 });
}

export async function renderPublicityXlsx(v: PublicPublicity): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'lvping';
  const ws = wb.addWorksheet('公示名单');
  const heads = headersFor(v);
  ws.addRow([v.title]).font = { bold: true, size: 14 };
  ws.addRow([periodText(v)]);
  const head = ws.addRow(heads);
  styleHeader(head, heads.length);
  const rows = rowsOf(v);
  for (const r of rows) {
    const row = ws.addRow(r);
    for (let c = 1; c <= heads.length; c++) row.getCell(c).border = thinBorder;
  }
  heads.forEach((h, i) => { ws.getColumn(i + 1).width = columnWidth([h, ...rows.map((r) => r[i])]); });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
