import type { Condition, Field, FormTemplate, GroupField, Section } from './form-template.schema.ts';
import { OTHER_VALUE, resolveRef, type RefScope, type RefTarget } from './form-refs.ts';

// The answers of one application read through its template: which sections and fields are
// visible, and what a reference in a condition or expression currently holds. A hidden field's
// answer counts as empty everywhere, so hiding a field can never leave a stale value in force.

export type FormAnswers = Record<string, Record<string, unknown>>;

/** Where a field sits: a section, or item `index` of a group in it. */
export type FieldPlace = { section: Section; group?: GroupField; index?: number };

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** No answer yet: nothing, blank text, an empty list or an empty object. */
export function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  if (isPlainObject(v)) return Object.keys(v).length === 0;
  return false;
}

/** The scalar values a condition compares: option values, with 其他 as OTHER_VALUE. */
function comparable(v: unknown): Array<string | number | boolean> {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return [v];
  if (Array.isArray(v)) return v.flatMap(comparable);
  if (isPlainObject(v) && 'other' in v) return [OTHER_VALUE];
  return [];
}

/** How a reference is resolved; a compiled validator passes a memoised resolveRef. */
export type RefResolver = (template: FormTemplate, scope: RefScope | undefined, ref: string) => RefTarget | undefined;

export class FormState {
  private readonly visibility = new Map<string, boolean>();
  private readonly evaluating = new Set<string>();

  constructor(
    readonly template: FormTemplate,
    readonly answers: unknown,
    private readonly resolve: RefResolver = resolveRef,
  ) {}

  /** The raw answers of a section ({} when missing or malformed). */
  sectionValues(section: Section): Record<string, unknown> {
    const all = isPlainObject(this.answers) ? this.answers : {};
    const v = all[section.id];
    return isPlainObject(v) ? v : {};
  }

  /** The raw answer of a field at a place, hidden or not. */
  rawValue(field: Field, place: FieldPlace): unknown {
    if (!place.group) return this.sectionValues(place.section)[field.id];
    const items = this.sectionValues(place.section)[place.group.id];
    const item = Array.isArray(items) && place.index !== undefined ? items[place.index] : undefined;
    return isPlainObject(item) ? item[field.id] : undefined;
  }

  sectionVisible(section: Section): boolean {
    return this.memo(`section:${section.id}`, () => this.holds(section.visibleIf, undefined));
  }

  fieldVisible(field: Field, place: FieldPlace): boolean {
    // Built by hand rather than filter/join: this runs for every field of every validation.
    const g = place.group;
    const key = g ? (place.index !== undefined ? `${place.section.id}.${g.id}.${place.index}.${field.id}` : `${place.section.id}.${g.id}.${field.id}`) : `${place.section.id}.${field.id}`;
    return this.memo(key, () => {
      if (!this.sectionVisible(place.section)) return false;
      if (place.group && !this.fieldVisible(place.group, { section: place.section })) return false;
      return this.holds(field.visibleIf, place);
    });
  }

  /** The answer as the rest of the form sees it: undefined when the field is hidden. */
  effectiveValue(field: Field, place: FieldPlace): unknown {
    return this.fieldVisible(field, place) ? this.rawValue(field, place) : undefined;
  }

  /** Resolves a reference written at `place` to its target and the place the target's value lives. */
  locate(ref: string, place: FieldPlace | undefined): { target: RefTarget; place: FieldPlace } | undefined {
    const target = this.resolve(this.template, place && { section: place.section, group: place.group }, ref);
    if (!target) return undefined;
    const group = target.type === 'field' ? target.group : undefined;
    return { target, place: group ? { section: target.section, group, index: place?.index } : { section: target.section } };
  }

  private holds(c: Condition | undefined, place: FieldPlace | undefined): boolean {
    if (!c) return true;
    const hit = this.locate(c.field, place);
    // A reference that does not resolve cannot be satisfied; checkTemplate reports it.
    if (!hit || hit.target.type !== 'field') return false;
    const value = this.effectiveValue(hit.target.field, hit.place);
    if ('notEmpty' in c) return !isEmpty(value) && value !== false;
    const values = comparable(value);
    if ('equals' in c) return values.includes(c.equals);
    return values.some((v) => c.in.includes(v));
  }

  private memo(key: string, compute: () => boolean): boolean {
    const known = this.visibility.get(key);
    if (known !== undefined) return known;
    // A cycle (only possible in a template that skipped FormTemplateSchema) hides the field.
    if (this.evaluating.has(key)) return false;
    this.evaluating.add(key);
    const result = compute();
    this.evaluating.delete(key);
    this.visibility.set(key, result);
    return result;
  }
}
