// Typed calls for applications and organizations. Types only: the schemas stay on the server side
// of the wire and in the form pages that validate with them.
import type {
  ApplicationDetail,
  ApplicationStatus,
  ApplicationSummary,
  Organization,
  OrganizationInput,
} from '@lvping/domain/application/application-api.schema.ts';
import type { FileRef } from '@lvping/domain/form/form-template.schema.ts';
import type { FieldError } from '@lvping/domain/errors.ts';
import { api } from './client.ts';
import type { JobStarted } from './jobs.api.ts';

export type { ApplicationDetail, ApplicationStatus, ApplicationSummary, Organization, OrganizationInput, FileRef };
export type SaveDraftResponse = { revision: number; savedAt: number; problems: FieldError[] };
export type ApplicationList = { total: number; items: ApplicationSummary[] };
export type ApplicationFilters = { trackId?: string; status?: ApplicationStatus; region?: string; q?: string; page?: number; pageSize?: number };

const enc = encodeURIComponent;

/** `?a=1&b=2` of the filters that are set (empty string when none). */
export function queryString(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const organizationsApi = {
  mine: () => api.get<{ organizations: Organization[] }>('/api/organizations/mine'),
  create: (body: OrganizationInput) => api.post<Organization>('/api/organizations', body),
};

export const applicationsApi = {
  mine: () => api.get<ApplicationList>('/api/applications/mine'),
  create: (body: { programId: string; trackId: string; organizationId: string; unitId?: string; inviteToken?: string }) => api.post<ApplicationDetail>('/api/applications', body),
  get: (id: string) => api.get<ApplicationDetail>(`/api/applications/${enc(id)}`),
  saveDraft: (id: string, body: { answers: Record<string, unknown>; baseRevision: number }) =>
    api.put<SaveDraftResponse>(`/api/applications/${enc(id)}/draft`, body),
  submit: (id: string, baseRevision: number) => api.post<ApplicationDetail>(`/api/applications/${enc(id)}/submit`, { baseRevision }),
  withdraw: (id: string, reason: string) => api.post<ApplicationDetail>(`/api/applications/${enc(id)}/withdraw`, { reason }),
  upload: (id: string, fieldPath: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<FileRef>(`/api/applications/${enc(id)}/files?field=${enc(fieldPath)}`, form);
  },
  forProgram: (programId: string, filters: ApplicationFilters) =>
    api.get<ApplicationList>(`/api/programs/${enc(programId)}/applications${queryString(filters)}`),
};

export const applicationFiles = {
  file: (id: string, fileId: string) => `/api/applications/${enc(id)}/files/${enc(fileId)}`,
  pdf: (id: string) => `/api/applications/${enc(id)}/pdf`,
  /** Queues the Excel export of the matching applications (a job: follow it, then download its file). */
  startExport: (programId: string, filters: ApplicationFilters) => {
    const { trackId, status, region, q } = filters;
    const body = Object.fromEntries(Object.entries({ trackId, status, region, q }).filter(([, v]) => v !== undefined && v !== ''));
    return api.post<JobStarted>(`/api/programs/${enc(programId)}/applications/exports`, body);
  },
};
