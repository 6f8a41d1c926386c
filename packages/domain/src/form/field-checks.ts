import type { Localized } from '../errors.ts';
import { industryCodeStatus, industryLevelOf, industryLevels } from '../reference/industry.ts';
import { regionByCode, regionSatisfiesLevel } from '../reference/regions.ts';
import { creditCodeProblem } from './credit-code.ts';
import { isEmpty, isPlainObject } from './form-state.ts';
import { FileRefSchema, type Field, type LeafField } from './form-template.schema.ts';
import { formMessages as m } from './messages.ts';
import { countChars } from './text-length.ts';

// Checks of one non-empty answer against its field. Emptiness and `required` are decided by the
// caller; here `ctx.mode === 'submit'` only adds the completeness checks (minimum length, minimum
// picks, every cell of a required table) that would nag while a draft is still being written.

export type CheckContext = {
  mode: 'draft' | 'submit';
  push: (path: string, message: Localized) => void;
  /**
   * A value that is no answer of the field at all (a list where one value goes, an object for a
   * text, a broken file reference): a draft save refuses these, while it stores answers that are
   * merely wrong (too long, out of range, text where a number goes) and reports them. Defaults to push.
   */
  reject?: (path: string, message: Localized) => void;
  /** Sets derived from a field (its option values, its table's rows), kept by a compiled validator across calls. */
  setsOf?: FieldSets;
};

/** Per field object, the lookup sets its checks use; a compiled validator keeps one for its template. */
export class FieldSets {
  private readonly sets = new Map<object, ReadonlySet<string>>();
  get(key: object, make: () => Iterable<string>): ReadonlySet<string> {
    let set = this.sets.get(key);
    if (!set) this.sets.set(key, (set = new Set(make())));
    return set;
  }
}

const setOf = (ctx: CheckContext, key: object, make: () => Iterable<string>): ReadonlySet<string> =>
  ctx.setsOf ? ctx.setsOf.get(key, make) : new Set(make());

const isPrimitive = (v: unknown): boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
/** The value is not of the shape the field takes. */
const reject = (ctx: CheckContext, path: string, message: Localized): void => (ctx.reject ?? ctx.push)(path, message);
/** A field taking one plain value got another: a wrong plain value is stored and reported; a list or an object is refused. */
const mismatch = (ctx: CheckContext, v: unknown, path: string, message: Localized): void => (isPrimitive(v) ? ctx.push(path, message) : reject(ctx, path, message));

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Mainland mobile, landline with area code and extension, or an international number.
const PHONE = /^(?:(?:\+?86[- ]?)?1[3-9]\d{9}|0\d{2,3}[- ]?\d{7,8}(?:[- ]?\d{1,6})?|\+\d[\d -]{6,18}\d|\d{7,8})$/;
const URL_RE = /^https?:\/\/[^\s/$.?#].[^\s]*$/i;
const DATE_FORMAT = { day: /^\d{4}-\d{2}-\d{2}$/, month: /^\d{4}-\d{2}$/, year: /^\d{4}$/ } as const;
const DATE_HINT = { day: 'YYYY-MM-DD', month: 'YYYY-MM', year: 'YYYY' } as const;

function isRealDate(s: string): boolean {
  const [y, mo = 1, d = 1] = s.split('-').map(Number);
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function checkNumber(v: unknown, f: { integer?: boolean; min?: number; max?: number; unit?: string }, path: string, ctx: CheckContext): void {
  if (typeof v !== 'number' || !Number.isFinite(v)) return mismatch(ctx, v, path, m.wrongType('数字', 'a number'));
  if (f.integer && !Number.isInteger(v)) return ctx.push(path, m.notInteger());
  if (f.min !== undefined && v < f.min) ctx.push(path, m.belowMin(f.min, f.unit));
  if (f.max !== undefined && v > f.max) ctx.push(path, m.aboveMax(f.max, f.unit));
}

function checkFile(v: unknown, accept: readonly string[], maxSizeMB: number, path: string, ctx: CheckContext): void {
  const parsed = FileRefSchema.safeParse(v);
  if (!parsed.success) return reject(ctx, path, m.badFile());
  const { name, type, size } = parsed.data;
  const lower = name.toLowerCase();
  const ok =
    accept.length === 0 ||
    accept.some((a) =>
      a.startsWith('.') ? lower.endsWith(a.toLowerCase()) : a.endsWith('/*') ? type.startsWith(a.slice(0, -1)) : type === a,
    );
  if (!ok) ctx.push(path, m.fileType(accept));
  if (size > maxSizeMB * 1024 * 1024) ctx.push(path, m.fileSize(maxSizeMB));
}

function checkChoice(f: Extract<Field, { kind: 'choice' }>, v: unknown, path: string, ctx: CheckContext): void {
  const values = setOf(ctx, f, () => f.options.map((o) => o.value));
  const pick = (p: unknown, at: string): string | undefined => {
    if (typeof p === 'string') {
      if (!values.has(p)) ctx.push(at, m.notAnOption());
      return p;
    }
    if (isPlainObject(p) && Object.keys(p).length === 1 && typeof p.other === 'string') {
      if (!f.allowOther) ctx.push(at, m.otherNotAllowed());
      else if (countChars(p.other) > f.otherMaxChars) ctx.push(at, m.tooLong(f.otherMaxChars, countChars(p.other)));
      else if (ctx.mode === 'submit' && p.other.trim() === '') ctx.push(at, m.otherEmpty());
      return '\u0000other';
    }
    mismatch(ctx, p, at, m.notAnOption());
    return undefined;
  };
  if (!f.multiple) {
    if (Array.isArray(v)) return reject(ctx, path, m.wrongType('单个选项', 'a single choice'));
    pick(v, path);
    return;
  }
  if (!Array.isArray(v)) return reject(ctx, path, m.wrongType('选项列表', 'a list of choices'));
  const seen = new Set<string>();
  v.forEach((p, i) => {
    const key = pick(p, `${path}.${i}`);
    if (key === undefined) return;
    if (seen.has(key)) ctx.push(`${path}.${i}`, m.duplicateChoice());
    seen.add(key);
  });
  if (f.maxSelected !== undefined && v.length > f.maxSelected) ctx.push(path, m.tooManyChosen(f.maxSelected));
  if (ctx.mode === 'submit' && f.minSelected !== undefined && v.length < f.minSelected) ctx.push(path, m.tooFewChosen(f.minSelected));
}

function checkYearTable(f: Extract<Field, { kind: 'yearTable' }>, v: unknown, path: string, ctx: CheckContext): void {
  if (!isPlainObject(v)) return reject(ctx, path, m.wrongType('表格', 'a table'));
  const rowIds = setOf(ctx, f.rows, () => f.rows.map((r) => r.id));
  const years = setOf(ctx, f.years, () => f.years.map(String));
  for (const key of Object.keys(v)) if (!rowIds.has(key)) reject(ctx, `${path}.${key}`, m.unknownField());
  for (const row of f.rows) {
    const cells = v[row.id];
    const rowPath = `${path}.${row.id}`;
    if (cells !== undefined && cells !== null && !isPlainObject(cells)) {
      reject(ctx, rowPath, m.wrongType('按年份填写的数据', 'values by year'));
      continue;
    }
    const byYear = cells ?? {};
    for (const key of Object.keys(byYear)) if (!years.has(key)) reject(ctx, `${rowPath}.${key}`, m.unknownField());
    for (const year of f.years) {
      const cell = byYear[String(year)];
      const cellPath = `${rowPath}.${year}`;
      if (isEmpty(cell)) {
        if (ctx.mode === 'submit' && f.required && !row.optional) ctx.push(cellPath, m.required());
      } else if (row.type === 'choice') {
        if (typeof cell !== 'string' || !row.options?.some((o) => o.value === cell)) mismatch(ctx, cell, cellPath, m.notAnOption());
      } else checkNumber(cell, { ...row }, cellPath, ctx);
    }
  }
}

function checkIndustry(f: Extract<Field, { kind: 'industry' }>, v: unknown, path: string, ctx: CheckContext): void {
  const one = (code: unknown, at: string) => {
    if (typeof code !== 'string') return mismatch(ctx, code, at, m.wrongType('行业代码', 'an industry code'));
    if (industryCodeStatus(code, f.scheme) === 'invalid') return ctx.push(at, m.badIndustry());
    const level = industryLevelOf(code, f.scheme);
    if (level && industryLevels.indexOf(level) < industryLevels.indexOf(f.level)) ctx.push(at, m.industryLevel(f.level));
  };
  if (!f.multiple) return Array.isArray(v) ? reject(ctx, path, m.wrongType('单个行业代码', 'one industry code')) : one(v, path);
  if (!Array.isArray(v)) return reject(ctx, path, m.wrongType('行业代码列表', 'a list of industry codes'));
  v.forEach((code, i) => one(code, `${path}.${i}`));
  if (new Set(v).size !== v.length) ctx.push(path, m.duplicateChoice());
  if (f.maxSelected !== undefined && v.length > f.maxSelected) ctx.push(path, m.tooManyChosen(f.maxSelected));
}

/** Checks a non-empty answer of a leaf field (never computed ones, which take no answer). */
export function checkLeafValue(f: Exclude<LeafField, { kind: 'computed' }>, v: unknown, path: string, ctx: CheckContext): void {
  switch (f.kind) {
    case 'text': {
      if (typeof v !== 'string') return mismatch(ctx, v, path, m.wrongType('文本', 'text'));
      const n = countChars(v);
      if (f.maxChars !== undefined && n > f.maxChars) ctx.push(path, m.tooLong(f.maxChars, n));
      if (ctx.mode === 'submit' && f.minChars !== undefined && n < f.minChars) ctx.push(path, m.tooShort(f.minChars, n));
      const t = v.trim();
      if (f.format === 'email' && !EMAIL.test(t)) ctx.push(path, m.email());
      if (f.format === 'phone' && !PHONE.test(t)) ctx.push(path, m.phone());
      if (f.format === 'url' && !URL_RE.test(t)) ctx.push(path, m.url());
      return;
    }
    case 'number':
      return checkNumber(v, f, path, ctx);
    case 'date': {
      if (typeof v !== 'string' || !DATE_FORMAT[f.precision].test(v) || !isRealDate(v)) return mismatch(ctx, v, path, m.badDate(DATE_HINT[f.precision]));
      // Compare at the field's precision: "2020-05" is within a minimum of 2020-05-20.
      const cut = v.length;
      if (f.min && v < f.min.slice(0, cut)) ctx.push(path, m.dateBefore(f.min.slice(0, cut)));
      if (f.max && v > f.max.slice(0, cut)) ctx.push(path, m.dateAfter(f.max.slice(0, cut)));
      return;
    }
    case 'choice':
      return checkChoice(f, v, path, ctx);
    case 'yearTable':
      return checkYearTable(f, v, path, ctx);
    case 'region':
      if (typeof v !== 'string' || !regionByCode(v)) return mismatch(ctx, v, path, m.badRegion());
      if (!regionSatisfiesLevel(v, f.level)) ctx.push(path, m.regionLevel(f.level));
      return;
    case 'industry':
      return checkIndustry(f, v, path, ctx);
    case 'trl':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 9) mismatch(ctx, v, path, m.trl());
      return;
    case 'creditCode': {
      if (typeof v !== 'string') return mismatch(ctx, v, path, m.wrongType('文本', 'text'));
      const problem = creditCodeProblem(v);
      if (problem) ctx.push(path, m.creditCode(problem, v.length));
      return;
    }
    case 'file': {
      const files = f.multiple ? v : [v];
      if (!Array.isArray(files) || (!f.multiple && Array.isArray(v))) return reject(ctx, path, m.wrongType(f.multiple ? '文件列表' : '单个文件', f.multiple ? 'a list of files' : 'one file'));
      files.forEach((file, i) => checkFile(file, f.accept, f.maxSizeMB, f.multiple ? `${path}.${i}` : path, ctx));
      if (f.maxFiles !== undefined && files.length > f.maxFiles) ctx.push(path, m.tooManyFiles(f.maxFiles));
      if (ctx.mode === 'submit' && f.minFiles !== undefined && files.length < f.minFiles) ctx.push(path, m.tooFewFiles(f.minFiles));
      return;
    }
    case 'declaration':
      if (typeof v !== 'boolean') mismatch(ctx, v, path, m.wrongType('是/否', 'true or false'));
      return;
    case 'signature': {
      if (!isPlainObject(v)) return reject(ctx, path, m.wrongType('签章页与日期', 'a stamped page and a date'));
      for (const key of Object.keys(v)) if (key !== 'file' && key !== 'date') reject(ctx, `${path}.${key}`, m.unknownField());
      if (!isEmpty(v.file)) checkFile(v.file, f.accept, f.maxSizeMB, `${path}.file`, ctx);
      else if (ctx.mode === 'submit') ctx.push(`${path}.file`, m.signatureFile(f.signer, f.signerEn));
      if (!isEmpty(v.date)) {
        if (typeof v.date !== 'string' || !DATE_FORMAT.day.test(v.date) || !isRealDate(v.date)) mismatch(ctx, v.date, `${path}.date`, m.badDate('YYYY-MM-DD'));
      } else if (ctx.mode === 'submit') ctx.push(`${path}.date`, m.signatureDate());
      return;
    }
  }
}
