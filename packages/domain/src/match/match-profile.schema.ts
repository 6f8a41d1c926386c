import { z } from 'zod';
import { isGreenCatalogueId } from '../reference/green-catalogue.ts';
import { isValidRegionCode } from '../reference/regions.ts';

// The other side of the market (供需匹配): investors (融资对接), banks with their green credit
// products (银企对接) and buyers / industrial partners (产业对接). Each applies for a profile, the
// catalog organizer approves it (which grants the platform role of the same name) and only
// approved profiles are matched. The contact stays private until both sides of a match agree.

/** A profile's kind is the platform role it grants once approved. */
export const matchProfileKinds = ['investor', 'bank', 'buyer'] as const;
export type MatchProfileKind = (typeof matchProfileKinds)[number];

export const matchProfileStatuses = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type MatchProfileStatus = (typeof matchProfileStatuses)[number];

/** 投资阶段, earliest first. */
export const investmentStages = ['seed', 'angel', 'A', 'B', 'C+', 'pre-IPO'] as const;
export type InvestmentStage = (typeof investmentStages)[number];
export const investmentStageNames: Record<InvestmentStage, { 'zh-CN': string; en: string }> = {
  seed: { 'zh-CN': '种子轮', en: 'Seed' },
  angel: { 'zh-CN': '天使轮', en: 'Angel' },
  A: { 'zh-CN': 'A轮', en: 'Series A' },
  B: { 'zh-CN': 'B轮', en: 'Series B' },
  'C+': { 'zh-CN': 'C轮及以后', en: 'Series C and later' },
  'pre-IPO': { 'zh-CN': 'Pre-IPO', en: 'Pre-IPO' },
};

/** 绿色信贷 / 知识产权质押 / 其他. */
export const creditProductKinds = ['green_credit', 'ip_pledge', 'other'] as const;
export type CreditProductKind = (typeof creditProductKinds)[number];

const msg = (zh: string, en: string) => ({ message: zh, params: { en } });
const Text = (max: number) => z.string().trim().max(max);
const FieldIds = z.array(z.string().refine(isGreenCatalogueId, msg('不是《绿色低碳转型产业指导目录》中的领域', 'Not a field of the green industry catalogue'))).max(7).default([]);
/** Where the profile works: GB/T 2260 codes (a province covers its cities). Empty means 全国. */
const Regions = z.array(z.string().refine((c) => isValidRegionCode(c), msg('不是有效的行政区划代码', 'Not a valid region code'))).max(40).default([]);
/** 万元, whole numbers. */
const Amount = z.number().int().min(0).max(100_000_000);

export const MatchContactSchema = z.strictObject({
  name: Text(50).min(1),
  phone: Text(40).min(5),
  email: z.email().max(200),
});
export type MatchContact = z.infer<typeof MatchContactSchema>;

const common = {
  orgName: Text(200).min(2),
  contact: MatchContactSchema,
  fieldIds: FieldIds,
  regions: Regions,
  /** What the organization does and looks for, in its own words: matched as text. */
  description: Text(2000).default(''),
};

const range = <T extends { min: number; max: number }>(v: T) => v.min <= v.max;

export const CreditProductSchema = z.strictObject({
  name: Text(100).min(2),
  kind: z.enum(creditProductKinds),
  amountMin: Amount,
  amountMax: Amount,
  rateNote: Text(200).default(''),
  regions: Regions,
  fieldIds: FieldIds,
}).refine((p) => range({ min: p.amountMin, max: p.amountMax }), { path: ['amountMax'], ...msg('最高额度不能低于最低额度', 'The maximum is below the minimum') });
export type CreditProduct = z.infer<typeof CreditProductSchema>;

export const InvestorProfileInputSchema = z.strictObject({
  kind: z.literal('investor'),
  ...common,
  stages: z.array(z.enum(investmentStages)).min(1).max(investmentStages.length),
  ticketMin: Amount,
  ticketMax: Amount,
}).refine((p) => range({ min: p.ticketMin, max: p.ticketMax }), { path: ['ticketMax'], ...msg('单笔投资上限不能低于下限', 'The largest ticket is below the smallest') });

export const BankProfileInputSchema = z.strictObject({
  kind: z.literal('bank'),
  ...common,
  products: z.array(CreditProductSchema).min(1).max(20),
});

export const BuyerProfileInputSchema = z.strictObject({
  kind: z.literal('buyer'),
  ...common,
  /** 需求: what technology the buyer or partner is looking for. */
  needText: Text(2000).min(4),
});

export const MatchProfileInputSchema = z.discriminatedUnion('kind', [InvestorProfileInputSchema, BankProfileInputSchema, BuyerProfileInputSchema]);
export type MatchProfileInput = z.infer<typeof MatchProfileInputSchema>;

/** What a profile's fields_json holds: the input without kind and orgName (those are columns). */
export type MatchProfileFields = MatchProfileInput extends infer P ? (P extends MatchProfileInput ? Omit<P, 'kind' | 'orgName'> : never) : never;
