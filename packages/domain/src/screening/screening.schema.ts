import { z } from 'zod';
import { LocalizedSchema } from '../api/error.schema.ts';
import { applicationStatuses } from '../application/application-api.schema.ts';
import { isShanghaiTime } from '../program/shanghai-time.ts';

// Requests and responses of 初筛 (screening), version history and deadline extensions.

export const screeningOutcomes = ['pass', 'fail', 'return'] as const;
export type ScreeningOutcome = (typeof screeningOutcomes)[number];

/** One automatic rule of the track, evaluated on the answers and the organization's data. */
export const RuleResultSchema = z.object({
  ruleId: z.string(),
  description: z.string(),
  descriptionEn: z.string().optional(),
  field: z.string(),
  /** The answer the rule read, in words ('' when not answered). */
  value: z.string(),
  status: z.enum(['pass', 'fail', 'unknown']),
  reason: LocalizedSchema.nullable(),
  /** A rule over a repeating group: each item, whether it counted, and why. */
  items: z.array(z.object({ index: z.number().int(), status: z.enum(['pass', 'fail', 'unknown']), reason: LocalizedSchema })).optional(),
});
export type RuleResult = z.infer<typeof RuleResultSchema>;

/** A checklist mark as stored: ticked (true), found wanting (false) or not yet looked at (null). */
export type ChecklistMark = { checked: boolean | null; note: string; by: string; at: number };

export const ChecklistItemStateSchema = z.object({
  id: z.string(),
  text: z.string(),
  textEn: z.string().optional(),
  checked: z.boolean().nullable(),
  note: z.string(),
  updatedAt: z.number().nullable(),
  updatedBy: z.string().nullable(),
});
export type ChecklistItemState = z.infer<typeof ChecklistItemStateSchema>;

/** A screening of one submitted version: the marks, and the decision once taken. */
export const ScreeningRecordSchema = z.object({
  versionNo: z.number().int(),
  outcome: z.enum(screeningOutcomes).nullable(),
  /** fail: the reason; return: the comments; pass: an optional note. */
  reason: z.string().nullable(),
  /** The rules as they stood when decided. */
  failedRules: z.array(RuleResultSchema),
  decidedAt: z.number().nullable(),
  decidedBy: z.string().nullable(),
  releasedAt: z.number().nullable(),
});
export type ScreeningRecord = z.infer<typeof ScreeningRecordSchema>;

export const ScreeningViewSchema = z.object({
  applicationId: z.string(),
  number: z.string(),
  programId: z.string(),
  trackId: z.string(),
  trackName: z.string(),
  entry: z.enum(['direct', 'recommendation']),
  status: z.enum(applicationStatuses),
  /** The application's revision: a decision names it, so a stale or replayed one is refused. */
  revision: z.number().int(),
  organizationName: z.string(),
  creditCode: z.string(),
  regionCode: z.string(),
  submittedAt: z.number().nullable(),
  /** The applicant's deadline (a return after it needs an extension to be answered). */
  deadline: z.number(),
  /** The submitted version being screened (0 for one submitted before versions were kept). */
  versionNo: z.number().int(),
  versionCount: z.number().int(),
  rules: z.array(RuleResultSchema),
  ruleSummary: z.object({ pass: z.number().int(), fail: z.number().int(), unknown: z.number().int() }),
  checklist: z.array(ChecklistItemStateSchema),
  current: ScreeningRecordSchema.nullable(),
  history: z.array(ScreeningRecordSchema),
  canDecide: z.boolean(),
  canRelease: z.boolean(),
});
export type ScreeningView = z.infer<typeof ScreeningViewSchema>;

export const screeningStates = ['pending', 'returned', 'eligible', 'ineligible', 'all'] as const;

export const ScreeningQueueQuerySchema = z.strictObject({
  trackId: z.string().min(1).max(100),
  /** pending: waiting for a decision (submitted on direct tracks, endorsed on recommended ones). */
  state: z.enum(screeningStates).default('pending'),
  region: z.string().regex(/^\d{2,6}$/).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ScreeningQueueQuery = z.infer<typeof ScreeningQueueQuerySchema>;

export const ScreeningQueueItemSchema = z.object({
  id: z.string(),
  number: z.string(),
  organizationName: z.string(),
  creditCode: z.string(),
  regionCode: z.string(),
  status: z.enum(applicationStatuses),
  submittedAt: z.number().nullable(),
  revision: z.number().int(),
  ruleSummary: z.object({ pass: z.number().int(), fail: z.number().int(), unknown: z.number().int() }),
  checklist: z.object({ checked: z.number().int(), total: z.number().int() }),
  outcome: z.enum(screeningOutcomes).nullable(),
  releasedAt: z.number().nullable(),
});
export const ScreeningQueueSchema = z.object({
  track: z.object({ id: z.string(), name: z.string(), entry: z.enum(['direct', 'recommendation']) }),
  screenableStatus: z.enum(applicationStatuses),
  total: z.number().int(),
  items: z.array(ScreeningQueueItemSchema),
});

export const ChecklistParamsSchema = z.strictObject({ applicationId: z.string().min(1).max(100), itemId: z.string().min(1).max(100) });
export const ChecklistTickRequestSchema = z.strictObject({
  checked: z.boolean().nullable(),
  note: z.string().trim().max(2000).default(''),
});

const LocalTime = z.string().refine(isShanghaiTime, { message: '时间格式应为 YYYY-MM-DD 或 YYYY-MM-DD HH:mm（北京时间）', params: { en: 'Use YYYY-MM-DD or YYYY-MM-DD HH:mm (Beijing time)' } });

export const ScreeningDecisionRequestSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('pass'), baseRevision: z.number().int().nonnegative(), note: z.string().trim().max(2000).optional() }),
  /** Marking ineligible needs its reason: the applicant reads it once released. */
  z.strictObject({ outcome: z.literal('fail'), baseRevision: z.number().int().nonnegative(), reason: z.string().trim().min(5).max(2000) }),
  z.strictObject({
    outcome: z.literal('return'),
    baseRevision: z.number().int().nonnegative(),
    comments: z.string().trim().min(5).max(5000),
    /** A new deadline for the revision (organizers only), e.g. when the call has closed. */
    resubmitBy: LocalTime.optional(),
  }),
]);
export type ScreeningDecisionRequest = z.infer<typeof ScreeningDecisionRequestSchema>;

export const BulkPassRequestSchema = z.strictObject({ applicationIds: z.array(z.string().min(1).max(100)).min(1).max(200) });
export const BulkResultSchema = z.object({
  applicationId: z.string(),
  ok: z.boolean(),
  status: z.enum(applicationStatuses).optional(),
  error: z.object({ code: z.string(), message: LocalizedSchema }).optional(),
});
export const BulkPassResponseSchema = z.object({ passed: z.number().int(), results: z.array(BulkResultSchema) });

/** Release decided reasons to applicants: a track, some applications, or (neither) the whole program. */
export const ReleaseRequestSchema = z.strictObject({
  trackId: z.string().min(1).max(100).optional(),
  applicationIds: z.array(z.string().min(1).max(100)).min(1).max(1000).optional(),
});
export const ReleaseResponseSchema = z.object({ released: z.number().int(), applicationIds: z.array(z.string()) });

/** What the applicant sees: return comments at once, the reasons for ineligibility once released. */
export const ScreeningFeedbackSchema = z.object({
  items: z.array(z.object({
    versionNo: z.number().int(),
    outcome: z.enum(screeningOutcomes),
    message: z.string().nullable(),
    failedRules: z.array(z.object({ description: z.string(), reason: LocalizedSchema.nullable() })),
    /** The checklist items the screener found wanting (不符合), with the screener's note on each. */
    failedChecks: z.array(z.object({ id: z.string(), text: z.string(), textEn: z.string().optional(), note: z.string() })),
    decidedAt: z.number(),
  })),
  /** A decision exists whose reasons the organizer has not released yet. */
  awaitingRelease: z.boolean(),
});

export const VersionSummarySchema = z.object({
  versionNo: z.number().int(),
  formVersion: z.number().int(),
  submittedAt: z.number(),
  /** What screening made of this version, if anything yet (a fail shows only once released to an applicant). */
  outcome: z.enum(screeningOutcomes).nullable(),
});
export const VersionListSchema = z.object({ items: z.array(VersionSummarySchema) });
export const VersionParamsSchema = z.strictObject({ applicationId: z.string().min(1).max(100), versionNo: z.coerce.number().int().min(1) });
export const VersionDetailSchema = VersionSummarySchema.extend({ answers: z.record(z.string(), z.unknown()) });
export const VersionCompareQuerySchema = z.strictObject({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });
export const VersionCompareSchema = z.object({
  from: VersionSummarySchema,
  to: VersionSummarySchema,
  changes: z.array(z.object({ path: z.string(), label: z.string(), labelEn: z.string().optional(), before: z.string(), after: z.string() })),
});

export const DeadlineExtensionRequestSchema = z.strictObject({
  /** Beijing time; a date alone means the end of that day. null removes the extension. */
  until: LocalTime.nullable(),
  reason: z.string().trim().min(2).max(500),
});
export const UnitDeadlineParamsSchema = z.strictObject({ programId: z.string().min(1).max(100), unitId: z.string().min(1).max(100) });
export const DeadlineResponseSchema = z.object({
  /** The deadline now in force (epoch ms). */
  deadline: z.number(),
  /** The extension, or null when the program's own deadline applies. */
  override: z.number().nullable(),
});
export const ProgramDeadlinesSchema = z.object({
  callClosesAt: z.number(),
  /** The recommendation phase's end, or the call's when the program has no such phase. */
  recommendationClosesAt: z.number(),
  units: z.array(z.object({ unitId: z.string(), until: z.number() })),
});
