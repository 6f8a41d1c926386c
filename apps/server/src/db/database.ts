import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresAdapter, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { DB } from './schema.ts';
import { migrations } from './migrations/index.ts';

export type Engine = 'sqlite' | 'postgres';
export type Db = Kysely<DB>;
export type Database = { db: Db; engine: Engine; close: () => Promise<void> };

// pg returns int8 (bigint) as text; our bigints are epoch milliseconds and counts,
// well inside Number's safe range.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * SQLite's synchronous level in WAL mode (ARCHITECTURE.md, "Durability"): FULL fsyncs the WAL at
 * every commit, so a commit that was answered survives a power loss too; NORMAL fsyncs only at
 * checkpoints (a killed process loses nothing, a power loss may lose the last commits).
 */
export type SqliteSynchronous = 'full' | 'normal';

export function openDatabase(opts: { databaseUrl: string | null; dataDir: string; poolSize?: number; sqliteSynchronous?: SqliteSynchronous }): Database {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle connection the server drops (restart, failover) must not crash the process;
    // the pool replaces it on the next query.
    pool.on('error', (err) => console.error(`PostgreSQL idle connection error: ${err.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  mkdirSync(opts.dataDir, { recursive: true });
  const file = new SQLite(join(opts.dataDir, 'lvping.sqlite'));
  file.pragma('journal_mode = WAL');
  file.pragma('foreign_keys = ON');
  file.pragma(`synchronous = ${opts.sqliteSynchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  // Another process (the CLI, a second server) may hold the write lock for a moment.
  file.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(file) }) });
  return { db, engine: 'sqlite', close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; better-sqlite3 statements are reusable, and the same few
 * dozen SQL strings run all day. Caching them saves the parse and plan on every query.
 * Safe because better-sqlite3 is synchronous: a statement is never used by two queries at once.
 */
function withStatementCache(file: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = file.prepare.bind(file);
  return new Proxy(file, {
    get(target, prop, receiver) {
      if (prop !== 'prepare') {
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      }
      return (source: string) => {
        let stmt = cache.get(source);
        if (!stmt) {
          stmt = prepare(source);
          if (cache.size >= 1000) cache.delete(cache.keys().next().value!);
          cache.set(source, stmt);
        }
        return stmt;
      };
    },
  });
}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  // PostgreSQL: Kysely holds an advisory lock, so app processes starting together take
  // turns. SQLite has no such lock across processes (the server and the CLI, say): the
  // loser of a race fails on a table the winner just made, and simply tries again.
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    if (db.getExecutor().adapter instanceof PostgresAdapter || attempt >= 5) throw error;
    await new Promise((r) => setTimeout(r, 100 * attempt));
  }
}

export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
