// Typed calls for review schedules: the organizer's 现场考察 and 路演 arrangement of a round (the
// schedule, a visit, a roadshow slot, a panel's members) and the expert's visit report upload,
// which reports its progress. Types only from the domain's schemas, so zod stays out of this file.
// (The applicant's own schedule is review-schedule.api.ts.)
import type {
  PanelMembersRequestSchema, PanelMembersResultSchema, RoundSchedule, SlotInputSchema, VisitInputSchema,
} from '@lvping/domain/review/review-api.schema.ts';
import type { FileRef } from '@lvping/domain/form/form-template.schema.ts';
import { applicationFiles } from './applications.api.ts';
import { api } from './client.ts';
import { uploadWithProgress, type UploadOptions } from './upload.ts';
import { expertReviewFiles } from './expert-review.api.ts';

type In<S> = S extends { _zod: { input: infer I } } ? I : never;
type Out<S> = S extends { _zod: { output: infer O } } ? O : never;

export type { FileRef, RoundSchedule };
export type ScheduleItem = RoundSchedule['items'][number];
export type ScheduleVisit = NonNullable<ScheduleItem['visit']>;
export type ScheduleSlot = NonNullable<ScheduleItem['slot']>;
export type SchedulePanel = RoundSchedule['panels'][number];
export type RoundTiming = NonNullable<RoundSchedule['timing']>;
/** date "YYYY-MM-DD", who goes, where. */
export type VisitInput = In<typeof VisitInputSchema>;
/** startsAt "YYYY-MM-DD HH:mm" in Beijing time; place a room or an online link. */
export type SlotInput = In<typeof SlotInputSchema>;
export type PanelMembersRequest = In<typeof PanelMembersRequestSchema>;
export type PanelMembersResult = Out<typeof PanelMembersResultSchema>;
export type SkippedPair = PanelMembersResult['skipped'][number];

const enc = encodeURIComponent;
const roundBase = (programId: string, roundId: string) => `/api/programs/${enc(programId)}/review/rounds/${enc(roundId)}`;

/** The organizer's side (the whole program's organizer only: 403 otherwise). Every change answers with the whole schedule. */
export const reviewScheduleAdminApi = {
  schedule: (programId: string, roundId: string) => api.get<RoundSchedule>(`${roundBase(programId, roundId)}/schedule`),
  /** Site-visit rounds only (400 otherwise); 404 when the application is not in the round. The applicant is notified. */
  setVisit: (programId: string, roundId: string, applicationId: string, body: VisitInput) =>
    api.put<RoundSchedule>(`${roundBase(programId, roundId)}/visits/${enc(applicationId)}`, body),
  /** Roadshow rounds, or rounds timed like one (400 otherwise). The applicant is notified. */
  setSlot: (programId: string, roundId: string, applicationId: string, body: SlotInput) =>
    api.put<RoundSchedule>(`${roundBase(programId, roundId)}/slots/${enc(applicationId)}`, body),
  /** Draft assignments of every member × every application of the panel's slots; 回避 pairs skipped with the reason. */
  addPanelMembers: (programId: string, roundId: string, panel: string, expertIds: string[]) =>
    api.post<PanelMembersResult>(`${roundBase(programId, roundId)}/panels/${enc(panel)}/members`, { expertIds } satisfies PanelMembersRequest),
  uploadVisitReport: (assignmentId: string, file: File, opts: UploadOptions = {}) =>
    uploadWithProgress<FileRef>(`/api/review-assignments/${enc(assignmentId)}/visit-report`, file, opts),
};

/** Download addresses (GET, fetched as files). */
export const reviewScheduleFiles = {
  /** The visit report as the organizer reads it (an attachment of the application). */
  report: (applicationId: string, fileId: string) => applicationFiles.file(applicationId, fileId),
  /** The visit report as an expert of the round reads it. */
  reportOfAssignment: (assignmentId: string, fileId: string) => expertReviewFiles.file(assignmentId, fileId),
};

/** What the visit report accepts (the server's rule; it checks the content too). */
export const VISIT_REPORT = { accept: ['.pdf', '.doc', '.docx', '.jpg', '.jpeg', '.png'], maxSizeMB: 50 } as const;
