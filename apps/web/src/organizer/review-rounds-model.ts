// Pure views for the 评审 tab: a program's rounds as its definition states them, which round takes
// its entrants from which, the advance selection against the proposal, and numbers as shown.
import type { ProgramDetail } from '../api/programs.api.ts';
import type { RankingFlag } from '../api/review.api.ts';
import type { Lang } from '../i18n/i18n.tsx';

type Definition = ProgramDetail['definition'];
type DefinedRound = NonNullable<Definition['review']>['rounds'][number];
export type EntryRule = DefinedRound['entry'];

export type RoundInfo = {
  id: string;
  index: number;
  /** The phase's name (what the server calls the round too). */
  name: string;
  nameEn: string | null;
  /** The phase's kind: preliminary, site_visit, roadshow, final; null when the phase is missing. */
  kind: string | null;
  blind: boolean;
  entry: EntryRule;
  aggregation: DefinedRound['aggregation'];
};

/** The rounds of a program in order; none when the definition has no review rounds. */
export function roundsOf(def: Definition): RoundInfo[] {
  return (def.review?.rounds ?? []).map((r, index) => {
    const phase = def.phases.find((p) => p.id === r.phase);
    return {
      id: r.id, index, name: phase?.name ?? r.id, nameEn: phase?.nameEn ?? null, kind: phase?.kind ?? null,
      blind: r.blind ?? false, entry: r.entry ?? { kind: 'all' }, aggregation: r.aggregation ?? 'calibrated',
    };
  });
}

export const roundName = (r: Pick<RoundInfo, 'name' | 'nameEn'>, lang: Lang) => (lang === 'en' && r.nameEn ? r.nameEn : r.name);

/** The round an entry rule takes from: its `from`, else the one listed before (the server's rule). */
export function sourceOf(rounds: RoundInfo[], index: number): RoundInfo | null {
  const from = rounds[index].entry.from;
  return from ? rounds.find((r) => r.id === from) ?? null : index > 0 ? rounds[index - 1] : null;
}

/** The later round whose entrants come from this one: where 晋级 leads. */
export function nextRoundOf(rounds: RoundInfo[], round: RoundInfo): RoundInfo | null {
  for (let i = round.index + 1; i < rounds.length; i++) if (sourceOf(rounds, i)?.id === round.id) return rounds[i];
  return null;
}

/** What the organizer's list changes against the rule's proposal. */
export function selectionDiff(proposed: ReadonlySet<string>, selected: ReadonlySet<string>): { added: string[]; removed: string[] } {
  return { added: [...selected].filter((id) => !proposed.has(id)), removed: [...proposed].filter((id) => !selected.has(id)) };
}

/** 0.8734 → "87.3%"; null → "—". */
export function percent(p: number | null): string {
  if (p === null) return '—';
  return `${Math.round(p * 1000) / 10}%`;
}

/** Fixed decimals without a trailing "-0". */
export function fixed(x: number | null, digits = 2): string {
  if (x === null || !Number.isFinite(x)) return '—';
  const r = Math.round(x * 10 ** digits) / 10 ** digits;
  return (r === 0 ? 0 : r).toFixed(digits);
}

/** A leniency offset with its sign: "+1.25", "−0.40", "0.00". */
export function signed(x: number, digits = 2): string {
  const s = fixed(x, digits);
  return x > 0 && s !== fixed(0, digits) ? `+${s}` : s.replace('-', '−');
}

/** Flags that concern one application: more reviewers is the remedy. */
export const needsReviewer = (f: RankingFlag) => f.applicationId !== null && ['app-disagreement', 'app-few-reviews', 'app-single-review'].includes(f.kind);


/** A table's pagination: one page of `size` rows at most, none while every row fits on it. */
export const pagedOver = (rows: number, size: number) => (rows > size ? { pageSize: size, showSizeChanger: false } : false);
