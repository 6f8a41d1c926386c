import { z } from 'zod';

// 交易佣金: the platform's commission on a deal that went through the platform. Rules are per
// deal kind, marginal tiers like a tax table ("license: 5% of the first 100万元, 3% above"), with
// an optional minimum and maximum. Money is exact: amounts are whole 元 (entered in 万元 with up
// to four decimals), rates are basis points, the commission is whole 分 rounded half up once,
// from the exact sum of the tiers (so per-tier roundings never add up to a different total).

export const dealKinds = ['investment', 'loan', 'license', 'purchase', 'joint_development'] as const;
export type DealKind = (typeof dealKinds)[number];
export const dealKindNames: Record<DealKind, { 'zh-CN': string; en: string }> = {
  investment: { 'zh-CN': '股权投资', en: 'Investment' },
  loan: { 'zh-CN': '贷款', en: 'Loan' },
  license: { 'zh-CN': '技术许可', en: 'License' },
  purchase: { 'zh-CN': '采购/技术转让', en: 'Purchase' },
  joint_development: { 'zh-CN': '联合开发', en: 'Joint development' },
};

const msg = (zh: string, en: string) => ({ message: zh, params: { en } });
/** Largest amount the platform records: 1000亿元 (keeps every product below 2^53). */
export const MAX_AMOUNT_WAN = 10_000_000;

const hasAtMost = (decimals: number) => (v: number) => Math.abs(v * 10 ** decimals - Math.round(v * 10 ** decimals)) < 1e-6;
/** 万元 with at most four decimals (whole 元). */
export const AmountWanSchema = z.number().min(0).max(MAX_AMOUNT_WAN).refine(hasAtMost(4), msg('金额最多保留四位小数（精确到元）', 'At most four decimals (whole yuan)'));
export const wanToYuan = (wan: number): number => Math.round(wan * 10_000);
export const yuanToWan = (yuan: number): number => yuan / 10_000;

export const CommissionTierSchema = z.strictObject({
  /** The tier's upper end in 万元; null: no end (the last tier). */
  upToWan: AmountWanSchema.positive().nullable(),
  /** Percent with at most two decimals (whole basis points). */
  ratePercent: z.number().min(0).max(100).refine(hasAtMost(2), msg('费率最多保留两位小数', 'At most two decimals')),
});

export const CommissionRuleSchema = z.strictObject({
  kind: z.enum(dealKinds),
  tiers: z.array(CommissionTierSchema).min(1).max(10),
  minWan: AmountWanSchema.nullable().default(null),
  maxWan: AmountWanSchema.nullable().default(null),
}).superRefine((r, ctx) => {
  r.tiers.forEach((t, i) => {
    const last = i === r.tiers.length - 1;
    if (last !== (t.upToWan === null)) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'upToWan'], ...(last ? msg('最后一档不设上限', 'The last tier has no upper end') : msg('除最后一档外，每档须有上限', 'Every tier but the last needs an upper end')) });
    const prev = r.tiers[i - 1]?.upToWan;
    if (i > 0 && t.upToWan !== null && prev != null && t.upToWan <= prev) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'upToWan'], ...msg('各档上限须逐档递增', 'Tier ends must increase') });
  });
  if (r.minWan !== null && r.maxWan !== null && r.minWan > r.maxWan) ctx.addIssue({ code: 'custom', path: ['maxWan'], ...msg('最高佣金不能低于最低佣金', 'The maximum is below the minimum') });
});
export type CommissionRule = z.infer<typeof CommissionRuleSchema>;

export const CommissionRulesSchema = z.strictObject({ rules: z.array(CommissionRuleSchema).max(dealKinds.length) }).superRefine((v, ctx) => {
  const seen = new Set<string>();
  v.rules.forEach((r, i) => {
    if (seen.has(r.kind)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'kind'], ...msg('每种交易类型只能有一条规则', 'One rule per deal kind') });
    seen.add(r.kind);
  });
});
export type CommissionRules = z.infer<typeof CommissionRulesSchema>;

/** Until a platform admin edits them. */
export const defaultCommissionRules: CommissionRules = {
  rules: [
    { kind: 'license', tiers: [{ upToWan: 100, ratePercent: 5 }, { upToWan: null, ratePercent: 3 }], minWan: null, maxWan: null },
    { kind: 'purchase', tiers: [{ upToWan: 100, ratePercent: 3 }, { upToWan: 500, ratePercent: 2 }, { upToWan: null, ratePercent: 1 }], minWan: null, maxWan: null },
    { kind: 'joint_development', tiers: [{ upToWan: null, ratePercent: 2 }], minWan: null, maxWan: null },
    { kind: 'investment', tiers: [{ upToWan: null, ratePercent: 1 }], minWan: null, maxWan: 50 },
    { kind: 'loan', tiers: [{ upToWan: null, ratePercent: 0.5 }], minWan: null, maxWan: 20 },
  ],
};

export type CommissionPart = { fromYuan: number; toYuan: number | null; rateBp: number; baseYuan: number };
export type Commission = {
  kind: DealKind;
  amountYuan: number;
  /** Whole 分 (fen). */
  commissionFen: number;
  parts: CommissionPart[];
  /** The minimum or maximum decided the amount. */
  clamped: 'min' | 'max' | null;
  /** False when the rules have none for this kind: nothing is charged. */
  ruled: boolean;
};

/** The commission on `amountYuan` (whole 元) of a deal of `kind`. */
export function computeCommission(rules: CommissionRules, kind: DealKind, amountYuan: number): Commission {
  if (!Number.isSafeInteger(amountYuan) || amountYuan < 0) throw new Error(`amount must be whole yuan ≥ 0: ${amountYuan}`);
  const rule = rules.rules.find((r) => r.kind === kind);
  if (!rule || amountYuan === 0) return { kind, amountYuan, commissionFen: 0, parts: [], clamped: null, ruled: !!rule };
  const parts: CommissionPart[] = [];
  let numerator = 0; // Σ base(元) × rate(bp): fen × 100
  let from = 0;
  for (const t of rule.tiers) {
    const to = t.upToWan === null ? null : wanToYuan(t.upToWan);
    const base = Math.max(0, Math.min(amountYuan, to ?? amountYuan) - from);
    const rateBp = Math.round(t.ratePercent * 100);
    if (base > 0) parts.push({ fromYuan: from, toYuan: to, rateBp, baseYuan: base });
    numerator += base * rateBp;
    if (to === null || amountYuan <= to) break;
    from = to;
  }
  let fen = Math.floor((numerator + 50) / 100);
  let clamped: Commission['clamped'] = null;
  const minFen = rule.minWan === null ? null : Math.min(wanToYuan(rule.minWan), amountYuan) * 100; // never more than the deal itself
  const maxFen = rule.maxWan === null ? null : wanToYuan(rule.maxWan) * 100;
  if (minFen !== null && fen < minFen) {
    fen = minFen;
    clamped = 'min';
  }
  if (maxFen !== null && fen > maxFen) {
    fen = maxFen;
    clamped = 'max';
  }
  return { kind, amountYuan, commissionFen: fen, parts, clamped, ruled: true };
}
