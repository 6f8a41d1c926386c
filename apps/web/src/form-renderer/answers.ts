// Pure helpers of the form renderer: reading and writing answers by dotted path, labels in the
// current language, and the progress count. No React here, so they are tested without a browser.
import type { FieldError, Lang, Localized } from '@lvping/domain/errors.ts';
import { FormState, isEmpty, type FieldPlace, type FormAnswers } from '@lvping/domain/form/form-state.ts';
import type { Field, FormTemplate, Section } from '@lvping/domain/form/form-template.schema.ts';

export type { FormAnswers, FieldPlace };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value at a dotted path (`team.members.2.name`), or undefined. */
export function getAt(root: unknown, path: string): unknown {
  let v: unknown = root;
  for (const key of path.split('.')) {
    if (Array.isArray(v)) v = v[Number(key)];
    else if (isObject(v)) v = v[key];
    else return undefined;
  }
  return v;
}

/**
 * A copy of `root` with `path` set to `value`; an empty value removes the key, so a cleared
 * field reads as unanswered. Missing containers are created as objects; arrays are only indexed,
 * never created here (a group makes its own list of items).
 */
export function setAt<T>(root: T, path: string, value: unknown): T {
  const keys = path.split('.');
  const write = (node: unknown, i: number): unknown => {
    const key = keys[i];
    const last = i === keys.length - 1;
    if (Array.isArray(node)) {
      const copy = node.slice();
      copy[Number(key)] = last ? value : write(node[Number(key)], i + 1);
      return copy;
    }
    const copy: Record<string, unknown> = isObject(node) ? { ...node } : {};
    const next = last ? value : write(copy[key], i + 1);
    if (last && isEmpty(next)) delete copy[key];
    else copy[key] = next;
    return copy;
  };
  return write(root, 0) as T;
}

/** A label in the current language; English falls back to Chinese where a template has none. */
export function loc(lang: Lang, zh: string, en?: string): string {
  return lang === 'en' && en ? en : zh;
}

export function pickLocalized(lang: Lang, m: Localized): string {
  return m[lang] ?? m['zh-CN'];
}

/** Errors at exactly `path`, and those below it (`basic.fields.1`, `pledge.stamp.file`). */
export function errorsAt(errors: readonly FieldError[], path: string, withChildren: boolean): FieldError[] {
  return errors.filter((e) => e.path === path || (withChildren && e.path.startsWith(`${path}.`)));
}

/** Drops the errors of a field and of everything below it: the field was just changed. */
export function withoutErrorsAt(errors: readonly FieldError[], path: string): FieldError[] {
  return errors.filter((e) => e.path !== path && !e.path.startsWith(`${path}.`) && !path.startsWith(`${e.path}.`));
}

/** Whether a field counts as filled in for the progress indicator. */
function filled(field: Field, value: unknown): boolean {
  if (field.kind === 'declaration') return value === true;
  if (field.kind === 'signature') return isObject(value) && !isEmpty(value.file) && !isEmpty(value.date);
  if (field.kind === 'group') return Array.isArray(value) && value.length >= Math.max(1, field.minItems ?? 1);
  if (field.kind === 'yearTable') {
    if (!isObject(value)) return false;
    return field.rows.every((r) => r.optional || field.years.every((y) => !isEmpty(getAt(value, `${r.id}.${y}`))));
  }
  return !isEmpty(value);
}

/** Sections the person fills in: the applicant's own, visible ones. */
export function sectionsFilledBy(template: FormTemplate, state: FormState, who: Section['filledBy']): Section[] {
  return template.sections.filter((s) => s.filledBy === who && state.sectionVisible(s));
}

/**
 * Required fields filled in / required fields in total, over the visible sections `who` fills
 * in. Hidden fields do not count; a group counts once (its inner required fields are checked on
 * submit), and so does a year table (filled when every non-optional cell is).
 */
export function progress(template: FormTemplate, answers: unknown, who: Section['filledBy'] = 'applicant'): { filled: number; total: number } {
  const state = new FormState(template, answers);
  let total = 0;
  let done = 0;
  for (const section of sectionsFilledBy(template, state, who)) {
    for (const field of section.fields) {
      const place: FieldPlace = { section };
      if (!field.required || field.kind === 'computed' || !state.fieldVisible(field, place)) continue;
      total++;
      if (filled(field, state.rawValue(field, place))) done++;
    }
  }
  return { filled: done, total };
}

/** 1.5 MB, 320 KB, 12 B: how a file size reads next to its name. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}

/** Whether a file name / MIME type is allowed by an accept list (".pdf", "image/*", "application/pdf"); empty allows all. */
export function acceptsFile(accept: readonly string[], name: string, type: string): boolean {
  const lower = name.toLowerCase();
  return (
    accept.length === 0 ||
    accept.some((a) => (a.startsWith('.') ? lower.endsWith(a.toLowerCase()) : a.endsWith('/*') ? type.startsWith(a.slice(0, -1)) : type === a))
  );
}
