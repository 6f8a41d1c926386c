// Typed calls of /api/match: profiles, matched lists, interests. Types only from the domain.
import type {
  CounterpartMatches, InterestPair, InterestRequest, MatchCounterpartView, MatchProfileInput, MatchProfileKind, MatchProfileStatus, MatchProfileView, MatchTechnologyView,
  MyMatchSubjects, TechnologyMatches,
} from '@lvping/domain/match/index.ts';
import { api } from '../api/client.ts';

export type { CounterpartMatches, InterestPair, InterestRequest, MatchCounterpartView, MatchProfileInput, MatchProfileKind, MatchProfileStatus, MatchProfileView, MatchTechnologyView, MyMatchSubjects, TechnologyMatches };
export type Explanation = TechnologyMatches['items'][number]['explanation'];
export type PairInterest = TechnologyMatches['items'][number]['interest'];

const e = encodeURIComponent;

export const matchApi = {
  mine: () => api.get<MyMatchSubjects>('/api/match/mine'),
  apply: (input: MatchProfileInput) => api.post<MatchProfileView>('/api/match/profiles', input),
  profile: (id: string) => api.get<MatchProfileView>(`/api/match/profiles/${e(id)}`),
  withdraw: (id: string) => api.post<MatchProfileView>(`/api/match/profiles/${e(id)}/withdraw`, {}),
  queue: (status?: MatchProfileStatus) => api.get<{ items: MatchProfileView[] }>(`/api/match/profiles${status ? `?status=${status}` : ''}`),
  review: (id: string, decision: 'approve' | 'reject', note = '') => api.post<MatchProfileView>(`/api/match/profiles/${e(id)}/review`, { decision, note }),
  entryMatches: (id: string) => api.get<TechnologyMatches>(`/api/match/entries/${e(id)}/matches`),
  profileMatches: (id: string) => api.get<CounterpartMatches>(`/api/match/profiles/${e(id)}/matches`),
  needMatches: (id: string) => api.get<CounterpartMatches>(`/api/match/needs/${e(id)}/matches`),
  interests: (all = false) => api.get<{ items: InterestPair[] }>(`/api/match/interests${all ? '?all=1' : ''}`),
  express: (req: InterestRequest) => api.post<InterestPair>('/api/match/interests', req),
  withdrawInterest: (req: InterestRequest) => api.post<InterestPair>('/api/match/interests/withdraw', req),
};
