import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateWebhookEndpointSchema, UpdateWebhookEndpointSchema, WebhookDeliveryListSchema, WebhookDeliveryParamsSchema, WebhookDeliveryQuerySchema, WebhookDeliverySchema,
  WebhookEndpointListSchema, WebhookEndpointParamsSchema, WebhookEndpointSchema, WebhookEndpointWithSecretSchema, WebhookProgramParamsSchema,
} from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { requireActor } from '../../http/session.hooks.ts';
import { changeEndpoint, createEndpoint, listDeliveries, listEndpoints, redeliver, removeEndpoint, rotateSecret } from './webhook.service.ts';

/** Webhooks: an organizer's endpoints for status events and their delivery log (the events themselves: the document's `webhooks`). */
export function webhookRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['webhooks'];
  const base = '/api/programs/:programId/webhooks';
  const one = `${base}/:endpointId`;

  r.get(base, { schema: { tags, summary: 'The program’s webhook endpoints, with delivery counts', params: WebhookProgramParamsSchema, response: { 200: WebhookEndpointListSchema } } }, async (req) =>
    listEndpoints(deps, requireActor(req), req.params.programId));

  r.post(base, { schema: { tags, summary: 'Register an https endpoint for some events; the answer carries its signing secret, shown only this once', params: WebhookProgramParamsSchema, body: CreateWebhookEndpointSchema, response: { 200: WebhookEndpointWithSecretSchema } } }, async (req) =>
    createEndpoint(deps, requireActor(req), req.params.programId, req.body, req.id));

  r.patch(one, { schema: { tags, summary: 'Change the URL or the events, enable or disable (disabling stops what is waiting)', params: WebhookEndpointParamsSchema, body: UpdateWebhookEndpointSchema, response: { 200: WebhookEndpointSchema } } }, async (req) =>
    changeEndpoint(deps, requireActor(req), req.params.programId, req.params.endpointId, req.body, req.id));

  r.post(`${one}/rotate-secret`, { schema: { tags, summary: 'Replace the signing secret at once; the new one is shown only this once', params: WebhookEndpointParamsSchema, response: { 200: WebhookEndpointWithSecretSchema } } }, async (req) =>
    rotateSecret(deps, requireActor(req), req.params.programId, req.params.endpointId, req.id));

  r.delete(one, { schema: { tags, summary: 'Delete the endpoint and its delivery log', params: WebhookEndpointParamsSchema, response: { 200: z.object({ deleted: z.literal(true) }) } } }, async (req) =>
    removeEndpoint(deps, requireActor(req), req.params.programId, req.params.endpointId, req.id));

  r.get(`${one}/deliveries`, { schema: { tags, summary: 'The delivery log, newest first: status, attempts, last answer, next attempt, payload', params: WebhookEndpointParamsSchema, querystring: WebhookDeliveryQuerySchema, response: { 200: WebhookDeliveryListSchema } } }, async (req) =>
    listDeliveries(deps, requireActor(req), req.params.programId, req.params.endpointId, req.query));

  r.post(`${one}/deliveries/:deliveryId/redeliver`, { schema: { tags, summary: 'Send a delivered or failed event again', params: WebhookDeliveryParamsSchema, response: { 200: WebhookDeliverySchema } } }, async (req) =>
    redeliver(deps, requireActor(req), req.params.programId, req.params.endpointId, req.params.deliveryId, req.id));
}
