// Small numerical helpers of the ranking: the normal CDF (for P(above cut)) and medians.

const SQRT_PI = Math.sqrt(Math.PI);

/** erf by its power series e^{−x²}·Σ 2ⁿx^{2n+1}/(2n+1)!! (all terms positive, no cancellation; for |x| ≤ 3). */
function erfSeries(x: number): number {
  let term = x;
  let sum = x;
  const x2 = 2 * x * x;
  for (let n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
    term *= x2 / (2 * n + 1);
    sum += term;
  }
  return ((2 / SQRT_PI) * Math.exp(-x * x)) * sum;
}

/** erfc for x > 3 by its continued fraction, evaluated from the tail (60 levels: far beyond double precision there). */
function erfcFraction(x: number): number {
  let f = x;
  for (let k = 60; k >= 1; k--) f = x + k / 2 / f;
  return Math.exp(-x * x) / (SQRT_PI * f);
}

/** Standard normal CDF, accurate to ~1e-15 (exactly 0.5 at 0, so an application on the cut gets exactly 0.5). */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const x = z / Math.SQRT2;
  if (Math.abs(x) <= 3) return 0.5 + 0.5 * erfSeries(x);
  return x > 0 ? 1 - 0.5 * erfcFraction(x) : 0.5 * erfcFraction(-x);
}

/** Median of the values (mean of the middle two for an even count); NaN when empty. */
export function median(values: ArrayLike<number>): number {
  const v = Float64Array.from(values).sort();
  const n = v.length;
  if (!n) return NaN;
  return n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}
