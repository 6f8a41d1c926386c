import { computeDerived } from '../form/compute.ts';
import { FormState, isPlainObject } from '../form/form-state.ts';
import type { FormTemplate } from '../form/form-template.schema.ts';

// What a rule reads when the form is known: the answers as the form shows them. A hidden
// field's answer counts as empty (as everywhere in the form engine), and computed fields and
// year-table averages hold their derived values — answers never store those, so a rule on a
// computed 研发投入占比 would otherwise read nothing, forever.

function setAt(target: Record<string, unknown>, path: string[], value: unknown): void {
  let at = target;
  for (let i = 0; i < path.length - 1; i++) {
    const next = at[path[i]];
    if (!next || typeof next !== 'object') at[path[i]] = /^\d+$/.test(path[i + 1]) ? [] : {};
    at = at[path[i]] as Record<string, unknown>;
  }
  at[path.at(-1)!] = value;
}

/** The answers with hidden fields removed and derived values filled in; other top-level keys (organization) are kept. */
export function effectiveAnswers(form: FormTemplate, answers: Record<string, unknown>): Record<string, unknown> {
  const state = new FormState(form, answers);
  const out: Record<string, unknown> = { ...answers };
  for (const section of form.sections) {
    if (!(section.id in answers)) continue;
    if (!state.sectionVisible(section)) {
      delete out[section.id];
      continue;
    }
    const values = state.sectionValues(section);
    const copy: Record<string, unknown> = {};
    for (const field of section.fields) {
      if (!state.fieldVisible(field, { section })) continue;
      const v = values[field.id];
      if (field.kind === 'group' && Array.isArray(v)) {
        copy[field.id] = v.map((item, index) => {
          if (!isPlainObject(item)) return item;
          const kept: Record<string, unknown> = {};
          for (const inner of field.fields) if (state.fieldVisible(inner, { section, group: field, index }) && inner.id in item) kept[inner.id] = item[inner.id];
          return kept;
        });
      } else if (field.kind === 'yearTable' && isPlainObject(v)) {
        copy[field.id] = Object.fromEntries(Object.entries(v).map(([row, cells]) => [row, isPlainObject(cells) ? { ...cells } : cells]));
      } else if (v !== undefined) copy[field.id] = v;
    }
    out[section.id] = copy;
  }
  for (const [path, value] of Object.entries(computeDerived(form, answers))) {
    if (value === null) continue;
    const parts = path.split('.');
    if (!(parts[0] in out)) out[parts[0]] = {};
    setAt(out, parts, value);
  }
  return out;
}
