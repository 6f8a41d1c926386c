// Ranking a round (packages/domain/src/review/ranking) on a seeded simulated panel of 20,000
// applications × 3 reviews (60,000 reviews, 2,000 experts in 40 fields), in-process. A
// "request" is one rankReviews call. Baseline: the plain per-application mean in one pass
// over the same reviews, the floor of any method. Aim (issue 9): calibrated ≤ 1 s. The
// calibrated run also logs Kendall τ to the truth per method at 3 and 5 reviews.
import { compareMethods, rankReviews, simulatePanel, type RankingMethod, type ScoredReview } from '@lvping/domain';
import type { Scenario } from '../scenario.ts';
import { envInt, timeRuns, toMeasurement } from './timed-runs.ts';

const GROUP = 'ranking';
const panel = () => simulatePanel({ apps: 20_000, reviewsPerApp: 3, seed: 4, fields: 40, expertsPerField: 50 }).reviews;

function plainMean(reviews: readonly ScoredReview[]): Map<string, number> {
  const sum = new Map<string, [number, number]>();
  for (const r of reviews) {
    const s = sum.get(r.app) ?? [0, 0];
    s[0] += r.score;
    s[1]++;
    sum.set(r.app, s);
  }
  return new Map([...sum].map(([k, [s, n]]) => [k, s / n]));
}

function scenario(method: RankingMethod | 'baseline'): Scenario<ScoredReview[]> {
  const isBaseline = method === 'baseline';
  return {
    name: isBaseline ? 'plain mean in one pass, 60k reviews' : `rank 60k reviews, ${method}`,
    engine: 'domain',
    group: GROUP,
    isBaseline,
    aim: method === 'calibrated' ? { maxP99Ms: 1_000 } : undefined,
    setup: async () => panel(),
    async run(reviews, ctx) {
      const fn = isBaseline ? async () => plainMean(reviews) : async () => rankReviews(reviews, { method });
      const samples = await timeRuns(fn, envInt('BENCH_RANK_RUNS', 5), 1, ctx.signal);
      if (method === 'calibrated') {
        for (const k of [3, 5]) {
          const t = compareMethods(simulatePanel({ apps: 2_000, reviewsPerApp: k, seed: 1 }));
          ctx.log(`Kendall τ at ${k} reviews: oracle ${t.oracle.toFixed(3)}, calibrated ${t.calibrated.toFixed(3)}, z-score ${t.zScore.toFixed(3)}, mean ${t.mean.toFixed(3)}, trimmed ${t.trimmed.toFixed(3)}`);
        }
      }
      return toMeasurement(samples);
    },
  };
}

export const rankingBaseline = scenario('baseline');
export const rankingScenarios = [scenario('calibrated'), scenario('mean'), scenario('trimmed')];
