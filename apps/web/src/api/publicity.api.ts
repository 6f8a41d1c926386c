// 公示 and 异议: the public page, objections and their status; the secretariat's tab; the
// applicant's response; the holiday calendar.
import type { HolidayCalendarSchema, HolidayCalendarViewSchema, ProgramPublicitiesSchema, PublicityOverviewSchema } from '@lvping/domain/publicity/publicity-api.schema.ts';
import type {
  ApplicantObjectionsSchema, EvidenceFileSchema, ObjectionDetailSchema, ObjectionInputSchema, ObjectionListSchema, ObjectionPublicStatusSchema, ObjectionReceiptSchema, RuleObjectionRequestSchema,
} from '@lvping/domain/publicity/objection.schema.ts';
import { api } from './client.ts';
import { uploadWithProgress } from './upload.ts';

type Out<S> = S extends { _zod: { output: infer O } } ? O : never;
type In<S> = S extends { _zod: { input: infer I } } ? I : never;
export type ProgramPublicities = Out<typeof ProgramPublicitiesSchema>;
export type PublicPublicity = ProgramPublicities['publicities'][number];
export type PublicityOverview = Out<typeof PublicityOverviewSchema>;
export type AdminPublicity = PublicityOverview['publicities'][number];
export type PublicityOpening = PublicityOverview['openings'][number];
export type EvidenceFile = Out<typeof EvidenceFileSchema>;
export type ObjectionInput = In<typeof ObjectionInputSchema>;
export type ObjectionReceipt = Out<typeof ObjectionReceiptSchema>;
export type ObjectionPublicStatus = Out<typeof ObjectionPublicStatusSchema>;
export type ObjectionSummary = Out<typeof ObjectionListSchema>['items'][number];
export type ObjectionDetail = Out<typeof ObjectionDetailSchema>;
export type RuleInput = In<typeof RuleObjectionRequestSchema>;
export type ApplicantObjection = Out<typeof ApplicantObjectionsSchema>['items'][number];
export type HolidayCalendar = In<typeof HolidayCalendarSchema>;
export type HolidayCalendarView = Out<typeof HolidayCalendarViewSchema>;

const e = encodeURIComponent;

export const publicityApi = {
  ofProgram: (slug: string) => api.get<ProgramPublicities>(`/api/public/programs/${e(slug)}/publicities`),
  uploadEvidence: (publicityId: string, file: File, onProgress?: (p: number) => void) => uploadWithProgress<EvidenceFile>(`/api/public/publicities/${e(publicityId)}/evidence`, file, { onProgress }),
  file: (publicityId: string, input: ObjectionInput) => api.post<ObjectionReceipt>(`/api/public/publicities/${e(publicityId)}/objections`, input),
  status: (receiptNo: string) => api.get<ObjectionPublicStatus>(`/api/public/objections/${e(receiptNo)}`),
  noticePdf: (publicityId: string) => `/api/public/publicities/${e(publicityId)}/notice.pdf`,
  listXlsx: (publicityId: string) => `/api/public/publicities/${e(publicityId)}/list.xlsx`,

  overview: (programId: string) => api.get<PublicityOverview>(`/api/programs/${e(programId)}/publicity`),
  open: (programId: string, kind: 'results' | 'candidates') => api.post<PublicityOverview>(`/api/programs/${e(programId)}/publicities`, { kind }),
  close: (programId: string, publicityId: string) => api.post<PublicityOverview>(`/api/programs/${e(programId)}/publicities/${e(publicityId)}/close`),
  objections: (programId: string) => api.get<{ items: ObjectionSummary[] }>(`/api/programs/${e(programId)}/objections`),
  objection: (programId: string, id: string) => api.get<ObjectionDetail>(`/api/programs/${e(programId)}/objections/${e(id)}`),
  note: (programId: string, id: string, body: string) => api.post<ObjectionDetail>(`/api/programs/${e(programId)}/objections/${e(id)}/notes`, { body }),
  requestResponse: (programId: string, id: string, body: string) => api.post<ObjectionDetail>(`/api/programs/${e(programId)}/objections/${e(id)}/response-requests`, { body }),
  rule: (programId: string, id: string, input: RuleInput) => api.post<ObjectionDetail>(`/api/programs/${e(programId)}/objections/${e(id)}/ruling`, input),
  objectionFile: (programId: string, id: string, fileId: string) => `/api/programs/${e(programId)}/objections/${e(id)}/files/${e(fileId)}`,

  mine: (applicationId: string) => api.get<{ items: ApplicantObjection[] }>(`/api/applications/${e(applicationId)}/objections`),
  uploadResponseFile: (applicationId: string, objectionId: string, file: File, onProgress?: (p: number) => void) =>
    uploadWithProgress<EvidenceFile>(`/api/applications/${e(applicationId)}/objections/${e(objectionId)}/files`, file, { onProgress }),
  respond: (applicationId: string, objectionId: string, body: string, fileIds: string[]) => api.post<{ items: ApplicantObjection[] }>(`/api/applications/${e(applicationId)}/objections/${e(objectionId)}/responses`, { body, fileIds }),
  myFile: (applicationId: string, objectionId: string, fileId: string) => `/api/applications/${e(applicationId)}/objections/${e(objectionId)}/files/${e(fileId)}`,

  calendar: () => api.get<HolidayCalendarView>('/api/holiday-calendar'),
  saveCalendar: (calendar: HolidayCalendar) => api.put<HolidayCalendarView>('/api/holiday-calendar', calendar),
};

/** What evidence the server accepts (it checks the content too). */
export const EVIDENCE = { accept: ['.pdf', '.jpg', '.jpeg', '.png', '.doc', '.docx', '.xls', '.xlsx', '.zip'], maxSizeMB: 20 } as const;

