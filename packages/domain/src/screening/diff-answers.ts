import type { Field, FormTemplate, LeafField, Section } from '../form/form-template.schema.ts';
import { OTHER_VALUE } from '../form/form-refs.ts';
import { formatRegion } from '../reference/regions.ts';
import { industryByCode } from '../reference/industry.ts';

// What changed between two submitted versions of an application, as a screener reads it:
// one line per answer that differs, with the field's place in the form and both values in
// words (option labels, place and industry names, file names) rather than stored codes.
// Pure, so the browser can diff a draft against the last returned version the same way.

export type AnswerChange = {
  /** `section.field`, `section.group.2.field` or `section.table.row.2021`. */
  path: string;
  /** 基本情况 / 注册资本, localized the form's way (Chinese first). */
  label: string;
  labelEn?: string;
  before: string;
  after: string;
};

type Answers = Record<string, unknown>;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** 1200.5 → "1200.5" with binary noise (0.1 + 0.2) trimmed. */
const num = (n: number) => String(Number(n.toPrecision(12)));

function optionText(options: { value: string; label: string }[] | undefined, v: unknown): string {
  if (isRecord(v) && 'other' in v) return `其他：${String(v.other ?? '')}`;
  if (v === OTHER_VALUE) return '其他';
  return options?.find((o) => o.value === v)?.label ?? String(v);
}

function fileText(v: unknown): string {
  if (!isRecord(v) || typeof v.name !== 'string') return JSON.stringify(v);
  // The size tells a replaced file from the same one when both carry the same name.
  return typeof v.size === 'number' ? `${v.name}（${Math.max(1, Math.round(v.size / 1024))} KB）` : v.name;
}

/** One answer in words; '' when empty. A value of an unexpected shape is shown as stored. */
export function displayValue(field: LeafField, value: unknown): string {
  if (isEmpty(value)) return '';
  const list = Array.isArray(value) ? value : [value];
  switch (field.kind) {
    case 'number':
      return typeof value === 'number' ? `${num(value)}${field.unit ? ` ${field.unit}` : ''}` : String(value);
    case 'choice':
      return list.map((v) => optionText(field.options, v)).join('、');
    case 'region':
      return typeof value === 'string' ? (formatRegion(value) ?? value) : JSON.stringify(value);
    case 'industry':
      return list.map((c) => (typeof c === 'string' ? `${industryByCode(c, field.scheme)?.name ?? ''}（${c}）` : JSON.stringify(c))).join('、');
    case 'trl':
      return `TRL ${String(value)}`;
    case 'file':
      return list.map(fileText).join('、');
    case 'declaration':
      return value === true ? '已承诺' : '未承诺';
    case 'signature':
      return isRecord(value) ? [value.file ? fileText(value.file) : '', typeof value.date === 'string' ? value.date : ''].filter(Boolean).join('，') : JSON.stringify(value);
    case 'yearTable':
      return JSON.stringify(value);
    default:
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  }
}

/** Stable text of a stored value, to tell "changed" from "same" whatever the key order. */
function canonical(field: LeafField, v: unknown): string {
  if (isEmpty(v)) return '';
  const sortKeys = (x: unknown): unknown =>
    Array.isArray(x) ? x.map(sortKeys) : isRecord(x) ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, sortKeys(x[k])])) : x;
  const value = sortKeys(v);
  // A multiple choice is a set: ticking the same options in another order is no change.
  if (field.kind === 'choice' && Array.isArray(value)) return JSON.stringify(value.map((x) => JSON.stringify(x)).sort());
  return JSON.stringify(value);
}

type Place = { path: string; label: string; labelEn?: string };
const join = (a: Place, id: string, label: string, labelEn?: string): Place => ({
  path: `${a.path}.${id}`,
  label: `${a.label} / ${label}`,
  // An English trail only where the form has English to start it (a section or field title).
  labelEn: a.labelEn !== undefined ? `${a.labelEn} / ${labelEn ?? label}` : undefined,
});

function change(out: AnswerChange[], place: Place, before: unknown, after: unknown, same: (v: unknown) => string, show: (v: unknown) => string): void {
  if (same(before) === same(after)) return;
  out.push({ path: place.path, label: place.label, ...(place.labelEn ? { labelEn: place.labelEn } : {}), before: show(before), after: show(after) });
}

function leafChange(out: AnswerChange[], place: Place, field: LeafField, before: unknown, after: unknown): void {
  if (field.kind === 'computed') return; // derived from other answers, whose changes are listed
  change(out, place, before, after, (v) => canonical(field, v), (v) => displayValue(field, v));
}

function yearTableChanges(out: AnswerChange[], place: Place, field: Extract<Field, { kind: 'yearTable' }>, before: unknown, after: unknown): void {
  const cell = (v: unknown, row: string, year: number) => (isRecord(v) && isRecord(v[row]) ? v[row][String(year)] : undefined);
  for (const row of field.rows) {
    const rowPlace = join(place, row.id, row.label, row.labelEn);
    const show = (v: unknown) => (isEmpty(v) ? '' : typeof v === 'number' ? `${num(v)}${row.unit ? ` ${row.unit}` : ''}` : optionText(row.options, v));
    for (const year of field.years) {
      const yearPlace = join(rowPlace, String(year), field.yearLabels?.[String(year)] ?? `${year}年`, String(year));
      change(out, yearPlace, cell(before, row.id, year), cell(after, row.id, year), (v) => (isEmpty(v) ? '' : JSON.stringify(v)), show);
    }
  }
}

function fieldChanges(out: AnswerChange[], section: Section, field: Field, before: Answers, after: Answers): void {
  const top: Place = { path: section.id, label: section.title, labelEn: section.titleEn ?? (field.labelEn ? section.title : undefined) };
  const place = join(top, field.id, field.label, field.labelEn);
  const b = before[field.id];
  const a = after[field.id];
  if (field.kind === 'group') {
    const items = (v: unknown) => (Array.isArray(v) ? v : []);
    const count = Math.max(items(b).length, items(a).length);
    for (let i = 0; i < count; i++) {
      const item = field.itemLabel ? `${field.itemLabel} ${i + 1}` : `第${i + 1}项`;
      const itemPlace = join(place, String(i), item, `#${i + 1}`);
      const bi = isRecord(items(b)[i]) ? (items(b)[i] as Answers) : {};
      const ai = isRecord(items(a)[i]) ? (items(a)[i] as Answers) : {};
      for (const sub of field.fields) leafChange(out, join(itemPlace, sub.id, sub.label, sub.labelEn), sub, bi[sub.id], ai[sub.id]);
    }
    return;
  }
  if (field.kind === 'yearTable') return yearTableChanges(out, place, field, b, a);
  leafChange(out, place, field, b, a);
}

/** Every answer that differs between `before` and `after`, in the form's order. */
export function diffAnswers(form: FormTemplate, before: Answers, after: Answers): AnswerChange[] {
  const out: AnswerChange[] = [];
  for (const section of form.sections) {
    const b = isRecord(before[section.id]) ? (before[section.id] as Answers) : {};
    const a = isRecord(after[section.id]) ? (after[section.id] as Answers) : {};
    for (const field of section.fields) fieldChanges(out, section, field, b, a);
  }
  return out;
}

/** The answer at `section.field` in words (for showing what a rule read), or undefined if no such field. */
export function displayAnswerAt(form: FormTemplate, answers: Answers, path: string): string | undefined {
  const [sectionId, fieldId, ...rest] = path.split('.');
  if (rest.length) return undefined;
  const field = form.sections.find((s) => s.id === sectionId)?.fields.find((f) => f.id === fieldId);
  if (!field || field.kind === 'group') return undefined;
  const section = answers[sectionId];
  return displayValue(field, isRecord(section) ? section[fieldId] : undefined);
}
