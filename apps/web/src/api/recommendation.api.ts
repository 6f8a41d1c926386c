// Typed calls for 推荐 (recommending units, quotas, invitations, endorsements). Types only from the
// domain, so the schemas (and zod) stay out of the pages that do not validate with them.
import type {
  Compliance, Nomination, QuotaMeter, ScopedQuotaMeter, Unit, UpdateUnitRequest,
} from '@lvping/domain/recommendation/recommendation.schema.ts';
import type { ApplicationDetail, FileRef } from './applications.api.ts';
import { api } from './client.ts';

export type { Compliance, Nomination, QuotaMeter, ScopedQuotaMeter, Unit, UpdateUnitRequest };
export type Channel = { id: string; name: string };
export type UnitKind = 'unit' | 'city';
export type UnitChoice = { id: string; name: string; regionCode: string; channels: Channel[] };
export type UnitList = { unitKind: UnitKind; stacking: boolean; channels: Channel[]; units: Unit[] };
export type MyUnit = UnitChoice & { programId: string; programSlug: string; programName: string; updatedAt: number; quotas: QuotaMeter[]; scopedQuotas: ScopedQuotaMeter[] };
export type Candidate = {
  applicationId: string;
  number: string;
  trackId: string;
  trackName: string;
  organizationName: string;
  creditCode: string;
  regionCode: string;
  applicationStatus: ApplicationDetail['status'];
  submittedAt: number | null;
  nomination: Nomination;
};
export type CandidateDetail = {
  application: ApplicationDetail; nomination: Nomination; quota: QuotaMeter;
  /** What endorsing asks for: the program may make the opinion or the stamped page optional. */
  requires: { opinion: boolean; stampedPage: boolean };
};
export type ApplicationRecommendation = { takesRecommendation: boolean; unit: UnitChoice | null; nomination: Nomination | null; canChange: boolean };
export type InviteInfo = { unitId: string; unitName: string; programId: string; programSlug: string; programName: string; tracks: { id: string; name: string }[] };
export type InviteLink = { token: string; url: string };
export type ImportResult = { created: number; updated: number; total: number };
export type InvitationsResult = { sent: number; skipped: number; failed: string[] };
export type AcceptResult = { unitId: string; unitName: string; programId: string; programName: string };

const enc = encodeURIComponent;
const withFile = (file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
};

/** The organizer's side, per program. */
export const unitsApi = {
  list: (programId: string) => api.get<UnitList>(`/api/programs/${enc(programId)}/recommending-units`),
  choices: (programId: string) => api.get<{ unitKind: UnitKind; units: UnitChoice[] }>(`/api/programs/${enc(programId)}/recommending-units/choices`),
  import: (programId: string, file: File) => api.upload<ImportResult>(`/api/programs/${enc(programId)}/recommending-units/import`, withFile(file)),
  invite: (programId: string, body: { unitIds?: string[]; resend: boolean }) =>
    api.post<InvitationsResult>(`/api/programs/${enc(programId)}/recommending-units/invitations`, body),
  compliance: (programId: string) => api.get<Compliance>(`/api/programs/${enc(programId)}/recommendation/compliance`),
  update: (unitId: string, body: UpdateUnitRequest) => api.put<Unit>(`/api/recommendation/units/${enc(unitId)}`, body),
  /** A new applicant link; the previous one stops working. Organizers and the unit's members. */
  rotateLink: (unitId: string) => api.post<InviteLink>(`/api/recommendation/units/${enc(unitId)}/invite-link`, {}),
};

/** The recommending unit's side. */
export const recommenderApi = {
  myUnits: () => api.get<{ units: MyUnit[] }>('/api/recommendation/units/mine'),
  unit: (unitId: string) => api.get<MyUnit>(`/api/recommendation/units/${enc(unitId)}`),
  candidates: (unitId: string) => api.get<{ unit: MyUnit; items: Candidate[] }>(`/api/recommendation/units/${enc(unitId)}/candidates`),
  candidate: (applicationId: string) => api.get<CandidateDetail>(`/api/recommendation/candidates/${enc(applicationId)}`),
  uploadStamped: (applicationId: string, file: File) => api.upload<FileRef>(`/api/recommendation/candidates/${enc(applicationId)}/stamped-page`, withFile(file)),
  endorse: (applicationId: string, body: { opinion: string; stampedFileId?: string }) =>
    api.post<CandidateDetail>(`/api/recommendation/candidates/${enc(applicationId)}/endorse`, body),
  decline: (applicationId: string, reason: string) => api.post<CandidateDetail>(`/api/recommendation/candidates/${enc(applicationId)}/decline`, { reason }),
  fileHref: (applicationId: string, fileId: string) => `/api/recommendation/candidates/${enc(applicationId)}/files/${enc(fileId)}`,
  /** 推荐排序: every standing endorsement, first preference first. */
  setPreferences: (unitId: string, applicationIds: string[]) => api.put<{ unit: MyUnit; items: Candidate[] }>(`/api/recommendation/units/${enc(unitId)}/preferences`, { applicationIds }),
  /** The unit's 推荐汇总表 (its members and the organizers). */
  summaryHref: (unitId: string, format: 'xlsx' | 'pdf') => `/api/recommendation/units/${enc(unitId)}/summary.${format}`,
  /** Organizers: every unit's 推荐汇总表, a sheet per unit. */
  programSummaryHref: (programId: string) => `/api/programs/${enc(programId)}/recommendation/summary.xlsx`,
};

/** Invitations and links, and the applicant naming its unit. */
export const inviteApi = {
  info: (token: string) => api.get<InviteInfo>(`/api/recommendation/invites/${enc(token)}`),
  accept: (token: string) => api.post<AcceptResult>('/api/recommendation/invitations/accept', { token }),
  ofApplication: (applicationId: string) => api.get<ApplicationRecommendation>(`/api/applications/${enc(applicationId)}/recommendation`),
  /** Only the units that may recommend this application's organization; the rest are counted. */
  choicesFor: (applicationId: string) => api.get<{ unitKind: UnitKind; units: UnitChoice[]; outOfReach: number }>(`/api/applications/${enc(applicationId)}/recommendation/choices`),
  nameUnit: (applicationId: string, body: { unitId: string } | { inviteToken: string }) =>
    api.put<ApplicationRecommendation>(`/api/applications/${enc(applicationId)}/recommendation`, body),
};
