// Typed calls for deals, commission rules, IP service requests and the matchmaking dashboard.
import type { CommissionRules } from '@lvping/domain/deals/commission.ts';
import type { Deal, MatchDashboard, RecordDeal, ServiceRequest, ServiceProviderInput } from '@lvping/domain/deals/deal-api.schema.ts';
import { api } from '../api/client.ts';

export type { Deal, MatchDashboard, ServiceRequest };
export type Counterpart = { userId: string; name: string; orgName: string; meetingRequestId: string | null; catalogEntryId: string | null; technologyName: string | null };
export type Provider = { id: string; userId: string; orgName: string; services: string[]; regions: string[]; status: string; createdAt: number };

const enc = encodeURIComponent;

export const dealsApi = {
  list: (all = false) => api.get<{ items: Deal[] }>(`/api/deals${all ? '?all=1' : ''}`),
  record: (body: Partial<RecordDeal> & Pick<RecordDeal, 'kind' | 'amountWan' | 'date' | 'viaPlatform'>) => api.post<Deal>('/api/deals', body),
  confirm: (id: string, confirm: boolean, note = '') => api.post<Deal>(`/api/deals/${enc(id)}/confirm`, { confirm, note }),
  counterparts: () => api.get<{ items: Counterpart[] }>('/api/deals/counterparts'),
  rules: () => api.get<CommissionRules & { canEdit: boolean }>('/api/deals/commission-rules'),
  saveRules: (rules: CommissionRules) => api.put<CommissionRules & { canEdit: boolean }>('/api/deals/commission-rules', rules),
  dashboard: () => api.get<MatchDashboard>('/api/deals/dashboard'),
  exportPath: '/api/deals/dashboard/export.xlsx',
};

export const servicesApi = {
  list: () => api.get<{ items: ServiceRequest[] }>('/api/services/requests'),
  create: (body: { kind: string; regionCode: string; description: string; catalogEntryId?: string | null }) => api.post<ServiceRequest>('/api/services/requests', body),
  answer: (id: string, action: 'accept' | 'decline' | 'complete', note = '') => api.post<ServiceRequest>(`/api/services/requests/${enc(id)}/answer`, { action, note }),
  myProvider: () => api.get<{ profile: Provider | null }>('/api/services/providers/me'),
  apply: (body: ServiceProviderInput) => api.post<Provider>('/api/services/providers', body),
  providers: () => api.get<{ items: Provider[] }>('/api/services/providers'),
  review: (id: string, approve: boolean) => api.post<Provider>(`/api/services/providers/${enc(id)}/review`, { approve, note: '' }),
};
