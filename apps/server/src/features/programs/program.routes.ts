import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ProgramListResponseSchema } from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { listPrograms } from './program.service.ts';

export function programRoutes(app: FastifyInstance, deps: Deps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/programs',
    { schema: { tags: ['programs'], summary: 'Published programs (public)', response: { 200: ProgramListResponseSchema } } },
    async () => ({ programs: await listPrograms(deps) }),
  );
}
