import type { Participation } from '@lvping/domain';
import type { Db } from '../../db/database.ts';
import type { ProgramAwardWinnersTable } from '../../db/schema.ts';

// Decisions' own tables besides decisions (outcome.repository.ts): the organizer's counts per
// tier, program award winners, and what the awards' rules read (units and their applications).

export const tierCountsOf = (db: Db, programId: string) =>
  db.selectFrom('decision_tier_counts').selectAll().where('program_id', '=', programId).execute();

/** Replaces the organizer's counts of one track. */
export async function setTierCounts(db: Db, programId: string, trackId: string, counts: Record<string, number>, by: string, now: number): Promise<void> {
  await db.deleteFrom('decision_tier_counts').where('program_id', '=', programId).where('track_id', '=', trackId).execute();
  const rows = Object.entries(counts).map(([tier_id, count]) => ({ program_id: programId, track_id: trackId, tier_id, count, set_by: by, set_at: now }));
  if (rows.length) await db.insertInto('decision_tier_counts').values(rows).execute();
}

export const awardWinnersOf = (db: Db, programId: string) =>
  db.selectFrom('program_award_winners').selectAll().where('program_id', '=', programId).orderBy('award_id').orderBy('unit_name').execute();

/** The rule's winners of an award replace its earlier rule winners; hand-added ones stay. */
export async function replaceRuleWinners(db: Db, programId: string, awardId: string, rows: ProgramAwardWinnersTable[]): Promise<void> {
  await db.deleteFrom('program_award_winners').where('program_id', '=', programId).where('award_id', '=', awardId).where('by_rule', '=', 1).execute();
  const manual = new Set((await db.selectFrom('program_award_winners').select('unit_id').where('program_id', '=', programId).where('award_id', '=', awardId).execute()).map((r) => r.unit_id));
  const fresh = rows.filter((r) => !manual.has(r.unit_id));
  if (fresh.length) await db.insertInto('program_award_winners').values(fresh).execute();
}

export async function insertAwardWinner(db: Db, row: ProgramAwardWinnersTable): Promise<boolean> {
  const r = await db.insertInto('program_award_winners').values(row).onConflict((oc) => oc.columns(['program_id', 'award_id', 'unit_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function deleteAwardWinner(db: Db, programId: string, awardId: string, unitId: string): Promise<boolean> {
  const r = await db.deleteFrom('program_award_winners').where('program_id', '=', programId).where('award_id', '=', awardId).where('unit_id', '=', unitId).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export const unitsOfProgram = (db: Db, programId: string) =>
  db.selectFrom('recommending_units').select(['id', 'name']).where('program_id', '=', programId).orderBy('name').execute();

const SCREENED = ['eligible', 'in_review', 'advanced', 'eliminated', 'candidate', 'awarded', 'not_awarded'];

/**
 * Each application a unit brought in: endorsed by it (a nomination) or past screening, and
 * whether it is decided with a tier. Withdrawn, declined and failed ones do not count.
 */
export async function participationsOf(db: Db, programId: string): Promise<Participation[]> {
  const rows = await db
    .selectFrom('applications')
    .innerJoin('recommending_units', 'recommending_units.id', 'applications.unit_id')
    .leftJoin('nominations', (j) => j.onRef('nominations.application_id', '=', 'applications.id').on('nominations.status', '=', 'endorsed'))
    .leftJoin('decisions', (j) => j.onRef('decisions.application_id', '=', 'applications.id').on('decisions.program_id', '=', programId))
    .select(['applications.id', 'applications.track_id', 'applications.status', 'recommending_units.id as unit_id', 'recommending_units.name as unit_name', 'nominations.status as nomination', 'decisions.tier_id', 'decisions.removed'])
    .where('applications.program_id', '=', programId)
    .execute();
  return rows
    .filter((r) => SCREENED.includes(r.status) || (r.nomination === 'endorsed' && ['endorsed', 'returned'].includes(r.status)))
    .map((r) => ({
      unitId: r.unit_id, unitName: r.unit_name, trackId: r.track_id, applicationId: r.id,
      stage: SCREENED.includes(r.status) ? 'screened' as const : 'endorsed' as const,
      awarded: r.tier_id !== null && r.tier_id !== undefined && !r.removed,
    }));
}

export const userNames = async (db: Db, ids: string[]) =>
  new Map(ids.length ? (await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute()).map((u) => [u.id, u.display_name]) : []);

/** Program-wide holders of a role, for in-app notices. */
export const programRoleHolders = async (db: Db, programId: string, role: string) =>
  (await db.selectFrom('grants').select('user_id').distinct().where('program_id', '=', programId).where('role', '=', role).execute()).map((g) => g.user_id);

/** Each application's head for the view: status, unit. */
export const applicationHeads = (db: Db, ids: string[]) =>
  ids.length
    ? db.selectFrom('applications').leftJoin('recommending_units', 'recommending_units.id', 'applications.unit_id').innerJoin('organizations', 'organizations.id', 'applications.organization_id')
      .select(['applications.id', 'applications.number', 'applications.status', 'applications.track_id', 'applications.form_id', 'applications.answers_json', 'organizations.name as org_name', 'recommending_units.name as unit_name'])
      .where('applications.id', 'in', ids).execute()
    : Promise.resolve([]);
