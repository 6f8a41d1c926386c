// Typed calls for the 绿色技术推广目录. Types only from the domain, so zod stays on the server side.
import type {
  CatalogEntryDetailSchema, CatalogEntryListSchema, CatalogFieldOptionsSchema, CatalogImportResultSchema, CatalogProgramListSchema, CatalogPublicEntry, CatalogSearchQuery, CatalogSearchResultSchema,
} from '@lvping/domain/catalog/catalog-api.schema.ts';
import type { CatalogFieldsInput } from '@lvping/domain/catalog/catalog-fields.schema.ts';
import { api } from '../api/client.ts';

type Out<S> = S extends { _zod: { output: infer O } } ? O : never;
export type CatalogEntryDetail = Out<typeof CatalogEntryDetailSchema>;
export type CatalogEntrySummary = Out<typeof CatalogEntryListSchema>['items'][number];
export type CatalogSearchResult = Out<typeof CatalogSearchResultSchema>;
export type CatalogSearchItem = CatalogSearchResult['items'][number];
export type CatalogProgram = Out<typeof CatalogProgramListSchema>['items'][number];
export type { CatalogPublicEntry, CatalogFieldsInput, CatalogSearchQuery };

const e = encodeURIComponent;
const query = (q: Record<string, string | number | undefined>) => {
  const s = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString();
  return s ? `?${s}` : '';
};
const entry = (id: string) => `/api/catalog/entries/${e(id)}`;
const pub = '/api/public/catalog';

export const catalogApi = {
  search: (q: CatalogSearchQuery) => api.get<CatalogSearchResult>(`${pub}/search${query(q as Record<string, string | number | undefined>)}`),
  fields: () => api.get<Out<typeof CatalogFieldOptionsSchema>>(`${pub}/fields`),
  publicEntry: (id: string) => api.get<CatalogPublicEntry>(`${pub}/entries/${e(id)}`),
  requestContact: (id: string, message: string) => api.post<{ ok: true }>(`${pub}/entries/${e(id)}/contact-requests`, { message }),
  mine: () => api.get<{ items: CatalogEntrySummary[] }>('/api/catalog/mine'),
  list: (status: string) => api.get<{ items: CatalogEntrySummary[] }>(`/api/catalog/entries${query({ status })}`),
  get: (id: string) => api.get<CatalogEntryDetail>(entry(id)),
  optIn: (id: string) => api.post<CatalogEntryDetail>(`${entry(id)}/opt-in`),
  submit: (id: string, fields: CatalogFieldsInput) => api.post<CatalogEntryDetail>(`${entry(id)}/submit`, { fields }),
  approve: (id: string, version: number, note?: string) => api.post<CatalogEntryDetail>(`${entry(id)}/versions/${version}/approve`, note ? { note } : {}),
  reject: (id: string, version: number, note: string) => api.post<CatalogEntryDetail>(`${entry(id)}/versions/${version}/reject`, { note }),
  adjust: (id: string, event: 'suspend' | 'retire' | 'reinstate', reason: string) => api.post<CatalogEntryDetail>(`${entry(id)}/${event}`, { reason }),
  programs: () => api.get<{ items: CatalogProgram[] }>('/api/catalog/programs'),
  importWinners: (programId: string) => api.post<Out<typeof CatalogImportResultSchema>>(`/api/catalog/programs/${e(programId)}/import`),
};

export const catalogFiles = {
  publicXlsx: `${pub}/export.xlsx`,
  allXlsx: '/api/catalog/export.xlsx',
  pdf: (id: string) => `${pub}/entries/${e(id)}/pdf`,
};
