import { reviewComponents } from './components.ts';
import { methodExplanation } from './explanation.ts';
import { applicationFlags, disconnectedFlag, expertFlags } from './flags.ts';
import { checkOptions, indexReviews } from './input.ts';
import { fitOffsets } from './offset-model.ts';
import { fitMeans } from './simple-means.ts';
import { normalCdf } from './stats.ts';
import { orderApplications, tieBreakChain } from './tie-break.ts';
import type { ExpertFit, RankedItem, Ranking, RankingOptions, RawReview, ScoredReview } from './types.ts';

// The one entry point: reviews in, a ranking out. Pure and deterministic: the same reviews,
// in any order, give the same ranking. Throws AppError('VALIDATION') on malformed input;
// degenerate input (no reviews, one review, all scores equal, experts with one review,
// disconnected panels) gives a ranking, with flags where it deserves a second look.

const round2 = (x: number) => Math.round(x * 100) / 100 + 0;

export function rankReviews(reviews: readonly ScoredReview[], options?: RankingOptions): Ranking {
  const opts = checkOptions(options);
  const r = indexReviews(reviews);
  const comp = reviewComponents(r);
  const { appStart, score: y, expertIds, appIds } = r;
  const A = appIds.length;
  const E = expertIds.length;

  let score: Float64Array;
  let sd: Float64Array | null;
  let residual: Float64Array;
  let adjusted: Float64Array | null = null;
  let dropped: Int8Array | null = null;
  let offset: Float64Array | null = null;
  let scale: Float64Array | null = null;
  if (opts.method === 'calibrated') {
    const fit = fitOffsets(r, comp, { ridge: opts.ridge, scale: opts.scale });
    ({ quality: score, sd, residual, adjusted, offset, scale } = fit);
  } else {
    const fit = fitMeans(r, opts.method === 'trimmed');
    ({ score, sd, residual } = fit);
    if (opts.method === 'trimmed') dropped = fit.dropped;
  }

  // Raw statistics per application: for display, the flags and the tie-break chain.
  const mean = new Float64Array(A);
  const min = new Float64Array(A);
  const max = new Float64Array(A);
  const med = new Float64Array(A);
  let lo = Infinity;
  let hi = -Infinity;
  let scratch = new Float64Array(16);
  for (let a = 0; a < A; a++) {
    const len = appStart[a + 1] - appStart[a];
    if (scratch.length < len) scratch = new Float64Array(len);
    let sum = 0;
    for (let k = appStart[a], i = 0; k < appStart[a + 1]; k++, i++) {
      sum += y[k];
      scratch[i] = y[k];
    }
    const seg = scratch.subarray(0, len).sort();
    min[a] = seg[0];
    max[a] = seg[len - 1];
    mean[a] = sum / len;
    med[a] = len % 2 ? seg[(len - 1) / 2] : (seg[len / 2 - 1] + seg[len / 2]) / 2;
    lo = Math.min(lo, min[a]);
    hi = Math.max(hi, max[a]);
  }
  const n = Int32Array.from({ length: A }, (_, a) => appStart[a + 1] - appStart[a]);
  const epsilon = 1e-9 * (hi > lo ? hi - lo : Math.max(1, Math.abs(hi)));
  const order = orderApplications({ score, sd, n, median: med, min, epsilon });

  let cut: number | null = opts.cut;
  if (opts.cutRank !== null) cut = opts.cutRank < A ? (score[order[opts.cutRank - 1]] + score[order[opts.cutRank]]) / 2 : null;

  const items: RankedItem[] = new Array(A);
  for (let i = 0; i < A; i++) {
    const a = order[i];
    const raw: RawReview[] = [];
    for (let k = appStart[a]; k < appStart[a + 1]; k++) {
      const review: RawReview = { expert: expertIds[r.expert[k]], score: y[k] };
      if (dropped?.[k]) review.dropped = dropped[k] > 0 ? 'highest' : 'lowest';
      if (adjusted) review.adjusted = adjusted[k];
      raw.push(review);
    }
    const s = sd ? sd[a] : null;
    let pAbove: number | null = null;
    if (cut !== null && s !== null) pAbove = s > 0 ? normalCdf((score[a] - cut) / s) : score[a] > cut ? 1 : score[a] < cut ? 0 : 0.5;
    items[i] = {
      app: appIds[a], rank: i + 1, score: round2(score[a]), exactScore: score[a], sd: s, n: n[a], raw,
      mean: round2(mean[a]), spread: max[a] - min[a], pAbove, component: comp.ofApp[a],
    };
  }

  const ef = expertFlags(r, residual, opts.method);
  const nE = new Int32Array(E);
  for (let k = 0; k < r.expert.length; k++) nE[r.expert[k]]++;
  const experts: ExpertFit[] = expertIds.map((id, e) => ({
    expert: id, n: nE[e], offset: offset ? offset[e] : 0, scale: scale ? scale[e] : 1, residualSd: ef.residualSd[e], outlier: ef.outlier[e] === 1,
  }));

  const flags = [
    ...(opts.method === 'calibrated' && comp.count > 1 ? [disconnectedFlag(comp.count)] : []),
    ...ef.flags,
    ...applicationFlags(r, order, opts.disagreementThreshold),
  ];
  return { method: opts.method, items, experts, components: comp.count, cut, tieBreak: [...tieBreakChain], explanation: methodExplanation(opts.method), flags };
}
