// Helpers for scenarios against the real lvping server: start it on a fresh
// engine, and sign a user up. Future scenarios (drafts, PDFs, Excel exports)
// build on these.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTempDatabase } from './postgres.ts';
import type { Ctx } from './scenario.ts';
import { startServer, type ServerProcess } from './server-process.ts';

export type Engine = 'sqlite' | 'postgres';

/** lvping in a child process on an empty database of the given engine. */
export async function startLvping(ctx: Ctx, engine: Engine, env: Record<string, string> = {}): Promise<ServerProcess> {
  ctx.signal.throwIfAborted();
  // A temp DATA_DIR for both engines: SQLite lives there, and nothing may land in the repo's data/.
  const dataDir = await mkdtemp(join(tmpdir(), 'lvping-bench-'));
  ctx.defer(() => rm(dataDir, { recursive: true, force: true }));
  const databaseUrl = engine === 'postgres' ? await createTempDatabase(ctx) : '';
  return startServer(ctx, 'lvping', {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl, // empty means SQLite, also when the parent's env has one
    LOG_LEVEL: 'warn', // request logging would dominate what we measure
    DEMO_DATA: '0',
    SMTP_URL: '',
    // Scenarios sign many users up and in from one address: sign-up signs in at once, no per-address limits.
    REGISTRATION_VERIFY_EMAIL: '0',
    RATE_LIMIT_REGISTER: 'off',
    RATE_LIMIT_LOGIN: 'off',
    ...env,
  });
}

/** "name=value" pairs from Set-Cookie headers. */
function cookiesOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const header of res.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const i = pair.indexOf('=');
    if (i > 0) out[pair.slice(0, i).trim()] = pair.slice(i + 1).trim();
  }
  return out;
}

async function expectOk(res: Response, what: string): Promise<Response> {
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${await res.text()}`);
  return res;
}

export type SignedIn = {
  email: string;
  /** Cookie header value carrying the session and CSRF cookies. */
  cookie: string;
  /** For the x-csrf-token header of POST/PUT/DELETE scenarios. */
  csrfToken: string;
};

/** Registers a new user the way the browser does (CSRF cookie + header) and checks the session works. */
export async function registerUser(baseUrl: string, label = 'bench'): Promise<SignedIn> {
  const session = await expectOk(await fetch(`${baseUrl}/api/auth/session`), 'GET /api/auth/session');
  const csrf = cookiesOf(session).lvping_csrf;
  if (!csrf) throw new Error('GET /api/auth/session set no lvping_csrf cookie');

  const email = `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const registered = await expectOk(
    await fetch(`${baseUrl}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `lvping_csrf=${csrf}`, 'x-csrf-token': csrf },
      body: JSON.stringify({ email, password: 'bench-password-123', displayName: 'Bench User' }),
    }),
    'POST /api/auth/register',
  );
  const set = cookiesOf(registered);
  if (!set.lvping_session) throw new Error('POST /api/auth/register set no lvping_session cookie');
  const csrfToken = set.lvping_csrf ?? csrf; // in case signing in rotates it
  const cookie = `lvping_csrf=${csrfToken}; lvping_session=${set.lvping_session}`;

  const me = (await (await expectOk(await fetch(`${baseUrl}/api/auth/me`, { headers: { cookie } }), 'GET /api/auth/me')).json()) as { email?: string };
  if (me.email !== email) throw new Error(`GET /api/auth/me returned ${JSON.stringify(me)}, expected ${email}`);
  return { email, cookie, csrfToken };
}
