import { z } from 'zod';
import { isShanghaiTime } from '../program/shanghai-time.ts';

// 对接会 API: events with their slots, invited participants, 1:1 requests and the schedule.

const msg = (zh: string, en: string) => ({ message: zh, params: { en } });
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, msg('时间格式为 HH:MM', 'Use HH:MM'));
const minutes = (t: string) => +t.slice(0, 2) * 60 + +t.slice(3, 5);

export const participantKinds = ['technology', 'investor', 'bank', 'buyer', 'service_provider'] as const;
export type ParticipantKind = (typeof participantKinds)[number];
export const meetingRequestStatuses = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export type MeetingRequestStatus = (typeof meetingRequestStatuses)[number];
export const meetingEventStatuses = ['open', 'scheduled', 'closed'] as const;

export const CreateMeetingEventSchema = z.strictObject({
  name: z.string().trim().min(2).max(200),
  place: z.string().trim().min(2).max(200),
  date: z.string().refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && isShanghaiTime(d), msg('日期格式为 YYYY-MM-DD', 'Use YYYY-MM-DD')),
  startTime: Time,
  endTime: Time,
  slotMinutes: z.number().int().min(5).max(240),
  tables: z.number().int().min(1).max(500),
  description: z.string().trim().max(2000).default(''),
}).superRefine((e, ctx) => {
  if (minutes(e.endTime) - minutes(e.startTime) < e.slotMinutes) ctx.addIssue({ code: 'custom', path: ['endTime'], ...msg('结束时间须晚于开始时间至少一个时段', 'The end must be at least one slot after the start') });
  else if ((minutes(e.endTime) - minutes(e.startTime)) / e.slotMinutes > 96) ctx.addIssue({ code: 'custom', path: ['slotMinutes'], ...msg('时段不能超过 96 个', 'At most 96 slots') });
});
export type CreateMeetingEvent = z.infer<typeof CreateMeetingEventSchema>;

export const MeetingSlotSchema = z.object({ index: z.number().int(), start: z.number(), end: z.number(), label: z.string() });
export const MeetingParticipantSchema = z.object({
  userId: z.string(), name: z.string(), orgName: z.string(), kind: z.enum(participantKinds),
  /** The technology (catalog entry) a technology owner comes with. */
  catalogEntryId: z.string().nullable(), technologyName: z.string().nullable(),
  unavailable: z.array(z.number().int()),
});
export type MeetingParticipant = z.infer<typeof MeetingParticipantSchema>;

export const UnscheduledReasonSchema = z.object({
  kind: z.enum(['same_participant', 'no_common_slot', 'participant_busy', 'tables_full', 'slots_taken', 'not_accepted']),
  slots: z.array(z.object({ slot: z.number().int(), tablesFull: z.boolean(), busy: z.array(z.object({ participant: z.string(), requestId: z.string() })) })).optional(),
});

export const MeetingRequestSchema = z.object({
  id: z.string(), fromUserId: z.string(), toUserId: z.string(), fromName: z.string(), toName: z.string(),
  note: z.string(), responseNote: z.string().nullable(), status: z.enum(meetingRequestStatuses), priority: z.number().int(),
  catalogEntryId: z.string().nullable(),
  slot: z.number().int().nullable(), table: z.number().int().nullable(), held: z.boolean(),
  unscheduled: UnscheduledReasonSchema.nullable(),
  createdAt: z.number(), respondedAt: z.number().nullable(),
});
export type MeetingRequest = z.infer<typeof MeetingRequestSchema>;

export const MeetingEventSchema = z.object({
  id: z.string(), name: z.string(), place: z.string(), date: z.string(), startTime: z.string(), endTime: z.string(),
  slotMinutes: z.number().int(), tables: z.number().int(), description: z.string(), status: z.enum(meetingEventStatuses),
  scheduledAt: z.number().nullable(), createdAt: z.number(),
  participantCount: z.number().int(), requestCount: z.number().int(), scheduledCount: z.number().int(),
});
export type MeetingEvent = z.infer<typeof MeetingEventSchema>;
export const MeetingEventListSchema = z.object({ items: z.array(MeetingEventSchema), canManage: z.boolean() });

export const ScheduleReportSchema = z.object({
  scheduled: z.number().int(), unscheduled: z.number().int(), optimal: z.boolean(), upperBound: z.number().int(), nodes: z.number().int(), ranAt: z.number(),
});
export type ScheduleReport = z.infer<typeof ScheduleReportSchema>;

export const MeetingEventDetailSchema = z.object({
  event: MeetingEventSchema,
  slots: z.array(MeetingSlotSchema),
  participants: z.array(MeetingParticipantSchema),
  /** The organizer: every request; a participant: the ones they sent or received. */
  requests: z.array(MeetingRequestSchema),
  /** The caller as a participant, or null (the organizer). */
  me: MeetingParticipantSchema.nullable(),
  canManage: z.boolean(),
  report: ScheduleReportSchema.nullable(),
});
export type MeetingEventDetail = z.infer<typeof MeetingEventDetailSchema>;

export const MeetingCandidateSchema = z.object({ userId: z.string(), name: z.string(), email: z.string(), orgName: z.string(), kind: z.enum(participantKinds), catalogEntryId: z.string().nullable(), technologyName: z.string().nullable() });
export const MeetingCandidateListSchema = z.object({ items: z.array(MeetingCandidateSchema) });
export type MeetingCandidate = z.infer<typeof MeetingCandidateSchema>;

export const InviteParticipantsSchema = z.strictObject({ userIds: z.array(z.string().min(1)).min(1).max(500) });
export const AvailabilitySchema = z.strictObject({ unavailable: z.array(z.number().int().min(0).max(95)).max(96) });
export const CreateMeetingRequestSchema = z.strictObject({
  toUserId: z.string().min(1),
  note: z.string().trim().min(1).max(500),
  catalogEntryId: z.string().min(1).nullable().default(null),
});
export const RespondMeetingRequestSchema = z.strictObject({ accept: z.boolean(), note: z.string().trim().max(500).default('') });
export const RunScheduleSchema = z.strictObject({
  /** Per request id, 0–10; higher goes first when not every meeting fits. */
  priorities: z.record(z.string(), z.number().int().min(0).max(10)).default({}),
});
export const MarkHeldSchema = z.strictObject({ held: z.boolean() });
export const MeetingEventParamsSchema = z.object({ eventId: z.string().min(1) });
export const MeetingRequestParamsSchema = z.object({ requestId: z.string().min(1) });
