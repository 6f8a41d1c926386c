import { z } from 'zod';
import { FormTemplateSchema, FileRefSchema } from '../form/form-template.schema.ts';
import { LocalizedSchema } from '../api/error.schema.ts';
import { isValidCreditCode } from '../form/credit-code.ts';
import { isValidRegionCode } from '../reference/regions.ts';
import { organizationOwnerships } from '../recommendation/reach.ts';

// Requests and responses of organizations and applications, shared by server and browser.

export const applicationStatuses = [
  'draft', 'submitted', 'returned', 'endorsed', 'declined', 'eligible', 'ineligible',
  'in_review', 'advanced', 'eliminated', 'candidate', 'awarded', 'not_awarded', 'withdrawn',
  // 多级遴选: copied in from a program that feeds this one, until its applicant confirms (program-feeds.schema.ts).
  'fed',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export const applicationStatusNames: Record<ApplicationStatus, { 'zh-CN': string; en: string }> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  submitted: { 'zh-CN': '已提交', en: 'Submitted' },
  returned: { 'zh-CN': '退回修改', en: 'Returned for revision' },
  endorsed: { 'zh-CN': '已推荐', en: 'Endorsed' },
  declined: { 'zh-CN': '未获推荐', en: 'Not endorsed' },
  eligible: { 'zh-CN': '初筛通过', en: 'Eligible' },
  ineligible: { 'zh-CN': '初筛未通过', en: 'Ineligible' },
  in_review: { 'zh-CN': '评审中', en: 'In review' },
  advanced: { 'zh-CN': '晋级', en: 'Advanced' },
  eliminated: { 'zh-CN': '未晋级', en: 'Eliminated' },
  candidate: { 'zh-CN': '拟入选', en: 'Candidate' },
  awarded: { 'zh-CN': '获奖/入榜', en: 'Awarded' },
  not_awarded: { 'zh-CN': '未获奖', en: 'Not awarded' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
  fed: { 'zh-CN': '上级推荐待确认', en: 'Fed, awaiting confirmation' },
};

export const CreditCodeSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(isValidCreditCode, { message: '统一社会信用代码无效（应为18位，且校验位正确）', params: { en: 'Not a valid unified social credit code (18 characters with a correct check character)' } });

export const OrganizationInputSchema = z.strictObject({
  name: z.string().trim().min(2).max(200),
  creditCode: CreditCodeSchema,
  /** GB/T 2260 code of the registered address. */
  regionCode: z.string().refine((c) => isValidRegionCode(c), { message: '请选择有效的行政区划', params: { en: 'Choose a valid administrative region' } }),
  kind: z.enum(['enterprise', 'organization']).default('enterprise'),
  /** 所有制性质: what routes a central SOE to 国务院国资委 (recommendation/reach.ts); optional. */
  ownership: z.enum(organizationOwnerships).optional(),
  address: z.string().trim().max(300).default(''),
  contactName: z.string().trim().min(1).max(60),
  contactPhone: z.string().trim().refine((s) => /^[0-9+\-() ]{6,30}$/.test(s), { message: '电话号码格式不正确', params: { en: 'Not a valid phone number' } }),
  contactEmail: z.email().max(254),
});
export type OrganizationInput = z.infer<typeof OrganizationInputSchema>;

export const OrganizationSchema = OrganizationInputSchema.extend({ id: z.string(), creditCode: z.string(), regionCode: z.string(), createdAt: z.number() });
export type Organization = z.infer<typeof OrganizationSchema>;
export const OrganizationListSchema = z.object({ organizations: z.array(OrganizationSchema) });

export const CreateApplicationRequestSchema = z.strictObject({
  programId: z.string().min(1).max(100),
  trackId: z.string().min(1).max(100),
  organizationId: z.string().min(1).max(100),
  /** On a recommended track: the recommending unit picked from the program's list… */
  unitId: z.string().min(1).max(100).optional(),
  /** …or the token of the unit's invitation link the applicant arrived through. */
  inviteToken: z.string().min(10).max(200).optional(),
});

export const TimelineEntrySchema = z.object({
  at: z.number(),
  status: z.enum(applicationStatuses),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  /** resubmitted: the applicant's submission of a revision after a return (重新提交), whatever status it led to. */
  kind: z.enum(['resubmitted']).optional(),
});

export const ApplicationDetailSchema = z.object({
  id: z.string(),
  /** 申报编号, shown on the receipt and the PDF. */
  number: z.string(),
  programId: z.string(),
  programSlug: z.string(),
  programName: z.string(),
  programNameEn: z.string().optional(),
  trackId: z.string(),
  trackName: z.string(),
  trackNameEn: z.string().optional(),
  organization: OrganizationSchema,
  status: z.enum(applicationStatuses),
  answers: z.record(z.string(), z.unknown()),
  /** Increases with every save; a save names the revision it started from. */
  revision: z.number().int(),
  form: FormTemplateSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
  submittedAt: z.number().nullable(),
  /** When the call closes for this application (its own extension included). */
  deadline: z.number(),
  timeline: z.array(TimelineEntrySchema),
  /** Back in screening after a revision (已重新提交): the latest step is the applicant's resubmission. */
  resubmitted: z.boolean().optional(),
  canEdit: z.boolean(),
  canWithdraw: z.boolean(),
});
export type ApplicationDetail = z.infer<typeof ApplicationDetailSchema>;

export const SaveDraftRequestSchema = z.strictObject({
  answers: z.record(z.string(), z.unknown()),
  baseRevision: z.number().int().nonnegative(),
});
export const SaveDraftResponseSchema = z.object({
  revision: z.number().int(),
  savedAt: z.number(),
  /** Draft-mode problems (limits, types); required fields are checked at submit. */
  problems: z.array(z.object({ path: z.string(), message: LocalizedSchema })),
});

export const SubmitApplicationRequestSchema = z.strictObject({ baseRevision: z.number().int().nonnegative() });
/** A platform admin opening an application as it stands (a draft included): why, for the audit log. */
export const AdminOpenRequestSchema = z.strictObject({ reason: z.string().trim().min(5, { message: '请说明查看理由（至少 5 个字）' }).max(500) });
export const WithdrawApplicationRequestSchema = z.strictObject({ reason: z.string().trim().max(500).default('') });

export const ApplicationSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  programId: z.string(),
  programName: z.string(),
  trackId: z.string(),
  trackName: z.string(),
  organizationName: z.string(),
  creditCode: z.string(),
  regionCode: z.string(),
  status: z.enum(applicationStatuses),
  updatedAt: z.number(),
  submittedAt: z.number().nullable(),
});
export type ApplicationSummary = z.infer<typeof ApplicationSummarySchema>;
export const ApplicationListSchema = z.object({ total: z.number().int(), items: z.array(ApplicationSummarySchema) });

/** The organizer's table: filters, full-text search in Chinese, paging. */
export const ApplicationQuerySchema = z.strictObject({
  trackId: z.string().max(100).optional(),
  status: z.enum(applicationStatuses).optional(),
  /** A GB/T 2260 prefix: 41 (河南省), 4101 (郑州市). */
  region: z.string().regex(/^\d{2,6}$/).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ApplicationQuery = z.infer<typeof ApplicationQuerySchema>;

export const ApplicationIdParamsSchema = z.strictObject({ applicationId: z.string().min(1).max(100) });
export const UploadResponseSchema = FileRefSchema;
