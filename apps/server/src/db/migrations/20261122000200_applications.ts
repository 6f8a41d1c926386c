import type { Kysely } from 'kysely';

// Programs as versioned definitions; organizations; applications with their timeline and files.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('programs').addColumn('created_by', 'text').execute();
  await db.schema.alterTable('programs').addColumn('next_number', 'integer', (c) => c.notNull().defaultTo(1)).execute();

  // Every version of every form stays: a submitted application is read with the one it was filled against.
  await db.schema
    .createTable('form_versions')
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('form_versions_pk', ['program_id', 'form_id', 'version'])
    .execute();

  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('credit_code', 'text', (c) => c.notNull().unique())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_phone', 'text', (c) => c.notNull())
    .addColumn('contact_email', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('organizations_owner_idx').on('organizations').column('owner_user_id').execute();

  await db.schema
    .createTable('applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
    .addColumn('track_id', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('applicant_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('form_version', 'integer', (c) => c.notNull())
    .addColumn('answers_json', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    /** Lower-cased text of the answers and the organization, for the organizer's search. */
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('deadline_override', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('submitted_at', 'bigint')
    .addUniqueConstraint('applications_one_per_track', ['program_id', 'track_id', 'organization_id'])
    .execute();
  await db.schema.createIndex('applications_program_idx').on('applications').columns(['program_id', 'track_id', 'status']).execute();
  await db.schema.createIndex('applications_applicant_idx').on('applications').column('applicant_user_id').execute();

  await db.schema
    .createTable('application_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('actor_id', 'text')
    .execute();
  await db.schema.createIndex('application_events_app_idx').on('application_events').column('application_id').execute();

  // Content-addressed: the bytes live at DATA_DIR/files/<sha256>, stored once however often uploaded.
  await db.schema
    .createTable('files')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('application_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('field_path', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().references('files.sha256'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('application_files_app_idx').on('application_files').column('application_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['application_files', 'files', 'application_events', 'applications', 'organizations', 'form_versions']) await db.schema.dropTable(t).execute();
  await db.schema.alterTable('programs').dropColumn('next_number').execute();
  await db.schema.alterTable('programs').dropColumn('created_by').execute();
}
