import type { Components } from './components.ts';
import type { IndexedReviews } from './input.ts';

// The calibrated method: score(a, e) = μ + b_e + s_e·(q_a − μ) + noise, where q_a is the
// application's quality, b_e the expert's leniency (at the panel's mean quality μ of the
// component) and s_e the expert's scale (points per point of quality).
//
// With the scales fixed the model is linear. Eliminating q leaves a system in the offsets
// alone, a weighted graph Laplacian of the expert–expert co-review graph plus the ridge:
// (S + ridge·diag(s²))·o = rhs, with o_e = b_e/s_e. It is solved exactly (to 1e-12) by
// preconditioned conjugate gradients rather than by sweeping q and b in turn: when panels
// come mostly from one field, the few cross-field reviews make plain alternation crawl, and
// CG needs a few dozen matrix–vector products (two passes over the reviews each).
// Where the scale is fitted, it is estimated from that offset-only fit (each expert's slope
// against the other reviewers' consensus, shrunk toward 1 by how much the experts' slopes
// really differ), and the offsets are solved once more with it. No randomness, no iteration
// to a tolerance: the same reviews give the same numbers.
//
// Leniency is only identified within a connected component: per component the offsets are
// centred so that Σ s_e·b_e = 0 (the average expert has leniency 0, scores stay on the
// panel's scale). With ridge > 0 that is exactly where the ridge puts them; with ridge = 0
// it picks one of the equally good solutions.

/** An expert's scale is estimated only from this many reviews that have a co-reviewer, */
export const SCALE_MIN_REVIEWS = 10;
/** and only when this many experts have that many: their spread tells real scale differences from noise. */
export const SCALE_MIN_EXPERTS = 5;
/** Scales stay within [1/3, 3]: a contrarian expert's slope would be negative; they are down-weighted, not inverted. */
const SCALE_MIN = 1 / 3;
const SCALE_MAX = 3;
/**
 * Scale estimations, each followed by an exact offset solve. One: the scales are estimated
 * against the consensus of the offset-only fit. Re-estimating them against a consensus that
 * already uses them lets the overall scale drift (it is not identifiable: every quality
 * stretched by c and every scale divided by c fit the scores as well).
 */
const SCALE_ROUNDS = 1;
const CG_TOLERANCE = 1e-12;

export type OffsetFit = {
  /** Per application, in score points. */
  quality: Float64Array;
  /** Per application; null when the residual variance has no degrees of freedom. */
  sd: Float64Array | null;
  /** Per expert: leniency b_e in points. */
  offset: Float64Array;
  scale: Float64Array;
  /** Per expert: 1 if the scale was fitted. */
  scaled: Uint8Array;
  /** Per review: μ + (score − μ − b_e)/s_e, what the review says q is once the expert is taken out. */
  adjusted: Float64Array;
  /** Per review: score − fitted value. */
  residual: Float64Array;
  /** Residual sd of the model, or null. */
  sigma: number | null;
  /** Conjugate-gradient iterations over all solves (for benchmarks). */
  iterations: number;
};

export function fitOffsets(r: IndexedReviews, comp: Components, opts: { ridge: number; scale: boolean }): OffsetFit {
  const { app, expert, score } = r;
  const N = app.length;
  const A = r.appIds.length;
  const E = r.expertIds.length;
  const C = comp.count;
  const lambda = opts.ridge;

  // μ per component: the mean score, the centre the scales pivot around.
  const mu = new Float64Array(C);
  const perComp = new Float64Array(C);
  for (let k = 0; k < N; k++) {
    mu[comp.ofApp[app[k]]] += score[k];
    perComp[comp.ofApp[app[k]]]++;
  }
  for (let c = 0; c < C; c++) mu[c] = perComp[c] ? mu[c] / perComp[c] : 0;

  const nE = new Float64Array(E);
  for (let k = 0; k < N; k++) nE[expert[k]]++;

  const s = new Float64Array(E).fill(1);
  const scaled = new Uint8Array(E);
  const o = new Float64Array(E);
  const w = new Float64Array(N);
  const u = new Float64Array(N);
  const Wa = new Float64Array(A);
  const Ubar = new Float64Array(A);
  const We = new Float64Array(E);
  const rhs = new Float64Array(E);
  const t = new Float64Array(A);
  const q = new Float64Array(A); // q_a − μ
  let iterations = 0;

  const compSum = new Float64Array(C);
  const rho = new Float64Array(C);
  const precond = new Float64Array(E);

  const sys: System = { app, expert, ofExpert: comp.ofExpert, w, Wa, diag: new Float64Array(E), s2: new Float64Array(E), rho, t, compSum };
  const appShare = (x: Float64Array) => shareOfApps(sys, x);
  const matvec = (x: Float64Array, out: Float64Array) => applySystem(sys, x, out);

  for (let round = 0; ; round++) {
    // Weighted form: u = (score − μ)/s has noise σ/s, so it carries weight s².
    Wa.fill(0);
    Ubar.fill(0);
    We.fill(0);
    for (let k = 0; k < N; k++) {
      const e = expert[k];
      w[k] = s[e] * s[e];
      u[k] = (score[k] - mu[comp.ofApp[app[k]]]) / s[e];
      Wa[app[k]] += w[k];
      Ubar[app[k]] += w[k] * u[k];
      We[e] += w[k];
    }
    for (let a = 0; a < A; a++) Ubar[a] = Wa[a] > 0 ? Ubar[a] / Wa[a] : 0;
    rhs.fill(0);
    precond.fill(0);
    for (let k = 0; k < N; k++) {
      rhs[expert[k]] += w[k] * (u[k] - Ubar[app[k]]);
      precond[expert[k]] -= (w[k] * w[k]) / Wa[app[k]];
    }
    // ρ_c: the deflation's eigenvalue equals the component's mean diagonal, so it does not spoil the conditioning.
    const diagSum = new Float64Array(C);
    const s4Sum = new Float64Array(C);
    const count = new Float64Array(C);
    for (let e = 0; e < E; e++) {
      const c = comp.ofExpert[e];
      diagSum[c] += We[e] + lambda * s[e] * s[e];
      s4Sum[c] += s[e] ** 4;
      count[c]++;
    }
    for (let c = 0; c < C; c++) rho[c] = count[c] ? diagSum[c] / count[c] / s4Sum[c] : 0;
    for (let e = 0; e < E; e++) {
      sys.s2[e] = s[e] * s[e];
      sys.diag[e] = We[e] + lambda * s[e] * s[e];
    }
    for (let e = 0; e < E; e++) precond[e] += We[e] + lambda * s[e] * s[e] + rho[comp.ofExpert[e]] * s[e] ** 4;

    iterations += conjugateGradient(matvec, rhs, o, precond, Math.min(E + 200, 5000));

    // Centre exactly (CG stops at 1e-12, and with ridge 0 only the deflation holds the shift).
    const num = new Float64Array(C);
    const den = new Float64Array(C);
    for (let e = 0; e < E; e++) {
      num[comp.ofExpert[e]] += s[e] * s[e] * o[e];
      den[comp.ofExpert[e]] += s[e] * s[e];
    }
    for (let e = 0; e < E; e++) o[e] -= num[comp.ofExpert[e]] / den[comp.ofExpert[e]];
    appShare(o);
    for (let a = 0; a < A; a++) q[a] = Ubar[a] - t[a];

    if (!opts.scale || round === SCALE_ROUNDS) break;
    // No residual degrees of freedom: nothing to tell a scale from noise with.
    const sigma2 = residualVariance();
    if (sigma2 === null || !estimateScales(sigma2)) break;
  }

  function residualVariance(): number | null {
    let nScaled = 0;
    for (let e = 0; e < E; e++) nScaled += scaled[e];
    const dof = N - A - (E - C) - nScaled;
    if (dof <= 0) return null;
    let rss = 0;
    for (let k = 0; k < N; k++) {
      const e = expert[k];
      const res = s[e] * (u[k] - q[app[k]] - o[e]);
      rss += res * res;
    }
    return rss / dof;
  }

  // Each expert's scale: the slope of their scores on the other reviewers' consensus for
  // the same applications (leave-one-out, so the expert's own score does not pull the
  // slope toward 1). The consensus is itself an estimate; its error would flatten the slope
  // (regression dilution), so its expected error variance is taken out of the denominator.
  // Returns whether any scale changed (if not, the current solve stands).
  function estimateScales(sigma2: number): boolean {
    const m = new Float64Array(E);
    const sx = new Float64Array(E);
    const sy = new Float64Array(E);
    const sxx = new Float64Array(E);
    const sxy = new Float64Array(E);
    const serr = new Float64Array(E);
    for (let k = 0; k < N; k++) {
      const a = app[k];
      const e = expert[k];
      const others = Wa[a] - w[k];
      if (others <= 1e-12 * Wa[a]) continue;
      const consensus = (Wa[a] * q[a] - w[k] * (u[k] - o[e])) / others;
      const y = score[k] - mu[comp.ofApp[a]];
      m[e]++;
      sx[e] += consensus;
      sy[e] += y;
      sxx[e] += consensus * consensus;
      sxy[e] += consensus * y;
      serr[e] += sigma2 / others;
    }
    // Per expert: the corrected slope and its sampling variance.
    const slope = new Float64Array(E);
    const variance = new Float64Array(E);
    const eligible: number[] = [];
    const isEligible = new Uint8Array(E);
    for (let e = 0; e < E; e++) {
      const n = m[e];
      if (n < SCALE_MIN_REVIEWS) continue;
      const Sxx = sxx[e] - (sx[e] * sx[e]) / n;
      const Sxy = sxy[e] - (sx[e] * sy[e]) / n;
      if (!(Sxx > 1e-9 * (sxx[e] + 1e-300))) continue; // the consensus does not vary: no slope to see
      const denom = Math.max(Sxx - serr[e] * (1 - 1 / n), 0.25 * Sxx);
      slope[e] = Sxy / denom;
      variance[e] = (sigma2 * Sxx) / (denom * denom);
      eligible.push(e);
      isEligible[e] = 1;
    }
    // How much experts' scales really differ: the spread of the slopes around 1 beyond what
    // their sampling variance explains (method of moments). Each slope is shrunk toward 1 by
    // τ²/(τ² + its variance): where the panel shows no real differences, every scale stays 1.
    let spread = 0;
    for (const e of eligible) spread += (slope[e] - 1) ** 2 - variance[e];
    const tau2 = eligible.length >= SCALE_MIN_EXPERTS ? Math.max(0, spread / eligible.length) : 0;
    let changed = false;
    for (let e = 0; e < E; e++) {
      const before = s[e];
      s[e] = 1;
      scaled[e] = 0;
      if (tau2 > 0 && isEligible[e]) {
        const shrink = tau2 / (tau2 + variance[e]);
        s[e] = Math.min(SCALE_MAX, Math.max(SCALE_MIN, 1 + (slope[e] - 1) * shrink));
        scaled[e] = 1;
      }
      if (s[e] !== before) changed = true;
    }
    return changed;
  }

  const quality = new Float64Array(A);
  for (let a = 0; a < A; a++) quality[a] = q[a] + mu[comp.ofApp[a]];
  const offset = new Float64Array(E);
  for (let e = 0; e < E; e++) offset[e] = s[e] * o[e];
  const adjusted = new Float64Array(N);
  const residual = new Float64Array(N);
  for (let k = 0; k < N; k++) {
    const e = expert[k];
    const m = mu[comp.ofApp[app[k]]];
    adjusted[k] = m + u[k] - o[e];
    residual[k] = s[e] * (u[k] - q[app[k]] - o[e]);
  }
  const sigma2 = residualVariance();
  let sd: Float64Array | null = null;
  if (sigma2 !== null) {
    // Var(q_a) ≈ σ²·(1/W_a + Σ_reviews s_e²/(n_e + ridge) / W_a²): the noise of the
    // application's own reviews plus the uncertainty of its experts' offsets (each known
    // from n_e reviews and the ridge's pseudo-reviews; covariances between offsets ignored).
    const extra = new Float64Array(A);
    for (let k = 0; k < N; k++) extra[app[k]] += w[k] / (nE[expert[k]] + lambda);
    sd = new Float64Array(A);
    for (let a = 0; a < A; a++) sd[a] = Math.sqrt(sigma2 * (1 / Wa[a] + extra[a] / (Wa[a] * Wa[a])));
  }
  return { quality, sd, offset, scale: s, scaled, adjusted, residual, sigma: sigma2 === null ? null : Math.sqrt(sigma2), iterations };
}

/** The reduced system's data, one plain object so the hot loops below stay monomorphic. */
type System = {
  app: Int32Array;
  expert: Int32Array;
  ofExpert: Int32Array;
  /** Per review: s_e². */
  w: Float64Array;
  Wa: Float64Array;
  /** Per expert: W_e + ridge·s_e². */
  diag: Float64Array;
  s2: Float64Array;
  rho: Float64Array;
  /** Scratch: per application, per component. */
  t: Float64Array;
  compSum: Float64Array;
};

/** t_a = Σ_{reviews of a} w·x_e / W_a: the part of the application's estimate the offsets x explain. */
function shareOfApps(sys: System, x: Float64Array): void {
  const { app, expert, w, Wa, t } = sys;
  t.fill(0);
  for (let k = 0; k < app.length; k++) t[app[k]] += w[k] * x[expert[k]];
  for (let a = 0; a < t.length; a++) t[a] = Wa[a] > 0 ? t[a] / Wa[a] : 0;
}

/**
 * out = (S + ridge·diag(s²) + deflation)·x. The deflation term ρ_c·(D1_c)(D1_c)ᵀ is zero on
 * the solution (Σ s²·o = 0 per component) and makes the system positive definite even with
 * ridge 0, so CG never wanders along the unidentified shift between q and b.
 */
function applySystem(sys: System, x: Float64Array, out: Float64Array): void {
  shareOfApps(sys, x);
  const { app, expert, w, t, diag, s2, ofExpert, rho, compSum } = sys;
  const E = diag.length;
  for (let e = 0; e < E; e++) out[e] = diag[e] * x[e];
  for (let k = 0; k < app.length; k++) out[expert[k]] -= w[k] * t[app[k]];
  compSum.fill(0);
  for (let e = 0; e < E; e++) compSum[ofExpert[e]] += s2[e] * x[e];
  for (let e = 0; e < E; e++) out[e] += rho[ofExpert[e]] * s2[e] * compSum[ofExpert[e]];
}

/** Preconditioned conjugate gradients on a symmetric positive definite system, warm-started from x. Returns the iterations. */
export function conjugateGradient(matvec: (x: Float64Array, out: Float64Array) => void, b: Float64Array, x: Float64Array, diag: Float64Array, maxIterations: number): number {
  const n = b.length;
  const norm = (v: Float64Array) => Math.sqrt(dot(v, v));
  const bNorm = norm(b);
  if (bNorm === 0) {
    x.fill(0);
    return 0;
  }
  const r = new Float64Array(n);
  const z = new Float64Array(n);
  const p = new Float64Array(n);
  const Ap = new Float64Array(n);
  matvec(x, Ap);
  for (let i = 0; i < n; i++) r[i] = b[i] - Ap[i];
  for (let i = 0; i < n; i++) z[i] = r[i] / diag[i];
  p.set(z);
  let rz = dot(r, z);
  let it = 0;
  while (it < maxIterations && norm(r) > CG_TOLERANCE * bNorm) {
    matvec(p, Ap);
    const pAp = dot(p, Ap);
    if (!(pAp > 0)) break;
    const alpha = rz / pAp;
    for (let i = 0; i < n; i++) {
      x[i] += alpha * p[i];
      r[i] -= alpha * Ap[i];
    }
    for (let i = 0; i < n; i++) z[i] = r[i] / diag[i];
    const rzNext = dot(r, z);
    const beta = rzNext / rz;
    rz = rzNext;
    for (let i = 0; i < n; i++) p[i] = z[i] + beta * p[i];
    it++;
  }
  return it;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
