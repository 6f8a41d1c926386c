import type { Kysely } from 'kysely';

// 赛马 (horse race) in a 揭榜挂帅 program: each funded solver's milestones, the reports it uploads
// for them (content-checked files) and the scores the organizer and experts give each milestone.
// The needs themselves are tech_needs (20261207000500_catalog).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('need_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('track_id', 'text', (c) => c.notNull())
    /** Order within the application's plan (1, 2, …). */
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    /** YYYY-MM-DD, Asia/Shanghai: a report by 24:00 of this day is on time. */
    .addColumn('due_on', 'text', (c) => c.notNull())
    /** plan (copied from the application's 实施计划) | organizer */
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('need_milestones_app_idx').on('need_milestones').columns(['application_id', 'seq']).execute();
  await db.schema.createIndex('need_milestones_program_idx').on('need_milestones').columns(['program_id', 'track_id']).execute();

  /** A report is a file; a solver may add several to a milestone (the first decides on time). */
  await db.schema
    .createTable('need_milestone_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('milestone_id', 'text', (c) => c.notNull().references('need_milestones.id'))
    .addColumn('sha256', 'text', (c) => c.notNull().references('files.sha256'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('need_milestone_reports_ms_idx').on('need_milestone_reports').columns(['milestone_id', 'created_at']).execute();

  /** One score per milestone and scorer (the organizer, each expert); a new score replaces the scorer's own. */
  await db.schema
    .createTable('need_milestone_scores')
    .addColumn('milestone_id', 'text', (c) => c.notNull().references('need_milestones.id'))
    .addColumn('scorer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('scored_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('need_milestone_scores_pk', ['milestone_id', 'scorer_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['need_milestone_scores', 'need_milestone_reports', 'need_milestones']) await db.schema.dropTable(t).execute();
}
