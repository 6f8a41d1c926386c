import type { Kysely } from 'kysely';

// 对接 (matchmaking) foundations: the 绿色技术推广目录 entries with their versions, technology needs
// (技术需求 / 揭榜挂帅), and the profiles of investors, banks and buyers. Meetings, interests,
// deals and service requests build on these in their own migrations.
export async function up(db: Kysely<any>): Promise<void> {
  /** One technology in the catalog; what it says is its approved version (catalog_versions). */
  await db.schema
    .createTable('catalog_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** The owner: an organization and the user who manages the entry for it. */
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('owner_user_id', 'text', (c) => c.notNull().references('users.id'))
    /** Where it came from: a program's result (the application), or a catalog-selection program. */
    .addColumn('program_id', 'text')
    .addColumn('application_id', 'text')
    /** invited (owner has not opted in) | draft | pending | published | suspended | retired */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    /** The approved version shown to the public (null until the first is approved). */
    .addColumn('published_version', 'integer')
    /**
     * The catalog generation (catalog_generation) of the last change the public can see: a
     * search index loads only the entries whose public_seq is above the generation it holds.
     */
    .addColumn('public_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('catalog_entries_public_seq_idx').on('catalog_entries').column('public_seq').execute();
  /** One entry per awarded application: adding a program's winners twice adds nothing. */
  await db.schema.createIndex('catalog_entries_application_idx').on('catalog_entries').column('application_id').unique().execute();
  await db.schema.createIndex('catalog_entries_owner_idx').on('catalog_entries').column('owner_user_id').execute();
  await db.schema.createIndex('catalog_entries_status_idx').on('catalog_entries').columns(['status', 'updated_at']).execute();
  await db.schema.createIndex('catalog_entries_org_idx').on('catalog_entries').column('organization_id').execute();

  /** Every version of an entry: the owner submits, the catalog organizer approves or rejects. */
  await db.schema
    .createTable('catalog_versions')
    .addColumn('entry_id', 'text', (c) => c.notNull().references('catalog_entries.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    /** The catalog fields (name, field, 适用范围, 核心技术工艺, 主要技术参数, 综合效益, 典型案例, IP, TRL…). */
    .addColumn('fields_json', 'text', (c) => c.notNull())
    /** draft | pending | approved | rejected | superseded */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'bigint')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'bigint')
    .addColumn('review_note', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalog_versions_pk', ['entry_id', 'version'])
    .execute();

  /** 技术需求: a problem posted by an enterprise, region or association; public once reviewed. */
  await db.schema
    .createTable('tech_needs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('poster_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('fields_json', 'text', (c) => c.notNull())
    /** draft | pending | published | rejected | closed */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('review_note', 'text')
    .addColumn('reviewed_by', 'text')
    /** The 揭榜挂帅 program it became a track of, if any. */
    .addColumn('program_id', 'text')
    .addColumn('track_id', 'text')
    .addColumn('deadline', 'text')
    /** Copies of what the public list filters on (fields_json holds them too): field, poster's region, funded. */
    .addColumn('field_id', 'text')
    .addColumn('region_code', 'text')
    .addColumn('funded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_at', 'bigint')
    .addColumn('reviewed_at', 'bigint')
    .addColumn('published_at', 'bigint')
    .addColumn('closed_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tech_needs_status_idx').on('tech_needs').columns(['status', 'updated_at']).execute();
  await db.schema.createIndex('tech_needs_poster_idx').on('tech_needs').column('poster_user_id').execute();
  await db.schema.createIndex('tech_needs_program_idx').on('tech_needs').columns(['program_id', 'track_id']).execute();

  /** An investor's, bank's or buyer's profile: what it looks for; approved before it is matched. */
  await db.schema
    .createTable('match_profiles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    /** investor | bank | buyer | service_provider */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('org_name', 'text', (c) => c.notNull())
    .addColumn('fields_json', 'text', (c) => c.notNull())
    /** pending | approved | rejected | withdrawn */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('review_note', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('match_profiles_user_idx').on('match_profiles').columns(['user_id', 'kind']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['match_profiles', 'tech_needs', 'catalog_versions', 'catalog_entries']) await db.schema.dropTable(t).execute();
}
