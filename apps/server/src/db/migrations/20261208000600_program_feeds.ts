import type { Kysely } from 'kysely';

// 多级遴选 (issue 13): an application a program feeds into another. The target application is a
// new row of `applications` (status 'fed' until its applicant answers); this row keeps where it
// came from (a reference to the source application, whose own history stays in its program),
// the target unit it arrives through, the opinion that unit's endorsement will carry and who
// sent it. One source application goes into one target program at most once.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('program_feed_items')
    .addColumn('target_application_id', 'text', (c) => c.primaryKey().references('applications.id').onDelete('cascade'))
    .addColumn('target_program_id', 'text', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('feed_id', 'text', (c) => c.notNull())
    .addColumn('source_program_id', 'text', (c) => c.notNull().references('programs.id'))
    .addColumn('source_application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('recommending_units.id'))
    .addColumn('opinion', 'text', (c) => c.notNull())
    /** The target fields filled from the source (JSON array of section.field). */
    .addColumn('mapped_json', 'text', (c) => c.notNull())
    .addColumn('fed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('fed_at', 'bigint', (c) => c.notNull())
    /** pending | confirmed | declined */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'bigint')
    .addUniqueConstraint('program_feed_items_once', ['target_program_id', 'source_application_id'])
    .execute();
  await db.schema.createIndex('program_feed_items_source_idx').on('program_feed_items').column('source_program_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('program_feed_items').execute();
}
