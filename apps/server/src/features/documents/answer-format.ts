import {
  formatRegion,
  formatShanghai,
  industryByCode,
  OTHER_VALUE,
  type Field,
  type LeafField,
} from '@lvping/domain';

// Answers as a person reads them on paper or in a spreadsheet: option labels instead of values,
// place and industry names instead of codes, dates in 年月日. Shared by the PDF and Excel
// renderers so both print an answer the same way. Malformed values (an old draft, a changed
// template) are shown as they are rather than dropped: a reviewer should see what was stored.

type ChoiceField = Extract<Field, { kind: 'choice' }>;
type YearTableField = Extract<Field, { kind: 'yearTable' }>;
type Option = { value: string; label: string };

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** 1200.5 → "1200.5"; no grouping, binary noise (0.1 + 0.2) trimmed. */
export function formatNumber(n: number): string {
  return String(Number(n.toPrecision(12)));
}

/**
 * Rough printed width of a text in ems: CJK characters are square (1), Latin letters and digits
 * about half (0.55). Enough to size table columns and Excel widths without measuring glyphs.
 */
export function ems(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) >= 0x2e80 ? 1 : 0.55;
  return w;
}

const ISO = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/;

/** "2015-06-18" → "2015年6月18日", "2016-03" → "2016年3月", "2016" → "2016年". */
export function chineseDate(iso: string): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  return `${y}年` + (mo ? `${Number(mo)}月` : '') + (d ? `${Number(d)}日` : '');
}

/** The calendar date of an instant in Asia/Shanghai, written as 年月日. */
export function shanghaiDate(epochMs: number): string {
  return chineseDate(formatShanghai(epochMs, false));
}

/** Empty date lines for a paper form, by precision. */
export function blankDate(precision: 'day' | 'month' | 'year' = 'day'): string {
  const parts = { year: '　　　年', month: '　　　年　　月', day: '　　　年　　月　　日' };
  return parts[precision];
}

function optionLabel(options: Option[] | undefined, v: unknown): string {
  if (isRecord(v) && 'other' in v) return `其他：${String(v.other ?? '')}`;
  if (v === OTHER_VALUE) return '其他';
  return options?.find((o) => o.value === v)?.label ?? String(v);
}

export function choiceText(field: Pick<ChoiceField, 'options'>, value: unknown): string {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v) => v !== undefined && v !== null && v !== '').map((v) => optionLabel(field.options, v)).join('、');
}

/** One cell of a year table: a number, or the label of a 高/较高/一般 row. */
export function yearCellText(table: YearTableField, rowId: string, cell: unknown): string {
  if (cell === undefined || cell === null || cell === '') return '';
  if (typeof cell === 'number') return formatNumber(cell);
  return optionLabel(table.rows.find((r) => r.id === rowId)?.options, cell);
}

export function industryText(code: string, scheme: 'gb4754-2017' | 'strategic-emerging-2018'): string {
  const hit = industryByCode(code, scheme);
  return hit ? `${hit.name}（${code}）` : code;
}

type FileLike = { name?: unknown; size?: unknown };

function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** File names of a file answer (one file or a list), each with its size when known. */
export function fileNames(value: unknown, withSize = false): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.filter(isRecord).map((f: FileLike) => {
    const name = typeof f.name === 'string' ? f.name : '（未命名文件）';
    return withSize && typeof f.size === 'number' ? `${name}（${fileSize(f.size)}）` : name;
  });
}

/** "申报单位公章" → "申报单位（盖章）": how the seal line reads on paper. */
export function sealLine(signer: string): string {
  return `${signer.replace(/公章$|印章$|盖章$/, '')}（盖章）`;
}

/** The date of a signature answer ({ file, date }), if given. */
export function signatureDate(value: unknown): string | undefined {
  return isRecord(value) && typeof value.date === 'string' && value.date ? value.date : undefined;
}

export type FormatOptions = {
  /** The computed value of a computed field (from computeDerived), already rounded. */
  derived?: number | null;
  /** Append the unit to numbers ("86 人"); off in Excel, where the header carries it. */
  units?: boolean;
};

function withUnit(n: number, unit: string | undefined, units: boolean): string {
  return units && unit ? `${formatNumber(n)} ${unit}` : formatNumber(n);
}

/** The answer of a leaf field as one line (or paragraph) of text; '' when unanswered. */
export function formatAnswer(field: LeafField, value: unknown, opts: FormatOptions = {}): string {
  const units = opts.units ?? true;
  if (field.kind === 'computed') return typeof opts.derived === 'number' ? withUnit(opts.derived, field.unit, units) : '';
  if (value === undefined || value === null || value === '') return '';
  switch (field.kind) {
    case 'text':
    case 'creditCode':
      return String(value);
    case 'number':
      return typeof value === 'number' ? withUnit(value, field.unit, units) : String(value);
    case 'date':
      return typeof value === 'string' ? chineseDate(value) : String(value);
    case 'choice':
      return choiceText(field, value);
    case 'region':
      return typeof value === 'string' ? (formatRegion(value) ?? value) : String(value);
    case 'industry':
      return (Array.isArray(value) ? value : [value]).map((c) => industryText(String(c), field.scheme)).join('；');
    case 'trl':
      return `${String(value)}级`;
    case 'file':
      return fileNames(value).join('、');
    case 'declaration':
      return value === true ? '已承诺' : '';
    case 'signature': {
      const date = signatureDate(value);
      const files = isRecord(value) ? fileNames(value.file) : [];
      return [files.join('、'), date ? chineseDate(date) : ''].filter(Boolean).join('，');
    }
    case 'yearTable':
      return yearTableSummary(field, value);
  }
}

/** A year table flattened to one line (only where a grid cannot be drawn, e.g. inside a group). */
function yearTableSummary(field: YearTableField, value: unknown): string {
  if (!isRecord(value)) return '';
  return field.rows
    .map((r) => {
      const row = value[r.id];
      const cells = field.years.map((y) => (isRecord(row) ? yearCellText(field, r.id, row[String(y)]) : '')).filter(Boolean);
      return cells.length ? `${r.label}：${cells.join('/')}` : '';
    })
    .filter(Boolean)
    .join('；');
}
