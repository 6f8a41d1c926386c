import type { FormTemplate } from '../form/form-template.schema.ts';
import type { FormAnswers } from '../form/form-state.ts';
import { isFileRef } from '../form/file-refs.ts';

// Blind review (匿名评审): what an expert may see of an application. The identifying answers
// (whole sections or single fields the round lists) are removed from the form and the answers,
// and every identifying value (those answers, the organization's name and credit code, its
// contacts) is masked wherever else it appears — a summary that says "我公司XX" included.
// Uploaded files keep their content but lose their names. This runs on the server: the
// browser never receives what it must not show.

export const MASK = '■■■';

/** Strings shorter than this are not masked (a "1" or "是" would blank half the form). */
const MIN_MASKED = 2;

function strings(v: unknown, out: string[]): void {
  if (typeof v === 'string') out.push(v);
  else if (typeof v === 'number') out.push(String(v));
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
}

/** Masks every occurrence of the values, longest first (a name before its short form). */
export function masker(values: readonly (string | null | undefined)[]): (s: string) => string {
  const list = [...new Set(values.map((v) => (v ?? '').trim()).filter((v) => v.length >= MIN_MASKED))].sort((a, b) => b.length - a.length);
  if (!list.length) return (s) => s;
  const re = new RegExp(list.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return (s) => s.replace(re, MASK);
}

const extOf = (name: string) => (/\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? '').toLowerCase();

export type Redacted = {
  template: FormTemplate;
  answers: FormAnswers;
  /** The files still shown, by id, with the neutral name they are served under. */
  files: Map<string, string>;
  mask: (s: string) => string;
};

/**
 * The form and answers as a blind round's experts see them. `refs` are `section` or
 * `section.field`; `known` are identifying values from outside the answers (organization
 * name, credit code, contacts, the recommending unit).
 */
export function redactApplication(template: FormTemplate, answers: FormAnswers, refs: readonly string[], known: readonly (string | null | undefined)[]): Redacted {
  const wholeSections = new Set(refs.filter((r) => !r.includes('.')));
  const fieldsOf = new Map<string, Set<string>>();
  for (const r of refs) {
    const [section, field] = r.split('.');
    if (field) fieldsOf.set(section, (fieldsOf.get(section) ?? new Set()).add(field));
  }
  const removed: string[] = [];
  const kept: FormAnswers = {};
  for (const [sectionId, value] of Object.entries(answers ?? {})) {
    if (wholeSections.has(sectionId)) {
      strings(value, removed);
      continue;
    }
    const drop = fieldsOf.get(sectionId);
    const section: Record<string, unknown> = {};
    for (const [fieldId, v] of Object.entries(value ?? {})) {
      if (drop?.has(fieldId)) strings(v, removed);
      else section[fieldId] = v;
    }
    kept[sectionId] = section;
  }
  // Signatures and credit codes identify whatever section they sit in.
  const identifyingKinds = new Set(['signature', 'creditCode']);
  const sections = template.sections
    .filter((s) => !wholeSections.has(s.id))
    .map((s) => {
      const drop = fieldsOf.get(s.id);
      const fields = s.fields.filter((f) => {
        const gone = drop?.has(f.id) || identifyingKinds.has(f.kind);
        if (gone && kept[s.id]) {
          strings(kept[s.id][f.id], removed);
          delete kept[s.id][f.id];
        }
        return !gone;
      });
      return { ...s, fields };
    });
  const mask = masker([...removed, ...known]);
  const files = new Map<string, string>();
  let n = 0;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return mask(v);
    if (Array.isArray(v)) return v.map(walk);
    if (isFileRef(v)) {
      const name = `附件${++n}${extOf(v.name)}`;
      files.set(v.id, name);
      return { ...v, name };
    }
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  const out = walk(kept) as FormAnswers;
  // Files inside removed answers are not in `files`: they are not served at all.
  const strip = (t: FormTemplate): FormTemplate => ({
    ...t,
    title: mask(t.title),
    sections: sections.filter((s) => s.fields.length).map((s) => ({ ...s, fields: s.fields.map((f) => ({ ...f, label: mask(f.label) })) })) as FormTemplate['sections'],
  });
  return { template: strip(template), answers: out, files, mask };
}
