import type { Kysely } from 'kysely';

// 推荐 routing and scoped quotas (issue 13):
// - organizations.ownership: 所有制性质 ('' = not stated), what routes a central SOE to 国务院国资委;
// - nominations.quota_keys_json: the ledger rows an endorsement took (its track's and each group or
//   program quota's), so a withdrawal gives back exactly those; NULL on older rows = the track's only;
// - nominations.preference: the unit's order of preference among its endorsements (推荐排序).
// A unit without a region (兵团, 国资委, an association) keeps region_code '' — no code is invented.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('organizations').addColumn('ownership', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('nominations').addColumn('quota_keys_json', 'text').execute();
  await db.schema.alterTable('nominations').addColumn('preference', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('nominations').dropColumn('preference').execute();
  await db.schema.alterTable('nominations').dropColumn('quota_keys_json').execute();
  await db.schema.alterTable('organizations').dropColumn('ownership').execute();
}
