// An lvping server on a test database, and a client that behaves like a browser:
// it keeps cookies and sends the CSRF token back.
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/config.ts';
import { buildApp, type App } from '../../src/app.ts';
import { createTestDatabase, type TestDatabase } from './engines.ts';
import type { Engine } from '../../src/db/database.ts';
import { runDueJobs } from '../../src/features/jobs/job-runner.ts';

export type Harness = App & {
  testDb: TestDatabase; client: () => Client; close: () => Promise<void>;
  /** Runs every job that is due now (mail, …) until none is left; for tests that turn the poll off (jobs.pollMs 0). */
  runJobs: () => Promise<number>;
};

type Overrides = Omit<Partial<Config>, 'auth' | 'rateLimits' | 'jobs'> & { auth?: Partial<Config['auth']>; rateLimits?: Partial<Config['rateLimits']>; jobs?: Partial<Config['jobs']> };

/** Every limit on but far away: tests make many requests from one address; rate-limits.test.ts sets its own. */
const testRateLimits = (base: Config['rateLimits']) =>
  Object.fromEntries(Object.keys(base).map((k) => [k, { max: 100_000, windowMs: 3600_000 }])) as Config['rateLimits'];

export async function startHarness(engine: Engine, overrides: Overrides = {}): Promise<Harness> {
  const testDb = await createTestDatabase(engine);
  // Webhook deliveries wait for the test to drive them (deliverDueWebhooks): no background POSTs.
  // Jobs (mail) run in the background every 20 ms, so a test's wait for a mail sees it promptly.
  const base = loadConfig({ DATA_DIR: testDb.dataDir, WEBHOOKS_TICK_MS: '0', JOBS_POLL_MS: '20', ...(testDb.databaseUrl ? { DATABASE_URL: testDb.databaseUrl } : {}) });
  // Sign-up signs in at once unless a test asks for email verification (registration tests do).
  const config: Config = {
    ...base, ...overrides,
    auth: { ...base.auth, slowStepMs: 20, verifyEmail: false, ...overrides.auth },
    rateLimits: { ...testRateLimits(base.rateLimits), ...overrides.rateLimits },
    jobs: { ...base.jobs, ...overrides.jobs },
  };
  const built = await buildApp(config, { database: testDb.open(), logger: false });
  await built.app.ready();
  const harness: Harness = {
    ...built,
    testDb,
    client: () => new Client(built),
    runJobs: async () => {
      // Until nothing is due or running: the background worker (when on) may hold some itself.
      let ran = 0;
      for (let pass = 0; pass < 500; pass++) {
        const now = Date.now();
        ran += (await runDueJobs(harness.deps, { now: () => now })).claimed;
        const busy = await harness.deps.db.selectFrom('jobs').select('id')
          .where((eb) => eb.or([eb('status', '=', 'running'), eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)])])).executeTakeFirst();
        if (!busy) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      return ran;
    },
    // Reads harness.database at close time: a test may have reopened it.
    close: async () => {
      await harness.app.close();
      await harness.database.close();
      await testDb.drop();
    },
  };
  return harness;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export class Client {
  cookies = new Map<string, string>();
  csrfToken = '';
  constructor(private readonly built: App) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: LightMyRequestResponse): void {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const gone = c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now());
      if (gone) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.built.app.inject({
      method, url,
      headers: {
        cookie: this.cookieHeader(),
        ...(method !== 'GET' && this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      payload: body === undefined ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
    });
    this.remember(res);
    return res;
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  put = (url: string, body: unknown = {}, headers?: Record<string, string>) => this.request('PUT', url, body, headers);
  upload = (url: string, file: { body: Buffer; contentType: string }) => this.request('POST', url, file.body, { 'content-type': file.contentType });
  post = (url: string, body: unknown = {}, headers?: Record<string, string>) => this.request('POST', url, body, headers);

  /** Loads the session like the web app does on start, picking up the CSRF token. */
  async start(): Promise<this> {
    const res = await this.get('/api/auth/session');
    this.csrfToken = res.json().csrfToken;
    return this;
  }

  async register(email: string, password = 'correct horse 1', displayName = '测试用户'): Promise<LightMyRequestResponse> {
    if (!this.csrfToken) await this.start();
    return this.post('/api/auth/register', { email, password, displayName });
  }

  async login(email: string, password = 'correct horse 1'): Promise<LightMyRequestResponse> {
    if (!this.csrfToken) await this.start();
    return this.post('/api/auth/login', { email, password });
  }
}
