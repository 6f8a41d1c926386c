import type { Kysely } from 'kysely';

// 初筛: a screening per submitted version, every submitted version kept, in-app notifications,
// and deadline extensions for recommending units.
export async function up(db: Kysely<any>): Promise<void> {
  // Written on every submit, resubmissions included: each returned version stays comparable.
  await db.schema
    .createTable('application_versions')
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('answers_json', 'text', (c) => c.notNull())
    .addColumn('form_version', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', 'bigint', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('application_versions_pk', ['application_id', 'version_no'])
    .execute();

  // One per screened version: the checklist as the screener works it, then the decision.
  await db.schema
    .createTable('screenings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('checklist_json', 'text', (c) => c.notNull())
    /** The automatic rules' outcomes when decided: what the applicant is shown, even if a template changes later. */
    .addColumn('rules_json', 'text')
    .addColumn('outcome', 'text')
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'bigint')
    .addColumn('released_at', 'bigint')
    /** Bumped on every checklist write, so two screeners ticking at once cannot lose a mark. */
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('screenings_one_per_version', ['application_id', 'version_no'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('read_at', 'bigint')
    .execute();
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'created_at']).execute();

  // unit_id is the recommendation feature's; no foreign key, so this does not depend on its migration.
  await db.schema
    .createTable('unit_deadline_overrides')
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('until', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('unit_deadline_overrides_pk', ['program_id', 'unit_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['unit_deadline_overrides', 'notifications', 'screenings', 'application_versions']) await db.schema.dropTable(t).execute();
}
