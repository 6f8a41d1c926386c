// Typed calls for the expert pool (专家库): the pool and its spreadsheet, invitations to programs,
// declared 回避, and the invited expert's side. Types only from the domain's schemas, so zod stays
// out of the pages that do not validate with them.
import type {
  AcceptExpertInvitationRequestSchema, CreateExpertRequestSchema, DeclareConflictRequestSchema, DeclaredConflictListSchema,
  DeclineExpertInvitationRequestSchema, DeleteExpertResultSchema, ExpertExportQuerySchema, ExpertInvitationInfoSchema, ExpertInvitationResultSchema,
  ExpertListItemSchema, ExpertListSchema, FieldChoicesSchema, ImportExpertsResultSchema, InviteExpertsRequestSchema,
  InviteExpertsResultSchema, MyExpertInvitationListSchema, ProgramExpertListSchema, UpdateExpertRequestSchema, UpdateMyExpertProfileRequestSchema,
} from '@lvping/domain/expert/expert.schema.ts';
import type { DeclaredConflict, ExpertProfile, ProgramExpert, ProgramExpertStatus } from '@lvping/domain/expert/expert.schema.ts';
import { queryString } from './applications.api.ts';
import { api } from './client.ts';

/** What a schema accepts (a request, before defaults) and what it returns (a response). */
type In<S> = S extends { _zod: { input: infer I } } ? I : never;
type Out<S> = S extends { _zod: { output: infer O } } ? O : never;

export type { DeclaredConflict, ExpertProfile, ProgramExpert, ProgramExpertStatus };
export type ExpertListItem = Out<typeof ExpertListItemSchema>;
export type ExpertList = Out<typeof ExpertListSchema>;
/** The pool's filters (also what the export takes). */
export type ExpertFilters = In<typeof ExpertExportQuerySchema>;
export type ExpertQuery = ExpertFilters & { page?: number; pageSize?: number };
export type CreateExpertRequest = In<typeof CreateExpertRequestSchema>;
export type UpdateExpertRequest = In<typeof UpdateExpertRequestSchema>;
export type UpdateMyExpertProfileRequest = In<typeof UpdateMyExpertProfileRequestSchema>;
export type FieldChoice = Out<typeof FieldChoicesSchema>['fields'][number];
export type ImportExpertsResult = Out<typeof ImportExpertsResultSchema>;
export type InviteExpertsRequest = In<typeof InviteExpertsRequestSchema>;
export type InviteExpertsResult = Out<typeof InviteExpertsResultSchema>;
export type ProgramExpertItem = Out<typeof ProgramExpertListSchema>['items'][number];
export type DeclareConflictRequest = In<typeof DeclareConflictRequestSchema>;
export type ExpertInvitationInfo = Out<typeof ExpertInvitationInfoSchema>;
export type MyExpertInvitation = Out<typeof ExpertInvitationResultSchema>;
export type MyExpertInvitations = Out<typeof MyExpertInvitationListSchema>;
export type AcceptExpertInvitationRequest = In<typeof AcceptExpertInvitationRequestSchema>;
export type DeclineExpertInvitationRequest = In<typeof DeclineExpertInvitationRequestSchema>;

const enc = encodeURIComponent;
const withFile = (file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
};

/** The pool itself: platform-wide, for those who may manage experts (expert.manage). */
export const expertsApi = {
  list: (q: ExpertQuery) => api.get<ExpertList>(`/api/experts${queryString(q)}`),
  create: (body: CreateExpertRequest) => api.post<ExpertProfile>('/api/experts', body),
  get: (expertId: string) => api.get<ExpertProfile>(`/api/experts/${enc(expertId)}`),
  update: (expertId: string, body: UpdateExpertRequest) => api.put<ExpertProfile>(`/api/experts/${enc(expertId)}`, body),
  /** Only a profile never invited to a program; the server refuses the others (409). */
  remove: (expertId: string) => api.delete<Out<typeof DeleteExpertResultSchema>>(`/api/experts/${enc(expertId)}`),
  /** 目录 categories and every program's tracks, as an expert's fields. */
  fields: () => api.get<Out<typeof FieldChoicesSchema>>('/api/experts/fields'),
  /** All or nothing: a sheet with problems is refused (400) with every problem by row and column. */
  import: (file: File) => api.upload<ImportExpertsResult>('/api/experts/import', withFile(file)),
  /** The signed-in expert's own profile (linked when they accepted an invitation). */
  me: () => api.get<ExpertProfile>('/api/experts/me'),
  updateMe: (body: UpdateMyExpertProfileRequest) => api.put<ExpertProfile>('/api/experts/me', body),
};

/** Download addresses (GET, fetched as files). */
export const expertFiles = {
  template: '/api/experts/template.xlsx',
  export: (filters: ExpertFilters) => `/api/experts/export.xlsx${queryString(filters)}`,
};

/** Experts on one program: invitations from the pool, their answers, declared conflicts. */
export const programExpertsApi = {
  invite: (programId: string, body: InviteExpertsRequest) => api.post<InviteExpertsResult>(`/api/programs/${enc(programId)}/experts/invitations`, body),
  list: (programId: string) => api.get<Out<typeof ProgramExpertListSchema>>(`/api/programs/${enc(programId)}/experts`),
  conflicts: (programId: string) => api.get<Out<typeof DeclaredConflictListSchema>>(`/api/programs/${enc(programId)}/expert-conflicts`),
  declareConflict: (programId: string, body: DeclareConflictRequest) => api.post<DeclaredConflict>(`/api/programs/${enc(programId)}/expert-conflicts`, body),
};

/** The invited expert's side: the emailed link (public), then accepting or declining signed in. */
export const expertInvitationsApi = {
  mine: () => api.get<MyExpertInvitations>('/api/expert-invitations/mine'),
  info: (token: string) => api.get<ExpertInvitationInfo>(`/api/expert-invitations/${enc(token)}`),
  accept: (body: AcceptExpertInvitationRequest) => api.post<MyExpertInvitation>('/api/expert-invitations/accept', body),
  decline: (body: DeclineExpertInvitationRequest) => api.post<MyExpertInvitation>('/api/expert-invitations/decline', body),
};
