import { formatShanghai, type Field, type FieldPlace, type GroupField, type LeafField, type Section } from '@lvping/domain';
import { blankDate, chineseDate, formatAnswer, isRecord, sealLine, signatureDate } from './answer-format.ts';
import { conditionHint, limitHint } from './field-hints.ts';
import { Grid, placeField, repeatsTitle, stripNumbering, type RenderContext } from './pdf-grid.ts';
import { SIZE } from './pdf-layout.ts';
import { groupBlock, yearTableBlock } from './pdf-tables.ts';

// A section of the form: its heading, its fields in the grid, tables, the declaration with its
// tick box, the seal block, and the recommending unit's opinion box.

export function cnNumber(n: number): string {
  const d = '零一二三四五六七八九';
  if (n <= 10) return n === 10 ? '十' : d[n];
  if (n < 20) return `十${d[n % 10]}`;
  return `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ''}`;
}

function value(ctx: RenderContext, field: Field, place: FieldPlace): unknown {
  return ctx.state?.effectiveValue(field, place);
}

export function renderSection(ctx: RenderContext, section: Section, index: number): void {
  const { layout } = ctx;
  // A form whose titles carry their own numbering ("一、技术介绍") keeps it; others are numbered here.
  const numbered = ctx.template.sections.some((s) => stripNumbering(s.title) !== s.title);
  layout.heading(numbered ? section.title : `${cnNumber(index + 1)}、${section.title}`);
  if (ctx.mode === 'blank') {
    const note = [conditionHint(ctx.template, undefined, section.visibleIf), section.description ?? ''].filter(Boolean).join('');
    if (note) layout.line(note, { size: SIZE.hint, color: '#808080' });
    if (section.filledBy === 'recommender') layout.line('（本部分由推荐单位填写）', { size: SIZE.hint, color: '#808080' });
  }
  if (section.filledBy === 'recommender') return renderRecommender(ctx, section);
  const grid = new Grid(layout, section.title);
  section.fields.forEach((field, i) => {
    const at: FieldPlace = { section };
    if (ctx.state && !ctx.state.fieldVisible(field, at)) return;
    const block = field.kind === 'yearTable' || field.kind === 'group' || field.kind === 'declaration' || field.kind === 'signature';
    if (block) grid.flush();
    if (section.fields[i + 1]?.kind === 'signature' && field.kind === 'text') keepWithSeal(ctx, formatAnswer(field, value(ctx, field, at)));
    renderField(ctx, grid, section, field, at);
  });
  grid.flush();
}

/** An opinion written just above the seal is signed with it: start a page rather than part them. */
function keepWithSeal(ctx: RenderContext, text: string): void {
  const height = ctx.layout.rowHeight([{ text, width: ctx.layout.width }]) + 30 + SEAL_HEIGHT;
  if (height < ctx.layout.pageHeight / 2) ctx.layout.ensure(height);
}

function renderField(ctx: RenderContext, grid: Grid, section: Section, field: Field, at: FieldPlace): void {
  const raw = value(ctx, field, at);
  const path = `${section.id}.${field.id}`;
  switch (field.kind) {
    case 'yearTable':
      return yearTableBlock(ctx.layout, field, raw, ctx.mode === 'filled' ? ctx.derived : null, path, section.title);
    case 'group':
      return groupBlock(ctx, section, field as GroupField, raw);
    case 'declaration':
      return declaration(ctx, section, field, raw);
    case 'signature':
      return seal(ctx, sealLine(field.signer), raw);
    default: {
      const p = placeField(ctx, field, raw, ctx.derived[path]);
      if (ctx.mode === 'blank' && field.visibleIf) p.hint = conditionHint(ctx.template, section, field.visibleIf) + (p.hint ?? '');
      grid.add(p);
    }
  }
}

const SEAL_HEIGHT = 120;

function declaration(ctx: RenderContext, section: Section, field: Extract<Field, { kind: 'declaration' }>, raw: unknown): void {
  const { layout } = ctx;
  // The pledge and the seal under it are signed together: keep them on one page when they fit.
  const sealFollows = section.fields.some((f) => f.kind === 'signature');
  const height = layout.rowHeight([{ text: field.text, width: layout.width }]) + 60 + (sealFollows ? SEAL_HEIGHT : 0);
  if (height < layout.pageHeight) layout.ensure(height);
  const label = repeatsTitle(field.label, section.title) ? undefined : { text: field.label, width: layout.width, label: true };
  layout.flowBox(field.text, { label, indent: true, minHeight: 0 });
  layout.row([{ text: field.checkboxLabel, width: layout.width, checkbox: raw === true }], 26);
}

/** The seal block at the foot of the applicant's part: 申报单位（盖章）and 日期 年 月 日. */
export function seal(ctx: RenderContext, line: string, raw: unknown): void {
  const { layout } = ctx;
  layout.ensure(SEAL_HEIGHT);
  layout.space(28);
  const date = signatureDate(raw);
  const who = ctx.mode === 'filled' && ctx.organizationName ? ctx.organizationName : '';
  const x = layout.left + layout.width * 0.45;
  const w = layout.width * 0.55;
  const doc = layout.body();
  doc.text(`${line}：${who}`, x, doc.y, { width: w });
  layout.space(30);
  doc.text(`日期：${date ? dateLine(date) : blankDate('day')}`, x, doc.y, { width: w });
  if (ctx.mode === 'filled' && isRecord(raw) && isRecord(raw.file) && typeof raw.file.name === 'string') {
    layout.body(SIZE.hint).fillColor('#808080').text(`（已上传盖章页：${raw.file.name}）`, x, doc.y + 4, { width: w });
    layout.body();
  }
  doc.x = layout.left;
  layout.space(12);
}

/** "2022-10-20" → "2022 年 10 月 20 日", spaced as on a handwritten date line. */
function dateLine(iso: string): string {
  return chineseDate(iso).replace(/(\d+)([年月日])/g, ' $1 $2').trim();
}

/**
 * The recommending unit's part: its answers (usually just an opinion) in a tall box with the
 * seal and date lines at the bottom. Empty, it is the box the unit writes in by hand.
 */
function renderRecommender(ctx: RenderContext, section: Section): void {
  const { layout } = ctx;
  const at: FieldPlace = { section };
  const visible = section.fields.filter((f) => !ctx.state || ctx.state.fieldVisible(f, at));
  const signature = visible.find((f) => f.kind === 'signature');
  // The unit's endorsement is kept with the decision, not in the answers: its opinion fills the
  // box, its name follows the seal line and its date is the decision's.
  const rec = ctx.mode === 'filled' ? ctx.recommendation : undefined;
  const date = rec ? formatShanghai(rec.decidedAt, false) : signature ? signatureDate(value(ctx, signature, at)) : undefined;
  const footer = [`${sealLine(signature?.kind === 'signature' ? signature.signer : '推荐单位公章')}：${rec?.unitName ?? ''}`, `${date ? dateLine(date) : blankDate('day')}`];
  const texts = visible.filter((f) => f.kind === 'text');
  const grid = new Grid(layout, section.title);
  for (const f of visible) {
    if (f.kind === 'text' || f.kind === 'signature') continue;
    renderField(ctx, grid, section, f, at);
  }
  grid.flush();
  if (!texts.length) return layout.flowBox(rec?.opinion ?? '', { minHeight: 120, indent: true, footer });
  texts.forEach((f, i) => {
    const answered = ctx.mode === 'filled' ? formatAnswer(f as LeafField, value(ctx, f, at)) : '';
    const text = answered || (i === 0 && rec ? rec.opinion : '');
    const hint = ctx.mode === 'blank' ? limitHint(f as LeafField) || undefined : undefined;
    const label = !repeatsTitle(f.label, section.title) || hint ? { text: f.label, width: layout.width, label: true, hint } : undefined;
    layout.flowBox(text, { label, minHeight: 150, indent: true, footer: i === texts.length - 1 ? footer : undefined });
  });
}
