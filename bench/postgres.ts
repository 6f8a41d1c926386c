// A throw-away PostgreSQL database per scenario, dropped by ctx's cleanup.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Ctx } from './scenario.ts';

/** Maintenance connection used to create and drop the temp databases. */
const ADMIN_URL = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates a temp database and returns its URL; skips the scenario when PostgreSQL isn't reachable. */
export async function createTempDatabase(ctx: Ctx): Promise<string> {
  try {
    await admin((c) => c.query('select 1'));
  } catch (err) {
    ctx.skip(`PostgreSQL not reachable at ${redact(ADMIN_URL)} (${err instanceof Error ? err.message : String(err)}); set BENCH_PG_URL to point elsewhere`);
  }
  // Generated, so safe to interpolate: CREATE DATABASE takes no parameters.
  ctx.signal.throwIfAborted();
  const name = `lvping_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  ctx.defer(() => dropDatabase(name));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(name: string): Promise<void> {
  await admin(async (c) => {
    // The server's pool is closed by then unless it had to be killed; its
    // connections would block DROP (WITH (FORCE) needs PostgreSQL 13+).
    await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
    await c.query(`DROP DATABASE IF EXISTS "${name}"`);
  });
}
