// The quality report the organizer sees after solving and after each hand edit: how close the
// assignment comes to the best conceivable, who is served worst, how even the loads are.

export type QualityInput = {
  applications: number;
  experts: number;
  /** Assigned pairs with their affinities. */
  app: ArrayLike<number>;
  expert: ArrayLike<number>;
  score: ArrayLike<number>;
  upperBound: number;
  /** Experts that count for the load figures (default: all). */
  activeExperts?: ArrayLike<number>;
  strongThreshold?: number | null;
};

export type AssignmentQuality = {
  totalAffinity: number;
  upperBound: number;
  /** totalAffinity as % of upperBound, one decimal; null when the bound is not positive. */
  percentOfUpperBound: number | null;
  worstServed: { app: number; totalAffinity: number; scores: number[] } | null;
  /** Percentiles (nearest rank) of each application's lowest reviewer affinity. */
  minAffinityP1: number | null;
  minAffinityP5: number | null;
  load: { min: number; max: number; mean: number; gini: number };
  /** Applications none of whose reviewers reaches the strong threshold. */
  withoutStrong: number[];
};

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: ArrayLike<number>, q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((q / 100) * sorted.length) - 1))];
}

/** Gini coefficient of non-negative values: 0 = all equal, towards 1 = one has everything. */
export function gini(values: ArrayLike<number>): number {
  const v = Array.from(values).sort((x, y) => x - y);
  const n = v.length;
  const sum = v.reduce((s, x) => s + x, 0);
  if (n === 0 || sum === 0) return 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) weighted += (i + 1) * v[i];
  return (2 * weighted) / (n * sum) - (n + 1) / n;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function assignmentQuality(q: QualityInput): AssignmentQuality {
  const A = q.applications;
  const scores: number[][] = Array.from({ length: A }, () => []);
  const load = new Int32Array(q.experts);
  let total = 0;
  for (let i = 0; i < q.app.length; i++) {
    scores[q.app[i]].push(q.score[i]);
    load[q.expert[i]]++;
    total += q.score[i];
  }
  let worst: AssignmentQuality['worstServed'] = null;
  const mins: number[] = [];
  const withoutStrong: number[] = [];
  const threshold = q.strongThreshold ?? null;
  for (let a = 0; a < A; a++) {
    const s = scores[a];
    if (!s.length) continue;
    const sum = s.reduce((x, y) => x + y, 0);
    if (!worst || sum < worst.totalAffinity) worst = { app: a, totalAffinity: sum, scores: [...s].sort((x, y) => y - x) };
    mins.push(Math.min(...s));
    if (threshold !== null && Math.max(...s) < threshold) withoutStrong.push(a);
  }
  mins.sort((x, y) => x - y);
  const active = q.activeExperts ? Array.from(q.activeExperts, (e) => load[e]) : Array.from(load);
  const sumLoad = active.reduce((x, y) => x + y, 0);
  return {
    totalAffinity: total,
    upperBound: q.upperBound,
    percentOfUpperBound: q.upperBound > 0 ? round((100 * total) / q.upperBound, 1) : null,
    worstServed: worst,
    minAffinityP1: percentile(mins, 1),
    minAffinityP5: percentile(mins, 5),
    load: {
      min: active.length ? Math.min(...active) : 0,
      max: active.length ? Math.max(...active) : 0,
      mean: active.length ? round(sumLoad / active.length, 2) : 0,
      gini: round(gini(active), 3),
    },
    withoutStrong,
  };
}
