import type { Db } from '../../db/database.ts';
import type { ReviewAssignmentRunsTable, ReviewAssignmentsTable, ReviewPairRulesTable } from '../../db/schema.ts';

export type AssignmentRow = ReviewAssignmentsTable;
export type PairRuleRow = ReviewPairRulesTable;
export type RunRow = ReviewAssignmentRunsTable;

/**
 * A round's applications to review, with their organization and recommending unit: the
 * first round's are those that passed screening and those it already took in; a later
 * round's, those the organizer advanced into it.
 */
export const reviewableApplications = (db: Db, programId: string, round: { id: string; index: number }) =>
  db
    .selectFrom('applications')
    .innerJoin('organizations', 'organizations.id', 'applications.organization_id')
    .leftJoin('recommending_units', 'recommending_units.id', 'applications.unit_id')
    .select([
      'applications.id', 'applications.number', 'applications.track_id', 'applications.form_id', 'applications.answers_json', 'applications.status',
      'organizations.name as org_name', 'organizations.credit_code', 'organizations.region_code', 'recommending_units.name as unit_name',
    ])
    .where('applications.program_id', '=', programId)
    .where('applications.status', '!=', 'withdrawn')
    .where((eb) => {
      const entered = eb.exists(
        eb.selectFrom('review_entries').select('review_entries.application_id')
          .whereRef('review_entries.application_id', '=', 'applications.id')
          .where('review_entries.program_id', '=', programId)
          .where('review_entries.round_id', '=', round.id),
      );
      return round.index === 0 ? eb.or([eb('applications.status', '=', 'eligible'), entered]) : entered;
    })
    .orderBy('applications.number')
    .execute();
export type ReviewableApplication = Awaited<ReturnType<typeof reviewableApplications>>[number];

export const listAssignments = (db: Db, programId: string, roundId: string) =>
  db.selectFrom('review_assignments').selectAll().where('program_id', '=', programId).where('round_id', '=', roundId).orderBy('application_id').orderBy('expert_id').execute();
export const findAssignment = (db: Db, id: string) => db.selectFrom('review_assignments').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertAssignments(db: Db, rows: AssignmentRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('review_assignments').values(rows.slice(i, i + 500)).execute();
}
/** The round's drafts; only those of `applicationIds` when given (a track's 初评机构 solves its own tracks). */
export async function deleteDraftAssignments(db: Db, programId: string, roundId: string, applicationIds: string[] | null = null): Promise<void> {
  if (applicationIds && !applicationIds.length) return;
  // A panel's drafts are the organizer's choice of members, not the solver's: a solve keeps them.
  let q = db.deleteFrom('review_assignments').where('program_id', '=', programId).where('round_id', '=', roundId).where('status', '=', 'draft').where('source', '!=', 'panel');
  if (applicationIds) q = q.where('application_id', 'in', applicationIds);
  await q.execute();
}
export async function deleteAssignment(db: Db, id: string): Promise<void> {
  await db.deleteFrom('review_assignments').where('id', '=', id).execute();
}
export async function updateAssignmentExpert(db: Db, id: string, set: Pick<AssignmentRow, 'expert_id' | 'affinity' | 'source'>): Promise<void> {
  await db.updateTable('review_assignments').set(set).where('id', '=', id).execute();
}
/** Publishes the drafts; returns them. */
export async function publishDrafts(db: Db, programId: string, roundId: string, now: number, applicationIds: string[] | null = null): Promise<AssignmentRow[]> {
  if (applicationIds && !applicationIds.length) return [];
  let drafts = await db.selectFrom('review_assignments').selectAll().where('program_id', '=', programId).where('round_id', '=', roundId).where('status', '=', 'draft').execute();
  if (applicationIds) {
    const scope = new Set(applicationIds);
    drafts = drafts.filter((d) => scope.has(d.application_id));
  }
  for (let i = 0; i < drafts.length; i += 500) {
    await db.updateTable('review_assignments').set({ status: 'published', published_at: now }).where('id', 'in', drafts.slice(i, i + 500).map((d) => d.id)).execute();
  }
  return drafts;
}
/** Records that the expert has no conflict with it; false when it was not open. */
export async function confirmAssignment(db: Db, id: string, now: number): Promise<boolean> {
  const r = await db.updateTable('review_assignments').set({ confirmed_at: now }).where('id', '=', id).where('status', '=', 'published').where('confirmed_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
/** Declines an assignment that is not declined yet; false when someone was first. */
export async function declineAssignmentIfOpen(db: Db, id: string, reason: string): Promise<boolean> {
  const r = await db.updateTable('review_assignments').set({ status: 'declined', declined_reason: reason }).where('id', '=', id).where('status', '!=', 'declined').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
/** An expert's published and declined assignments with the application's number, track and applicant. */
export const assignmentsOfExpert = (db: Db, expertId: string) =>
  db
    .selectFrom('review_assignments')
    .innerJoin('applications', 'applications.id', 'review_assignments.application_id')
    .innerJoin('organizations', 'organizations.id', 'applications.organization_id')
    .leftJoin('review_sheets', 'review_sheets.assignment_id', 'review_assignments.id')
    .select([
      'review_assignments.id', 'review_assignments.program_id', 'review_assignments.round_id', 'review_assignments.application_id', 'review_assignments.status', 'review_assignments.confirmed_at',
      'applications.number', 'applications.track_id', 'applications.form_id', 'applications.answers_json', 'organizations.name as org_name',
      'review_sheets.status as sheet_status', 'review_sheets.total as sheet_total', 'review_sheets.unlock_reason',
    ])
    .where('review_assignments.expert_id', '=', expertId)
    .where('review_assignments.status', '!=', 'draft')
    .where('applications.status', '!=', 'withdrawn')
    .orderBy('review_assignments.created_at', 'desc')
    .orderBy('review_assignments.id')
    .execute();

export const listPairRules = (db: Db, programId: string) => db.selectFrom('review_pair_rules').selectAll().where('program_id', '=', programId).orderBy('created_at').execute();
export async function upsertPairRule(db: Db, row: PairRuleRow): Promise<void> {
  await db.deleteFrom('review_pair_rules').where('program_id', '=', row.program_id).where('application_id', '=', row.application_id).where('expert_id', '=', row.expert_id).execute();
  await db.insertInto('review_pair_rules').values(row).execute();
}
export async function deletePairRule(db: Db, programId: string, applicationId: string, expertId: string): Promise<boolean> {
  const r = await db.deleteFrom('review_pair_rules').where('program_id', '=', programId).where('application_id', '=', applicationId).where('expert_id', '=', expertId).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function insertRun(db: Db, row: RunRow): Promise<void> {
  await db.insertInto('review_assignment_runs').values(row).execute();
}
export const latestRun = (db: Db, programId: string, roundId: string) =>
  db.selectFrom('review_assignment_runs').selectAll().where('program_id', '=', programId).where('round_id', '=', roundId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();

/** The entrants of a round (the first round's are written when its assignment is published). */
export async function insertEntries(db: Db, rows: { program_id: string; round_id: string; application_id: string; entered_at: number; entered_by: string | null; reason: string | null }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('review_entries').values(rows.slice(i, i + 500)).onConflict((oc) => oc.doNothing()).execute();
}
