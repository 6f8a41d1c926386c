import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApplicationListSchema, ApplicationQuerySchema, ProgramIdParamsSchema } from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { requireActor } from '../../http/session.hooks.ts';
import { listProgramApplications } from './program-applications.service.ts';

export function programApplicationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/programs/:programId/applications', {
    schema: { tags: ['applications'], summary: "A program's applications: filters, Chinese full-text search, paging", params: ProgramIdParamsSchema, querystring: ApplicationQuerySchema, response: { 200: ApplicationListSchema } },
  }, async (req) => listProgramApplications(deps, requireActor(req), req.params.programId, req.query));
}
