// Typed calls for 多级遴选 (a program feeding another). Types only from the domain.
import type { ApplicationFeed } from '@lvping/domain/program/program-feed-api.schema.ts';
import type { ApplicationDetail } from './applications.api.ts';
import { api } from './client.ts';

export type { ApplicationFeed };
const enc = encodeURIComponent;

export const feedsApi = {
  ofApplication: (id: string) => api.get<ApplicationFeed>(`/api/applications/${enc(id)}/feed`),
  confirm: (id: string) => api.post<ApplicationDetail>(`/api/applications/${enc(id)}/feed/confirm`),
  decline: (id: string, reason?: string) => api.post<ApplicationDetail>(`/api/applications/${enc(id)}/feed/decline`, reason ? { reason } : {}),
};
