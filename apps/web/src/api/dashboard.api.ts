import type { Dashboard, CountRow } from '@lvping/domain/dashboard/dashboard.schema.ts';
import { api } from './client.ts';

export type { Dashboard, CountRow };
const enc = encodeURIComponent;

export const dashboardApi = {
  get: (programId: string) => api.get<Dashboard>(`/api/programs/${enc(programId)}/dashboard`),
  exportHref: (programId: string) => `/api/programs/${enc(programId)}/dashboard/export.xlsx`,
};
