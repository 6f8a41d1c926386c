import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import '../db/database.ts'; // its int8 parser: bigints come back as numbers, as the app reads them
import { latestMigration, listTables, rowCounts } from './db-tables.ts';
import { PG_DUMP_ENTRY, tableEntry } from './manifest.ts';
import { runPgTool } from './pg-tools.ts';
import type { Snapshot } from './backup.ts';

// PostgreSQL is read in one REPEATABLE READ transaction: the row counts, the files list and the
// data (pg_dump joins it through pg_export_snapshot, or the logical export reads it with cursors)
// all see the same moment, whatever the server writes meanwhile.

/** A Kysely on one client already inside a transaction (Kysely must not open another connection). */
function onClient(client: pg.Client): Kysely<any> {
  const pool = { connect: async () => Object.assign(client, { release: () => {} }), end: async () => {} };
  return new Kysely<any>({ dialect: new PostgresDialect({ pool: pool as never }) });
}

/** JSON keeps numbers, text and nulls as they are; anything else has no faithful line form. */
function checkValue(table: string, column: string, v: unknown): void {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return;
  throw new Error(`logical export: ${table}.${column} holds a value JSON cannot carry faithfully (${Object.prototype.toString.call(v)})`);
}

async function exportTable(client: pg.Client, table: string, path: string): Promise<number> {
  const out = createWriteStream(path, { flush: true });
  let n = 0;
  await client.query(`declare backup_cursor no scroll cursor for select * from "${table}"`);
  try {
    for (;;) {
      const { rows } = await client.query(`fetch 1000 from backup_cursor`);
      if (rows.length === 0) break;
      for (const row of rows) {
        for (const [k, v] of Object.entries(row)) checkValue(table, k, v);
        if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, 'drain');
        n++;
      }
    }
  } finally {
    await client.query('close backup_cursor');
  }
  out.end();
  await once(out, 'close');
  return n;
}

export async function postgresSnapshot(databaseUrl: string, work: string, method: 'pg_dump' | 'logical'): Promise<Snapshot> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const db = onClient(client);
  try {
    await client.query('begin isolation level repeatable read read only');
    const { rows: [{ id: snapshotId }] } = await client.query<{ id: string }>('select pg_export_snapshot() as id');
    const migration = await latestMigration(db);
    if (!migration) throw new Error('the database has no migrations applied: nothing to back up');
    const tables = await rowCounts(db);
    const fileRows = (await db.selectFrom('files').select(['sha256', 'size']).orderBy('sha256').execute()).map((r) => ({ sha256: r.sha256 as string, size: Number(r.size) }));
    const entries: Snapshot['entries'] = [];
    if (method === 'pg_dump') {
      const path = join(work, 'postgres.dump');
      await runPgTool('pg_dump', databaseUrl, ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshotId}`, `--file=${path}`]);
      entries.push({ name: PG_DUMP_ENTRY, path });
    } else {
      for (const t of await listTables(db)) {
        const path = join(work, `${t}.jsonl`);
        const n = await exportTable(client, t, path);
        if (n !== tables[t]) throw new Error(`logical export: ${t} gave ${n} rows, ${tables[t]} counted in the same snapshot`);
        entries.push({ name: tableEntry(t), path });
      }
    }
    await client.query('commit');
    return { method, migration, tables, fileRows, entries };
  } catch (e) {
    await client.query('rollback').catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
}

