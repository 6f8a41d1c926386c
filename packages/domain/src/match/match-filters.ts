import { regionByCode } from '../reference/regions.ts';
import { investmentStages, type InvestmentStage } from './match-profile.schema.ts';

// The hard filters of a match (field, stage, region). Each says matched, failed, or that it
// does not apply (one side says nothing about it): a failed filter excludes the pair, whatever
// the text says; one that does not apply is shown as such in the explanation.

export const matchFilterNames = ['field', 'stage', 'region'] as const;
export type MatchFilterName = (typeof matchFilterNames)[number];
export const matchFilterResults = ['matched', 'failed', 'not_applicable'] as const;
export type MatchFilterResult = (typeof matchFilterResults)[number];
/** `values`: the shared field ids, the stages that fit, the profile's regions that cover the technology's. */
export type MatchFilterCheck = { filter: MatchFilterName; result: MatchFilterResult; values: string[] };

/**
 * The investment stages a technology of a given TRL (技术就绪度 1–9) is typically financed at:
 * research and proof of concept (1–3) seed/angel, lab to pilot prototype (4–6) angel/A,
 * demonstration and a complete system (7–8) A/B, proven in operation (9) B and later. Our rule of
 * thumb for when a technology does not state its financing stage.
 */
export function stagesForTrl(trl: number): InvestmentStage[] {
  if (trl <= 3) return ['seed', 'angel'];
  if (trl <= 6) return ['angel', 'A'];
  if (trl <= 8) return ['A', 'B'];
  return ['B', 'C+', 'pre-IPO'];
}

/** Whether a region (a province covers its cities and counties, a city its counties) covers a code. */
export function regionCovers(area: string, code: string): boolean {
  const r = regionByCode(area);
  if (!r) return false;
  if (r.level === 'province') return code.slice(0, 2) === area.slice(0, 2);
  if (r.level === 'city') return code.slice(0, 4) === area.slice(0, 4);
  return code === area;
}

export function fieldCheck(a: readonly string[], b: readonly string[]): MatchFilterCheck {
  if (!a.length || !b.length) return { filter: 'field', result: 'not_applicable', values: [] };
  const shared = [...new Set(a)].filter((f) => b.includes(f));
  return { filter: 'field', result: shared.length ? 'matched' : 'failed', values: shared };
}

/** An investor's stages against the technology's financing stage, else its TRL. Null stages: not an investor. */
export function stageCheck(stages: readonly InvestmentStage[] | null, tech: { stage: InvestmentStage | null; trl: number | null }): MatchFilterCheck {
  const na: MatchFilterCheck = { filter: 'stage', result: 'not_applicable', values: [] };
  if (!stages?.length) return na;
  const fits = tech.stage ? [tech.stage] : tech.trl !== null ? stagesForTrl(tech.trl) : null;
  if (!fits) return na;
  const shared = investmentStages.filter((s) => fits.includes(s) && stages.includes(s));
  return { filter: 'stage', result: shared.length ? 'matched' : 'failed', values: shared };
}

/** The profile's regions (empty: 全国) against where the technology is. */
export function regionCheck(regions: readonly string[], code: string | null): MatchFilterCheck {
  if (!regions.length || !code) return { filter: 'region', result: 'not_applicable', values: [] };
  const covering = regions.filter((r) => regionCovers(r, code));
  return { filter: 'region', result: covering.length ? 'matched' : 'failed', values: covering };
}
