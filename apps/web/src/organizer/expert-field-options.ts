// The fields an expert may name (目录 categories and every program's tracks) as Select options:
// one option per id, grouped by kind. A track id several programs share carries all its names.
import type { FieldChoice } from '../api/experts.api.ts';

export type FieldOption = { value: string; label: string };
export type FieldGroups = { catalogue: FieldOption[]; track: FieldOption[] };

export function fieldGroups(fields: readonly FieldChoice[]): FieldGroups {
  const names = new Map<string, { kind: FieldChoice['kind']; names: string[] }>();
  for (const f of fields) {
    const seen = names.get(f.id);
    if (!seen) names.set(f.id, { kind: f.kind, names: [f.name] });
    else if (!seen.names.includes(f.name)) seen.names.push(f.name);
  }
  const groups: FieldGroups = { catalogue: [], track: [] };
  for (const [id, f] of names) groups[f.kind].push({ value: id, label: f.names.join(' / ') });
  return groups;
}

/** Options for an antd Select, with group titles in the current language. */
export function fieldSelectOptions(groups: FieldGroups, titles: { catalogue: string; track: string }) {
  return [
    { label: titles.catalogue, title: titles.catalogue, options: groups.catalogue },
    { label: titles.track, title: titles.track, options: groups.track },
  ].filter((g) => g.options.length > 0);
}
