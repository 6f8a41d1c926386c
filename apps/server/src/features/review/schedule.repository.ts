import type { Db } from '../../db/database.ts';

// SQL of site visits and roadshow slots, per (program, round, application).

export type InRound = { programId: string; roundId: string; applicationId: string };

export const visitsOfRound = (db: Db, programId: string, roundId: string) =>
  db.selectFrom('review_visits').selectAll().where('program_id', '=', programId).where('round_id', '=', roundId).execute();
export const slotsOfRound = (db: Db, programId: string, roundId: string) =>
  db.selectFrom('review_slots').selectAll().where('program_id', '=', programId).where('round_id', '=', roundId).execute();
export const visitsOfApplication = (db: Db, applicationId: string) => db.selectFrom('review_visits').selectAll().where('application_id', '=', applicationId).execute();
export const slotsOfApplication = (db: Db, applicationId: string) => db.selectFrom('review_slots').selectAll().where('application_id', '=', applicationId).execute();

export const findVisit = (db: Db, k: InRound) =>
  db.selectFrom('review_visits').selectAll().where('program_id', '=', k.programId).where('round_id', '=', k.roundId).where('application_id', '=', k.applicationId).executeTakeFirst();
export const findSlot = (db: Db, k: InRound) =>
  db.selectFrom('review_slots').selectAll().where('program_id', '=', k.programId).where('round_id', '=', k.roundId).where('application_id', '=', k.applicationId).executeTakeFirst();

export async function saveVisit(db: Db, k: InRound, v: { date: string; team: string; address: string }, now: number): Promise<void> {
  const r = await db.updateTable('review_visits').set({ visit_date: v.date, team: v.team, address: v.address, updated_at: now })
    .where('program_id', '=', k.programId).where('round_id', '=', k.roundId).where('application_id', '=', k.applicationId).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) {
    await db.insertInto('review_visits').values({ program_id: k.programId, round_id: k.roundId, application_id: k.applicationId, visit_date: v.date, team: v.team, address: v.address, report_file_id: null, updated_at: now }).execute();
  }
}
export async function setVisitReport(db: Db, k: InRound, fileId: string, now: number): Promise<void> {
  await db.updateTable('review_visits').set({ report_file_id: fileId, updated_at: now }).where('program_id', '=', k.programId).where('round_id', '=', k.roundId).where('application_id', '=', k.applicationId).execute();
}

export async function saveSlot(db: Db, k: InRound, s: { panel: string; startsAt: number; place: string }, now: number): Promise<void> {
  await db.deleteFrom('review_slots').where('program_id', '=', k.programId).where('round_id', '=', k.roundId).where('application_id', '=', k.applicationId).execute();
  await db.insertInto('review_slots').values({ program_id: k.programId, round_id: k.roundId, application_id: k.applicationId, panel: s.panel, starts_at: s.startsAt, place: s.place, updated_at: now }).execute();
}
export const slotsOfPanel = (db: Db, programId: string, roundId: string, panel: string) =>
  db.selectFrom('review_slots').select('application_id').where('program_id', '=', programId).where('round_id', '=', roundId).where('panel', '=', panel).execute();

/** Uploaded files by id (a visit's report), name and size only. */
export async function fileNames(db: Db, ids: string[]) {
  if (!ids.length) return new Map<string, { id: string; name: string; size: number }>();
  const rows = await db.selectFrom('application_files').select(['id', 'name', 'size']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r]));
}
