import { kendallTau } from './kendall.ts';
import { rankReviews } from './rank.ts';
import type { ScoredReview } from './types.ts';

// Seeded review panels with a known truth, to measure how well each method recovers the
// true order (design doc REVIEW.md, Aggregation). The setting of the doc: experts' leniency
// varies as much as the noise, and each application's panel is drawn mostly from its own
// field's experts, so leniency does not average out over a panel, while the few reviews
// across fields keep the review graph connected.
//
// score = base + points·(leniency_e + scale_e·quality_a + noise), quality, leniency and
// noise normal with the given sds (in units of `points`), scale_e = exp(N(0, scaleLogSd)).

export type PanelSettings = {
  apps: number;
  reviewsPerApp: number;
  seed: number;
  /** Default 8 fields × 12 experts. */
  fields?: number;
  expertsPerField?: number;
  /** Share of a panel's places filled from the application's own field (default 0.85; the rest from anyone). */
  inFieldShare?: number;
  qualitySd?: number;
  noiseSd?: number;
  /** Default 1: as much as the noise. */
  leniencySd?: number;
  /** Default 0: every expert uses the scale alike. */
  scaleLogSd?: number;
  base?: number;
  points?: number;
};

export type SimulatedPanel = {
  reviews: ScoredReview[];
  /** True quality by application id (units of points). */
  quality: Map<string, number>;
  /** True leniency (in score points) and scale by expert id. */
  leniency: Map<string, number>;
  scale: Map<string, number>;
  /** Score points per unit and the base, to put an oracle's estimate on the score scale. */
  base: number;
  points: number;
};

/** mulberry32: a small, fast, seeded generator; the same seed gives the same panel everywhere. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normalFrom(rand: () => number): () => number {
  return () => {
    const u = 1 - rand(); // (0, 1]
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
}

export function simulatePanel(p: PanelSettings): SimulatedPanel {
  const F = p.fields ?? 8;
  const perField = p.expertsPerField ?? 12;
  const share = p.inFieldShare ?? 0.85;
  const base = p.base ?? 70;
  const points = p.points ?? 10;
  const E = F * perField;
  if (p.reviewsPerApp > E) throw new RangeError(`${p.reviewsPerApp} reviews per application from ${E} experts`);
  const rand = seededRandom(p.seed);
  const normal = normalFrom(rand);
  const pad = (i: number, n: number) => String(i).padStart(String(n).length, '0');
  const expertId = (e: number) => `E${pad(e, E)}`;
  const lenient = Float64Array.from({ length: E }, () => (p.leniencySd ?? 1) * normal());
  const scales = Float64Array.from({ length: E }, () => Math.exp((p.scaleLogSd ?? 0) * normal()));
  const reviews: ScoredReview[] = [];
  const quality = new Map<string, number>();
  const chosen = new Set<number>();
  for (let a = 0; a < p.apps; a++) {
    const id = `A${pad(a, p.apps)}`;
    const q = (p.qualitySd ?? 1) * normal();
    quality.set(id, q);
    const field = a % F;
    chosen.clear();
    while (chosen.size < p.reviewsPerApp) {
      const e = rand() < share && perField >= p.reviewsPerApp ? field * perField + Math.floor(rand() * perField) : Math.floor(rand() * E);
      chosen.add(e);
    }
    for (const e of [...chosen].sort((x, y) => x - y)) {
      const score = base + points * (lenient[e] + scales[e] * q + (p.noiseSd ?? 1) * normal());
      reviews.push({ app: id, expert: expertId(e), score });
    }
  }
  return {
    reviews, quality, base, points,
    leniency: new Map(Array.from(lenient, (l, e) => [expertId(e), points * l])),
    scale: new Map(Array.from(scales, (s, e) => [expertId(e), s])),
  };
}

export type MethodTaus = { oracle: number; calibrated: number; zScore: number; mean: number; trimmed: number };

/**
 * Kendall τ to the true quality for each method. Two references beside the three methods of
 * rankReviews: an oracle that knows every expert's leniency and scale (the best any method can
 * do from these scores), and z-scoring each expert's scores before averaging.
 */
export function compareMethods(panel: SimulatedPanel): MethodTaus {
  const ids = [...panel.quality.keys()];
  const truth = ids.map((id) => panel.quality.get(id)!);
  const tau = (estimate: Map<string, number>) => kendallTau(truth, ids.map((id) => estimate.get(id)!));
  const byMethod = (method: 'calibrated' | 'mean' | 'trimmed') => new Map(rankReviews(panel.reviews, { method }).items.map((i) => [i.app, i.exactScore]));
  const meanBy = (value: (r: ScoredReview) => number) => {
    const sum = new Map<string, [number, number]>();
    for (const r of panel.reviews) {
      const s = sum.get(r.app) ?? [0, 0];
      s[0] += value(r);
      s[1]++;
      sum.set(r.app, s);
    }
    return new Map([...sum].map(([id, [t, n]]) => [id, t / n]));
  };
  const oracle = meanBy((r) => (r.score - panel.base - panel.leniency.get(r.expert)!) / panel.scale.get(r.expert)!);
  const stats = new Map<string, { n: number; sum: number; sum2: number }>();
  for (const r of panel.reviews) {
    const s = stats.get(r.expert) ?? { n: 0, sum: 0, sum2: 0 };
    s.n++;
    s.sum += r.score;
    s.sum2 += r.score * r.score;
    stats.set(r.expert, s);
  }
  const zScore = meanBy((r) => {
    const s = stats.get(r.expert)!;
    const m = s.sum / s.n;
    const sd = Math.sqrt(Math.max(0, s.sum2 / s.n - m * m));
    return sd > 0 ? (r.score - m) / sd : 0;
  });
  return { oracle: tau(oracle), calibrated: tau(byMethod('calibrated')), zScore: tau(zScore), mean: tau(byMethod('mean')), trimmed: tau(byMethod('trimmed')) };
}
