import type { IndexedReviews } from './input.ts';
import { median } from './stats.ts';
import type { Flag, RankingMethod } from './types.ts';

// What an organizer should look at before publishing a ranking. Each rule is meant to
// be explainable in one sentence and to stay quiet on an ordinary panel.
//
// expert-severity (harsh or lenient): the expert's mean deviation d from the other reviewers
//   of the same applications (score − their mean), compared with the other experts' d. It
//   needs both (1) |d − median d| ≥ 3 robust sd of the experts' d (1.4826·MAD): far out
//   among the experts, so a panel whose leniency varies as much as its noise does not flag a
//   third of its experts; and (2) |d − median d| ≥ 3 standard errors of d (pooled spread of
//   the deviations / √m): not chance. Needs m ≥ 3 such reviews and at least 3 such experts.
//   Raw scores, so the rule reads the same whichever method ranks.
// expert-inconsistent: the spread of the expert's residuals (the method's fit; around their
//   own average residual, so harshness is not counted twice) at least twice the panel's
//   pooled residual spread, with n ≥ 5 reviews (under pure noise P ≈ 0.003 at n = 5).
// app-disagreement: max − min of an application's scores above the threshold (default 20%
//   of the range of all scores: 20 points on a 0–100 panel that uses the whole scale).
// app-few-reviews / app-single-review: fewer reviews than the median application / one.
// disconnected: the calibrated method with more than one component.

export const OUTLIER_Z = 3;
export const SEVERITY_MIN_REVIEWS = 3;
export const INCONSISTENT_MIN_REVIEWS = 5;
export const INCONSISTENT_RATIO = 2;
export const DISAGREEMENT_SHARE_OF_RANGE = 0.2;

const fmt = (x: number) => String(Math.round(x * 100) / 100 + 0);

export type ExpertFlags = { residualSd: Float64Array; outlier: Uint8Array; flags: Flag[] };

export function expertFlags(r: IndexedReviews, residual: Float64Array, method: RankingMethod): ExpertFlags {
  const { app, expert, score, appStart, expertIds } = r;
  const N = score.length;
  const E = expertIds.length;

  // Severity: deviations from the co-reviewers' mean.
  const appSum = new Float64Array(appStart.length - 1);
  for (let k = 0; k < N; k++) appSum[app[k]] += score[k];
  const m = new Float64Array(E);
  const dev = new Float64Array(E);
  const dev2 = new Float64Array(E);
  for (let k = 0; k < N; k++) {
    const a = app[k];
    const n = appStart[a + 1] - appStart[a];
    if (n < 2) continue;
    const d = score[k] - (appSum[a] - score[k]) / (n - 1);
    m[expert[k]]++;
    dev[expert[k]] += d;
    dev2[expert[k]] += d * d;
  }
  let within = 0;
  let withinDof = 0;
  const eligible: number[] = [];
  for (let e = 0; e < E; e++) {
    if (m[e] >= 2) {
      within += Math.max(0, dev2[e] - (dev[e] * dev[e]) / m[e]);
      withinDof += m[e] - 1;
    }
    if (m[e] >= SEVERITY_MIN_REVIEWS) eligible.push(e);
  }
  const meanDev = (e: number) => dev[e] / m[e];
  const severity: { z: number; t: number }[] = Array.from({ length: E }, () => ({ z: 0, t: 0 }));
  let centre = 0;
  let robustSd = 0;
  if (eligible.length >= 3) {
    const ds = eligible.map(meanDev);
    centre = median(ds);
    robustSd = 1.4826 * median(ds.map((d) => Math.abs(d - centre)));
    const sdDev = withinDof > 0 ? Math.sqrt(within / withinDof) : 0;
    const ratio = (x: number, unit: number) => (x === 0 ? 0 : unit > 0 ? x / unit : Math.sign(x) * Infinity);
    for (const e of eligible) {
      const x = meanDev(e) - centre;
      severity[e] = { z: ratio(x, robustSd), t: ratio(x, sdDev / Math.sqrt(m[e])) };
    }
  }

  // Inconsistency: residual spread around the expert's own mean residual.
  const n = new Float64Array(E);
  const rs = new Float64Array(E);
  const rs2 = new Float64Array(E);
  for (let k = 0; k < N; k++) {
    n[expert[k]]++;
    rs[expert[k]] += residual[k];
    rs2[expert[k]] += residual[k] * residual[k];
  }
  const residualSd = new Float64Array(E);
  let pooled = 0;
  let pooledDof = 0;
  for (let e = 0; e < E; e++) {
    if (n[e] < 2) continue;
    const ss = Math.max(0, rs2[e] - (rs[e] * rs[e]) / n[e]);
    residualSd[e] = Math.sqrt(ss / (n[e] - 1));
    pooled += ss;
    pooledDof += n[e] - 1;
  }
  const pooledSd = pooledDof > 0 ? Math.sqrt(pooled / pooledDof) : 0;

  const flags: Flag[] = [];
  const outlier = new Uint8Array(E);
  const adjusts = method === 'calibrated';
  for (let e = 0; e < E; e++) {
    const id = expertIds[e];
    const { z, t } = severity[e];
    if (Math.abs(z) >= OUTLIER_Z && Math.abs(t) >= OUTLIER_Z) {
      outlier[e] = 1;
      const d = meanDev(e);
      const low = d < centre;
      flags.push({
        kind: 'expert-severity', expert: id, value: d, threshold: OUTLIER_Z * robustSd,
        message: {
          'zh-CN': `专家 ${id} 的评分平均比同一申报的其他专家${low ? '低' : '高'} ${fmt(Math.abs(d))} 分（${m[e]} 份评审），远超其他专家的差异${adjusts ? '；校准已按其宽严程度调整' : '；此方法不校正，可改用校准方法'}`,
          en: `Expert ${id} scores ${fmt(Math.abs(d))} points ${low ? 'below' : 'above'} the other reviewers of the same applications on average (${m[e]} reviews), far more than other experts${adjusts ? '; calibration adjusts for it' : '; this method does not adjust for it, the calibrated one does'}`,
        },
      });
    }
    if (n[e] >= INCONSISTENT_MIN_REVIEWS && pooledSd > 0 && residualSd[e] >= INCONSISTENT_RATIO * pooledSd) {
      outlier[e] = 1;
      const ratio = residualSd[e] / pooledSd;
      flags.push({
        kind: 'expert-inconsistent', expert: id, value: ratio, threshold: INCONSISTENT_RATIO,
        message: {
          'zh-CN': `专家 ${id} 的评分与其他专家的共识偏离大：残差标准差是全体的 ${fmt(ratio)} 倍（${n[e]} 份评审）`,
          en: `Expert ${id}'s scores scatter ${fmt(ratio)}× as much around the consensus as the panel's (${n[e]} reviews)`,
        },
      });
    }
  }
  return { residualSd, outlier, flags };
}

/** Application flags, in ranking order. threshold null: the default share of the score range. */
export function applicationFlags(r: IndexedReviews, order: Int32Array, threshold: number | null): Flag[] {
  const { appStart, score, appIds } = r;
  const A = appIds.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < score.length; k++) {
    lo = Math.min(lo, score[k]);
    hi = Math.max(hi, score[k]);
  }
  const limit = threshold ?? (A ? DISAGREEMENT_SHARE_OF_RANGE * (hi - lo) : 0);
  const counts = Float64Array.from({ length: A }, (_, a) => appStart[a + 1] - appStart[a]).sort();
  // The upper median: with half the applications at 2 reviews and half at 3, the 2s have fewer than others.
  const typical = A ? counts[A >> 1] : 0;
  const flags: Flag[] = [];
  for (const a of order) {
    const id = appIds[a];
    const n = appStart[a + 1] - appStart[a];
    let max = -Infinity;
    let min = Infinity;
    for (let k = appStart[a]; k < appStart[a + 1]; k++) {
      max = Math.max(max, score[k]);
      min = Math.min(min, score[k]);
    }
    if (max - min > limit) {
      flags.push({
        kind: 'app-disagreement', app: id, value: max - min, threshold: limit,
        message: {
          'zh-CN': `申报 ${id} 的专家评分分歧大：最高 ${fmt(max)}，最低 ${fmt(min)}，相差 ${fmt(max - min)} 分（阈值 ${fmt(limit)}）`,
          en: `Application ${id}: the reviewers disagree, highest ${fmt(max)}, lowest ${fmt(min)}, ${fmt(max - min)} points apart (threshold ${fmt(limit)})`,
        },
      });
    }
    if (n === 1) {
      flags.push({
        kind: 'app-single-review', app: id, value: 1, threshold: 2,
        message: { 'zh-CN': `申报 ${id} 只有 1 份评审：结果取决于一位专家`, en: `Application ${id} has a single review: its result rests on one expert` },
      });
    } else if (n < typical) {
      flags.push({
        kind: 'app-few-reviews', app: id, value: n, threshold: typical,
        message: { 'zh-CN': `申报 ${id} 只有 ${n} 份评审，多数申报有 ${typical} 份`, en: `Application ${id} has ${n} reviews where most have ${typical}` },
      });
    }
  }
  return flags;
}

export function disconnectedFlag(components: number): Flag {
  return {
    kind: 'disconnected', value: components, threshold: 1,
    message: {
      'zh-CN': `评审关系分成 ${components} 个互不相连的组（没有共同评审的专家）：专家宽严只能在组内校准，不同组的分数不能直接比较`,
      en: `The reviews fall into ${components} groups that share no expert: leniency is calibrated only within a group, and scores of different groups are not directly comparable`,
    },
  };
}
