// Typed calls for an organizer's webhook endpoints and their delivery log. Types only from the
// domain's schemas, so zod stays out of the pages.
import type {
  CreateWebhookEndpoint, UpdateWebhookEndpoint, WebhookDelivery, WebhookEndpoint, WebhookEndpointList, WebhookEndpointWithSecret,
} from '@lvping/domain/webhook/webhook-api.schema.ts';
import { api } from './client.ts';

export type { WebhookDelivery, WebhookEndpoint, WebhookEndpointList, WebhookEndpointWithSecret };
export type { WebhookEvent } from '@lvping/domain/webhook/webhook-events.ts';

const enc = encodeURIComponent;
const base = (programId: string) => `/api/programs/${enc(programId)}/webhooks`;
const one = (programId: string, endpointId: string) => `${base(programId)}/${enc(endpointId)}`;

export const webhooksApi = {
  list: (programId: string) => api.get<WebhookEndpointList>(base(programId)),
  /** The answer's secret is shown once: it is never sent again. */
  create: (programId: string, body: CreateWebhookEndpoint) => api.post<WebhookEndpointWithSecret>(base(programId), body),
  update: (programId: string, endpointId: string, body: UpdateWebhookEndpoint) => api.patch<WebhookEndpoint>(one(programId, endpointId), body),
  rotate: (programId: string, endpointId: string) => api.post<WebhookEndpointWithSecret>(`${one(programId, endpointId)}/rotate-secret`, {}),
  remove: (programId: string, endpointId: string) => api.delete<{ deleted: true }>(one(programId, endpointId)),
  deliveries: (programId: string, endpointId: string) => api.get<{ items: WebhookDelivery[] }>(`${one(programId, endpointId)}/deliveries?limit=100`),
  redeliver: (programId: string, endpointId: string, deliveryId: string) =>
    api.post<WebhookDelivery>(`${one(programId, endpointId)}/deliveries/${enc(deliveryId)}/redeliver`, {}),
};
