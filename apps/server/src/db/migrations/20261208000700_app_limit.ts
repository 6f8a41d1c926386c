import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Applications per organization per track become a number the definition sets
// (`applicationsPerOrganization`, default 1): a technology holder may enter several
// technologies on one list. The old constraint (one per program, track and organization) gives
// way to a `slot` column — 1, 2, … per organization and track — with a unique index, so two
// concurrent creations can never take the same slot and the limit holds on both engines
// without a lock (the service refuses a slot above the limit).
//
// SQLite cannot drop a table constraint: the table is rebuilt as its documentation describes
// (foreign keys off, new table, copy, drop, rename, indexes, foreign_key_check), so the rows
// that reference applications keep their ids. The new table is the existing one's own CREATE
// statement minus the constraint, so columns added by other migrations come along.

const CONSTRAINT = /,\s*constraint "applications_one_per_track" unique \("program_id", "track_id", "organization_id"\)/i;

async function rebuildSqlite(db: Kysely<any>): Promise<void> {
  const table = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = 'applications'`.execute(db);
  const create = table.rows[0]?.sql;
  if (!create || !CONSTRAINT.test(create)) return;
  const indexes = await sql<{ sql: string }>`select sql from sqlite_master where type = 'index' and tbl_name = 'applications' and sql is not null`.execute(db);
  const columns = (await sql<{ name: string }>`pragma table_info("applications")`.execute(db)).rows.map((c) => `"${c.name}"`).join(', ');
  const rebuilt = create.replace(CONSTRAINT, '').replace(/^CREATE TABLE "applications"/i, 'CREATE TABLE "applications_rebuilt"');
  await sql`pragma foreign_keys = OFF`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await sql.raw(rebuilt).execute(trx);
      await sql.raw(`insert into "applications_rebuilt" (${columns}) select ${columns} from "applications"`).execute(trx);
      await sql`drop table "applications"`.execute(trx);
      await sql`alter table "applications_rebuilt" rename to "applications"`.execute(trx);
      for (const ix of indexes.rows) await sql.raw(ix.sql).execute(trx);
      const broken = await sql`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length) throw new Error(`rebuilding applications broke ${broken.rows.length} foreign key(s)`);
    });
  } finally {
    await sql`pragma foreign_keys = ON`.execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table applications drop constraint if exists applications_one_per_track`.execute(db);
  } else {
    await rebuildSqlite(db);
  }
  await db.schema.alterTable('applications').addColumn('slot', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.createIndex('applications_slot_uq').on('applications').columns(['program_id', 'track_id', 'organization_id', 'slot']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('applications_slot_uq').execute();
  await db.schema.alterTable('applications').dropColumn('slot').execute();
  // A unique index behaves as the old constraint did (SQLite cannot add a constraint to a table).
  await db.schema.createIndex('applications_one_per_track').on('applications').columns(['program_id', 'track_id', 'organization_id']).unique().execute();
}
