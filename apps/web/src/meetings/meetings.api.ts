// Typed calls for 对接会. Types only from the domain's schemas, so zod stays out of the pages.
import type {
  CreateMeetingEvent, MeetingCandidate, MeetingEvent, MeetingEventDetail, MeetingParticipant, MeetingRequest, ScheduleReport,
} from '@lvping/domain/meetings/meeting-api.schema.ts';
import { api } from '../api/client.ts';

export type { MeetingCandidate, MeetingEvent, MeetingEventDetail, MeetingParticipant, MeetingRequest, ScheduleReport };

const enc = encodeURIComponent;
const one = (id: string) => `/api/meetings/events/${enc(id)}`;

export const meetingsApi = {
  list: () => api.get<{ items: MeetingEvent[]; canManage: boolean }>('/api/meetings/events'),
  create: (body: CreateMeetingEvent) => api.post<MeetingEvent>('/api/meetings/events', body),
  get: (id: string) => api.get<MeetingEventDetail>(one(id)),
  candidates: (id: string) => api.get<{ items: MeetingCandidate[] }>(`${one(id)}/candidates`),
  invite: (id: string, userIds: string[]) => api.post<{ invited: string[] }>(`${one(id)}/participants`, { userIds }),
  availability: (id: string, unavailable: number[]) => api.put<MeetingParticipant>(`${one(id)}/availability`, { unavailable }),
  request: (id: string, body: { toUserId: string; note: string }) => api.post<MeetingRequest>(`${one(id)}/requests`, body),
  respond: (requestId: string, accept: boolean, note = '') => api.post<MeetingRequest>(`/api/meetings/requests/${enc(requestId)}/respond`, { accept, note }),
  schedule: (id: string, priorities: Record<string, number>) => api.post<ScheduleReport>(`${one(id)}/schedule`, { priorities }),
  held: (requestId: string, held: boolean) => api.post<MeetingRequest>(`/api/meetings/requests/${enc(requestId)}/held`, { held }),
  icsPath: (id: string) => `${one(id)}/my-schedule.ics`,
};
