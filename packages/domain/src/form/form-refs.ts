import type { ComputedExpr, Condition, Field, FormTemplate, GroupField, Section } from './form-template.schema.ts';

// How a field reference in a condition or a computed expression is found, and the checks that
// make a template safe to evaluate (every reference resolves, nothing depends on itself).

/** Where a reference is written: a section, or one item of a group inside it. */
export type RefScope = { section: Section; group?: GroupField };

export type RefTarget =
  | { type: 'field'; section: Section; group?: GroupField; field: Field }
  | { type: 'cell'; section: Section; field: Extract<Field, { kind: 'yearTable' }>; row: string; column: number | 'average' };

/** The reserved value a condition uses to mean "the applicant chose 其他 and wrote their own". */
export const OTHER_VALUE = '__other__';
const OTHER = OTHER_VALUE;

type Found = { section: Section; group?: GroupField; field: Field };

function finish(found: Found | undefined, rest: string[]): RefTarget | undefined {
  if (!found) return undefined;
  if (rest.length === 0) return { type: 'field', ...found };
  const f = found.field;
  if (f.kind !== 'yearTable' || rest.length !== 2 || found.group) return undefined;
  if (!f.rows.some((r) => r.id === rest[0])) return undefined;
  if (rest[1] === 'average') return f.average ? { type: 'cell', section: found.section, field: f, row: rest[0], column: 'average' } : undefined;
  const year = Number(rest[1]);
  return f.years.includes(year) ? { type: 'cell', section: found.section, field: f, row: rest[0], column: year } : undefined;
}

/**
 * Resolves `ref` from `scope`: first as a field of the same group item, then of the same
 * section (`revenue`, `rd.staff.2021`), then as `section.field…` from the top.
 */
export function resolveRef(template: FormTemplate, scope: RefScope | undefined, ref: string): RefTarget | undefined {
  const parts = ref.split('.');
  const [head, ...rest] = parts;
  if (scope) {
    const inGroup = scope.group?.fields.find((f) => f.id === head);
    const relative = inGroup
      ? finish({ section: scope.section, group: scope.group, field: inGroup }, rest)
      : undefined;
    if (relative) return relative;
    const inSection = scope.section.fields.find((f) => f.id === head);
    const sibling = inSection ? finish({ section: scope.section, field: inSection }, rest) : undefined;
    if (sibling) return sibling;
  }
  if (parts.length < 2) return undefined;
  const section = template.sections.find((s) => s.id === head);
  const field = section?.fields.find((f) => f.id === rest[0]);
  return section && field ? finish({ section, field }, rest.slice(1)) : undefined;
}

/** A stable name for what a target depends on: `section.field`, `section.group.*.field`. */
export function targetKey(t: RefTarget): string {
  if (t.type === 'cell') return `${t.section.id}.${t.field.id}`;
  return t.group ? `${t.section.id}.${t.group.id}.*.${t.field.id}` : `${t.section.id}.${t.field.id}`;
}

export function exprRefs(e: ComputedExpr): string[] {
  return e.args.flatMap((a) => (typeof a === 'string' ? [a] : typeof a === 'number' ? [] : exprRefs(a)));
}

function isNumeric(t: RefTarget): boolean {
  if (t.type === 'cell') return t.column === 'average' || (t.field.rows.find((r) => r.id === t.row)?.type ?? 'number') === 'number';
  return t.field.kind === 'number' || t.field.kind === 'trl' || t.field.kind === 'computed';
}

export type TemplateIssue = { path: Array<string | number>; message: string };

function duplicates(ids: readonly (string | number)[]): Array<string | number> {
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function checkField(f: Field, path: Array<string | number>, issues: TemplateIssue[]): void {
  const bad = (message: string, at: Array<string | number> = []) => issues.push({ path: [...path, ...at], message });
  const order = (lo: number | undefined, hi: number | undefined, what: string) => {
    if (lo !== undefined && hi !== undefined && lo > hi) bad(`${what}: minimum is above maximum`);
  };
  switch (f.kind) {
    case 'text': return order(f.minChars, f.maxChars, 'minChars/maxChars');
    case 'number': return order(f.min, f.max, 'min/max');
    case 'date':
      for (const k of ['min', 'max'] as const) if (f[k] && !isRealDate(f[k])) bad(`${k}: not a calendar date`, [k]);
      if (f.min && f.max && f.min > f.max) bad('min/max: minimum is after maximum');
      return;
    case 'choice': {
      const values = f.options.map((o) => o.value);
      for (const v of duplicates(values)) bad(`duplicate option value "${v}"`, ['options']);
      if (values.includes(OTHER)) bad(`option value "${OTHER}" is reserved`, ['options']);
      if (!f.multiple && (f.minSelected ?? 0) > 1) bad('minSelected above 1 on a single choice');
      return order(f.minSelected, f.maxSelected, 'minSelected/maxSelected');
    }
    case 'yearTable':
      for (const id of duplicates(f.rows.map((r) => r.id))) bad(`duplicate row id "${id}"`, ['rows']);
      for (const y of duplicates(f.years)) bad(`duplicate year ${y}`, ['years']);
      f.rows.forEach((r, i) => {
        if (r.type === 'choice' && !r.options?.length) bad('a choice row needs options', ['rows', i]);
        order(r.min, r.max, `row ${r.id} min/max`);
      });
      for (const k of Object.keys(f.yearLabels ?? {})) if (!f.years.includes(Number(k))) bad(`yearLabels: ${k} is not one of the years`, ['yearLabels']);
      return;
    case 'file': return order(f.minFiles, f.maxFiles, 'minFiles/maxFiles');
    case 'industry':
      if (f.scheme === 'strategic-emerging-2018' && f.level === 'class') bad('the strategic-emerging scheme has no class level', ['level']);
      return;
    case 'group':
      for (const id of duplicates(f.fields.map((g) => g.id))) bad(`duplicate field id "${id}"`, ['fields']);
      f.fields.forEach((g, i) => {
        checkField(g, [...path, 'fields', i], issues);
        if ('prefill' in g && g.prefill) bad("prefill: only a section's own fields are filled in at creation, not a group's", ['fields', i, 'prefill']);
      });
      return order(f.minItems, f.maxItems, 'minItems/maxItems');
    default:
      return;
  }
}

type Node = { key: string; deps: string[]; path: Array<string | number> };

/** Every structural problem of a template; an empty list means it is safe to evaluate. */
export function checkTemplate(template: FormTemplate): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  for (const id of duplicates(template.sections.map((s) => s.id))) issues.push({ path: ['sections'], message: `duplicate section id "${id}"` });
  const nodes: Node[] = [];
  const refDeps = (scope: RefScope | undefined, ref: string, path: Array<string | number>, numeric: boolean): string[] => {
    const t = resolveRef(template, scope, ref);
    if (!t) issues.push({ path, message: `reference "${ref}" does not name a field` });
    else if (numeric && !isNumeric(t)) issues.push({ path, message: `reference "${ref}" is not a number` });
    return t ? [targetKey(t)] : [];
  };
  const condDeps = (scope: RefScope | undefined, c: Condition | undefined, path: Array<string | number>) =>
    c ? refDeps(scope, c.field, [...path, 'visibleIf', 'field'], false) : [];

  template.sections.forEach((section, si) => {
    const sPath = ['sections', si];
    const sKey = `section:${section.id}`;
    nodes.push({ key: sKey, deps: condDeps(undefined, section.visibleIf, sPath), path: sPath });
    for (const id of duplicates(section.fields.map((f) => f.id))) issues.push({ path: [...sPath, 'fields'], message: `duplicate field id "${id}"` });
    section.fields.forEach((field, fi) => {
      const fPath = [...sPath, 'fields', fi];
      checkField(field, fPath, issues);
      const key = `${section.id}.${field.id}`;
      const scope: RefScope = { section };
      const deps = [sKey, ...condDeps(scope, field.visibleIf, fPath)];
      if (field.kind === 'computed') deps.push(...exprRefs(field.expression).flatMap((r) => refDeps(scope, r, [...fPath, 'expression'], true)));
      nodes.push({ key, deps, path: fPath });
      if (field.kind !== 'group') return;
      field.fields.forEach((inner, ii) => {
        const iPath = [...fPath, 'fields', ii];
        const inScope: RefScope = { section, group: field };
        const innerDeps = [key, ...condDeps(inScope, inner.visibleIf, iPath)];
        if (inner.kind === 'computed') innerDeps.push(...exprRefs(inner.expression).flatMap((r) => refDeps(inScope, r, [...iPath, 'expression'], true)));
        nodes.push({ key: `${key}.*.${inner.id}`, deps: innerDeps, path: iPath });
      });
    });
  });
  issues.push(...findCycles(nodes));
  return issues;
}

function findCycles(nodes: Node[]): TemplateIssue[] {
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const state = new Map<string, 'open' | 'done'>();
  const issues: TemplateIssue[] = [];
  const visit = (n: Node, trail: string[]): void => {
    state.set(n.key, 'open');
    for (const d of n.deps) {
      const next = byKey.get(d);
      if (!next) continue;
      if (state.get(d) === 'open') issues.push({ path: n.path, message: `circular reference: ${[...trail, n.key, d].join(' → ')}` });
      else if (!state.has(d)) visit(next, [...trail, n.key]);
    }
    state.set(n.key, 'done');
  };
  for (const n of nodes) if (!state.has(n.key)) visit(n, []);
  return issues;
}
