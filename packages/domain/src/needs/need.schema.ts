import { z } from 'zod';
import { countChars } from '../form/text-length.ts';
import { isGreenCatalogueId } from '../reference/green-catalogue.ts';
import { isChinesePhone } from '../publicity/objection.schema.ts';
import { isShanghaiTime } from '../program/shanghai-time.ts';

// 技术需求: a 共性技术难点 posted by an enterprise, a region or an association, with the
// indicators a solution must reach, a budget range and a deadline. Reviewed by the catalog
// organizer before the public sees it; the poster's contact is never public. Every field says
// what is wrong with it in both languages, so the form shows it under the field.

const msg = (zh: string, en: string) => ({ message: zh, params: { en } });

/** A calendar day in Asia/Shanghai (the day ends at 24:00). */
export const IsoDaySchema = z.string().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isShanghaiTime(v), msg('日期格式：YYYY-MM-DD', 'Date: YYYY-MM-DD'));

export const needStatuses = ['draft', 'pending', 'published', 'rejected', 'closed'] as const;
export type NeedStatus = (typeof needStatuses)[number];
export const needStatusNames: Record<NeedStatus, { 'zh-CN': string; en: string }> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  pending: { 'zh-CN': '待审核', en: 'Under review' },
  published: { 'zh-CN': '已发布', en: 'Published' },
  rejected: { 'zh-CN': '未通过', en: 'Rejected' },
  closed: { 'zh-CN': '已关闭', en: 'Closed' },
};

export const NeedIndicatorSchema = z.strictObject({
  name: z.string().trim().refine((v) => v.length >= 1 && v.length <= 60, msg('请填写指标名称（1–60 字）', 'Name the indicator (1–60 characters)')),
  target: z.number().finite(),
  unit: z.string().trim().max(20).default(''),
  /** atLeast: a solution must reach at least the target (效率 ≥ 95%); atMost: stay at most (能耗 ≤ 1.2). */
  direction: z.enum(['atLeast', 'atMost']).default('atLeast'),
});
export type NeedIndicator = z.infer<typeof NeedIndicatorSchema>;

export const NEED_BUDGET_MAX = 10_000_000; // 万元: 1000 亿, far above any real need

export const NeedFieldsSchema = z.strictObject({
  /** 共性技术难点, one line: it becomes the track's name in a 揭榜挂帅 program. */
  problem: z.string().trim()
    .refine((v) => countChars(v) >= 4, msg('请用至少 4 个字写明技术难点', 'Describe the problem in at least 4 characters'))
    .refine((v) => countChars(v) <= 100, msg('技术难点不能超过 100 字（详细说明写在“需求描述”中）', 'At most 100 characters (put the details in the description)')),
  description: z.string().trim().refine((v) => countChars(v) <= 5000, msg('需求描述不能超过 5000 字', 'At most 5000 characters')).default(''),
  /** The 2024 产业指导目录 field (green-catalogue.ts). */
  fieldId: z.string().refine(isGreenCatalogueId, msg('请选择《绿色低碳转型产业指导目录（2024年版）》中的领域', 'Choose a field of the 2024 green industry catalogue')),
  indicators: z.array(NeedIndicatorSchema).min(1, msg('至少填写一项目标指标', 'Give at least one target indicator')).max(20),
  /** 万元 */
  budget: z.strictObject({ min: z.number().min(0).max(NEED_BUDGET_MAX), max: z.number().min(0).max(NEED_BUDGET_MAX) })
    .refine((b) => b.min <= b.max, { ...msg('预算上限不能低于下限', 'The maximum must not be below the minimum'), path: ['max'] }),
  /** 揭榜截止日期 (Asia/Shanghai, through 24:00 of the day). */
  deadline: IsoDaySchema,
  /** Whether the poster funds the solution itself (出资方). */
  funded: z.boolean(),
  /** Never public: the poster and the catalog organizer only. */
  contact: z.strictObject({
    name: z.string().trim().refine((v) => v.length >= 2 && v.length <= 50, msg('请填写联系人姓名（2–50 字）', 'Give the contact’s name (2–50 characters)')),
    phone: z.string().trim().refine(isChinesePhone, msg('请填写有效的手机号或座机号', 'Give a valid Chinese mobile or landline number')),
    email: z.string().trim().refine((v) => v.length <= 200 && z.email().safeParse(v).success, msg('邮箱格式不正确', 'Not a valid email address')),
  }),
});
export type NeedFields = z.infer<typeof NeedFieldsSchema>;
export type NeedFieldsInput = z.input<typeof NeedFieldsSchema>;
/** What the public may read of a need: everything but the contact. */
export type PublicNeedFields = Omit<NeedFields, 'contact'>;

export const CreateNeedRequestSchema = z.strictObject({ organizationId: z.string().min(1).max(100), fields: NeedFieldsSchema });
export const UpdateNeedRequestSchema = z.strictObject({ fields: NeedFieldsSchema });
export const ReviewNeedRequestSchema = z.strictObject({
  decision: z.enum(['publish', 'reject']),
  note: z.string().trim().max(2000).default(''),
}).refine((r) => r.decision === 'publish' || r.note.length >= 2, { ...msg('退回须写明理由（至少 2 字）', 'Give the reason for rejecting (at least 2 characters)'), path: ['note'] });
export type ReviewNeedRequest = z.input<typeof ReviewNeedRequestSchema>;
export const NeedParamsSchema = z.object({ needId: z.string().min(1).max(100) });

const ProgramLinkSchema = z.object({ programId: z.string(), slug: z.string(), name: z.string(), trackId: z.string() }).nullable();

/** The poster's and the catalog organizer's view: everything, the contact included. */
export const NeedViewSchema = z.object({
  id: z.string(),
  status: z.enum(needStatuses),
  fields: NeedFieldsSchema,
  organization: z.object({ id: z.string(), name: z.string(), regionCode: z.string() }),
  reviewNote: z.string().nullable(),
  program: ProgramLinkSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
  submittedAt: z.number().nullable(),
  publishedAt: z.number().nullable(),
  closedAt: z.number().nullable(),
  /** For the poster: what it may do now. */
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  canClose: z.boolean(),
});
export type NeedView = z.infer<typeof NeedViewSchema>;
export const NeedListSchema = z.object({ items: z.array(NeedViewSchema) });

/** What anyone reads: no contact, no review note. */
export const PublicNeedSchema = z.object({
  id: z.string(),
  status: z.enum(['published', 'closed']),
  /** Published and its deadline not passed. */
  open: z.boolean(),
  fields: NeedFieldsSchema.omit({ contact: true }),
  organizationName: z.string(),
  regionCode: z.string(),
  publishedAt: z.number().nullable(),
  program: ProgramLinkSchema,
});
export type PublicNeed = z.infer<typeof PublicNeedSchema>;

export const PublicNeedQuerySchema = z.object({
  fieldId: z.string().max(40).optional(),
  /** A GB/T 2260 code: a province (xx0000) or city (xxxx00) matches everything in it. */
  region: z.string().regex(/^\d{6}$/, msg('地区代码为 6 位数字', 'A region code has 6 digits')).optional(),
  funded: z.enum(['1', '0']).optional(),
  state: z.enum(['open', 'closed']).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type PublicNeedQuery = z.input<typeof PublicNeedQuerySchema>;
export const PublicNeedListSchema = z.object({ total: z.number(), items: z.array(PublicNeedSchema) });

export const ReviewQueueQuerySchema = z.object({ status: z.enum(['pending', 'published']).default('pending') });

/** The organizer's "create a 揭榜挂帅 program from these needs". */
export const CreateJiebangProgramRequestSchema = z.strictObject({
  needIds: z.array(z.string().min(1).max(100)).min(1, msg('至少选择一项已发布的需求', 'Choose at least one published need')).max(50),
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, msg('活动标识：小写字母、数字和 -', 'slug: lower-case letters, digits and -')),
  name: z.string().trim().min(2).max(200),
  organizers: z.array(z.string().trim().min(1).max(200)).min(1).max(10).optional(),
  /** The call opens on this day (by default today, Shanghai). */
  opensOn: IsoDaySchema.optional(),
  /** 赛马: how many solvers each need may fund in parallel. */
  solversPerNeed: z.number().int().min(1).max(10).default(2),
  reviewDays: z.number().int().min(1).max(180).default(30),
  /** A committee approves the decision (评审委员会审定), or the organizer decides alone. */
  approval: z.enum(['none', 'committee']).default('none'),
});
export type CreateJiebangProgramRequest = z.input<typeof CreateJiebangProgramRequestSchema>;
export const JiebangProgramCreatedSchema = z.object({
  programId: z.string(),
  slug: z.string(),
  tracks: z.array(z.object({ needId: z.string(), trackId: z.string(), name: z.string() })),
});
