import type { CountRow, Dashboard } from '../api/dashboard.api.ts';
import type { ProgramDetail } from '../api/programs.api.ts';

// The dashboard's labels come from the server in Chinese; the keys say what each row is, so the
// chart names it in the reader's language: tracks and channels by the definition's English names,
// the special slices ('direct', 'no-unit', 'unassigned', no unit) by the dictionary. Regions and
// unit names have no English and stay as they are.

type Def = ProgramDetail['definition'];
export type SpecialLabels = { direct: string; noUnit: string; unassigned: string; notUnit: string };

const relabel = (rows: CountRow[], name: (r: CountRow) => string | undefined): CountRow[] => rows.map((r) => ({ ...r, label: name(r) ?? r.label }));

export function localizedDashboard(d: Dashboard, def: Def, en: boolean, special: SpecialLabels): Dashboard {
  const trackEn = new Map(def.tracks.map((t) => [t.id, t.nameEn]));
  const channelEn = new Map((def.recommendation?.channels ?? []).map((c) => [c.id, c.nameEn]));
  const fixed: Record<string, string> = { direct: special.direct, 'no-unit': special.noUnit, unassigned: special.unassigned };
  return {
    ...d,
    byTrack: en ? relabel(d.byTrack, (r) => trackEn.get(r.key)) : d.byTrack,
    byChannel: relabel(d.byChannel, (r) => fixed[r.key] ?? (en ? channelEn.get(r.key) : undefined)),
    byUnit: d.byUnit ? relabel(d.byUnit, (r) => (r.key === '' ? special.notUnit : undefined)) : null,
  };
}

/**
 * Axis labels wrap onto a second line rather than being cut ("…"): `width` is where ECharts breaks
 * the line, and the grid's containLabel makes room for whatever the labels then need.
 */
export const wrappedAxisLabel = (width: number) => ({ width, overflow: 'break' as const, lineHeight: 14 });

/** The row height a horizontal bar chart needs for labels wrapped onto two lines. */
export const BAR_ROW_HEIGHT = 34;
