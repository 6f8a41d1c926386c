import type { Kysely } from 'kysely';

// Review assignment: each solve (run), the assigned pairs (draft until published to the
// experts; declined when the expert declares a conflict), and the organizer's pair rules
// (pin, ban, and override of a computed 回避 with its reason).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('review_assignment_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('objective', 'bigint', (c) => c.notNull())
    .addColumn('upper_bound', 'bigint', (c) => c.notNull())
    .addColumn('optimal', 'integer', (c) => c.notNull())
    .addColumn('seconds', 'real', (c) => c.notNull())
    .addColumn('load_cost', 'integer', (c) => c.notNull())
    .addColumn('require_strong', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_assignment_runs_program_idx').on('review_assignment_runs').columns(['program_id', 'created_at']).execute();

  await db.schema
    .createTable('review_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id'))
    .addColumn('affinity', 'integer', (c) => c.notNull())
    /** draft | published | declined */
    .addColumn('status', 'text', (c) => c.notNull())
    /** solver | manual | refill */
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('declined_reason', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('published_at', 'bigint')
    .execute();
  await db.schema.createIndex('review_assignments_pair_uq').on('review_assignments').columns(['program_id', 'application_id', 'expert_id']).unique().execute();
  await db.schema.createIndex('review_assignments_expert_idx').on('review_assignments').columns(['expert_id', 'status']).execute();

  await db.schema
    .createTable('review_pair_rules')
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id'))
    /** pin | ban | override */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_pair_rules_pk', ['program_id', 'application_id', 'expert_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('review_pair_rules').execute();
  await db.schema.dropTable('review_assignments').execute();
  await db.schema.dropTable('review_assignment_runs').execute();
}
