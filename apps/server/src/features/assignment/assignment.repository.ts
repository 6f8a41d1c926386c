import type { Db } from '../../db/database.ts';
import type { ReviewAssignmentRunsTable, ReviewAssignmentsTable, ReviewPairRulesTable } from '../../db/schema.ts';

export type AssignmentRow = ReviewAssignmentsTable;
export type PairRuleRow = ReviewPairRulesTable;
export type RunRow = ReviewAssignmentRunsTable;

/** Review statuses an application can be assigned in: passed screening, or already in review. */
export const REVIEWABLE = ['eligible', 'in_review'];

/** The program's applications to review, with their organization and recommending unit. */
export const reviewableApplications = (db: Db, programId: string) =>
  db
    .selectFrom('applications')
    .innerJoin('organizations', 'organizations.id', 'applications.organization_id')
    .leftJoin('recommending_units', 'recommending_units.id', 'applications.unit_id')
    .select([
      'applications.id', 'applications.number', 'applications.track_id', 'applications.form_id', 'applications.answers_json', 'applications.status',
      'organizations.name as org_name', 'organizations.credit_code', 'organizations.region_code', 'recommending_units.name as unit_name',
    ])
    .where('applications.program_id', '=', programId)
    .where('applications.status', 'in', REVIEWABLE)
    .orderBy('applications.number')
    .execute();
export type ReviewableApplication = Awaited<ReturnType<typeof reviewableApplications>>[number];

export const listAssignments = (db: Db, programId: string) =>
  db.selectFrom('review_assignments').selectAll().where('program_id', '=', programId).orderBy('application_id').orderBy('expert_id').execute();
export const findAssignment = (db: Db, id: string) => db.selectFrom('review_assignments').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertAssignments(db: Db, rows: AssignmentRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('review_assignments').values(rows.slice(i, i + 500)).execute();
}
export async function deleteDraftAssignments(db: Db, programId: string): Promise<void> {
  await db.deleteFrom('review_assignments').where('program_id', '=', programId).where('status', '=', 'draft').execute();
}
export async function deleteAssignment(db: Db, id: string): Promise<void> {
  await db.deleteFrom('review_assignments').where('id', '=', id).execute();
}
export async function updateAssignmentExpert(db: Db, id: string, set: Pick<AssignmentRow, 'expert_id' | 'affinity' | 'source'>): Promise<void> {
  await db.updateTable('review_assignments').set(set).where('id', '=', id).execute();
}
/** Publishes the drafts; returns them. */
export async function publishDrafts(db: Db, programId: string, now: number): Promise<AssignmentRow[]> {
  const drafts = await db.selectFrom('review_assignments').selectAll().where('program_id', '=', programId).where('status', '=', 'draft').execute();
  await db.updateTable('review_assignments').set({ status: 'published', published_at: now }).where('program_id', '=', programId).where('status', '=', 'draft').execute();
  return drafts;
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
    .select(['review_assignments.id', 'review_assignments.program_id', 'review_assignments.application_id', 'review_assignments.status', 'applications.number', 'applications.track_id', 'organizations.name as org_name'])
    .where('review_assignments.expert_id', '=', expertId)
    .where('review_assignments.status', '!=', 'draft')
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
export const latestRun = (db: Db, programId: string) =>
  db.selectFrom('review_assignment_runs').selectAll().where('program_id', '=', programId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
