import type { IndexedReviews } from './input.ts';

// The plain mean and the trimmed mean (去掉最高最低分). Both are offered because organizers
// ask for them; on simulated panels both rank worse than the calibrated fit, and trimming
// worse than the plain mean (see explanation.ts).

export type SimpleFit = {
  /** Per application. */
  score: Float64Array;
  /** Per application; null when no application has two reviews (no pooled variance). */
  sd: Float64Array | null;
  /** Per review: 1 dropped as the highest, −1 as the lowest, 0 kept. */
  dropped: Int8Array;
  /** Per review: score − the application's score. */
  residual: Float64Array;
};

/**
 * Variance of the trimmed mean of n normal scores relative to σ²/n (simulated, 400,000 draws each):
 * dropping two of three leaves the median, 35% less efficient than the mean; the penalty fades with n.
 */
const TRIMMED_VARIANCE_FACTOR: Record<number, number> = { 3: 1.348, 4: 1.191, 5: 1.132, 6: 1.099, 7: 1.088, 8: 1.076, 9: 1.061, 10: 1.053 };
export const trimmedVarianceFactor = (n: number) => (n < 3 ? 1 : (TRIMMED_VARIANCE_FACTOR[n] ?? 1 + 0.53 / n));

/**
 * trimmed: with n ≥ 3 reviews one highest and one lowest are left out (among equal scores the
 * highest dropped is the first by expert id, the lowest the last, so two different reviews go);
 * with n < 3 there is nothing to trim and the plain mean is used.
 *
 * sd: σ/√n (times the trimmed factor), σ² pooled over all applications from the scores'
 * spread around their own application's mean (Σ(y − ȳ_a)²/(N − A)). Pooling gives an sd even
 * to an application with one review; it is null only when no application has two.
 */
export function fitMeans(r: IndexedReviews, trimmed: boolean): SimpleFit {
  const { appStart, score } = r;
  const A = r.appIds.length;
  const N = score.length;
  const out = new Float64Array(A);
  const dropped = new Int8Array(N);
  const residual = new Float64Array(N);
  let within = 0;
  for (let a = 0; a < A; a++) {
    const lo = appStart[a];
    const hi = appStart[a + 1];
    const n = hi - lo;
    let sum = 0;
    for (let k = lo; k < hi; k++) sum += score[k];
    const mean = sum / n;
    for (let k = lo; k < hi; k++) within += (score[k] - mean) ** 2;
    out[a] = mean;
    if (trimmed && n >= 3) {
      // The first of the equal highest (strict >) and the last of the equal lowest (<=).
      let top = lo;
      let bottom = lo;
      for (let k = lo; k < hi; k++) {
        if (score[k] > score[top]) top = k;
        if (score[k] <= score[bottom]) bottom = k;
      }
      dropped[top] = 1;
      dropped[bottom] = -1;
      out[a] = (sum - score[top] - score[bottom]) / (n - 2);
    }
    for (let k = lo; k < hi; k++) residual[k] = score[k] - out[a];
  }
  let sd: Float64Array | null = null;
  if (N > A) {
    const sigma = Math.sqrt(within / (N - A));
    sd = new Float64Array(A);
    for (let a = 0; a < A; a++) {
      const n = appStart[a + 1] - appStart[a];
      sd[a] = sigma * Math.sqrt((trimmed ? trimmedVarianceFactor(n) : 1) / n);
    }
  }
  return { score: out, sd, dropped, residual };
}
