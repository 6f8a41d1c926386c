import { z } from 'zod';
import type { FormTemplate } from '../form/form-template.schema.ts';
import { LocalizedSchema } from '../api/error.schema.ts';
import { RubricSchema } from './rubric.schema.ts';
import { SheetSchema } from './score-sheet.ts';
import { isShanghaiTime } from '../program/shanghai-time.ts';

// Requests and responses of expert review rounds, shared by server and browser: the expert's
// reading view and score sheet, the organizer's unlock, progress and reminders, and advancing
// applications to the next round.

const IdSchema = z.string().min(1).max(100);
const Reason = z.string().trim().min(2).max(1000);

export const RoundParamsSchema = z.strictObject({ programId: IdSchema, roundId: z.string().min(1).max(64) });
export const AssignmentFileParamsSchema = z.strictObject({ assignmentId: IdSchema, fileId: IdSchema });

/** The application as a reviewer reads it: in a blind round nothing identifying is in here. */
export const ReviewReadingSchema = z.object({
  assignmentId: z.string(),
  programName: z.string(),
  roundId: z.string(),
  roundName: z.string(),
  /** The round's phase kind (site_visit, roadshow…); null for a program without rounds. */
  roundKind: z.string().nullable(),
  applicationNumber: z.string(),
  trackName: z.string(),
  blind: z.boolean(),
  /** The applicant; null in a blind round. */
  orgName: z.string().nullable(),
  form: z.custom<FormTemplate>((v) => !!v && typeof v === 'object'),
  answers: z.record(z.string(), z.record(z.string(), z.unknown())),
  files: z.array(z.object({ id: z.string(), name: z.string(), size: z.number(), type: z.string() })),
  /** A site visit or a roadshow slot of this application in this round. */
  visit: z.object({ date: z.string(), team: z.string(), address: z.string(), report: z.object({ id: z.string(), name: z.string() }).nullable() }).nullable(),
  slot: z.object({ panel: z.string(), startsAt: z.number(), place: z.string() }).nullable(),
});
export type ReviewReading = z.infer<typeof ReviewReadingSchema>;

export const sheetStatuses = ['none', 'draft', 'submitted'] as const;

export const SheetViewSchema = z.object({
  assignmentId: z.string(),
  rubric: RubricSchema,
  sheet: SheetSchema,
  status: z.enum(sheetStatuses),
  /** The revision a save must name; 0 before the first save. */
  revision: z.number().int(),
  total: z.number().nullable(),
  failedGates: z.array(z.object({ gateId: z.string(), name: z.string(), note: z.string() })),
  /** What keeps it from being submitted (or, once submitted, nothing). */
  problems: z.array(z.object({ path: z.string(), message: LocalizedSchema })),
  unlockReason: z.string().nullable(),
  updatedAt: z.number().nullable(),
  submittedAt: z.number().nullable(),
  /** A roadshow's minutes, for the timer. */
  timing: z.object({ presentMinutes: z.number(), qaMinutes: z.number() }).nullable(),
});
export type SheetView = z.infer<typeof SheetViewSchema>;

export const SaveSheetRequestSchema = z.strictObject({ sheet: SheetSchema, baseRevision: z.number().int().min(0) });
export const SubmitSheetRequestSchema = z.strictObject({ baseRevision: z.number().int().min(0) });
export const UnlockSheetRequestSchema = z.strictObject({ reason: Reason });
export const UnlockParamsSchema = z.strictObject({ programId: IdSchema, assignmentId: IdSchema });

export const RoundProgressSchema = z.object({
  roundId: z.string(),
  roundName: z.string(),
  /** When the round's phase ends (epoch ms); null without a phase. */
  dueAt: z.number().nullable(),
  totals: z.object({ assigned: z.number(), confirmed: z.number(), started: z.number(), submitted: z.number() }),
  tracks: z.array(z.object({ trackId: z.string(), trackName: z.string(), applications: z.number(), assigned: z.number(), started: z.number(), submitted: z.number() })),
  experts: z.array(z.object({
    expertId: z.string(), name: z.string(), email: z.string(), assigned: z.number(), started: z.number(), submitted: z.number(),
    /** Past the due time with sheets outstanding. */
    late: z.boolean(),
  })),
  sheets: z.array(z.object({
    assignmentId: z.string(), applicationId: z.string(), applicationNumber: z.string(), trackId: z.string(), expertId: z.string(), expertName: z.string(),
    status: z.enum(sheetStatuses), total: z.number().nullable(), submittedAt: z.number().nullable(),
  })),
  reminders: z.array(z.object({ id: z.string(), dueAt: z.number(), sentAt: z.number().nullable(), sentCount: z.number().nullable() })),
});
export type RoundProgress = z.infer<typeof RoundProgressSchema>;

/** A reminder to every expert with sheets outstanding: now, or at `at` (epoch ms). */
export const RemindRequestSchema = z.strictObject({ at: z.number().int().positive().optional() });
export const RemindResultSchema = z.object({ sent: z.number().nullable(), scheduled: z.number().nullable() });

export const AdvanceItemSchema = z.object({
  applicationId: z.string(),
  number: z.string(),
  title: z.string(),
  rank: z.number().nullable(),
  score: z.number().nullable(),
  /** The entry rule chose it. */
  proposed: z.boolean(),
  /** Why the rule leaves it out: the failed 基本要求 gates, or no score yet. */
  excludedBy: LocalizedSchema.nullable(),
});
export const AdvancePreviewSchema = z.object({
  from: z.object({ roundId: z.string(), name: z.string() }),
  to: z.object({ roundId: z.string(), name: z.string(), rule: LocalizedSchema }),
  /** Already advanced: the list is what was decided. */
  done: z.boolean(),
  tracks: z.array(z.object({ trackId: z.string(), trackName: z.string(), items: z.array(AdvanceItemSchema) })),
});
export type AdvancePreview = z.infer<typeof AdvancePreviewSchema>;

/** The organizer's final list; a reason is needed when it differs from the rule's. */
export const AdvanceRequestSchema = z.strictObject({ include: z.array(IdSchema).max(100_000), reason: z.string().trim().max(1000).optional() });
export const AdvanceResultSchema = z.object({ entered: z.number(), eliminated: z.number() });

// Site visits (现场考察) and roadshow slots (路演安排).
export const ApplicationInRoundParamsSchema = z.strictObject({ programId: IdSchema, roundId: z.string().min(1).max(64), applicationId: IdSchema });
export const VisitInputSchema = z.strictObject({
  date: z.string().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isShanghaiTime(v), { message: '请填写有效日期（YYYY-MM-DD）', params: { en: 'A real date as YYYY-MM-DD' } }),
  /** Who goes: the experts and staff, as the organizer writes it. */
  team: z.string().trim().min(1).max(500),
  address: z.string().trim().min(2).max(500),
});
export const SlotInputSchema = z.strictObject({
  panel: z.string().trim().min(1).max(100),
  /** Shanghai local time "YYYY-MM-DD HH:mm". */
  startsAt: z.string().refine((v) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(v) && !v.endsWith('24:00') && isShanghaiTime(v), { message: '时间格式应为 YYYY-MM-DD HH:mm（北京时间）', params: { en: 'A Beijing time as YYYY-MM-DD HH:mm' } }),
  /** A room, or an online meeting link. */
  place: z.string().trim().min(1).max(500),
});
export const PanelMembersRequestSchema = z.strictObject({ expertIds: z.array(IdSchema).min(1).max(100) });
export const PanelMembersResultSchema = z.object({ added: z.number(), skipped: z.array(z.object({ applicationId: z.string(), expertId: z.string(), reason: z.string() })) });

const VisitView = z.object({ date: z.string(), team: z.string(), address: z.string(), report: z.object({ id: z.string(), name: z.string(), size: z.number() }).nullable() });
const SlotView = z.object({ panel: z.string(), startsAt: z.number(), place: z.string() });
export const RoundScheduleSchema = z.object({
  roundId: z.string(),
  kind: z.string().nullable(),
  timing: z.object({ presentMinutes: z.number(), qaMinutes: z.number() }).nullable(),
  items: z.array(z.object({ applicationId: z.string(), number: z.string(), title: z.string(), orgName: z.string(), trackId: z.string(), visit: VisitView.nullable(), slot: SlotView.nullable() })),
  panels: z.array(z.object({ panel: z.string(), applications: z.number(), members: z.array(z.object({ expertId: z.string(), name: z.string() })) })),
});
export type RoundSchedule = z.infer<typeof RoundScheduleSchema>;
/** What an applicant is told of its own schedule. */
export const MyReviewScheduleSchema = z.object({
  items: z.array(z.object({ roundName: z.string(), kind: z.string().nullable(), visit: VisitView.omit({ report: true, team: true }).nullable(), slot: SlotView.nullable(), timing: z.object({ presentMinutes: z.number(), qaMinutes: z.number() }).nullable() })),
});
