import type { Kysely } from 'kysely';

// After the last review round: the program's outcome (decisions, committee approval, 公示,
// publication), objections and their investigation, certificates, and webhooks.
export async function up(db: Kysely<any>): Promise<void> {
  /** One row per program: where its outcome stands (domain decision/outcome-status.ts). */
  await db.schema
    .createTable('program_outcomes')
    .addColumn('program_id', 'text', (c) => c.primaryKey().references('programs.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    /** Incremented each time the list goes to the committee: approvals count per submission. */
    .addColumn('submission', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('approved_at', 'bigint')
    .addColumn('published_at', 'bigint')
    .addColumn('published_by', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  /** The decision for each application in the final ranking: its tier (null: not awarded). */
  await db.schema
    .createTable('decisions')
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('track_id', 'text', (c) => c.notNull())
    .addColumn('tier_id', 'text')
    /** What the ranking and the tier rules proposed; a different tier_id needs a reason. */
    .addColumn('proposed_tier_id', 'text')
    .addColumn('rank', 'integer')
    .addColumn('score', 'real')
    .addColumn('p_above', 'real')
    .addColumn('reason', 'text')
    /** Removed from the list by an objection's ruling (kept for the record). */
    .addColumn('removed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('decisions_pk', ['program_id', 'application_id'])
    .execute();
  await db.schema.createIndex('decisions_track_idx').on('decisions').columns(['program_id', 'track_id']).execute();

  /** Changes after publication: shown on the public page with their date. */
  await db.schema
    .createTable('decision_corrections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('from_tier_id', 'text')
    .addColumn('to_tier_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decision_corrections_program_idx').on('decision_corrections').columns(['program_id', 'created_at']).execute();

  /** Program-level awards (优秀组织奖): to a recommending unit, by rule or by hand with a reason. */
  await db.schema
    .createTable('program_award_winners')
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('award_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('by_rule', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('program_award_winners_pk', ['program_id', 'award_id', 'unit_id'])
    .execute();

  /** Committee members' verdicts and comments on one submission of the list. */
  await db.schema
    .createTable('committee_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('submission', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    /** approve | changes | comment */
    .addColumn('verdict', 'text', (c) => c.notNull())
    /** The application a comment or proposed change is about (null: the whole list). */
    .addColumn('application_id', 'text')
    .addColumn('proposed_tier_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('committee_reviews_program_idx').on('committee_reviews').columns(['program_id', 'submission']).execute();

  /** Places per tier the organizer gave at decision time (overriding the definition's count). */
  await db.schema
    .createTable('decision_tier_counts')
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('track_id', 'text', (c) => c.notNull())
    .addColumn('tier_id', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('set_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('decision_tier_counts_pk', ['program_id', 'track_id', 'tier_id'])
    .execute();

  /** A 公示: of candidates (recommended projects) or of results; its list is a snapshot. */
  await db.schema
    .createTable('publicities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    /** candidates | results */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('working_days', 'integer', (c) => c.notNull())
    .addColumn('starts_at', 'bigint', (c) => c.notNull())
    .addColumn('ends_at', 'bigint', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_at', 'bigint')
    .execute();
  await db.schema.createIndex('publicities_program_idx').on('publicities').columns(['program_id', 'kind']).execute();
  await db.schema
    .createTable('publicity_items')
    .addColumn('publicity_id', 'text', (c) => c.notNull().references('publicities.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('org_name', 'text', (c) => c.notNull())
    .addColumn('track_id', 'text', (c) => c.notNull())
    .addColumn('tier_id', 'text')
    .addColumn('unit_name', 'text')
    /** Taken off by an objection's ruling. */
    .addColumn('removed_at', 'bigint')
    .addPrimaryKeyConstraint('publicity_items_pk', ['publicity_id', 'application_id'])
    .execute();

  /** 异议: real-name objections to an application in a 公示. */
  await db.schema
    .createTable('objections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('receipt_no', 'text', (c) => c.notNull().unique())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('publicity_id', 'text', (c) => c.notNull().references('publicities.id'))
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organization', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('file_ids_json', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    /** received | investigating | awaiting_response | ruled */
    .addColumn('status', 'text', (c) => c.notNull())
    /** upheld | rejected */
    .addColumn('ruling', 'text')
    .addColumn('ruling_reason', 'text')
    /** removed | tier_changed | no_change */
    .addColumn('consequence', 'text')
    .addColumn('new_tier_id', 'text')
    .addColumn('ruled_by', 'text')
    .addColumn('ruled_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('objections_program_idx').on('objections').columns(['program_id', 'status']).execute();
  await db.schema.createIndex('objections_ip_idx').on('objections').columns(['ip', 'created_at']).execute();
  /** The investigation: notes, requests to the applicant, the applicant's responses. */
  await db.schema
    .createTable('objection_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('objection_id', 'text', (c) => c.notNull().references('objections.id').onDelete('cascade'))
    /** note | request | response | ruling */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('file_ids_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('objection_events_objection_idx').on('objection_events').columns(['objection_id', 'created_at']).execute();
  /**
   * Files of an objection: the objector's evidence (uploaded before filing, by anyone: unclaimed
   * until an objection names it, then the objection's) and the applicant's response attachments.
   * Kept apart from application_files, which the application's readers (the applicant) may open.
   */
  await db.schema
    .createTable('objection_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('objection_id', 'text', (c) => c.references('objections.id').onDelete('cascade'))
    /** evidence | response */
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().references('files.sha256'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .addColumn('ip', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('objection_files_ip_idx').on('objection_files').columns(['ip', 'created_at']).execute();
  await db.schema.createIndex('objection_files_objection_idx').on('objection_files').columns(['objection_id']).execute();

  /** 获奖证书 / 入榜证书: the serial is what the public verification page looks up. */
  await db.schema
    .createTable('certificates')
    .addColumn('serial', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    /** An application's tier, or a program award's unit. */
    .addColumn('application_id', 'text')
    .addColumn('award_id', 'text')
    .addColumn('unit_id', 'text')
    .addColumn('tier_id', 'text')
    .addColumn('tier_name', 'text', (c) => c.notNull())
    .addColumn('organization', 'text', (c) => c.notNull())
    .addColumn('project', 'text', (c) => c.notNull())
    .addColumn('track_name', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .addColumn('revoke_reason', 'text')
    .execute();
  await db.schema.createIndex('certificates_program_idx').on('certificates').columns(['program_id', 'application_id']).execute();

  /** Organizers' HTTPS endpoints for status events, and every delivery with its attempts. */
  await db.schema
    .createTable('webhook_endpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('events_json', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('endpoint_id', 'text', (c) => c.notNull().references('webhook_endpoints.id').onDelete('cascade'))
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    /** pending | delivered | failed (no more retries) */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint')
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('delivered_at', 'bigint')
    .execute();
  await db.schema.createIndex('webhook_deliveries_due_idx').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('webhook_deliveries_endpoint_idx').on('webhook_deliveries').columns(['endpoint_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['webhook_deliveries', 'webhook_endpoints', 'certificates', 'objection_files', 'objection_events', 'objections', 'publicity_items', 'publicities', 'decision_tier_counts', 'committee_reviews', 'program_award_winners', 'decision_corrections', 'decisions', 'program_outcomes']) {
    await db.schema.dropTable(t).execute();
  }
}
