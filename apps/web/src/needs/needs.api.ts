// Typed calls for 技术需求, 揭榜挂帅 programs made from needs, and 赛马 milestones. Types only from
// the domain, so zod stays on the server side.
import type {
  CreateJiebangProgramRequest, JiebangProgramCreatedSchema, NeedFieldsInput, NeedView, PublicNeed, PublicNeedQuery, ReviewNeedRequest,
} from '@lvping/domain/needs/need.schema.ts';
import type { MilestoneComparison, MilestoneInput, MilestoneScoreRequest, MyMilestonesSchema } from '@lvping/domain/needs/milestone.schema.ts';
import { api } from '../api/client.ts';
import { uploadWithProgress } from '../api/upload.ts';

type Out<S> = S extends { _zod: { output: infer O } } ? O : never;
export type { NeedView, PublicNeed, NeedFieldsInput, MilestoneComparison };
export type JiebangCreated = Out<typeof JiebangProgramCreatedSchema>;
export type MyMilestones = Out<typeof MyMilestonesSchema>;
export type SolverView = MilestoneComparison['tracks'][number]['solvers'][number];
export type MilestoneView = SolverView['milestones'][number];

const e = encodeURIComponent;
const query = (q: Record<string, string | number | undefined>) => {
  const s = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString();
  return s ? `?${s}` : '';
};

export const needsApi = {
  publicList: (q: PublicNeedQuery) => api.get<{ total: number; items: PublicNeed[] }>(`/api/needs/public${query(q as Record<string, string | number | undefined>)}`),
  publicOne: (id: string) => api.get<PublicNeed>(`/api/needs/public/${e(id)}`),
  mine: () => api.get<{ items: NeedView[] }>('/api/needs/mine'),
  get: (id: string) => api.get<NeedView>(`/api/needs/${e(id)}`),
  create: (organizationId: string, fields: NeedFieldsInput) => api.post<NeedView>('/api/needs', { organizationId, fields }),
  update: (id: string, fields: NeedFieldsInput) => api.put<NeedView>(`/api/needs/${e(id)}`, { fields }),
  submit: (id: string) => api.post<NeedView>(`/api/needs/${e(id)}/submit`),
  close: (id: string) => api.post<NeedView>(`/api/needs/${e(id)}/close`),
  queue: (status: 'pending' | 'published') => api.get<{ items: NeedView[] }>(`/api/needs/review-queue?status=${status}`),
  review: (id: string, body: ReviewNeedRequest) => api.post<NeedView>(`/api/needs/${e(id)}/review`, body),
  createProgram: (body: CreateJiebangProgramRequest) => api.post<JiebangCreated>('/api/needs/jiebang-programs', body),
};

const ms = (programId: string) => `/api/programs/${e(programId)}/milestones`;
export const milestonesApi = {
  comparison: (programId: string, track?: string) => api.get<MilestoneComparison>(`${ms(programId)}/comparison${query({ track })}`),
  mine: (programId: string) => api.get<MyMilestones>(`${ms(programId)}/mine`),
  fromPlans: (programId: string) => api.post<MilestoneComparison>(`${ms(programId)}/from-plans`),
  set: (programId: string, applicationId: string, milestones: MilestoneInput[]) => api.put<MilestoneComparison>(`${ms(programId)}/applications/${e(applicationId)}`, { milestones }),
  score: (programId: string, milestoneId: string, body: MilestoneScoreRequest) => api.put<MilestoneComparison>(`${ms(programId)}/${e(milestoneId)}/score`, body),
  upload: (programId: string, milestoneId: string, file: File, onProgress?: (p: number) => void) => uploadWithProgress(`${ms(programId)}/${e(milestoneId)}/reports`, file, { onProgress }),
  reportUrl: (programId: string, milestoneId: string, reportId: string) => `${ms(programId)}/${e(milestoneId)}/reports/${e(reportId)}`,
};
