import { PdfLayout, SIZE, type Cell } from '../documents/pdf-layout.ts';
import { blankDate } from '../documents/answer-format.ts';
import type { UnitSummary } from './unit-summary.service.ts';

// The 推荐汇总表 to print, stamp and send: the table of endorsed applications in the unit's order
// of preference (with at most two of the definition's columns — the Excel has them all), each
// 推荐意见 in full, then a page of its own for the unit's seal and its leader's signature.

const EXTRA_COLUMNS = 2;

export async function renderUnitSummaryPdf(s: UnitSummary): Promise<Buffer> {
  const layout = new PdfLayout();
  layout.line(`${s.programName}`, { size: SIZE.heading, bold: true, align: 'center' });
  layout.space(4);
  layout.line(s.title, { size: SIZE.title, bold: true, align: 'center', spacing: 4 });
  layout.space(10);
  layout.line(`推荐单位：${s.unitName}`);
  if (s.channels) layout.line(`推荐渠道：${s.channels}`);
  if (s.unitRegion) layout.line(`所在地区：${s.unitRegion}`);
  layout.line(`推荐数量：${s.rows.length} 项（按推荐顺序排列）`);
  layout.space(8);

  const extras = s.headers.slice(0, EXTRA_COLUMNS);
  const w = layout.width;
  const fixed = [{ h: '排序', w: 34 }, { h: '申报编号', w: 82 }, { h: '赛道/领域', w: 74 }];
  const rest = w - fixed.reduce((a, c) => a + c.w, 0);
  const orgW = extras.length ? Math.round(rest * 0.4) : rest;
  const extraW = extras.length ? (rest - orgW) / extras.length : 0;
  const header: Cell[] = [...fixed.map((c) => ({ text: c.h, width: c.w, label: true })), { text: '申报单位', width: orgW, label: true }, ...extras.map((h) => ({ text: h, width: extraW, label: true }))];
  layout.row(header, 28);
  if (!s.rows.length) layout.row([{ text: '（尚未推荐任何申报）', width: w, align: 'center' }]);
  for (const r of s.rows) {
    layout.row([
      { text: String(r.preference), width: fixed[0].w, align: 'center' },
      { text: r.number, width: fixed[1].w },
      { text: r.trackName, width: fixed[2].w },
      { text: `${r.organizationName}\n${r.creditCode}`, width: orgW },
      ...extras.map((_, i) => ({ text: r.cells[i] === null ? '' : String(r.cells[i]), width: extraW })),
    ]);
  }

  if (s.rows.length) {
    layout.heading('推荐意见');
    for (const r of s.rows) {
      layout.flowBox(r.opinion, { label: { text: `${r.preference}．${r.organizationName}（${r.number}，${r.trackName}）`, width: w, label: true, align: 'left' }, indent: true, minHeight: 40 });
      layout.space(6);
    }
  }

  // The seal page: what the unit signs for, on a page of its own so it can be stamped and scanned.
  layout.newPage();
  layout.line('推荐单位意见', { size: SIZE.heading, bold: true, align: 'center' });
  layout.space(12);
  const statement =
    `经审核，我单位推荐以上 ${s.rows.length} 项申报参加${s.programName}，排序即推荐顺序。` +
    '我单位已对申报材料的真实性、准确性进行审核，对推荐意见负责。';
  layout.flowBox(statement, { indent: true, minHeight: 260, footer: [`推荐单位（盖章）：${s.unitName}`, '负责人（签字）：　　　　　　　　', blankDate('day')] });
  return layout.finish({ coverPages: 0, header: { left: `${s.programName} · ${s.title}`, right: s.unitName } });
}
