import { z } from 'zod';
import { isShanghaiTime } from '../program/shanghai-time.ts';
import { isValidRegionCode } from '../reference/regions.ts';
import { AmountWanSchema, dealKinds } from './commission.ts';

// Outcomes of matchmaking: deals (recorded by one side, confirmed by the other; only confirmed
// deals count), their 交易佣金, IP service requests, and the organizer's dashboard.

const msg = (zh: string, en: string) => ({ message: zh, params: { en } });
const DateText = z.string().refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && isShanghaiTime(d), msg('日期格式为 YYYY-MM-DD', 'Use YYYY-MM-DD'));

export const dealStatuses = ['pending', 'confirmed', 'declined'] as const;
export type DealStatus = (typeof dealStatuses)[number];

export const RecordDealSchema = z.strictObject({
  kind: z.enum(dealKinds),
  amountWan: AmountWanSchema.positive(),
  date: DateText,
  /** The other side, a platform user who confirms: by id (someone met) or by email. */
  counterpartUserId: z.string().min(1).optional(),
  counterpartEmail: z.email().max(200).optional(),
  viaPlatform: z.boolean(),
  /** The technology the deal is about (where it came from: its program, field, region). */
  catalogEntryId: z.string().min(1).nullable().default(null),
  meetingRequestId: z.string().min(1).nullable().default(null),
  note: z.string().trim().max(1000).default(''),
}).refine((d) => !!d.counterpartUserId !== !!d.counterpartEmail, { path: ['counterpartEmail'], ...msg('请指定对方（用户或邮箱，二选一）', 'Name the other side: a user or an email, one of them') });
export type RecordDeal = z.infer<typeof RecordDealSchema>;

export const ConfirmDealSchema = z.strictObject({ confirm: z.boolean(), note: z.string().trim().max(500).default('') });

export const CommissionViewSchema = z.object({
  commissionWan: z.number(), commissionFen: z.number().int(), clamped: z.enum(['min', 'max']).nullable(),
  parts: z.array(z.object({ fromWan: z.number(), toWan: z.number().nullable(), ratePercent: z.number(), baseWan: z.number() })),
});
export const DealSchema = z.object({
  id: z.string(), kind: z.enum(dealKinds), date: z.string(), viaPlatform: z.boolean(), status: z.enum(dealStatuses),
  recordedBy: z.object({ userId: z.string(), name: z.string() }), counterpart: z.object({ userId: z.string(), name: z.string() }),
  catalogEntryId: z.string().nullable(), technologyName: z.string().nullable(), meetingRequestId: z.string().nullable(),
  note: z.string(), responseNote: z.string().nullable(), createdAt: z.number(), confirmedAt: z.number().nullable(),
  /** Only the two parties and the catalog organizer see amounts; anyone else gets null. */
  amountWan: z.number().nullable(),
  commission: CommissionViewSchema.nullable(),
  /** Whether the caller is the side that still has to confirm. */
  awaitingMe: z.boolean(),
});
export type Deal = z.infer<typeof DealSchema>;
export const DealListSchema = z.object({ items: z.array(DealSchema) });
export const DealParamsSchema = z.object({ dealId: z.string().min(1) });

/** Someone the caller may record a deal with: met at an 对接会 or owner of a technology they asked about. */
export const DealCounterpartListSchema = z.object({ items: z.array(z.object({ userId: z.string(), name: z.string(), orgName: z.string(), meetingRequestId: z.string().nullable(), catalogEntryId: z.string().nullable(), technologyName: z.string().nullable() })) });

// IP service requests (知识产权服务): a technology owner asks; approved providers by kind and region get it.
export const serviceKinds = ['patent_search', 'valuation', 'pledge'] as const;
export type ServiceKind = (typeof serviceKinds)[number];
export const serviceKindNames: Record<ServiceKind, { 'zh-CN': string; en: string }> = {
  patent_search: { 'zh-CN': '专利检索', en: 'Patent search' },
  valuation: { 'zh-CN': '知识产权评估', en: 'IP valuation' },
  pledge: { 'zh-CN': '知识产权质押融资', en: 'IP pledge financing' },
};
export const serviceRequestStatuses = ['open', 'accepted', 'completed', 'unrouted', 'cancelled'] as const;

const Region = z.string().refine((c) => isValidRegionCode(c), msg('不是有效的行政区划代码', 'Not a valid region code'));
export const CreateServiceRequestSchema = z.strictObject({
  kind: z.enum(serviceKinds),
  regionCode: Region,
  catalogEntryId: z.string().min(1).nullable().default(null),
  description: z.string().trim().min(4).max(2000),
});
export const ServiceAnswerSchema = z.strictObject({ action: z.enum(['accept', 'decline', 'complete']), note: z.string().trim().max(1000).default('') });
export const ServiceRequestSchema = z.object({
  id: z.string(), kind: z.enum(serviceKinds), regionCode: z.string(), description: z.string(), status: z.enum(serviceRequestStatuses),
  requester: z.object({ userId: z.string(), name: z.string() }), catalogEntryId: z.string().nullable(),
  provider: z.object({ userId: z.string(), orgName: z.string() }).nullable(),
  /** Providers it went to, with each one's answer. */
  routes: z.array(z.object({ userId: z.string(), orgName: z.string(), answer: z.enum(['pending', 'accepted', 'declined', 'completed', 'closed']), note: z.string().nullable() })),
  createdAt: z.number(), updatedAt: z.number(),
});
export type ServiceRequest = z.infer<typeof ServiceRequestSchema>;
export const ServiceRequestListSchema = z.object({ items: z.array(ServiceRequestSchema) });
export const ServiceRequestParamsSchema = z.object({ requestId: z.string().min(1) });

export const ServiceProviderInputSchema = z.strictObject({
  orgName: z.string().trim().min(2).max(200),
  services: z.array(z.enum(serviceKinds)).min(1).max(serviceKinds.length),
  /** Where it works (a province covers its cities); empty: 全国. */
  regions: z.array(Region).max(40).default([]),
  contact: z.strictObject({ name: z.string().trim().min(1).max(50), phone: z.string().trim().min(5).max(40), email: z.email().max(200) }),
  description: z.string().trim().max(2000).default(''),
});
export type ServiceProviderInput = z.infer<typeof ServiceProviderInputSchema>;
export const ServiceProviderSchema = z.object({ id: z.string(), userId: z.string(), orgName: z.string(), services: z.array(z.enum(serviceKinds)), regions: z.array(z.string()), status: z.string(), createdAt: z.number() });
export const ServiceProviderListSchema = z.object({ items: z.array(ServiceProviderSchema) });
export const ServiceProviderParamsSchema = z.object({ profileId: z.string().min(1) });
export const ReviewProviderSchema = z.strictObject({ approve: z.boolean(), note: z.string().trim().max(500).default('') });

// The matchmaking dashboard (deal.read).
const Group = z.object({ key: z.string(), label: z.string(), deals: z.number().int(), amountWan: z.number() });
export const MatchDashboardSchema = z.object({
  generatedAt: z.number(),
  /** Interests expressed (features/match), or null when that table is not there. */
  matches: z.object({ interests: z.number().int(), mutual: z.number().int() }).nullable(),
  meetings: z.object({ requested: z.number().int(), accepted: z.number().int(), scheduled: z.number().int(), held: z.number().int() }),
  deals: z.object({ confirmed: z.number().int(), amountWan: z.number(), pending: z.number().int(), commissionWan: z.number() }),
  byKind: z.array(Group), byProgram: z.array(Group), byField: z.array(Group), byRegion: z.array(Group),
});
export type MatchDashboard = z.infer<typeof MatchDashboardSchema>;
