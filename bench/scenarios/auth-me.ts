// GET /api/auth/me signed in: the cost of the whole request pipeline (cookie
// parsing, session + user + grants read from the database, zod-serialised
// response) that every authenticated API call pays.
import { registerUser, startLvping, type Engine } from '../lvping.ts';
import { measure } from '../measure.ts';
import type { Scenario } from '../scenario.ts';

export function authMe(engine: Engine): Scenario<{ url: string; cookie: string }> {
  return {
    name: 'GET /api/auth/me (signed in)',
    engine,
    async setup(ctx) {
      const server = await startLvping(ctx, engine);
      const { cookie } = await registerUser(server.url);
      return { url: server.url, cookie };
    },
    run: ({ url, cookie }) => measure(`${url}/api/auth/me`, { headers: { cookie } }),
  };
}
