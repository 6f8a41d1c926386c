import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateServiceRequestSchema, ReviewProviderSchema, ServiceAnswerSchema, ServiceProviderInputSchema, ServiceProviderListSchema, ServiceProviderParamsSchema, ServiceProviderSchema,
  ServiceRequestListSchema, ServiceRequestParamsSchema, ServiceRequestSchema,
} from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { requireActor } from '../../http/session.hooks.ts';
import { applyAsProvider, listProviders, myProvider, reviewProvider } from './provider.service.ts';
import { answerServiceRequest, createServiceRequest, listServiceRequests } from './service-request.service.ts';

/** 知识产权服务: requests routed to approved providers, and the providers' applications. */
export function serviceRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['services'];

  r.get('/api/services/requests', { schema: { tags, summary: 'The caller’s requests, those routed to the caller (a provider), or all (the catalog organizer)', response: { 200: ServiceRequestListSchema } } }, async (req) =>
    listServiceRequests(deps, requireActor(req)));
  r.post('/api/services/requests', { schema: { tags, summary: 'A technology owner asks for patent search, valuation or pledge; routed by kind and region', body: CreateServiceRequestSchema, response: { 200: ServiceRequestSchema } } }, async (req) =>
    createServiceRequest(deps, requireActor(req), req.body, req.id));
  r.post('/api/services/requests/:requestId/answer', { schema: { tags, summary: 'A provider accepts, declines or completes, with a note', params: ServiceRequestParamsSchema, body: ServiceAnswerSchema, response: { 200: ServiceRequestSchema } } }, async (req) =>
    answerServiceRequest(deps, requireActor(req), req.params.requestId, req.body, req.id));
  r.get('/api/services/providers/me', { schema: { tags, summary: 'The caller’s provider application, if any', response: { 200: z.object({ profile: ServiceProviderSchema.nullable() }) } } }, async (req) =>
    myProvider(deps, requireActor(req)));
  r.post('/api/services/providers', { schema: { tags, summary: 'Apply as an IP service provider (services, regions, contact)', body: ServiceProviderInputSchema, response: { 200: ServiceProviderSchema } } }, async (req) =>
    applyAsProvider(deps, requireActor(req), req.body, req.id));
  r.get('/api/services/providers', { schema: { tags, summary: 'Provider applications (the catalog organizer)', querystring: z.object({ status: z.enum(['pending', 'approved', 'rejected', 'withdrawn']).optional() }), response: { 200: ServiceProviderListSchema } } }, async (req) =>
    listProviders(deps, requireActor(req), req.query.status));
  r.post('/api/services/providers/:profileId/review', { schema: { tags, summary: 'Approve (grants service_provider) or reject an application', params: ServiceProviderParamsSchema, body: ReviewProviderSchema, response: { 200: ServiceProviderSchema } } }, async (req) =>
    reviewProvider(deps, requireActor(req), req.params.profileId, req.body, req.id));
}
