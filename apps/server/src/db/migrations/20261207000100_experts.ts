import type { Kysely } from 'kysely';

// 专家库: the platform-wide pool of expert profiles, their invitations to programs (optionally
// one track), and the conflicts (回避) they declare.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('experts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('org_name', 'text', (c) => c.notNull())
    .addColumn('org_credit_code', 'text')
    /** 上级集团 */
    .addColumn('org_parent_group', 'text')
    .addColumn('region_code', 'text')
    /** 职称 */
    .addColumn('title', 'text', (c) => c.notNull())
    /** Track ids and 绿色低碳转型产业指导目录 ids: ["chuneng", "glt2024-4"] */
    .addColumn('fields_json', 'text', (c) => c.notNull())
    .addColumn('keywords_json', 'text', (c) => c.notNull())
    .addColumn('bio', 'text', (c) => c.notNull())
    /** Lower-cased; the profile's identity for imports and invitations. */
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('phone', 'text')
    /** The account, once the expert accepted an invitation with it. */
    .addColumn('user_id', 'text', (c) => c.references('users.id').unique())
    /** Lower-cased name, organization, title, keywords and bio: what the search looks in. */
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('experts_region_idx').on('experts').column('region_code').execute();

  // One row per program and expert: the invitation, then the answer.
  await db.schema
    .createTable('program_experts')
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id'))
    /** null: the whole program. */
    .addColumn('track_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('max_load', 'integer')
    .addColumn('availability_note', 'text')
    /** SHA-256 of the token in the emailed link; the link itself is never stored. */
    .addColumn('invite_token_hash', 'text', (c) => c.unique())
    .addColumn('invited_by', 'text')
    .addColumn('invited_at', 'bigint', (c) => c.notNull())
    .addColumn('responded_at', 'bigint')
    .addPrimaryKeyConstraint('program_experts_pk', ['program_id', 'expert_id'])
    .execute();
  await db.schema.createIndex('program_experts_expert_idx').on('program_experts').column('expert_id').execute();

  await db.schema
    .createTable('expert_declared_conflicts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id'))
    /** The application the expert may not review… */
    .addColumn('application_id', 'text', (c) => c.references('applications.id').onDelete('cascade'))
    /** …or an organization, by name (compared normalized). */
    .addColumn('org_name', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('declared_at', 'bigint', (c) => c.notNull())
    /** 'invitation' (when accepting) or 'assignment' (on an assigned application). */
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('declared_by', 'text')
    .execute();
  await db.schema.createIndex('expert_declared_conflicts_idx').on('expert_declared_conflicts').columns(['program_id', 'expert_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['expert_declared_conflicts', 'program_experts', 'experts']) await db.schema.dropTable(t).execute();
}
