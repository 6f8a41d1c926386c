import type { ProgramSummary } from '@lvping/domain/program/program-summary.schema.ts';
import { api } from './client.ts';

export type { ProgramSummary };

export const programsApi = {
  list: () => api.get<{ programs: ProgramSummary[] }>('/api/programs'),
};
