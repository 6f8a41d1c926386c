// Bare Fastify 5, one route: the ceiling every other scenario is compared with.
import { measure } from '../measure.ts';
import type { Scenario } from '../scenario.ts';
import { startServer, type ServerProcess } from '../server-process.ts';

export const baseline: Scenario<ServerProcess> = {
  name: 'baseline GET / {ok:true}',
  engine: 'fastify',
  isBaseline: true,
  setup: (ctx) => startServer(ctx, 'bare'),
  run: (server) => measure(`${server.url}/`),
};
