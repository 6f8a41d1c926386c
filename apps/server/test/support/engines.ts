// Runs a suite once on SQLite and once on PostgreSQL, each on a database of its own.
// PostgreSQL is optional on a developer's machine: without it that half is skipped with
// a line saying so, unless REQUIRE_PG=1 (as in CI), where its absence fails the run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe } from 'node:test';
import pg from 'pg';
import { openDatabase, type Database, type Engine } from '../../src/db/database.ts';

export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let pgAvailable: Promise<string | null> | null = null;
/** null when PostgreSQL answers; otherwise why not. */
export function postgresProblem(): Promise<string | null> {
  pgAvailable ??= (async () => {
    // A busy machine can be slow to accept: a few patient tries before calling it absent.
    let problem = '';
    for (let attempt = 0; attempt < 3; attempt++) {
      const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 10_000 });
      try {
        await client.connect();
        await client.query('select 1');
        return null;
      } catch (e) {
        problem = (e as Error).message;
        if (/ECONNREFUSED|ENOTFOUND|does not exist|authentication/i.test(problem)) break;
      } finally {
        await client.end().catch(() => {});
      }
    }
    return `PostgreSQL at ${PG_ADMIN_URL} is not reachable (${problem})`;
  })();
  return pgAvailable;
}

export type TestDatabase = { engine: Engine; databaseUrl: string | null; dataDir: string; open: (poolSize?: number) => Database; drop: () => Promise<void> };

/** A fresh, empty database of the given engine. */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lvping-test-'));
  if (engine === 'sqlite') {
    return {
      engine, databaseUrl: null, dataDir,
      // NORMAL: a test database needs no power-loss durability, and FULL's fsync per commit would slow every suite.
      open: () => openDatabase({ databaseUrl: null, dataDir, sqliteSynchronous: 'normal' }),
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `lvping_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    engine, databaseUrl, dataDir,
    open: (poolSize?: number) => openDatabase({ databaseUrl, dataDir, poolSize }),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const pgProblem = await postgresProblem();
if (pgProblem && process.env.REQUIRE_PG === '1') throw new Error(`REQUIRE_PG=1 but ${pgProblem}`);

/** describe(...) once per engine; the body gets the engine name. */
export function describeEachEngine(title: string, body: (engine: Engine) => void): void {
  describe(`${title} [sqlite]`, () => body('sqlite'));
  if (pgProblem) {
    describe(`${title} [postgres]`, { skip: `skipped: ${pgProblem}; set REQUIRE_PG=1 to make this fail` }, () => {});
    console.log(`# ${title} [postgres] skipped: ${pgProblem}`);
  } else {
    describe(`${title} [postgres]`, () => body('postgres'));
  }
}
