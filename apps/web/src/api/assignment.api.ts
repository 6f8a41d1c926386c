// Typed calls for 评审分配 (review assignment): the organizer solves, edits, sets pair rules and
// publishes; the expert lists their assignments and declares 回避. Types only from the domain's
// schemas, so zod stays out of the pages.
import type {
  AssignmentItemSchema, AssignmentRunSchema, AssignmentView, AssignmentQualityView, DeclareAssignmentConflictResultSchema, EditAssignmentRequestSchema,
  MyAssignmentListSchema, PairExplanationSchema, PairRuleRequestSchema, PairRuleSchema, PublishAssignmentResultSchema, SolveAssignmentRequestSchema,
  SolveAssignmentResultSchema,
} from '@lvping/domain/review/assignment-api.schema.ts';
import { api } from './client.ts';
import type { JobStarted } from './jobs.api.ts';

/** What a schema accepts (a request, before defaults) and what it returns (a response). */
type In<S> = S extends { _zod: { input: infer I } } ? I : never;
type Out<S> = S extends { _zod: { output: infer O } } ? O : never;

export type { AssignmentView, AssignmentQualityView };
export type AssignmentItem = Out<typeof AssignmentItemSchema>;
export type AssignmentRun = Out<typeof AssignmentRunSchema>;
export type AssignmentStatus = AssignmentItem['status'];
export type PairRule = Out<typeof PairRuleSchema>;
export type PairRuleKind = PairRule['kind'];
export type SolveRequest = In<typeof SolveAssignmentRequestSchema>;
export type SolveResult = Out<typeof SolveAssignmentResultSchema>;
export type Shortfall = Extract<SolveResult, { feasible: false }>['shortfalls'][number];
export type EditRequest = In<typeof EditAssignmentRequestSchema>;
export type PairRuleRequest = In<typeof PairRuleRequestSchema>;
export type PairExplanation = Out<typeof PairExplanationSchema>;
export type PublishResult = Out<typeof PublishAssignmentResultSchema>;
export type MyAssignment = Out<typeof MyAssignmentListSchema>['items'][number];
export type DeclareConflictResult = Out<typeof DeclareAssignmentConflictResultSchema>;

const enc = encodeURIComponent;
const base = (programId: string) => `/api/programs/${enc(programId)}/assignment`;
/** Every call is about one round; '' (a program without rounds) and undefined mean the first. */
const of = (round: string | undefined) => (round ? `?round=${enc(round)}` : '');

/** The organizer's side, per round: every write answers with the whole view (items, report, rules). */
export const assignmentApi = {
  view: (programId: string, round?: string) => api.get<AssignmentView>(`${base(programId)}${of(round)}`),
  /** Queues the exact solve (a job, one per program and round); its result is a SolveResult (infeasible: what is short). */
  solve: (programId: string, round: string, body: SolveRequest) => api.post<JobStarted>(`${base(programId)}/solve${of(round)}`, body),
  /** Add, remove or swap a reviewer; 回避 and capacity are refused with 409 and the reason on `expertId`. */
  edit: (programId: string, round: string, body: EditRequest) => api.post<AssignmentView>(`${base(programId)}/edit${of(round)}`, body),
  setRule: (programId: string, round: string, body: PairRuleRequest) => api.post<AssignmentView>(`${base(programId)}/rules${of(round)}`, body),
  deleteRule: (programId: string, round: string, body: { applicationId: string; expertId: string }) => api.post<AssignmentView>(`${base(programId)}/rules/delete${of(round)}`, body),
  explain: (programId: string, round: string, applicationId: string, expertId: string) =>
    api.get<PairExplanation>(`${base(programId)}/pairs/${enc(applicationId)}/${enc(expertId)}${of(round)}`),
  publish: (programId: string, round: string) => api.post<PublishResult>(`${base(programId)}/publish${of(round)}`),
};

/** The expert's side: assignments by number and applicant only, and 回避 before reading them. */
export const myAssignmentsApi = {
  list: () => api.get<{ items: MyAssignment[] }>('/api/review-assignments/mine'),
  declareConflict: (assignmentId: string, reason: string) => api.post<DeclareConflictResult>(`/api/review-assignments/${enc(assignmentId)}/conflict`, { reason }),
};
