import type { Kysely } from 'kysely';

// 推荐: recommending units of a program, their members and invitations, the unit an application
// names, the unit's decisions, and the quota ledger that makes a max hold under concurrency.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('recommending_units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    /** The unit's id in the program definition when the call itself names it (河南's cities). */
    .addColumn('definition_unit_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('channels_json', 'text', (c) => c.notNull())
    /** 组织负责人 / 联络员: [{ role, name, phone, email? }] */
    .addColumn('contacts_json', 'text', (c) => c.notNull())
    .addColumn('admin_emails_json', 'text', (c) => c.notNull())
    /** SHA-256 of the token in the unit's link for applicants; the link itself is never stored. */
    .addColumn('invite_token_hash', 'text', (c) => c.unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('recommending_units_name', ['program_id', 'name'])
    .addUniqueConstraint('recommending_units_definition', ['program_id', 'definition_unit_id'])
    .execute();

  await db.schema
    .createTable('unit_members')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('recommending_units.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_members_pk', ['unit_id', 'user_id'])
    .execute();
  await db.schema.createIndex('unit_members_user_idx').on('unit_members').column('user_id').execute();

  await db.schema
    .createTable('unit_invitations')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('recommending_units.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('accepted_at', 'bigint')
    .addColumn('accepted_by', 'text')
    .execute();
  await db.schema.createIndex('unit_invitations_unit_idx').on('unit_invitations').columns(['unit_id', 'email']).execute();

  // The unit the applicant names; it may change until the unit decides.
  await db.schema.alterTable('applications').addColumn('unit_id', 'text', (c) => c.references('recommending_units.id')).execute();
  await db.schema.createIndex('applications_unit_idx').on('applications').columns(['unit_id', 'track_id']).execute();

  // One decision per application: the primary key refuses a second one, replayed or racing.
  await db.schema
    .createTable('nominations')
    .addColumn('application_id', 'text', (c) => c.primaryKey().references('applications.id').onDelete('cascade'))
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('recommending_units.id'))
    .addColumn('track_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opinion', 'text')
    .addColumn('stamped_file_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('nominations_unit_idx').on('nominations').columns(['unit_id', 'track_id', 'status']).execute();
  await db.schema.createIndex('nominations_program_idx').on('nominations').column('program_id').execute();

  // Endorsements per unit and track. An endorsement raises `used` with one conditional UPDATE
  // (… WHERE used < limit) in its own transaction: the row lock (PostgreSQL) or the single
  // writer (SQLite) makes concurrent endorsements take turns, so the max cannot be overshot.
  await db.schema
    .createTable('quota_usage')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('recommending_units.id').onDelete('cascade'))
    .addColumn('track_id', 'text', (c) => c.notNull())
    .addColumn('used', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('quota_usage_pk', ['unit_id', 'track_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('applications_unit_idx').execute();
  await db.schema.alterTable('applications').dropColumn('unit_id').execute();
  for (const t of ['quota_usage', 'nominations', 'unit_invitations', 'unit_members', 'recommending_units']) await db.schema.dropTable(t).execute();
}
