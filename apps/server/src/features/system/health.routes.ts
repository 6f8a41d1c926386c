import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../context.ts';
import { pingDatabase } from '../../db/database.ts';

export function healthRoutes(app: FastifyInstance, deps: Deps, state: { closing: boolean }): void {
  // Alive: the process answers.
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  // Ready: the database answers and we are not shutting down; load balancers route on this.
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    if (state.closing) return reply.status(503).send({ status: 'shutting_down' });
    try {
      await pingDatabase(deps.db);
      return { status: 'ready', engine: deps.engine };
    } catch {
      return reply.status(503).send({ status: 'database_unavailable' });
    }
  });
}
