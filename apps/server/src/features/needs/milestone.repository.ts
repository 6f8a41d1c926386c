import type { Db } from '../../db/database.ts';
import type { NeedMilestoneReportsTable, NeedMilestonesTable } from '../../db/schema.ts';

// 赛马: funded solvers (applications awarded in a program), their milestones, reports and scores.

export type MilestoneRow = NeedMilestonesTable;
export type ReportRow = NeedMilestoneReportsTable;

/** The funded solvers: a program's awarded applications, with the organization's name. */
export const awardedApplications = (db: Db, programId: string) =>
  db.selectFrom('applications')
    .innerJoin('organizations', 'organizations.id', 'applications.organization_id')
    .select(['applications.id', 'applications.number', 'applications.track_id', 'applications.answers_json', 'applications.applicant_user_id', 'organizations.name as org_name'])
    .where('applications.program_id', '=', programId).where('applications.status', '=', 'awarded')
    .orderBy('applications.track_id').orderBy('applications.number')
    .execute();

export const milestonesOfProgram = (db: Db, programId: string) =>
  db.selectFrom('need_milestones').selectAll().where('program_id', '=', programId).orderBy('application_id').orderBy('seq').execute();

export const milestonesOfApplication = (db: Db, applicationId: string) =>
  db.selectFrom('need_milestones').selectAll().where('application_id', '=', applicationId).orderBy('seq').execute();

export const findMilestone = (db: Db, programId: string, id: string) =>
  db.selectFrom('need_milestones').innerJoin('applications', 'applications.id', 'need_milestones.application_id')
    .selectAll('need_milestones').select(['applications.applicant_user_id', 'applications.status as application_status'])
    .where('need_milestones.program_id', '=', programId).where('need_milestones.id', '=', id).executeTakeFirst();

export async function insertMilestone(db: Db, row: MilestoneRow): Promise<void> {
  await db.insertInto('need_milestones').values(row).execute();
}

export async function updateMilestone(db: Db, id: string, set: Pick<MilestoneRow, 'seq' | 'name' | 'due_on' | 'updated_at'>): Promise<void> {
  await db.updateTable('need_milestones').set(set).where('id', '=', id).execute();
}

/** Deletes milestones that have no report (a reported milestone stays: its report is evidence). */
export async function deleteUnreportedMilestones(db: Db, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  await db.deleteFrom('need_milestone_scores').where('milestone_id', 'in', ids).execute();
  const r = await db.deleteFrom('need_milestones').where('id', 'in', ids)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('need_milestone_reports').select('need_milestone_reports.id').whereRef('need_milestone_reports.milestone_id', '=', 'need_milestones.id'))))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export const reportsOf = (db: Db, milestoneIds: string[]) =>
  milestoneIds.length ? db.selectFrom('need_milestone_reports').selectAll().where('milestone_id', 'in', milestoneIds).orderBy('created_at').orderBy('id').execute() : Promise.resolve([] as ReportRow[]);

export const findReport = (db: Db, milestoneId: string, id: string) =>
  db.selectFrom('need_milestone_reports').selectAll().where('milestone_id', '=', milestoneId).where('id', '=', id).executeTakeFirst();

export async function insertReport(db: Db, row: ReportRow): Promise<void> {
  await db.insertInto('need_milestone_reports').values(row).execute();
}

export const scoresOf = (db: Db, milestoneIds: string[]) =>
  milestoneIds.length
    ? db.selectFrom('need_milestone_scores').innerJoin('users', 'users.id', 'need_milestone_scores.scorer_id')
      .select(['need_milestone_scores.milestone_id', 'need_milestone_scores.scorer_id', 'need_milestone_scores.score', 'need_milestone_scores.comment', 'need_milestone_scores.scored_at', 'users.display_name'])
      .where('need_milestone_scores.milestone_id', 'in', milestoneIds).orderBy('need_milestone_scores.scored_at').execute()
    : Promise.resolve([]);

/** One score per scorer and milestone: scoring again replaces one's own. */
export async function upsertScore(db: Db, row: { milestone_id: string; scorer_id: string; score: number; comment: string; scored_at: number }): Promise<void> {
  await db.insertInto('need_milestone_scores').values(row)
    .onConflict((oc) => oc.columns(['milestone_id', 'scorer_id']).doUpdateSet({ score: row.score, comment: row.comment, scored_at: row.scored_at }))
    .execute();
}
