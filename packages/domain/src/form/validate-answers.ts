import type { FieldError, Localized } from '../errors.ts';
import { checkLeafValue, FieldSets, type CheckContext } from './field-checks.ts';
import { resolveRef, type RefTarget } from './form-refs.ts';
import { FormState, isEmpty, isPlainObject, type FieldPlace, type RefResolver } from './form-state.ts';
import type { Field, FormTemplate, GroupField, Section } from './form-template.schema.ts';
import { formMessages as m } from './messages.ts';

// Validates an application's answers against the template it was filled against.
//
//   draft  — what autosave reports: types, formats, maxima, unknown ids. Nothing is required,
//            and completeness minimums (minChars, minItems, minSelected…) wait for submission.
//            A draft may hold such problems (it is stored, they are shown); only the `malformed`
//            ones (not answers of this form at all) keep it from being stored.
//   submit — everything: required fields, minimums, every cell of a required table, a ticked
//            declaration, a stamped page.
//
// Hidden fields (visibleIf false, or in a hidden section) are never required and their answers
// are ignored, whatever they hold: the applicant may have typed them before changing a choice.

export type ValidateMode = 'draft' | 'submit';
export type ValidateOptions = {
  mode: ValidateMode;
  /** Whose sections are being validated (default applicant); answers to the others' sections are errors. 'all' checks every section. */
  filledBy?: 'applicant' | 'recommender' | 'all';
};
/**
 * errors: every problem. malformed (present only when there are any): those of them that say the
 * answers are no answers of this form at all (not an object, an unknown section or field, a list
 * where one value goes, a broken file reference, someone else's section) — a draft holding the
 * others may be stored, one with these may not (see checkLeafValue's ctx.reject).
 */
export type ValidationResult = { ok: boolean; errors: FieldError[]; malformed?: FieldError[] };

function isAnswered(field: Field, v: unknown): boolean {
  // An unticked declaration is no answer: submitting requires the tick itself.
  return !isEmpty(v) && !(field.kind === 'declaration' && v === false);
}

function requiredMessage(field: Field): Localized {
  if (field.kind === 'declaration') return m.declaration();
  if (field.kind === 'signature') return m.signatureFile(field.signer, field.signerEn);
  if (field.kind === 'group' && field.minItems) return m.tooFewItems(field.minItems);
  return m.required();
}

/** A template's validation, with what it looks up worked out once: see compileFormValidator. */
export type FormValidator = (answers: unknown, opts: ValidateOptions) => ValidationResult;

/**
 * The validator of one template. Everything the checks look up in the template (which ids a
 * section or a group knows, a choice's values, where a condition's reference points) is
 * computed on first use and kept with the validator, so a caller that keeps the validator
 * with an immutable template (the server, per stored form version) pays for it once.
 */
export function compileFormValidator(template: FormTemplate): FormValidator {
  const sectionIds = new Set(template.sections.map((s) => s.id));
  const idSets = new Map<object, ReadonlySet<string>>();
  const idsOf = (owner: Section | GroupField): ReadonlySet<string> => {
    let ids = idSets.get(owner);
    if (!ids) idSets.set(owner, (ids = new Set(owner.fields.map((f) => f.id))));
    return ids;
  };
  const fieldSets = new FieldSets();
  const resolved = new Map<string, RefTarget | undefined>();
  const resolve: RefResolver = (t, scope, ref) => {
    const key = `${scope?.section.id ?? ''}\u0000${scope?.group?.id ?? ''}\u0000${ref}`;
    if (resolved.has(key)) return resolved.get(key);
    const target = resolveRef(t, scope, ref);
    resolved.set(key, target);
    return target;
  };
  return (answers, opts) => run(template, answers, opts, { sectionIds, idsOf, fieldSets, resolve });
}

/** Validates once; to validate the same template again and again, keep compileFormValidator's validator. */
export function validateAnswers(template: FormTemplate, answers: unknown, opts: ValidateOptions): ValidationResult {
  return compileFormValidator(template)(answers, opts);
}

type Lookups = {
  sectionIds: ReadonlySet<string>;
  idsOf: (owner: Section | GroupField) => ReadonlySet<string>;
  fieldSets: FieldSets;
  resolve: RefResolver;
};

function run(template: FormTemplate, answers: unknown, opts: ValidateOptions, look: Lookups): ValidationResult {
  const errors: FieldError[] = [];
  const malformed: FieldError[] = [];
  const push = (path: string, message: Localized) => errors.push({ path, message });
  const reject = (path: string, message: Localized) => {
    push(path, message);
    malformed.push({ path, message });
  };
  const ctx: CheckContext = { mode: opts.mode, push, reject, setsOf: look.fieldSets };
  const filledBy = opts.filledBy ?? 'applicant';
  const result = (): ValidationResult => ({ ok: errors.length === 0, errors, ...(malformed.length ? { malformed } : {}) });

  if (!isPlainObject(answers)) {
    reject('', m.notObject());
    return result();
  }
  const state = new FormState(template, answers, look.resolve);
  for (const key of Object.keys(answers)) if (!look.sectionIds.has(key)) reject(key, m.unknownSection());

  const checkField = (field: Field, place: FieldPlace, path: string) => {
    if (!state.fieldVisible(field, place)) return;
    const v = state.rawValue(field, place);
    if (field.kind === 'computed') {
      if (v !== undefined && v !== null) reject(path, m.computedGiven());
      return;
    }
    if (!isAnswered(field, v)) {
      if (opts.mode === 'submit' && field.required) push(path, requiredMessage(field));
      return;
    }
    if (field.kind !== 'group') return checkLeafValue(field, v, path, ctx);

    if (!Array.isArray(v)) return reject(path, m.wrongType('列表', 'a list'));
    if (field.maxItems !== undefined && v.length > field.maxItems) push(path, m.tooManyItems(field.maxItems));
    if (opts.mode === 'submit' && field.minItems !== undefined && v.length < field.minItems) push(path, m.tooFewItems(field.minItems));
    const innerIds = look.idsOf(field);
    v.forEach((item, index) => {
      const itemPath = `${path}.${index}`;
      if (!isPlainObject(item)) return reject(itemPath, m.wrongType('对象', 'an object'));
      for (const key of Object.keys(item)) if (!innerIds.has(key)) reject(`${itemPath}.${key}`, m.unknownField());
      for (const inner of field.fields) checkField(inner, { section: place.section, group: field, index }, `${itemPath}.${inner.id}`);
    });
  };

  for (const section of template.sections) {
    const raw = answers[section.id];
    if (raw !== undefined && raw !== null && !isPlainObject(raw)) {
      reject(section.id, m.notObject());
      continue;
    }
    if (filledBy !== 'all' && section.filledBy !== filledBy) {
      if (!isEmpty(raw)) reject(section.id, m.notYours(section.filledBy));
      continue;
    }
    // Unknown ids mean answers and template disagree, which matters even in a hidden section.
    const fieldIds = look.idsOf(section);
    for (const key of Object.keys(raw ?? {})) if (!fieldIds.has(key)) reject(`${section.id}.${key}`, m.unknownField());
    if (!state.sectionVisible(section)) continue;
    for (const field of section.fields) checkField(field, { section }, `${section.id}.${field.id}`);
  }
  return result();
}
