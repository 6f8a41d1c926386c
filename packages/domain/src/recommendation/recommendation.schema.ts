import { z } from 'zod';
import { FileRefSchema } from '../form/form-template.schema.ts';
import { ApplicationDetailSchema, applicationStatuses } from '../application/application-api.schema.ts';
import { isValidRegionCode } from '../reference/regions.ts';
import { quotaScopes, recommendationUnitKinds } from './recommendation-definition.schema.ts';
import { unitContactRoles } from './unit-sheet.ts';

// Requests and responses of 推荐 (/api/recommendation/*, /api/programs/:id/recommending-units*),
// shared by the server's routes and the web app.

export const nominationStatuses = ['pending', 'endorsed', 'declined'] as const;
export type NominationStatus = (typeof nominationStatuses)[number];

const RefId = z.string().min(1).max(100);
const Count = z.number().int();

export const UnitIdParamsSchema = z.strictObject({ unitId: RefId });
export const InviteTokenParamsSchema = z.strictObject({ token: z.string().min(10).max(200) });
export const CandidateFileParamsSchema = z.strictObject({ applicationId: RefId, fileId: RefId });

/** A unit's standing on one track: the quota meter. */
export const QuotaMeterSchema = z.object({
  trackId: z.string(),
  trackName: z.string(),
  used: Count,
  limit: Count.nullable(),
  left: Count.nullable(),
  min: Count.nullable(),
  short: Count,
});
export type QuotaMeter = z.infer<typeof QuotaMeterSchema>;

/** A unit's standing on a group or program rule ("全部领域合计不超过6项"), counted over its tracks. */
export const ScopedQuotaMeterSchema = z.object({
  ruleId: z.string(),
  scope: z.enum(quotaScopes),
  trackIds: z.array(z.string()),
  /** The rule's description, or the names of its tracks. */
  label: z.string(),
  used: Count,
  limit: Count.nullable(),
  left: Count.nullable(),
  min: Count.nullable(),
  short: Count,
});
export type ScopedQuotaMeter = z.infer<typeof ScopedQuotaMeterSchema>;

export const ChannelRefSchema = z.object({ id: z.string(), name: z.string() });

export const UnitContactSchema = z.strictObject({
  role: z.enum(unitContactRoles),
  name: z.string().trim().min(1).max(60),
  phone: z.string().trim().refine((s) => s === '' || /^[0-9+\-() ]{6,30}$/.test(s), { message: '电话号码格式不正确', params: { en: 'Not a valid phone number' } }).default(''),
  email: z.email().max(254).optional(),
});

/** What an applicant picks from: no contacts, no quotas. regionCode is '' for a unit without one (兵团, 国资委, associations). */
export const UnitChoiceSchema = z.object({ id: z.string(), name: z.string(), regionCode: z.string(), channels: z.array(ChannelRefSchema) });
export const UnitChoiceListSchema = z.object({
  unitKind: z.enum(recommendationUnitKinds),
  units: z.array(UnitChoiceSchema),
  /** For an application: how many of the program's units may not recommend its organization (left out of `units`). */
  outOfReach: Count.default(0),
});

/** The organizer's view of a unit. */
export const UnitSchema = UnitChoiceSchema.extend({
  programId: z.string(),
  contacts: z.array(UnitContactSchema),
  adminEmails: z.array(z.string()),
  /** Named by the program definition (河南's cities) rather than imported. */
  fromDefinition: z.boolean(),
  members: Count,
  pendingInvitations: Count,
  quotas: z.array(QuotaMeterSchema),
  scopedQuotas: z.array(ScopedQuotaMeterSchema),
  /** Sent back as baseUpdatedAt when editing. */
  updatedAt: z.number(),
});
export type Unit = z.infer<typeof UnitSchema>;
export const UnitListSchema = z.object({
  unitKind: z.enum(recommendationUnitKinds),
  stacking: z.boolean(),
  channels: z.array(ChannelRefSchema),
  units: z.array(UnitSchema),
});

export const UpdateUnitRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  regionCode: z.string().refine((c) => c === '' || isValidRegionCode(c), { message: '请选择有效的行政区划', params: { en: 'Choose a valid administrative region' } }),
  channels: z.array(z.string().min(1).max(64)).max(20),
  contacts: z.array(UnitContactSchema).max(10),
  adminEmails: z.array(z.email().max(254)).max(20),
  /** The updatedAt the edit started from: a concurrent edit is refused, not overwritten. */
  baseUpdatedAt: z.number().int(),
});
export type UpdateUnitRequest = z.infer<typeof UpdateUnitRequestSchema>;

/** A unit its member belongs to, with its quota meter. */
export const MyUnitSchema = UnitChoiceSchema.extend({
  programId: z.string(),
  programSlug: z.string(),
  programName: z.string(),
  updatedAt: z.number(),
  quotas: z.array(QuotaMeterSchema),
  scopedQuotas: z.array(ScopedQuotaMeterSchema),
});
export const MyUnitListSchema = z.object({ units: z.array(MyUnitSchema) });

export const NominationSchema = z.object({
  applicationId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  trackId: z.string(),
  status: z.enum(nominationStatuses),
  /** 推荐意见 */
  opinion: z.string().nullable(),
  /** Why the unit declined. */
  reason: z.string().nullable(),
  /** The stamped 推荐单位意见 page. */
  stampedFile: FileRefSchema.nullable(),
  decidedAt: z.number().nullable(),
  decidedByName: z.string().nullable(),
  /** The unit's order of preference among its endorsements (1 = first); null until endorsed. */
  preference: Count.nullable(),
});
export type Nomination = z.infer<typeof NominationSchema>;

/** The unit orders its endorsed applications (推荐排序): every endorsed one, first preference first. */
export const PreferenceOrderRequestSchema = z.strictObject({ applicationIds: z.array(RefId).min(1).max(2000) });

export const CandidateSchema = z.object({
  applicationId: z.string(),
  number: z.string(),
  trackId: z.string(),
  trackName: z.string(),
  organizationName: z.string(),
  creditCode: z.string(),
  regionCode: z.string(),
  applicationStatus: z.enum(applicationStatuses),
  submittedAt: z.number().nullable(),
  nomination: NominationSchema,
});
export const CandidateListSchema = z.object({ unit: MyUnitSchema, items: z.array(CandidateSchema) });
export const CandidateDetailSchema = z.object({
  application: ApplicationDetailSchema, nomination: NominationSchema, quota: QuotaMeterSchema,
  /** What endorsing this candidate asks for (the program's endorsement requirements). */
  requires: z.object({ opinion: z.boolean(), stampedPage: z.boolean() }),
});

/** Whether the opinion and the stamped page may be left out is the program's (endorsement requirements): the service checks. */
export const EndorseRequestSchema = z.strictObject({
  opinion: z.string().trim().max(2000).default(''),
  /** The id the stamped-page upload returned. */
  stampedFileId: RefId.optional(),
});
export const DeclineRequestSchema = z.strictObject({ reason: z.string().trim().min(2).max(1000) });

/** The applicant names its recommending unit: picked from the list, or through the unit's link. */
export const NameUnitRequestSchema = z
  .strictObject({ unitId: RefId.optional(), inviteToken: z.string().min(10).max(200).optional() })
  .refine((b) => (b.unitId === undefined) !== (b.inviteToken === undefined), { message: '请选择推荐单位（或使用推荐单位的邀请链接）', params: { en: 'Give either unitId or inviteToken' } });

/** The application's recommendation as its applicant (or an organizer) sees it. */
export const ApplicationRecommendationSchema = z.object({
  /** False on direct tracks (国际创新合作榜, 开源创新榜, 河南's 典型案例): no unit, no endorsement. */
  takesRecommendation: z.boolean(),
  unit: UnitChoiceSchema.nullable(),
  nomination: NominationSchema.nullable(),
  /** The applicant may still name or change its unit (before the unit decides). */
  canChange: z.boolean(),
});

/** What an applicant arriving through a unit's link sees. */
export const InviteInfoSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  programId: z.string(),
  programSlug: z.string(),
  programName: z.string(),
  tracks: z.array(z.object({ id: z.string(), name: z.string() })),
});
export const InviteLinkSchema = z.object({ token: z.string(), url: z.string() });

export const ImportUnitsResultSchema = z.object({ created: Count, updated: Count, total: Count });

export const SendInvitationsRequestSchema = z.strictObject({
  /** Only these units; every unit of the program when left out. */
  unitIds: z.array(RefId).max(2000).optional(),
  /** Send again to addresses whose earlier invitation is still open. */
  resend: z.boolean().default(false),
});
export const SendInvitationsResultSchema = z.object({ sent: Count, skipped: Count, failed: z.array(z.string()) });

export const AcceptInvitationRequestSchema = z.strictObject({ token: z.string().min(10).max(200) });
export const AcceptInvitationResultSchema = z.object({ unitId: z.string(), unitName: z.string(), programId: z.string(), programName: z.string() });

export const ComplianceSchema = z.object({
  unitKind: z.enum(recommendationUnitKinds),
  tracks: z.array(z.object({ id: z.string(), name: z.string(), max: Count.nullable(), min: Count.nullable() })),
  units: z.array(z.object({
    unitId: z.string(),
    name: z.string(),
    regionCode: z.string(),
    quotas: z.array(QuotaMeterSchema.extend({ pending: Count, declined: Count })),
    enteredEveryTrack: z.boolean(),
    metEveryMinimum: z.boolean(),
    tracksEntered: Count,
  })),
  /** Units below a min, one row per unit and track. */
  short: z.array(z.object({ unitId: z.string(), unitName: z.string(), trackId: z.string(), trackName: z.string(), used: Count, min: Count, short: Count })),
  /** Submitted applications on recommended tracks that name no unit yet. */
  unassigned: Count,
});
export type Compliance = z.infer<typeof ComplianceSchema>;
