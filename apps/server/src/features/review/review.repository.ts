import type { Db } from '../../db/database.ts';
import type { ReviewSheetsTable } from '../../db/schema.ts';

// SQL of review rounds: score sheets, each round's entrants, reminders.

export type SheetRow = ReviewSheetsTable;

export const findSheet = (db: Db, assignmentId: string) => db.selectFrom('review_sheets').selectAll().where('assignment_id', '=', assignmentId).executeTakeFirst();

export async function insertSheet(db: Db, row: SheetRow): Promise<void> {
  await db.insertInto('review_sheets').values(row).execute();
}

/** Saves a draft if it is still at `baseRevision` and not submitted; false when someone moved it on. */
export async function saveSheetIfCurrent(db: Db, assignmentId: string, baseRevision: number, set: Pick<SheetRow, 'sheet_json' | 'updated_at'>): Promise<boolean> {
  const r = await db.updateTable('review_sheets').set({ ...set, revision: baseRevision + 1 })
    .where('assignment_id', '=', assignmentId).where('revision', '=', baseRevision).where('status', '=', 'draft').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function submitSheetIfCurrent(db: Db, assignmentId: string, baseRevision: number, set: Pick<SheetRow, 'total' | 'submitted_at' | 'updated_at'>): Promise<boolean> {
  const r = await db.updateTable('review_sheets').set({ ...set, status: 'submitted', revision: baseRevision + 1 })
    .where('assignment_id', '=', assignmentId).where('revision', '=', baseRevision).where('status', '=', 'draft').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function unlockSheetIfSubmitted(db: Db, assignmentId: string, reason: string, now: number): Promise<boolean> {
  const r = await db.updateTable('review_sheets').set((eb) => ({ status: 'draft', unlock_reason: reason, unlocked_at: now, updated_at: now, total: null, submitted_at: null, revision: eb('revision', '+', 1) }))
    .where('assignment_id', '=', assignmentId).where('status', '=', 'submitted').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Every sheet of a round, with its assignment's status. */
export const sheetsOfRound = (db: Db, programId: string, roundId: string) =>
  db.selectFrom('review_sheets').selectAll().where('program_id', '=', programId).where('round_id', '=', roundId).execute();

export const entriesOfRound = (db: Db, programId: string, roundId: string) =>
  db.selectFrom('review_entries').selectAll().where('program_id', '=', programId).where('round_id', '=', roundId).execute();

export async function insertReminder(db: Db, row: { id: string; program_id: string; round_id: string; due_at: number; created_by: string; created_at: number }): Promise<void> {
  await db.insertInto('review_reminders').values({ ...row, sent_at: null, sent_count: null }).execute();
}
export const remindersOfRound = (db: Db, programId: string, roundId: string) =>
  db.selectFrom('review_reminders').selectAll().where('program_id', '=', programId).where('round_id', '=', roundId).orderBy('due_at').execute();
export const dueReminders = (db: Db, now: number) =>
  db.selectFrom('review_reminders').selectAll().where('sent_at', 'is', null).where('due_at', '<=', now).orderBy('due_at').limit(100).execute();
/** Claims a due reminder for sending; false when another process was first. */
export async function claimReminder(db: Db, id: string, now: number): Promise<boolean> {
  const r = await db.updateTable('review_reminders').set({ sent_at: now }).where('id', '=', id).where('sent_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
export async function recordReminderCount(db: Db, id: string, count: number): Promise<void> {
  await db.updateTable('review_reminders').set({ sent_count: count }).where('id', '=', id).execute();
}

/** A reminder sent at once is recorded as one that was due then. */
export async function recordSentReminder(db: Db, row: { id: string; program_id: string; round_id: string; created_by: string; at: number; count: number }): Promise<void> {
  await db.insertInto('review_reminders').values({ id: row.id, program_id: row.program_id, round_id: row.round_id, due_at: row.at, created_by: row.created_by, created_at: row.at, sent_at: row.at, sent_count: row.count }).execute();
}

/** Experts by id: what reviews, reminders and rankings name them by. */
export async function expertsByIds(db: Db, ids: string[]) {
  if (!ids.length) return new Map<string, { id: string; name: string; email: string; user_id: string | null }>();
  const rows = await db.selectFrom('experts').select(['id', 'name', 'email', 'user_id']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Who applied, for telling them their own result. */
export const applicantOf = (db: Db, applicationId: string) =>
  db.selectFrom('applications').select(['applicant_user_id', 'number']).where('id', '=', applicationId).executeTakeFirst();

export const unitName = async (db: Db, unitId: string | null) =>
  unitId ? (await db.selectFrom('recommending_units').select('name').where('id', '=', unitId).executeTakeFirst())?.name ?? null : null;
