import type { Kysely } from 'kysely';

// 供需匹配: interest between a published technology (catalog entry) and a profile or need, and
// the introductions (引荐) made when both sides are interested. Profiles are match_profiles
// (20261207000500_catalog).
export async function up(db: Kysely<any>): Promise<void> {
  /**
   * One row per pair (technology × profile or need): each side's interest is its time (null:
   * not interested). Both sides update the same row, so two that agree at once are serialized
   * and exactly one of them makes the introduction.
   */
  await db.schema
    .createTable('match_interests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('catalog_entries.id').onDelete('cascade'))
    /** profile | need */
    .addColumn('counterpart_type', 'text', (c) => c.notNull())
    .addColumn('counterpart_id', 'text', (c) => c.notNull())
    .addColumn('technology_user_id', 'text')
    .addColumn('technology_at', 'bigint')
    .addColumn('counterpart_user_id', 'text')
    .addColumn('counterpart_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('match_interests_pair_idx').on('match_interests').columns(['entry_id', 'counterpart_type', 'counterpart_id']).unique().execute();
  await db.schema.createIndex('match_interests_counterpart_idx').on('match_interests').columns(['counterpart_type', 'counterpart_id']).execute();

  /** Each time a pair became mutual: the contacts were shared from introduced_at until ended_at. */
  await db.schema
    .createTable('match_introductions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('interest_id', 'text', (c) => c.notNull().references('match_interests.id').onDelete('cascade'))
    .addColumn('introduced_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .addColumn('ended_by', 'text')
    .execute();
  await db.schema.createIndex('match_introductions_interest_idx').on('match_introductions').columns(['interest_id', 'introduced_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['match_introductions', 'match_interests']) await db.schema.dropTable(t).execute();
}
