import type { DerivedValues, Field, FieldPlace, GroupField, LeafField, Section } from '@lvping/domain';
import { formatAnswer, isRecord, yearCellText } from './answer-format.ts';
import { yearLabel } from './field-hints.ts';
import { Grid, placeField, type RenderContext } from './pdf-grid.ts';
import type { Cell, PdfLayout } from './pdf-layout.ts';

// Year tables (指标 × 年份 + 平均值) and repeating groups (one row per item) as real tables whose
// header row is repeated when a table runs onto the next page.

type YearTableField = Extract<Field, { kind: 'yearTable' }>;

/** Header row, then the body rows; the header is drawn again at the top of each new page. */
function table(layout: PdfLayout, header: Cell[], rows: Cell[][]): void {
  layout.ensure(layout.rowHeight(header) + (rows[0] ? layout.rowHeight(rows[0]) : 0));
  layout.row(header);
  for (const r of rows) {
    const before = layout.pageIndex;
    layout.ensure(layout.rowHeight(r));
    if (layout.pageIndex !== before) layout.row(header);
    layout.row(r);
  }
}

function caption(layout: PdfLayout, text: string, hint?: string): void {
  layout.ensure(80);
  layout.row([{ text, width: layout.width, label: true, hint }]);
}

/** Splits `total` among columns in proportion to their weights. */
function widths(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (total * w) / sum);
}

export function yearTableBlock(layout: PdfLayout, field: YearTableField, raw: unknown, derived: DerivedValues | null, path: string): void {
  caption(layout, field.label, derived ? undefined : field.help);
  const hasUnit = field.rows.some((r) => r.unit);
  const hasAverage = field.average && field.rows.some((r) => r.type === 'number');
  const cols = [...field.years.map((y) => yearLabel(field, y)), ...(hasAverage ? [field.averageLabel] : [])];
  const [first, unit, ...rest] = widths(layout.width, [3.2, hasUnit ? 1 : 0, ...cols.map(() => 1.4)]);
  const head: Cell[] = [
    { text: '指标', width: first, label: true },
    ...(hasUnit ? [{ text: '单位', width: unit, label: true }] : []),
    ...cols.map((text, i) => ({ text, width: rest[i], label: true })),
  ];
  const body = field.rows.map((r): Cell[] => {
    const row = isRecord(raw) ? raw[r.id] : undefined;
    const cells = field.years.map((y) => (derived && isRecord(row) ? yearCellText(field, r.id, row[String(y)]) : ''));
    const avg = derived?.[`${path}.${r.id}.average`];
    if (hasAverage) cells.push(r.type === 'number' ? (typeof avg === 'number' ? avg.toFixed(field.decimals) : '') : '—');
    const options = !derived && r.type === 'choice' ? r.options?.map((o) => o.label).join('/') : undefined;
    return [
      { text: r.label, width: first, hint: options ? `（${options}）` : undefined },
      ...(hasUnit ? [{ text: r.unit ?? '', width: unit, align: 'center' as const }] : []),
      ...cells.map((text, i) => ({ text, width: rest[i], align: 'center' as const })),
    ];
  });
  table(layout, head, body);
}

const MAX_TABLE_COLUMNS = 7;
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
  caption(layout, group.label, ctx.mode === 'blank' ? [limit, group.help].filter(Boolean).join('；') || undefined : undefined);
  const prose = fields.some((f, i) => isProseField(f, items.map((it) => it.texts[i])));
  if (prose || fields.length > MAX_TABLE_COLUMNS) return groupByItem(ctx, group, items, raw);
  const [no, ...ws] = widths(layout.width, [0.7, ...fields.map((f) => (f.kind === 'text' ? 2 : 1.2))]);
  const head: Cell[] = [
    { text: '序号', width: no, label: true },
    ...fields.map((f, i) => ({ text: unitOf(f) ? `${f.label}（${unitOf(f)}）` : f.label, width: ws[i], label: true })),
  ];
  if (!items.length) return layout.row([{ text: '（无）', width: layout.width, align: 'center' }]);
  const blankHint = (f: LeafField) => (ctx.mode === 'blank' && f.kind === 'choice' ? f.options.map((o) => o.label).join('/') : undefined);
  const body = items.map((it): Cell[] => [
    { text: String(it.index + 1), width: no, align: 'center' },
    ...it.texts.map((text, i) => ({ text, width: ws[i], align: 'center' as const, hint: blankHint(fields[i]) })),
  ]);
  table(layout, head, body);
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
