import { greenCatalogueField } from '../reference/green-catalogue.ts';
import { buildAffinity, type AffinityApplication, type AffinityExpert } from '../review/affinity.ts';
import { fieldCheck, regionCheck, stageCheck, type MatchFilterCheck, type MatchFilterName } from './match-filters.ts';
import type { InvestmentStage, MatchProfileKind } from './match-profile.schema.ts';

// 供需匹配: a published technology against the investors, banks, buyers and needs that fit, and
// the other way round. Ranked by the affinity scorer of expert assignment (BM25 over the texts
// plus a bonus for a shared field) after the hard filters (field, stage, region); every match
// carries why: the shared terms, each filter's result, and for a bank the products that fit.

export type MatchTechnology = {
  id: string;
  name: string;
  /** 适用范围、核心技术工艺、主要技术参数、综合效益、典型案例…: matched as text. */
  texts: string[];
  fieldIds: string[];
  trl: number | null;
  /** The financing stage the owner states, when it does (it wins over the TRL). */
  stage: InvestmentStage | null;
  regionCode: string | null;
};

export const matchCounterpartKinds = ['investor', 'bank', 'buyer', 'need'] as const;
export type MatchCounterpartKind = MatchProfileKind | 'need';
/** One way a counterpart can fit: a bank's product, or the profile (or need) as a whole. */
export type MatchFacet = { name: string | null; fieldIds: string[]; regions: string[] };
export type MatchCounterpart = {
  id: string;
  kind: MatchCounterpartKind;
  name: string;
  texts: string[];
  /** Investors' stages; null for every other kind. */
  stages: InvestmentStage[] | null;
  /** A bank: one facet per product; otherwise one, the profile's own fields and regions. */
  facets: MatchFacet[];
};

export type MatchExplanation = {
  score: number;
  textScore: number;
  fieldBonus: number;
  sharedTerms: string[];
  filters: MatchFilterCheck[];
  /** A bank's products that fit (empty for the other kinds). */
  products: string[];
};
export type Match<T> = { item: T; explanation: MatchExplanation };
/** Why a candidate is not in the list: the filters it failed (none: nothing in common at all). */
export type MatchExclusion = { id: string; failed: MatchFilterName[] };
export type MatchResult<T> = { matches: Match<T>[]; excluded: MatchExclusion[] };

const EXPLAIN_TERMS = 8;

const fieldTexts = (ids: readonly string[]) => ids.flatMap((id) => {
  const f = greenCatalogueField(id);
  return f ? [`${f.name} ${f.gloss}`] : [];
});
const counterpartFieldIds = (c: MatchCounterpart) => [...new Set(c.facets.flatMap((f) => f.fieldIds))];

/** The hard filters of one pair: the best-fitting facet's checks, or the failures when none fits. */
export function pairFilters(tech: MatchTechnology, c: MatchCounterpart): { pass: boolean; checks: MatchFilterCheck[]; products: string[] } {
  const stage = stageCheck(c.stages, tech);
  const perFacet = c.facets.map((f) => ({ f, checks: [fieldCheck(tech.fieldIds, f.fieldIds), stage, regionCheck(f.regions, tech.regionCode)] }));
  const passing = perFacet.filter((p) => p.checks.every((x) => x.result !== 'failed'));
  if (!passing.length) {
    // Report the facet that came closest (fewest failures), so the reason is the nearest miss.
    const failures = (p: (typeof perFacet)[number]) => p.checks.filter((x) => x.result === 'failed').length;
    const nearest = perFacet.reduce<(typeof perFacet)[number] | undefined>((best, p) => (!best || failures(p) < failures(best) ? p : best), undefined);
    return { pass: false, checks: nearest?.checks ?? [stage], products: [] };
  }
  const matched = (p: (typeof passing)[number]) => p.checks.filter((x) => x.result === 'matched').length;
  const best = passing.reduce((a, p) => (matched(p) > matched(a) ? p : a));
  return { pass: true, checks: best.checks, products: c.kind === 'bank' ? passing.flatMap((p) => (p.f.name ? [p.f.name] : [])) : [] };
}

function rank<D>(
  query: AffinityApplication,
  docs: readonly D[],
  doc: (d: D) => AffinityExpert,
  pair: (d: D) => ReturnType<typeof pairFilters>,
  id: (d: D) => string,
  name: (d: D) => string,
): MatchResult<D> {
  const affinity = buildAffinity([query], docs.map(doc));
  const matches: Match<D>[] = [];
  const excluded: MatchExclusion[] = [];
  docs.forEach((d, i) => {
    const filters = pair(d);
    if (!filters.pass) {
      excluded.push({ id: id(d), failed: filters.checks.filter((c) => c.result === 'failed').map((c) => c.filter) });
      return;
    }
    const e = affinity.explain(0, i);
    if (e.score <= 0) {
      excluded.push({ id: id(d), failed: [] });
      return;
    }
    matches.push({
      item: d,
      explanation: { score: e.score, textScore: e.textScore, fieldBonus: e.fieldBonus, sharedTerms: e.sharedTerms.slice(0, EXPLAIN_TERMS).map((t) => t.term), filters: filters.checks, products: filters.products },
    });
  });
  matches.sort((a, b) => b.explanation.score - a.explanation.score || name(a.item).localeCompare(name(b.item), 'zh-CN') || id(a.item).localeCompare(id(b.item)));
  return { matches, excluded };
}

/** For a published technology: the profiles and needs that fit, best first. */
export function matchesForTechnology(tech: MatchTechnology, counterparts: readonly MatchCounterpart[]): MatchResult<MatchCounterpart> {
  return rank(
    { texts: [tech.name, ...tech.texts], fieldIds: tech.fieldIds },
    counterparts,
    (c) => ({ fieldIds: counterpartFieldIds(c), fieldTexts: fieldTexts(counterpartFieldIds(c)), keywords: [], bio: [c.name, ...c.texts].join('\n') }),
    (c) => pairFilters(tech, c),
    (c) => c.id,
    (c) => c.name,
  );
}

/** For a profile or a need: the published technologies that fit, best first. */
export function matchesForCounterpart(counterpart: MatchCounterpart, techs: readonly MatchTechnology[]): MatchResult<MatchTechnology> {
  return rank(
    { texts: counterpart.texts, fieldIds: counterpartFieldIds(counterpart) },
    techs,
    (t) => ({ fieldIds: t.fieldIds, fieldTexts: fieldTexts(t.fieldIds), keywords: [], bio: [t.name, ...t.texts].join('\n') }),
    (t) => pairFilters(t, counterpart),
    (t) => t.id,
    (t) => t.name,
  );
}
