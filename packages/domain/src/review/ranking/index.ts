// Score aggregation and ranking for expert review (design: REVIEW.md, Aggregation).
export * from './types.ts';
export { RankingOptionsSchema } from './input.ts';
export { rankReviews } from './rank.ts';
export { tieBreakChain } from './tie-break.ts';
export { methodExplanation } from './explanation.ts';
export { kendallTau } from './kendall.ts';
export { compareMethods, seededRandom, simulatePanel, type MethodTaus, type PanelSettings, type SimulatedPanel } from './simulate.ts';
