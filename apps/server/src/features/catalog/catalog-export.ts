import ExcelJS from 'exceljs';
import { AppError, catalogEntryStatusNames, catalogIpKindNames, formatRegion, formatShanghai, type CatalogEntryStatus, type CatalogFields, type CatalogPublicFields } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { PdfLayout, SIZE } from '../documents/pdf-layout.ts';
import { columnWidth, styleHeader, thinBorder } from '../documents/xlsx-util.ts';
import { isCatalogOrganizer } from './catalog-access.ts';
import { fieldNameOf, freshCatalogIndex } from './catalog-index.ts';
import { entriesForExport } from './catalog.repository.ts';
import { publicEntry } from './catalog-public.service.ts';

// The catalog as Excel — the organizer's with every entry, its status and contact; the public
// one with the published versions' public fields only — and one entry as a PDF (its public page).

type Cell = string | number | null;
const PUBLIC_HEADERS = ['技术名称', '所属领域', '持有单位', '所在地区', '适用范围', '核心技术工艺', '主要技术参数', '年节能量（tce）', '年减排CO₂（t）', '其他效益', '典型案例', '知识产权', '技术成熟度（TRL）'];

const others = (f: CatalogPublicFields) => f.benefits.others.map((o) => `${o.name} ${o.value}${o.unit}`).join('；');
const cases = (f: CatalogPublicFields) => f.cases.map((c) => `${c.name}（${c.place}，${c.year}）`).join('；');
const ip = (f: CatalogPublicFields) => `${catalogIpKindNames[f.ip.kind]['zh-CN']}${f.ip.detail ? `：${f.ip.detail}` : ''}`;

function publicRow(f: CatalogPublicFields, fieldName: string, org: string, region: string): Cell[] {
  return [f.name, fieldName, org, region, f.scope, f.process, f.parameters, f.benefits.energySavedTce, f.benefits.co2ReducedT, others(f), cases(f), ip(f), f.trl];
}

async function workbook(name: string, headers: string[], rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'lvping';
  const ws = wb.addWorksheet(name);
  styleHeader(ws.addRow(headers), headers.length);
  for (const r of rows) ws.addRow(r).eachCell((c) => { c.border = thinBorder; });
  ws.columns.forEach((col, i) => { col.width = columnWidth([headers[i], ...rows.slice(0, 200).map((r) => String(r[i] ?? ''))], 8, 40); });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function publicCatalogXlsx(deps: Deps) {
  const { views } = await freshCatalogIndex(deps.db);
  const rows = [...views.values()].sort((a, b) => b.approvedAt - a.approvedAt).map((v) => publicRow(v.fields, v.fieldName['zh-CN'], v.organizationName, v.regionName));
  return { filename: '绿色技术推广目录.xlsx', body: await workbook('推广目录', PUBLIC_HEADERS, rows) };
}

export async function organizerCatalogXlsx(deps: Deps, actor: Actor | null) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!isCatalogOrganizer(actor)) throw new AppError('FORBIDDEN');
  const rows = (await entriesForExport(deps.db)).map((r) => {
    const f = JSON.parse(r.fields_json) as Partial<CatalogFields>;
    const complete = f.benefits && f.cases && f.ip && f.contact ? (f as CatalogFields) : null;
    const region = formatRegion(r.region_code) ?? r.region_code;
    const body = complete ? publicRow(complete, fieldNameOf(complete.fieldId, null)['zh-CN'], r.org_name, region) : [f.name ?? '', f.fieldId ?? '', r.org_name, region, f.scope ?? '', f.process ?? '', f.parameters ?? '', null, null, '', '', '', f.trl ?? null];
    return [
      r.id, catalogEntryStatusNames[r.status as CatalogEntryStatus]['zh-CN'], r.status_reason, r.program_name, r.published_version, r.version, r.version_status, ...body,
      complete?.contact.name ?? null, complete?.contact.phone ?? null, complete?.contact.email ?? null,
    ];
  });
  const headers = ['条目编号', '状态', '状态原因', '来源活动', '公开版本', '最新版本', '最新版本状态', ...PUBLIC_HEADERS, '联系人', '联系电话', '联系邮箱'];
  return { filename: '绿色技术推广目录（内部）.xlsx', body: await workbook('全部条目', headers, rows) };
}

export async function entryPdf(deps: Deps, entryId: string) {
  const e = await publicEntry(deps, entryId);
  if (!e.fields) throw new AppError('NOT_FOUND');
  const f = e.fields;
  const pdf = new PdfLayout();
  pdf.line('绿色技术推广目录', { size: SIZE.heading, align: 'center', color: '#2f6b3a' });
  pdf.space(6);
  pdf.line(f.name, { size: SIZE.title, bold: true, align: 'center' });
  pdf.space(10);
  const w = pdf.width;
  const pair = (label: string, text: string) => pdf.row([{ text: label, width: 110, label: true }, { text, width: w - 110 }]);
  pair('所属领域', e.fieldName?.['zh-CN'] ?? f.fieldId);
  pair('持有单位', e.organizationName);
  pair('所在地区', e.regionName);
  pair('技术成熟度', `TRL ${f.trl}`);
  pair('知识产权', ip(f));
  pair('年节能量', f.benefits.energySavedTce === null ? '—' : `${f.benefits.energySavedTce} tce/年`);
  pair('年减排 CO₂', f.benefits.co2ReducedT === null ? '—' : `${f.benefits.co2ReducedT} t/年`);
  if (f.benefits.others.length) pair('其他效益', others(f));
  pdf.heading('适用范围');
  pdf.flowBox(f.scope, { indent: true });
  pdf.heading('核心技术工艺');
  pdf.flowBox(f.process, { indent: true });
  pdf.heading('主要技术参数');
  pdf.flowBox(f.parameters, { indent: true });
  pdf.heading('典型案例');
  for (const c of f.cases) pdf.flowBox(`${c.name}（${c.place}，${c.year}年）${c.description ? `\n${c.description}` : ''}`);
  pdf.heading('目录记录');
  const words: Record<string, string> = { approved: '审核通过', suspended: '暂停展示', retired: '退出目录', reinstated: '恢复展示' };
  for (const h of e.history) pdf.line(`${formatShanghai(h.at, false)}  ${words[h.kind] ?? h.kind}${h.version ? `（第 ${h.version} 版）` : ''}${h.reason ? `：${h.reason}` : ''}`);
  return { filename: `${f.name}.pdf`, pdf: await pdf.finish({ header: { left: '绿色技术推广目录', right: `第 ${e.version} 版` }, coverPages: 0 }) };
}
