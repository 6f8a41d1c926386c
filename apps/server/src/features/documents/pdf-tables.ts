import type { DerivedValues, Field, FieldPlace, GroupField, LeafField, Section } from '@lvping/domain';
import { ems, formatAnswer, isRecord, yearCellText } from './answer-format.ts';
import { yearLabel } from './field-hints.ts';
import { Grid, placeField, repeatsTitle, type RenderContext } from './pdf-grid.ts';
import { SIZE, type Cell, type PdfLayout } from './pdf-layout.ts';

// Year tables (指标 × 年份 + 平均值) and repeating groups (one row per item) as real tables whose
// header row is repeated when a table runs onto the next page.

type YearTableField = Extract<Field, { kind: 'yearTable' }>;

/**
 * Caption, header row, then the body rows. A table of up to half a page is kept on one page;
 * a longer one may break between rows, and its header is drawn again on the new page.
 */
function table(layout: PdfLayout, caption: Cell | null, header: Cell[], rows: Cell[][]): void {
  const heights = rows.map((r) => layout.rowHeight(r));
  const top = (caption ? layout.rowHeight([caption]) : 0) + layout.rowHeight(header);
  const all = top + heights.reduce((a, b) => a + b, 0);
  layout.ensure(all <= layout.pageHeight / 2 ? all : top + (heights[0] ?? 0));
  if (caption) layout.row([caption]);
  layout.row(header);
  for (const r of rows) {
    const before = layout.pageIndex;
    layout.ensure(layout.rowHeight(r));
    if (layout.pageIndex !== before) layout.row(header);
    layout.row(r);
  }
}

/** The title row of a table; none when it would only repeat the section heading. */
function caption(layout: PdfLayout, text: string, sectionTitle: string, hint?: string): Cell | null {
  return repeatsTitle(text, sectionTitle) && !hint ? null : { text, width: layout.width, label: true, hint };
}

/**
 * Column widths from their contents: each column wants its longest text on one line (within
 * [min, max] ems), then all are scaled to fill the table width, so long labels wrap, not numbers.
 */
function fitWidths(total: number, columns: Array<{ texts: string[]; min?: number; max?: number }>): number[] {
  const em = SIZE.body;
  const min = columns.map((c) => ((c.min ?? 2) + 1.2) * em);
  const want = columns.map((c, i) => Math.max(min[i], (Math.min(c.max ?? 14, ...[Math.max(0, ...c.texts.map(ems))]) + 1.2) * em));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(want) <= total || sum(min) >= total) return want.map((w) => (total * w) / sum(want));
  // Too wide: shrink only what exceeds each column's minimum, so 序号 and numbers stay on one line.
  const k = (total - sum(min)) / (sum(want) - sum(min));
  return want.map((w, i) => min[i] + (w - min[i]) * k);
}

export function yearTableBlock(layout: PdfLayout, field: YearTableField, raw: unknown, derived: DerivedValues | null, path: string, sectionTitle: string): void {
  const hasAverage = field.average && field.rows.some((r) => r.type === 'number');
  const cell = (rowId: string, y: number) => {
    const row = derived && isRecord(raw) ? raw[rowId] : undefined;
    return isRecord(row) ? yearCellText(field, rowId, row[String(y)]) : '';
  };
  const average = (r: YearTableField['rows'][number]) => {
    if (r.type !== 'number') return '—';
    const avg = derived?.[`${path}.${r.id}.average`];
    return typeof avg === 'number' ? avg.toFixed(field.decimals) : '';
  };
  // Columns: 指标, 单位 (when any row has one), one per year, 平均值.
  const columns: Array<{ head: string; texts: string[]; min?: number; max?: number }> = [
    { head: '指标', texts: field.rows.map((r) => r.label), min: 6 },
    ...(field.rows.some((r) => r.unit) ? [{ head: '单位', texts: field.rows.map((r) => r.unit ?? ''), max: 4 }] : []),
    ...field.years.map((y) => ({ head: yearLabel(field, y), texts: field.rows.map((r) => cell(r.id, y)), min: 4, max: 8 })),
    ...(hasAverage ? [{ head: field.averageLabel, texts: field.rows.map(average), min: 4, max: 8 }] : []),
  ];
  const ws = fitWidths(layout.width, columns.map((c) => ({ ...c, texts: [c.head, ...c.texts] })));
  const head: Cell[] = columns.map((c, i) => ({ text: c.head, width: ws[i], label: true }));
  const body = field.rows.map((r, ri): Cell[] => {
    const options = !derived && r.type === 'choice' ? r.options?.map((o) => o.label).join('/') : undefined;
    return columns.map((c, i) => (i === 0
      ? { text: r.label, width: ws[0], hint: options ? `（${options}）` : undefined }
      : { text: c.texts[ri], width: ws[i], align: 'center' as const }));
  });
  table(layout, caption(layout, field.label, sectionTitle, derived ? undefined : field.help), head, body);
}

const MAX_TABLE_COLUMNS = 7;
/** Narrowest a group column may get, in ems: a date or a name stays on one line. */
const MIN_EMS: Partial<Record<LeafField['kind'], number>> = { text: 5, date: 5, region: 6, industry: 6, file: 6 };
const BLANK_GROUP_ROWS = 5;

function unitOf(f: LeafField): string | undefined {
  return f.kind === 'number' || f.kind === 'computed' ? f.unit : undefined;
}

/** Long answers don't fit a table cell: such a group prints item by item instead. */
function isProseField(f: LeafField, texts: string[]): boolean {
  return f.kind === 'text' && (f.multiline || (f.maxChars ?? 0) > 100 || texts.some((t) => t.length > 60));
}

type GroupItem = { index: number; texts: string[]; place: FieldPlace };

function groupItems(ctx: RenderContext, section: Section, group: GroupField, raw: unknown): GroupItem[] {
  const fields = group.fields as LeafField[];
  if (ctx.mode === 'blank') {
    const n = Math.max(group.minItems ?? 0, Math.min(group.maxItems ?? BLANK_GROUP_ROWS, 8));
    return Array.from({ length: n }, (_, index) => ({ index, texts: fields.map(() => ''), place: { section, group, index } }));
  }
  const items = Array.isArray(raw) ? raw : [];
  return items.map((_, index) => {
    const place: FieldPlace = { section, group, index };
    const texts = fields.map((f) => {
      if (!ctx.state?.fieldVisible(f, place)) return '';
      const derived = ctx.derived[`${section.id}.${group.id}.${index}.${f.id}`];
      return formatAnswer(f, ctx.state.effectiveValue(f, place), { derived, units: false });
    });
    return { index, texts, place };
  });
}

export function groupBlock(ctx: RenderContext, section: Section, group: GroupField, raw: unknown): void {
  const { layout } = ctx;
  const fields = group.fields as LeafField[];
  const items = groupItems(ctx, section, group, raw);
  const limit = group.maxItems ? `最多${group.maxItems}${group.itemLabel ? `个${group.itemLabel}` : '项'}` : '';
  const title = caption(layout, group.label, section.title, ctx.mode === 'blank' ? [limit, group.help].filter(Boolean).join('；') || undefined : undefined);
  const prose = fields.some((f, i) => isProseField(f, items.map((it) => it.texts[i])));
  if (prose || fields.length > MAX_TABLE_COLUMNS || !items.length) {
    layout.ensure((title ? layout.rowHeight([title]) : 0) + 60);
    if (title) layout.row([title]);
    return groupByItem(ctx, group, items, raw);
  }
  const labels = fields.map((f) => (unitOf(f) ? `${f.label}（${unitOf(f)}）` : f.label));
  const [no, ...ws] = fitWidths(layout.width, [
    { texts: ['序号'] },
    ...fields.map((f, i) => ({ texts: [labels[i], ...items.map((it) => it.texts[i])], min: MIN_EMS[f.kind] ?? 3 })),
  ]);
  const head: Cell[] = [{ text: '序号', width: no, label: true }, ...labels.map((text, i) => ({ text, width: ws[i], label: true }))];
  const blankHint = (f: LeafField) => (ctx.mode === 'blank' && f.kind === 'choice' ? f.options.map((o) => o.label).join('/') : undefined);
  const body = items.map((it): Cell[] => [
    { text: String(it.index + 1), width: no, align: 'center' },
    ...it.texts.map((text, i) => ({ text, width: ws[i], align: 'center' as const, hint: blankHint(fields[i]) })),
  ]);
  table(layout, title, head, body);
}

/** One block per item: "成员 1" then its answers in the label/value grid. */
function groupByItem(ctx: RenderContext, group: GroupField, items: GroupItem[], raw: unknown): void {
  const { layout } = ctx;
  const name = group.itemLabel ?? '第';
  if (!items.length) return layout.row([{ text: '（无）', width: layout.width, align: 'center' }]);
  for (const it of items) {
    layout.row([{ text: `${name} ${it.index + 1}`, width: layout.width, bold: true, align: 'left' }]);
    const grid = new Grid(layout);
    const item = Array.isArray(raw) && isRecord(raw[it.index]) ? raw[it.index] : {};
    for (const f of group.fields as LeafField[]) {
      if (ctx.state && !ctx.state.fieldVisible(f, it.place)) continue;
      const derived = ctx.derived[`${it.place.section.id}.${group.id}.${it.index}.${f.id}`];
      grid.add(placeField(ctx, f, (item as Record<string, unknown>)[f.id], derived));
    }
    grid.flush();
  }
}
