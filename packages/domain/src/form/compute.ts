import type { ComputedExpr, Field, FormTemplate } from './form-template.schema.ts';
import { FormState, isPlainObject, type FieldPlace } from './form-state.ts';
import type { RefTarget } from './form-refs.ts';

// Derived values: the 平均值 column of year tables and computed fields. Interpreted from a
// small expression tree (sum, avg, difference, ratio) — never eval — so a template is data only.
// A missing input gives null rather than a guess: a derived number shown to reviewers must
// come from complete answers. Division by zero is null too.

/** Derived values by dotted path: `finance.rd.revenue.average`, `finance.rdIntensity`, `team.members.0.total`. */
export type DerivedValues = Record<string, number | null>;

/** Rounds half away from zero at `decimals`, correcting the binary error of x * 10^d first. */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const scaled = Number((Math.abs(x) * f).toPrecision(15));
  return (Math.sign(x) * Math.round(scaled)) / f + 0; // + 0 turns −0 into 0
}

function asNumber(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

type YearTable = Extract<Field, { kind: 'yearTable' }>;

/** Mean of the filled cells of a numeric row, unrounded; null when none is filled. */
export function rowAverage(table: YearTable, rowId: string, value: unknown): number | null {
  const row = isPlainObject(value) ? value[rowId] : undefined;
  if (!isPlainObject(row)) return null;
  const nums = table.years.map((y) => asNumber(row[String(y)])).filter((n): n is number => n !== null);
  return nums.length ? nums.reduce((a, b) => a + b, 0) / nums.length : null;
}

class Evaluator {
  private readonly cache = new Map<string, number | null>();
  private readonly active = new Set<string>();

  constructor(readonly state: FormState) {}

  value(field: Field, place: FieldPlace): number | null {
    if (!this.state.fieldVisible(field, place)) return null;
    if (field.kind !== 'computed') return asNumber(this.state.rawValue(field, place));
    const key = [place.section.id, place.group?.id, place.index, field.id].join('.');
    if (this.cache.has(key)) return this.cache.get(key) ?? null;
    if (this.active.has(key)) return null; // a cycle; FormTemplateSchema rejects these
    this.active.add(key);
    const raw = this.expr(field.expression, place);
    this.active.delete(key);
    const result = raw === null ? null : raw * field.scale;
    this.cache.set(key, result);
    return result;
  }

  private target(t: RefTarget, place: FieldPlace): number | null {
    if (t.type === 'field') return this.value(t.field, place);
    const visible = this.state.fieldVisible(t.field, place);
    const table = visible ? this.state.rawValue(t.field, place) : undefined;
    if (t.column === 'average') return rowAverage(t.field, t.row, table);
    const row = isPlainObject(table) ? table[t.row] : undefined;
    return isPlainObject(row) ? asNumber(row[String(t.column)]) : null;
  }

  private expr(e: ComputedExpr, place: FieldPlace): number | null {
    const args: Array<number | null> = e.args.map((a) => {
      if (typeof a === 'number') return a;
      if (typeof a !== 'string') return this.expr(a, place);
      const hit = this.state.locate(a, place);
      return hit ? this.target(hit.target, hit.place) : null;
    });
    if (args.some((a) => a === null)) return null;
    const n = args as number[];
    switch (e.op) {
      case 'sum':
        return n.reduce((a, b) => a + b, 0);
      case 'avg':
        return n.reduce((a, b) => a + b, 0) / n.length;
      case 'difference':
        return n[0] - n[1];
      case 'ratio':
        return n[1] === 0 ? null : n[0] / n[1];
    }
  }
}

/** Every derived value of visible fields (hidden ones are left out), rounded for display. */
export function computeDerived(template: FormTemplate, answers: unknown): DerivedValues {
  const state = new FormState(template, answers);
  const ev = new Evaluator(state);
  const out: DerivedValues = {};
  for (const section of template.sections) {
    if (!state.sectionVisible(section)) continue;
    const values = state.sectionValues(section);
    for (const field of section.fields) {
      const place: FieldPlace = { section };
      if (!state.fieldVisible(field, place)) continue;
      const path = `${section.id}.${field.id}`;
      if (field.kind === 'yearTable' && field.average) {
        for (const row of field.rows) {
          if (row.type !== 'number') continue;
          const avg = rowAverage(field, row.id, values[field.id]);
          out[`${path}.${row.id}.average`] = avg === null ? null : roundTo(avg, field.decimals);
        }
      } else if (field.kind === 'computed') {
        const v = ev.value(field, place);
        out[path] = v === null ? null : roundTo(v, field.decimals);
      } else if (field.kind === 'group') {
        const items = values[field.id];
        const count = Array.isArray(items) ? items.length : 0;
        for (let index = 0; index < count; index++) {
          for (const inner of field.fields) {
            if (inner.kind !== 'computed') continue;
            const at: FieldPlace = { section, group: field, index };
            if (!state.fieldVisible(inner, at)) continue;
            const v = ev.value(inner, at);
            out[`${path}.${index}.${inner.id}`] = v === null ? null : roundTo(v, inner.decimals);
          }
        }
      }
    }
  }
  return out;
}
