import { sql, type Kysely } from 'kysely';

// The durable job queue (features/jobs): mail, reminders, webhook deliveries and, later, long
// exports. A row is claimed with a lease (locked_by + locked_until) that its runner extends while
// it works; a lease that ran out (the process died) makes the job claimable again.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    /** queued | running | succeeded | dead (a failed attempt with attempts left goes back to queued) */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_at', 'bigint', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'bigint')
    .addColumn('progress_done', 'integer')
    .addColumn('progress_total', 'integer')
    /** The handler's result as JSON (e.g. the path of a file it wrote). */
    .addColumn('result', 'text')
    .addColumn('last_error', 'text')
    .addColumn('owner_user_id', 'text')
    .addColumn('dedupe_key', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .execute();
  await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['status', 'run_at']).execute();
  await db.schema.createIndex('jobs_owner_idx').on('jobs').column('owner_user_id').execute();
  // One waiting or running job per key: a finished one no longer blocks the key, so the same
  // export can be asked for again once the last one is done. Recurring jobs (one row each,
  // re-armed after every run) never finish and so hold their key for good.
  await db.schema.createIndex('jobs_dedupe_idx').on('jobs').column('dedupe_key').unique()
    .where(sql<boolean>`dedupe_key is not null and status in ('queued', 'running')`).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('jobs').execute();
}
