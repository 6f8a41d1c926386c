import type { Localized } from '../../errors.ts';

// The order of the ranking. Ranks are never shared: a list of award winners needs a first,
// second, third, and an organizer must be able to say why A is above B when both show 83.50.
// Each step is applied only when every earlier one is equal; the last always decides.
//
// "Equal" for the two computed numbers means within 1e-9 of the score range: a fit that
// differs in the 15th digit because of summation order must not decide a rank, the chain
// must. The comparison is on quantized keys (round(x/ε)), so it stays a strict order.

export const tieBreakChain: readonly Localized[] = [
  { 'zh-CN': '最终得分高者在前（按完整精度比较，不按显示的两位小数；相差在分数跨度的十亿分之一以内视为相同）', en: 'Higher final score (full precision, not the 2 decimals shown; within 1e-9 of the score range counts as equal)' },
  { 'zh-CN': '不确定度（标准误）小者在前（无法估计标准误时跳过此步）', en: 'Smaller uncertainty (sd) first (skipped when no sd can be estimated)' },
  { 'zh-CN': '评审份数多者在前', en: 'More reviews first' },
  { 'zh-CN': '原始分中位数高者在前', en: 'Higher median raw score first' },
  { 'zh-CN': '原始最低分高者在前（没有专家给低分者优先）', en: 'Higher lowest raw score first (no expert rated it low)' },
  { 'zh-CN': '申报编号按字符编码顺序，小者在前（总能分出先后）', en: 'Application id in character-code order, smaller first (always decides)' },
];

export type OrderKeys = {
  score: Float64Array;
  sd: Float64Array | null;
  n: ArrayLike<number>;
  median: Float64Array;
  min: Float64Array;
  /** The tolerance ε of the computed numbers. */
  epsilon: number;
};

/**
 * Application indices best first. Indices are in id order (input.ts sorts the ids), so the
 * last step compares indices.
 */
export function orderApplications(k: OrderKeys): Int32Array {
  const A = k.score.length;
  const quant = (x: number) => Math.round(x / k.epsilon);
  const score = Float64Array.from(k.score, quant);
  const sd = k.sd ? Float64Array.from(k.sd, quant) : null;
  const order = Int32Array.from({ length: A }, (_, i) => i);
  return order.sort(
    (a, b) =>
      score[b] - score[a] ||
      (sd ? sd[a] - sd[b] : 0) ||
      k.n[b] - k.n[a] ||
      k.median[b] - k.median[a] ||
      k.min[b] - k.min[a] ||
      a - b,
  );
}
