import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Migrator, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { migrations } from '../db/migrations/index.ts';
import { insertOrder, listTables } from './db-tables.ts';
import type { Manifest } from './manifest.ts';

// Loads a logical export (every table as JSON lines) into an empty database of either engine:
// the schema from our own migrations up to the archive's one, then every table's rows, parents
// before children, in one transaction.

export async function loadLogical(target: Database, manifest: Manifest, dir: string): Promise<void> {
  const migrator = new Migrator({ db: target.db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateTo(manifest.migration);
  if (error) throw error instanceof Error ? error : new Error(String(error));
  const created = new Set(await listTables(target.db));
  const tables = Object.keys(manifest.tables);
  const strange = tables.filter((t) => !created.has(t));
  if (strange.length) throw new Error(`the archive holds tables that migration ${manifest.migration} does not create: ${strange.join(', ')}`);
  const order = await insertOrder(target.db, target.engine, tables);
  const db = target.db as unknown as Kysely<any>;
  await db.transaction().execute(async (trx) => {
    // Rows the migrations wrote (their own bookkeeping, seeded one-row tables) come from the archive too.
    for (const t of [...order].reverse()) await trx.deleteFrom(t).execute();
    for (const t of order) {
      const path = join(dir, `${t}.jsonl`);
      if (!existsSync(path)) throw new Error(`the archive lacks the rows of ${t}`);
      let batch: Record<string, unknown>[] = [];
      let perBatch = 500;
      const flush = async () => {
        if (batch.length) await trx.insertInto(t).values(batch).execute();
        batch = [];
      };
      for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
        if (!line) continue;
        const row = JSON.parse(line) as Record<string, unknown>;
        // Both engines bind at most tens of thousands of parameters per statement.
        perBatch = Math.max(1, Math.min(500, Math.floor(20_000 / Math.max(1, Object.keys(row).length))));
        batch.push(row);
        if (batch.length >= perBatch) await flush();
      }
      await flush();
    }
  });
}
