import { z } from 'zod';
import { isValidCreditCode } from '../form/credit-code.ts';
import { isValidRegionCode } from '../reference/regions.ts';

// The expert pool (专家库): requests and responses of /api/experts*, /api/programs/:id/experts*
// and /api/expert-invitations*, shared by the server's routes and the web app.

export const programExpertStatuses = ['invited', 'accepted', 'declined'] as const;
export type ProgramExpertStatus = (typeof programExpertStatuses)[number];
export const programExpertStatusNames: Record<ProgramExpertStatus, { 'zh-CN': string; en: string }> = {
  invited: { 'zh-CN': '已邀请', en: 'Invited' },
  accepted: { 'zh-CN': '已接受', en: 'Accepted' },
  declined: { 'zh-CN': '已谢绝', en: 'Declined' },
};

export const EXPERT_BIO_MAX = 500;
export const EXPERT_MAX_FIELDS = 30;
export const EXPERT_MAX_KEYWORDS = 30;

const RefId = z.string().min(1).max(100);
const Count = z.number().int();
/** A field an expert covers: a program's track id or a 绿色低碳转型产业指导目录 id (glt2024-4). */
export const ExpertFieldIdSchema = z.string().trim().refine((s) => /^[A-Za-z0-9_.-]{1,100}$/.test(s), { message: '领域代码只能包含字母、数字和 _ . -', params: { en: 'A field id has only letters, digits and _ . -' } });
/** Optional texts: absent, null and '' all mean unknown (null), so a profile read from the API can be sent back as it is. */
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((s) => s || null);
const PHONE = /^[0-9+\-() ]{6,30}$/;

export const ExpertCreditCodeSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s\u3000]/g, '').toUpperCase())
  .refine((s) => s === '' || isValidCreditCode(s), { message: '统一社会信用代码无效（应为18位，且校验位正确）', params: { en: 'Not a valid unified social credit code (18 characters with a correct check character)' } })
  .nullish()
  .transform((s) => s || null);

export const ExpertRegionCodeSchema = z
  .string()
  .trim()
  .refine((c) => c === '' || isValidRegionCode(c), { message: '请选择有效的行政区划（GB/T 2260，6位代码）', params: { en: 'Choose a valid GB/T 2260 region' } })
  .nullish()
  .transform((s) => s || null);

/** Free keywords: trimmed, deduplicated, in the order given. */
export const ExpertKeywordsSchema = z
  .array(z.string().trim().min(1).max(40))
  .max(EXPERT_MAX_KEYWORDS)
  .default([])
  .transform((ks) => [...new Set(ks)]);

/** What an organizer (or the expert, for their own) fills in. */
export const ExpertProfileInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  /** 工作单位 */
  orgName: z.string().trim().min(2).max(200),
  /** 统一社会信用代码 of the organization, when known: the surest test of 同一单位. */
  orgCreditCode: ExpertCreditCodeSchema,
  /** 上级集团: the group the organization belongs to (同一集团回避). */
  orgParentGroup: optionalText(200),
  /** GB/T 2260 code of where the expert works (同地区回避). */
  regionCode: ExpertRegionCodeSchema,
  /** 职称 / 职务, e.g. 教授级高级工程师. */
  title: z.string().trim().max(60).default(''),
  fields: z.array(ExpertFieldIdSchema).max(EXPERT_MAX_FIELDS).default([]).transform((fs) => [...new Set(fs)]),
  keywords: ExpertKeywordsSchema,
  bio: z.string().trim().max(EXPERT_BIO_MAX).default(''),
  email: z.email().max(254).transform((e) => e.toLowerCase()),
  phone: z.string().trim().refine((s) => s === '' || PHONE.test(s), { message: '电话号码格式不正确', params: { en: 'Not a valid phone number' } }).nullish().transform((s) => s || null),
});
export type ExpertProfileInput = z.input<typeof ExpertProfileInputSchema>;
export type ExpertProfileData = z.output<typeof ExpertProfileInputSchema>;

export const CreateExpertRequestSchema = ExpertProfileInputSchema;
/** baseUpdatedAt: the updatedAt the edit started from; a concurrent edit is refused, not overwritten. */
export const UpdateExpertRequestSchema = ExpertProfileInputSchema.extend({ baseUpdatedAt: z.number().int() });
/** The expert edits their own profile; the address stays the one the invitations went to. */
export const UpdateMyExpertProfileRequestSchema = ExpertProfileInputSchema.omit({ email: true }).extend({ baseUpdatedAt: z.number().int() });

export const ExpertFieldRefSchema = z.object({ id: z.string(), name: z.string() });

/** A profile in the pool. */
export const ExpertSchema = z.object({
  id: z.string(),
  name: z.string(),
  orgName: z.string(),
  orgCreditCode: z.string().nullable(),
  orgParentGroup: z.string().nullable(),
  regionCode: z.string().nullable(),
  title: z.string(),
  fields: z.array(z.string()),
  keywords: z.array(z.string()),
  bio: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  /** The account the profile is linked to (after the expert accepted an invitation). */
  userId: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type ExpertProfile = z.infer<typeof ExpertSchema>;

/** The expert's standing on one program. */
export const ProgramExpertSchema = z.object({
  programId: z.string(),
  expertId: z.string(),
  /** null: the whole program. */
  trackId: z.string().nullable(),
  status: z.enum(programExpertStatuses),
  /** Most applications the expert will review on this program (null: the program's default). */
  maxLoad: Count.nullable(),
  availabilityNote: z.string().nullable(),
  invitedAt: z.number(),
  respondedAt: z.number().nullable(),
});
export type ProgramExpert = z.infer<typeof ProgramExpertSchema>;

/** A row of the pool's table: the profile, its field names, and (with programId) its invitation. */
export const ExpertListItemSchema = ExpertSchema.extend({
  fieldRefs: z.array(ExpertFieldRefSchema),
  invitation: ProgramExpertSchema.nullable(),
});
export const ExpertListSchema = z.object({ total: Count, items: z.array(ExpertListItemSchema) });

export const ExpertIdParamsSchema = z.strictObject({ expertId: RefId });

const expertFilters = {
  /** Words in the name, organization, keywords, bio or title, all of which must appear. */
  q: z.string().trim().max(100).optional(),
  /** A field id the expert covers (track or 目录 category). */
  field: ExpertFieldIdSchema.optional(),
  /** A GB/T 2260 prefix: 41 (河南省), 4101 (郑州市). */
  region: z.string().regex(/^\d{2,6}$/).optional(),
  /** Words of the 职称. */
  title: z.string().trim().max(60).optional(),
  /** With status: the expert's standing on this program (and each row's invitation to it). */
  programId: RefId.optional(),
  /** 'none': not invited to programId. */
  status: z.enum([...programExpertStatuses, 'none']).optional(),
};
const statusNeedsProgram = (q: { status?: string; programId?: string }) => !q.status || !!q.programId;
const statusNeedsProgramMessage = () => ({ message: '按邀请状态筛选时请指定活动', params: { en: 'Filtering by status needs programId' }, path: ['programId'] });

/** Search and filters of the pool, with paging. */
export const ExpertQuerySchema = z.strictObject({
  ...expertFilters,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
}).refine(statusNeedsProgram, statusNeedsProgramMessage());
export type ExpertQuery = z.infer<typeof ExpertQuerySchema>;
/** The same filters select what the Excel export holds. */
export const ExpertExportQuerySchema = z.strictObject(expertFilters).refine(statusNeedsProgram, statusNeedsProgramMessage());
export type ExpertExportQuery = z.infer<typeof ExpertExportQuerySchema>;

export const ImportExpertsResultSchema = z.object({ created: Count, updated: Count, total: Count });

export const InviteExpertsRequestSchema = z.strictObject({
  expertIds: z.array(RefId).min(1).max(2000),
  /** Invite for one track only (the role is then track-scoped); the whole program when left out. */
  trackId: RefId.optional(),
  /** Most applications each will be given on this program; the expert may lower it when accepting. */
  maxLoad: z.number().int().min(1).max(10_000).optional(),
  /** Invite again those who declined or have not answered (a new link; the old one stops working). */
  resend: z.boolean().default(false),
});
export const InviteExpertsResultSchema = z.object({ invited: Count, skipped: Count, failed: z.array(z.string()) });

/** A program's invited experts with their status. */
export const ProgramExpertListSchema = z.object({
  items: z.array(ProgramExpertSchema.extend({ expert: ExpertSchema, trackName: z.string().nullable(), declaredConflicts: Count })),
});

/** A 回避 the expert declares: an application, or an organization (by name), with the reason. */
export const DeclaredConflictInputSchema = z
  .strictObject({
    applicationId: RefId.optional(),
    orgName: z.string().trim().min(2).max(200).optional(),
    reason: z.string().trim().min(2).max(500),
  })
  .refine((c) => (c.applicationId === undefined) !== (c.orgName === undefined), { message: '请指定回避的申报项目或单位（二选一）', params: { en: 'Give either applicationId or orgName' } });
export type DeclaredConflictInput = z.infer<typeof DeclaredConflictInputSchema>;

export const declaredConflictSources = ['invitation', 'assignment'] as const;
export const DeclaredConflictSchema = z.object({
  id: z.string(),
  programId: z.string(),
  expertId: z.string(),
  applicationId: z.string().nullable(),
  orgName: z.string().nullable(),
  reason: z.string(),
  declaredAt: z.number(),
  source: z.enum(declaredConflictSources),
});
export type DeclaredConflict = z.infer<typeof DeclaredConflictSchema>;

/** Which invitation is answered: by the emailed link's token, or (signed in) by its program. */
const InvitationRef = {
  token: z.string().min(10).max(200).optional(),
  programId: RefId.optional(),
};
const oneRef = (b: { token?: string; programId?: string }) => (b.token === undefined) !== (b.programId === undefined);
const oneRefMessage = { message: '请指定邀请链接或活动（二选一）', params: { en: 'Give either token or programId' } };

export const AcceptExpertInvitationRequestSchema = z
  .strictObject({
    ...InvitationRef,
    /** At most this many applications; the invitation's maxLoad when left out. */
    maxLoad: z.number().int().min(1).max(10_000).optional(),
    availabilityNote: z.string().trim().max(500).optional(),
    conflicts: z.array(DeclaredConflictInputSchema).max(200).default([]),
  })
  .refine(oneRef, oneRefMessage);
export type AcceptExpertInvitationRequest = z.infer<typeof AcceptExpertInvitationRequestSchema>;

export const DeclineExpertInvitationRequestSchema = z
  .strictObject({ ...InvitationRef, reason: z.string().trim().max(500).optional() })
  .refine(oneRef, oneRefMessage);

/** An invitation as the invited expert sees it. */
export const MyExpertInvitationSchema = ProgramExpertSchema.extend({
  programSlug: z.string(),
  programName: z.string(),
  trackName: z.string().nullable(),
  conflicts: z.array(DeclaredConflictSchema),
});
export const MyExpertInvitationListSchema = z.object({ profile: ExpertSchema.nullable(), items: z.array(MyExpertInvitationSchema) });

/** What the emailed link shows before signing in. */
export const ExpertInvitationInfoSchema = z.object({
  programId: z.string(),
  programName: z.string(),
  trackName: z.string().nullable(),
  expertName: z.string(),
  /** The address to sign in (or create the account) with. */
  email: z.string(),
  status: z.enum(programExpertStatuses),
  /** An account with that address exists: sign in rather than register. */
  hasAccount: z.boolean(),
});
export const ExpertInvitationTokenParamsSchema = z.strictObject({ token: z.string().min(10).max(200) });

export const ExpertInvitationResultSchema = MyExpertInvitationSchema;

/**
 * A conflict declared outside the invitation: by the expert on an assigned application (before
 * seeing its content), or recorded by an organizer for an expert (expertId).
 */
export const DeclareConflictRequestSchema = z
  .strictObject({
    applicationId: RefId.optional(),
    orgName: z.string().trim().min(2).max(200).optional(),
    reason: z.string().trim().min(2).max(500),
    expertId: RefId.optional(),
  })
  .refine((c) => (c.applicationId === undefined) !== (c.orgName === undefined), { message: '请指定回避的申报项目或单位（二选一）', params: { en: 'Give either applicationId or orgName' } });
export const DeclaredConflictListSchema = z.object({ items: z.array(DeclaredConflictSchema) });
export const DeleteExpertResultSchema = z.object({ deleted: z.literal(true) });

export const FieldChoicesSchema = z.object({ fields: z.array(ExpertFieldRefSchema.extend({ kind: z.enum(['catalogue', 'track']), programs: z.array(z.string()) })) });
