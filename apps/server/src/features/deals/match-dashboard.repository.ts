import type { Db } from '../../db/database.ts';

// The matchmaking dashboard's reads: meeting counts, confirmed deals with where their technology
// came from, and the interests of features/match when that table is installed.

export async function meetingCounts(db: Db) {
  const row = await db.selectFrom('meeting_requests').select([
    (eb) => eb.fn.countAll<number>().as('requested'),
    (eb) => eb.fn.sum<number>(eb.case().when('status', '=', 'accepted').then(1).else(0).end()).as('accepted'),
    (eb) => eb.fn.count<number>('slot_index').as('scheduled'),
    (eb) => eb.fn.sum<number>('held').as('held'),
  ]).where('status', '!=', 'withdrawn').executeTakeFirstOrThrow();
  return { requested: Number(row.requested), accepted: Number(row.accepted ?? 0), scheduled: Number(row.scheduled), held: Number(row.held ?? 0) };
}

/** Deals with their technology's program, organization region and shown version's fields. */
export const dealsWithSource = (db: Db) =>
  db.selectFrom('deals as d')
    .leftJoin('catalog_entries as e', 'e.id', 'd.catalog_entry_id')
    .leftJoin('organizations as o', 'o.id', 'e.organization_id')
    .leftJoin('programs as p', 'p.id', 'e.program_id')
    .leftJoin('catalog_versions as v', (j) => j.onRef('v.entry_id', '=', 'e.id').onRef('v.version', '=', 'e.published_version'))
    .select(['d.id', 'd.kind', 'd.status', 'd.amount_yuan', 'd.commission_fen', 'd.deal_date', 'e.program_id', 'p.name as program_name', 'p.definition_json', 'o.region_code', 'v.fields_json'])
    .orderBy('d.deal_date').execute();

/** Interests and mutual ones (both sides said yes), or null without features/match's table. */
export async function interestCounts(db: Db): Promise<{ interests: number; mutual: number } | null> {
  const tables = await db.introspection.getTables();
  if (!tables.some((t) => t.name === 'match_interests')) return null;
  const row = await db.selectFrom('match_interests').select([
    (eb) => eb.fn.countAll<number>().as('n'),
    (eb) => eb.fn.sum<number>(eb.case().when(eb.and([eb('technology_at', 'is not', null), eb('counterpart_at', 'is not', null)])).then(1).else(0).end()).as('mutual'),
  ]).executeTakeFirstOrThrow();
  return { interests: Number(row.n), mutual: Number(row.mutual ?? 0) };
}
