// Typed calls for /api/programs. Types only from the domain, so zod stays out of the first page.
import type { ProgramSummary } from '@lvping/domain/program/program-summary.schema.ts';
import type { ProgramDetail, CreateProgramRequest } from '@lvping/domain/program/program-api.schema.ts';
import type { FieldError } from '@lvping/domain/errors.ts';
import { api } from './client.ts';

export type { ProgramSummary, ProgramDetail, CreateProgramRequest };
export type DefinitionFormat = 'yaml' | 'json';
export type ProgramStatus = ProgramSummary['status'];
export type ProgramTemplate = { slug: string; name: string; year: number; tracks: number };

const enc = encodeURIComponent;

export const programsApi = {
  list: () => api.get<{ programs: ProgramSummary[] }>('/api/programs'),
  /** Programs the signed-in user configures, drafts included. */
  manageable: () => api.get<{ programs: ProgramSummary[] }>('/api/programs/manageable'),
  bySlug: (slug: string) => api.get<ProgramDetail>(`/api/programs/by-slug/${enc(slug)}`),
  get: (programId: string) => api.get<ProgramDetail>(`/api/programs/${enc(programId)}`),
  templates: () => api.get<{ templates: ProgramTemplate[] }>('/api/programs/templates'),
  create: (body: CreateProgramRequest) => api.post<ProgramDetail>('/api/programs', body),
  updateDefinition: (programId: string, body: { format: DefinitionFormat; text: string; baseUpdatedAt: number }) =>
    api.put<ProgramDetail>(`/api/programs/${enc(programId)}/definition`, body),
  validate: (body: { format: DefinitionFormat; text: string }) => api.post<{ ok: boolean; problems: FieldError[] }>('/api/programs/validate', body),
  setStatus: (programId: string, status: ProgramStatus) => api.post<ProgramDetail>(`/api/programs/${enc(programId)}/status`, { status }),
};

/** Download addresses (GET, fetched as files). */
export const programFiles = {
  export: (programId: string, format: DefinitionFormat) => `/api/programs/${enc(programId)}/export?format=${format}`,
  blankPdf: (programId: string, trackId: string) => `/api/programs/${enc(programId)}/tracks/${enc(trackId)}/blank.pdf`,
  blankXlsx: (programId: string, trackId: string) => `/api/programs/${enc(programId)}/tracks/${enc(trackId)}/blank.xlsx`,
};
