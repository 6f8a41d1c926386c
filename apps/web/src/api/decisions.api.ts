// Typed calls for 获奖决定 (the organizer's decisions, program awards, moving the list on) and
// 委员会审定 (the committee member's side). Types only from the domain's schemas.
import type { DecisionView, OutcomeMoveResult } from '@lvping/domain/decision/decision-api.schema.ts';
import type { CommitteeList } from '@lvping/domain/decision/committee-api.schema.ts';
import type { CommitteeProgramsSchema, CommitteeActionResultSchema } from '@lvping/domain/decision/committee-api.schema.ts';
import { api } from './client.ts';

type Out<S> = S extends { _zod: { output: infer O } } ? O : never;

export type { CommitteeList, DecisionView, OutcomeMoveResult };
export type DecisionTrack = DecisionView['tracks'][number];
export type DecisionItem = DecisionTrack['items'][number];
export type DecisionTier = DecisionTrack['tiers'][number];
export type ProgramAwardView = DecisionView['awards'][number];
export type CommitteeReview = DecisionView['committee'][number];
export type CommitteePrograms = Out<typeof CommitteeProgramsSchema>;
export type CommitteeProgram = CommitteePrograms['items'][number];
export type CommitteeActionResult = Out<typeof CommitteeActionResultSchema>;

const enc = encodeURIComponent;
const base = (programId: string) => `/api/programs/${enc(programId)}/decisions`;
const committee = (programId: string) => `/api/committee/programs/${enc(programId)}`;

export const decisionsApi = {
  view: (programId: string) => api.get<DecisionView>(base(programId)),
  /** Counts per tier override the definition's; 400 on counts.<tier> for an unknown tier. */
  propose: (programId: string, trackId: string, counts?: Record<string, number>) => api.post<DecisionView>(`${base(programId)}/tracks/${enc(trackId)}/propose`, counts ? { counts } : {}),
  /** A tier other than the proposal needs a reason (400 on `reason`). */
  set: (programId: string, applicationId: string, tierId: string | null, reason?: string) => api.put<DecisionView>(`${base(programId)}/applications/${enc(applicationId)}`, { tierId, ...(reason ? { reason } : {}) }),
  submit: (programId: string) => api.post<OutcomeMoveResult>(`${base(programId)}/submit`),
  finalize: (programId: string) => api.post<OutcomeMoveResult>(`${base(programId)}/finalize`),
  reopen: (programId: string, reason: string) => api.post<OutcomeMoveResult>(`${base(programId)}/reopen`, { reason }),
  computeAward: (programId: string, awardId: string) => api.post<DecisionView>(`${base(programId)}/awards/${enc(awardId)}/compute`),
  addWinner: (programId: string, awardId: string, unitId: string, reason: string) => api.post<DecisionView>(`${base(programId)}/awards/${enc(awardId)}/winners`, { unitId, reason }),
  removeWinner: (programId: string, awardId: string, unitId: string, reason: string) => api.post<DecisionView>(`${base(programId)}/awards/${enc(awardId)}/winners/${enc(unitId)}/remove`, { reason }),
};

export const committeeApi = {
  programs: () => api.get<CommitteePrograms>('/api/committee/programs'),
  list: (programId: string) => api.get<CommitteeList>(committee(programId)),
  comment: (programId: string, body: string, applicationId?: string) => api.post<CommitteeActionResult>(`${committee(programId)}/comments`, { body, ...(applicationId ? { applicationId } : {}) }),
  approve: (programId: string, body?: string) => api.post<CommitteeActionResult>(`${committee(programId)}/approve`, body ? { body } : {}),
  changes: (programId: string, body: string, items: { applicationId: string; proposedTierId: string | null; reason: string }[]) =>
    api.post<CommitteeActionResult>(`${committee(programId)}/changes`, { ...(body ? { body } : {}), items }),
};
