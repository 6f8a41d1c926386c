import type { DerivedValues, Field, FormState, FormTemplate, LeafField } from '@lvping/domain';
import { blankDate, ems, formatAnswer } from './answer-format.ts';
import { limitHint } from './field-hints.ts';
import { PdfLayout, type Cell } from './pdf-layout.ts';

// The bordered grid of a Chinese 申报表: short answers two to a row (label | value | label |
// value), longer ones across the row, prose in boxes of its own. `filled` prints the answers;
// `blank` prints empty boxes with the limits, units and options, for drafting on paper.

export type Mode = 'filled' | 'blank';

export type RenderContext = {
  layout: PdfLayout;
  template: FormTemplate;
  mode: Mode;
  /** The answers read through the template (visibility); absent on a blank form. */
  state?: FormState;
  derived: DerivedValues;
  /** Printed after the applicant's seal line. */
  organizationName?: string;
  /** The recommending unit's endorsement (推荐意见), printed in the recommender's box. */
  recommendation?: { unitName: string; opinion: string; decidedAt: number };
};

export const LABEL_W = 100;
const SHORT_EMS = 12; // what fits a half-row value cell on one line
const BOX_CHARS = 120; // longer single-line answers are set as prose

export type Placed = { kind: 'half' | 'wide' | 'box'; label: string; text: string; hint?: string; align?: 'left' | 'right'; boxHeight?: number };

function blankChoice(field: Extract<Field, { kind: 'choice' }>): string {
  const opts = field.options.map((o) => `□${o.label}`);
  if (field.allowOther) opts.push(`□${field.otherLabel}＿＿＿＿`);
  return opts.join('　');
}

function blankText(field: LeafField): string {
  if (field.kind === 'choice') return blankChoice(field);
  if (field.kind === 'date') return blankDate(field.precision);
  if ((field.kind === 'number' || field.kind === 'computed') && field.unit) return field.unit;
  return '';
}

function isProse(field: LeafField, text: string, mode: Mode): boolean {
  if (field.kind !== 'text') return false;
  if (field.multiline) return true;
  return mode === 'blank' ? (field.maxChars ?? 0) > 100 : text.length > BOX_CHARS || text.includes('\n');
}

const MAX_BLANK_BOX = 300;

/** Room to write a text of its maximum length by hand (about 36 字 a line), up to MAX_BLANK_BOX. */
function blankBoxHeight(field: LeafField): number {
  const chars = field.kind === 'text' ? (field.maxChars ?? 300) : 300;
  return Math.min(MAX_BLANK_BOX, Math.max(70, Math.ceil(chars / 36) * 17));
}

const HALF_KINDS = new Set(['number', 'date', 'trl', 'creditCode', 'computed']);

/** Where a simple field goes: half a row, a whole row, or a prose box of its own. */
export function placeField(ctx: RenderContext, field: LeafField, raw: unknown, derived?: number | null): Placed {
  const text = ctx.mode === 'filled' ? formatAnswer(field, raw, { derived }) : blankText(field);
  const hint = ctx.mode === 'blank' ? [limitHint(field), field.help ?? ''].filter(Boolean).join('') : undefined;
  const unitOnly = ctx.mode === 'blank' && (field.kind === 'number' || field.kind === 'computed');
  const base = { label: field.label, text, hint: hint || undefined, align: unitOnly ? ('right' as const) : undefined };
  if (isProse(field, text, ctx.mode)) {
    if (ctx.mode === 'filled') return { ...base, kind: 'box', boxHeight: 0 };
    const boxHeight = blankBoxHeight(field);
    // A box too small for the longest answer says so, as paper forms do.
    const more = boxHeight === MAX_BLANK_BOX ? '（篇幅不够可另附页）' : '';
    return { ...base, hint: (base.hint ?? '') + more || undefined, kind: 'box', boxHeight };
  }
  const short = ctx.mode === 'filled' ? ems(text) <= SHORT_EMS : field.kind !== 'text' || (field.maxChars ?? 99) <= 30;
  const halfKind = HALF_KINDS.has(field.kind) || ((field.kind === 'text' || (field.kind === 'choice' && !field.multiple)) && short);
  const fitsHalf = ctx.mode === 'filled' ? short : ems(text) <= SHORT_EMS && ems(hint ?? '') <= 24;
  return { ...base, kind: halfKind && fitsHalf ? 'half' : 'wide' };
}

const NUMBERING = /^\s*(?:[一二三四五六七八九十百]+[、.．]|（[一二三四五六七八九十]+）|\d+[、.．])\s*/;

/** A section title without its own numbering: "一、技术介绍（400-600字）" → "技术介绍（400-600字）". */
export function stripNumbering(title: string): string {
  return title.replace(NUMBERING, '');
}

/** Whether a label only repeats its section's title ("技术介绍" under "一、技术介绍（400-600字）"). */
export function repeatsTitle(label: string, sectionTitle: string): boolean {
  const bare = (s: string) => stripNumbering(s).replace(/（[^）]*）|\([^)]*\)/g, '').trim();
  return bare(label) !== '' && bare(label) === bare(sectionTitle);
}

/** Label/value rows, pairing consecutive half-width answers. */
export class Grid {
  private pending: Placed | null = null;

  /** `sectionTitle`: a prose box whose label repeats it goes straight under the heading. */
  constructor(
    private readonly layout: PdfLayout,
    private readonly sectionTitle = '',
  ) {}

  add(p: Placed): void {
    if (p.kind === 'box') {
      this.flush();
      const label = repeatsTitle(p.label, this.sectionTitle) ? undefined : { text: p.label, width: this.layout.width, label: true };
      this.layout.flowBox(p.text, { label, minHeight: p.boxHeight, indent: true, hint: p.hint });
    } else if (p.kind === 'half' && this.pending) {
      const half = (this.layout.width - 2 * LABEL_W) / 2;
      const a = this.pending;
      this.pending = null;
      this.layout.row([...this.pair(a, half), ...this.pair(p, half)]);
    } else if (p.kind === 'half') {
      this.pending = p;
    } else {
      this.flush();
      this.layout.row(this.pair(p, this.layout.width - LABEL_W));
    }
  }

  flush(): void {
    if (!this.pending) return;
    const p = this.pending;
    this.pending = null;
    this.layout.row(this.pair(p, this.layout.width - LABEL_W));
  }

  private pair(p: Placed, valueWidth: number): Cell[] {
    return [
      { text: p.label, width: LABEL_W, label: true },
      { text: p.text, width: valueWidth, hint: p.hint, align: p.align },
    ];
  }
}
