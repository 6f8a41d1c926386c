import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { OrganizationInputSchema, OrganizationListSchema, OrganizationSchema } from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { requireActor } from '../../http/session.hooks.ts';
import { createOrganization, listMyOrganizations } from './organization.service.ts';

export function organizationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organizations'];
  r.get('/api/organizations/mine', { schema: { tags, summary: 'The organizations I registered', response: { 200: OrganizationListSchema } } }, async (req) => ({
    organizations: await listMyOrganizations(deps, requireActor(req)),
  }));
  r.post('/api/organizations', { schema: { tags, summary: 'Register an organization (credit code checked)', body: OrganizationInputSchema, response: { 200: OrganizationSchema } } }, async (req) =>
    createOrganization(deps, requireActor(req), req.body, req.id));
}
