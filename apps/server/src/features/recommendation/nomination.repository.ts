import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { NominationsTable } from '../../db/schema.ts';

export type NominationRow = NominationsTable;

export const findNomination = (db: Db, applicationId: string) => db.selectFrom('nominations').selectAll().where('application_id', '=', applicationId).executeTakeFirst();

/** The primary key refuses a second decision on one application, whoever sends it. */
export async function insertNomination(db: Db, row: NominationRow): Promise<void> {
  await db.insertInto('nominations').values(row).execute();
}

/**
 * Names (or changes) the application's unit, only while its applicant may still and before any
 * decision: one statement, so it cannot slip in between a unit's check and its decision.
 */
export async function setApplicationUnit(db: Db, applicationId: string, applicantUserId: string, unitId: string, statuses: string[], now: number): Promise<boolean> {
  const r = await db
    .updateTable('applications')
    .set({ unit_id: unitId, updated_at: now })
    .where('id', '=', applicationId).where('applicant_user_id', '=', applicantUserId).where('status', 'in', statuses)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('nominations').select('nominations.application_id').whereRef('nominations.application_id', '=', 'applications.id'))))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * The decision's status change, only if the application is still in a status the event allows
 * and still names this unit. First statement of the decision's transaction, so on SQLite it
 * takes the write lock before anything is read.
 */
export async function decideApplicationIfCurrent(db: Db, applicationId: string, unitId: string, from: string[], to: string, now: number): Promise<boolean> {
  const r = await db
    .updateTable('applications')
    .set({ status: to, updated_at: now, revision: sql<number>`revision + 1` })
    .where('id', '=', applicationId).where('unit_id', '=', unitId).where('status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Takes one endorsement from one of the unit's ledger rows (its track's, or a group or program
 * quota's "@rule" row): a conditional increment, true only when it stayed within `limit` (null: no
 * max). PostgreSQL re-checks `used < limit` on the row it waited for, so concurrent transactions —
 * in any process — cannot both take the last one. A row is created the first time it is needed,
 * counted from the unit's standing endorsements on `tracks`, so a quota added to a running program
 * starts from what the unit has already endorsed.
 */
export async function takeQuota(db: Db, unitId: string, key: string, limit: number | null, tracks: readonly string[] = [key]): Promise<boolean> {
  await db
    .insertInto('quota_usage')
    .columns(['unit_id', 'track_id', 'used'])
    .expression((eb) =>
      eb
        .selectFrom('nominations')
        .innerJoin('applications', 'applications.id', 'nominations.application_id')
        .select([eb.val(unitId).as('unit_id'), eb.val(key).as('track_id'), eb.fn.countAll<number>().as('used')])
        .where('nominations.unit_id', '=', unitId).where('nominations.status', '=', 'endorsed')
        .where('nominations.track_id', 'in', tracks.length ? [...tracks] : [''])
        .where('applications.status', '!=', 'withdrawn'),
    )
    .onConflict((oc) => oc.columns(['unit_id', 'track_id']).doNothing())
    .execute();
  let q = db.updateTable('quota_usage').set({ used: sql<number>`used + 1` }).where('unit_id', '=', unitId).where('track_id', '=', key);
  if (limit !== null) q = q.where('used', '<', limit);
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
}

/** Gives one place back on one ledger row; never below zero. */
export async function releaseQuota(db: Db, unitId: string, key: string): Promise<void> {
  await db.updateTable('quota_usage').set({ used: sql<number>`used - 1` }).where('unit_id', '=', unitId).where('track_id', '=', key).where('used', '>', 0).execute();
}

/** An endorsed application was withdrawn: every row its endorsement took gets its place back. */
export async function releaseNominationQuota(db: Db, nomination: Pick<NominationRow, 'unit_id' | 'track_id' | 'quota_keys_json'>): Promise<void> {
  const keys = nomination.quota_keys_json ? (JSON.parse(nomination.quota_keys_json) as string[]) : [nomination.track_id];
  for (const key of keys) await releaseQuota(db, nomination.unit_id, key);
}

/** The unit's order of preference: endorsed applications in the given order, 1 first. */
export async function setPreferences(db: Db, unitId: string, applicationIds: readonly string[]): Promise<void> {
  for (const [i, id] of applicationIds.entries()) {
    await db.updateTable('nominations').set({ preference: i + 1 }).where('application_id', '=', id).where('unit_id', '=', unitId).where('status', '=', 'endorsed').execute();
  }
}

/** The next preference for a new endorsement: after the unit's last. */
export async function nextPreference(db: Db, unitId: string): Promise<number> {
  const r = await db.selectFrom('nominations').select((eb) => eb.fn.max('preference').as('p')).where('unit_id', '=', unitId).executeTakeFirst();
  return Number(r?.p ?? 0) + 1;
}

/** used per unit and track: Map<unitId, Map<trackId, used>>. */
export async function quotaUsageOf(db: Db, unitIds: string[]): Promise<Map<string, Map<string, number>>> {
  const rows = await db.selectFrom('quota_usage').selectAll().where('unit_id', 'in', unitIds.length ? unitIds : ['']).execute();
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (!out.has(r.unit_id)) out.set(r.unit_id, new Map());
    out.get(r.unit_id)!.set(r.track_id, Number(r.used));
  }
  return out;
}

const candidateColumns = [
  'applications.id', 'applications.number', 'applications.program_id', 'applications.track_id', 'applications.status',
  'applications.submitted_at', 'applications.region_code', 'applications.unit_id', 'applications.applicant_user_id',
  'organizations.name as organization_name', 'organizations.credit_code', 'organizations.owner_user_id',
  'nominations.status as nomination_status', 'nominations.opinion', 'nominations.reason', 'nominations.decided_at',
  'nominations.stamped_file_id', 'nominations.preference', 'decider.display_name as decided_by_name',
  'organizations.region_code as organization_region_code', 'organizations.kind as organization_kind', 'organizations.ownership as organization_ownership',
  'stamp.name as stamp_name', 'stamp.size as stamp_size', 'stamp.mime as stamp_mime',
] as const;

function candidates(db: Db) {
  return db
    .selectFrom('applications')
    .innerJoin('organizations', 'organizations.id', 'applications.organization_id')
    .leftJoin('nominations', 'nominations.application_id', 'applications.id')
    .leftJoin('users as decider', 'decider.id', 'nominations.decided_by')
    .leftJoin('application_files as stamp', 'stamp.id', 'nominations.stamped_file_id')
    .select(candidateColumns)
    // Drafts stay private to their applicants; a unit sees what was submitted to it.
    .where('applications.status', '!=', 'draft');
}
export type CandidateRow = Awaited<ReturnType<typeof listCandidatesOf>>[number];

export const listCandidatesOf = (db: Db, unitId: string) =>
  candidates(db).where('applications.unit_id', '=', unitId).orderBy('applications.submitted_at', 'desc').orderBy('applications.number').execute();

export const findCandidate = (db: Db, applicationId: string) => candidates(db).where('applications.id', '=', applicationId).executeTakeFirst();

/** Decisions per unit, track and status, for the organizer's compliance view. */
export const nominationCounts = (db: Db, programId: string) =>
  db
    .selectFrom('nominations')
    .select(['unit_id', 'track_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('program_id', '=', programId)
    .groupBy(['unit_id', 'track_id', 'status'])
    .execute();

/** Submitted applications waiting for their unit, per unit and track. */
export const pendingCounts = (db: Db, programId: string, statuses: string[]) =>
  db
    .selectFrom('applications')
    .select(['unit_id', 'track_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('program_id', '=', programId).where('status', 'in', statuses)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('nominations').select('nominations.application_id').whereRef('nominations.application_id', '=', 'applications.id'))))
    .groupBy(['unit_id', 'track_id'])
    .execute();
