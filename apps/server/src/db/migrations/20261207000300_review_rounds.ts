import type { Kysely } from 'kysely';

// Review rounds: assignments and solves belong to a round ('' for a program that defines
// none); each round's entrants; the experts' score sheets (draft until submitted, then
// locked until an organizer unlocks with a reason); scheduled reminder emails; site visits
// and roadshow slots.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('review_assignments').addColumn('round_id', 'text', (c) => c.notNull().defaultTo('')).execute();
  /** When the expert confirmed there is no conflict: only then is the application shown. */
  await db.schema.alterTable('review_assignments').addColumn('confirmed_at', 'bigint').execute();
  await db.schema.alterTable('review_assignment_runs').addColumn('round_id', 'text', (c) => c.notNull().defaultTo('')).execute();
  /** The round a pin holds in; bans and overrides hold in every round (''). */
  await db.schema.alterTable('review_pair_rules').addColumn('round_id', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.dropIndex('review_assignments_pair_uq').execute();
  await db.schema.createIndex('review_assignments_pair_uq').on('review_assignments').columns(['program_id', 'round_id', 'application_id', 'expert_id']).unique().execute();

  await db.schema
    .createTable('review_entries')
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('entered_at', 'bigint', (c) => c.notNull())
    .addColumn('entered_by', 'text')
    /** Why the organizer put it in against the entry rule (null when the rule chose it). */
    .addColumn('reason', 'text')
    .addPrimaryKeyConstraint('review_entries_pk', ['program_id', 'round_id', 'application_id'])
    .execute();

  await db.schema
    .createTable('review_sheets')
    .addColumn('assignment_id', 'text', (c) => c.primaryKey().references('review_assignments.id'))
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('expert_id', 'text', (c) => c.notNull())
    .addColumn('sheet_json', 'text', (c) => c.notNull())
    /** Σ weight × score / max, set on submit; null while a gate failed. */
    .addColumn('total', 'real')
    /** draft | submitted */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('submitted_at', 'bigint')
    /** The organizer's reason for the last unlock, shown to the expert. */
    .addColumn('unlock_reason', 'text')
    .addColumn('unlocked_at', 'bigint')
    .execute();
  await db.schema.createIndex('review_sheets_round_idx').on('review_sheets').columns(['program_id', 'round_id', 'status']).execute();

  await db.schema
    .createTable('review_reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .addColumn('sent_count', 'integer')
    .execute();
  await db.schema.createIndex('review_reminders_due_idx').on('review_reminders').columns(['sent_at', 'due_at']).execute();

  await db.schema
    .createTable('review_visits')
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('visit_date', 'text', (c) => c.notNull())
    .addColumn('team', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('report_file_id', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_visits_pk', ['program_id', 'round_id', 'application_id'])
    .execute();

  await db.schema
    .createTable('review_slots')
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('panel', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'bigint', (c) => c.notNull())
    /** A room, or an online meeting link. */
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_slots_pk', ['program_id', 'round_id', 'application_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['review_slots', 'review_visits', 'review_reminders', 'review_sheets', 'review_entries']) await db.schema.dropTable(t).execute();
  await db.schema.dropIndex('review_assignments_pair_uq').execute();
  await db.schema.createIndex('review_assignments_pair_uq').on('review_assignments').columns(['program_id', 'application_id', 'expert_id']).unique().execute();
  await db.schema.alterTable('review_assignment_runs').dropColumn('round_id').execute();
  await db.schema.alterTable('review_pair_rules').dropColumn('round_id').execute();
  await db.schema.alterTable('review_assignments').dropColumn('confirmed_at').execute();
  await db.schema.alterTable('review_assignments').dropColumn('round_id').execute();
}
