// Typed calls for the organizer's side of review rounds: progress and reminders, the ranking with
// its explanation, unlocking a submitted sheet, and advancing to the next round. Types only from
// the domain's schemas, so zod stays out of the pages. (The expert's own calls are in
// expert-review.api.ts.)
import type {
  AdvancePreview, AdvanceRequestSchema, AdvanceResultSchema, RemindRequestSchema, RemindResultSchema, RoundProgress,
} from '@lvping/domain/review/review-api.schema.ts';
import type { RoundRanking } from '@lvping/domain/review/ranking-api.schema.ts';
import { api } from './client.ts';

type In<S> = S extends { _zod: { input: infer I } } ? I : never;
type Out<S> = S extends { _zod: { output: infer O } } ? O : never;

export type { AdvancePreview, RoundProgress, RoundRanking };
export type ProgressExpert = RoundProgress['experts'][number];
export type ProgressSheet = RoundProgress['sheets'][number];
export type ProgressTrack = RoundProgress['tracks'][number];
export type Reminder = RoundProgress['reminders'][number];
export type RemindRequest = In<typeof RemindRequestSchema>;
export type RemindResult = Out<typeof RemindResultSchema>;
export type TrackRanking = RoundRanking['tracks'][number];
export type RankedApplication = TrackRanking['items'][number];
export type RankedReview = RankedApplication['reviews'][number];
export type RankingFlag = TrackRanking['flags'][number];
export type RankingMethod = RoundRanking['method'];
export type AdvanceItem = AdvancePreview['tracks'][number]['items'][number];
export type AdvanceRequest = In<typeof AdvanceRequestSchema>;
export type AdvanceResult = Out<typeof AdvanceResultSchema>;

const enc = encodeURIComponent;
const roundBase = (programId: string, roundId: string) => `/api/programs/${enc(programId)}/review/rounds/${enc(roundId)}`;

export const reviewApi = {
  progress: (programId: string, roundId: string) => api.get<RoundProgress>(`${roundBase(programId, roundId)}/progress`),
  /** Now (answers how many experts were mailed), or scheduled at `at`; a past time is a 400 on `at`. */
  remind: (programId: string, roundId: string, body: RemindRequest) => api.post<RemindResult>(`${roundBase(programId, roundId)}/reminders`, body),
  /** Without a method, the round's own (the definition's). */
  ranking: (programId: string, roundId: string, method?: RankingMethod) =>
    api.get<RoundRanking>(`${roundBase(programId, roundId)}/ranking${method ? `?method=${enc(method)}` : ''}`),
  /** The reason goes to the audit log and to the expert. */
  unlock: (programId: string, assignmentId: string, reason: string) =>
    api.post<{ unlocked: true }>(`/api/programs/${enc(programId)}/review/sheets/${enc(assignmentId)}/unlock`, { reason }),
  advancePreview: (programId: string, roundId: string) => api.get<AdvancePreview>(`${roundBase(programId, roundId)}/advance`),
  /** A list that differs from the proposal needs a reason (400 on `reason`); 409 once advanced. */
  advance: (programId: string, roundId: string, body: AdvanceRequest) => api.post<AdvanceResult>(`${roundBase(programId, roundId)}/advance`, body),
};
