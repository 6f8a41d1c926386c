// The bell's calls: kept apart and tiny, since the bell loads on every page of a signed-in user.
import { api } from './client.ts';

export type InAppNotification = { id: string; kind: string; title: string; body: string; link: string | null; createdAt: number; readAt: number | null };

export const notificationsApi = {
  list: (before?: number) => api.get<{ unread: number; items: InAppNotification[] }>(`/api/notifications?limit=30${before ? `&before=${before}` : ''}`),
  unreadCount: () => api.get<{ unread: number }>('/api/notifications/unread-count'),
  read: (id: string) => api.post<{ unread: number }>(`/api/notifications/${encodeURIComponent(id)}/read`, {}),
  readAll: () => api.post<{ unread: number }>('/api/notifications/read-all', {}),
};
