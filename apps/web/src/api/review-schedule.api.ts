// The applicant's own review schedule: site visits and roadshow slots, per round.
import type { MyReviewScheduleSchema } from '@lvping/domain/review/review-api.schema.ts';
import { api } from './client.ts';

type Out<S> = S extends { _zod: { output: infer O } } ? O : never;
export type MyReviewSchedule = Out<typeof MyReviewScheduleSchema>;

export const reviewScheduleApi = {
  ofApplication: (applicationId: string) => api.get<MyReviewSchedule>(`/api/applications/${encodeURIComponent(applicationId)}/review-schedule`),
};
