import type { Kysely } from 'kysely';

// The catalog's history and its search generation (features/catalog).
export async function up(db: Kysely<any>): Promise<void> {
  /**
   * What happened to an entry, for its public history and the organizer: invited, opted in,
   * submitted, approved, rejected, suspended, retired, reinstated (with the version and reason).
   */
  await db.schema
    .createTable('catalog_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('catalog_entries.id').onDelete('cascade'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .addColumn('reason', 'text')
    .addColumn('actor_id', 'text')
    .execute();
  await db.schema.createIndex('catalog_events_entry_idx').on('catalog_events').columns(['entry_id', 'at']).execute();

  /**
   * One row: bumped inside every transaction that changes what the public catalog shows. On
   * PostgreSQL the row lock makes writers take numbers in commit order, so a reader that sees
   * generation G also sees every entry change numbered ≤ G.
   */
  await db.schema
    .createTable('catalog_generation')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('generation', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('catalog_generation').values({ id: 1, generation: 0 }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['catalog_generation', 'catalog_events']) await db.schema.dropTable(t).execute();
}
