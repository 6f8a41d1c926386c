import type { Db } from '../../db/database.ts';
import type { DecisionsTable, ProgramOutcomesTable } from '../../db/schema.ts';
import type { OutcomeStatus } from '@lvping/domain';

// The program's outcome row and its decisions: the state every step after the last review
// round (decide, committee, 公示, publish) reads and moves.

export type OutcomeRow = ProgramOutcomesTable;
export type DecisionRow = DecisionsTable;

export const findOutcome = (db: Db, programId: string) => db.selectFrom('program_outcomes').selectAll().where('program_id', '=', programId).executeTakeFirst();

/** The outcome row, created as "deciding" on first use. */
export async function outcomeOf(db: Db, programId: string, now: number): Promise<OutcomeRow> {
  await db.insertInto('program_outcomes').values({ program_id: programId, status: 'deciding', submission: 0, revision: 0, approved_at: null, published_at: null, published_by: null, updated_at: now })
    .onConflict((oc) => oc.column('program_id').doNothing()).execute();
  return (await findOutcome(db, programId))!;
}

/** Moves the outcome only if it is still in `from` (two organizers clicking at once: one wins). */
export async function setOutcomeIfCurrent(db: Db, programId: string, from: OutcomeStatus, set: Partial<Omit<OutcomeRow, 'program_id'>> & { status: OutcomeStatus; updated_at: number }): Promise<boolean> {
  const r = await db.updateTable('program_outcomes').set((eb) => ({ ...set, revision: eb('revision', '+', 1) })).where('program_id', '=', programId).where('status', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const listDecisions = (db: Db, programId: string) =>
  db.selectFrom('decisions').selectAll().where('program_id', '=', programId).orderBy('track_id').orderBy('rank').execute();

export const findDecision = (db: Db, programId: string, applicationId: string) =>
  db.selectFrom('decisions').selectAll().where('program_id', '=', programId).where('application_id', '=', applicationId).executeTakeFirst();

/** Writes a decision (insert or replace the tier and reason). */
export async function upsertDecision(db: Db, row: DecisionRow): Promise<void> {
  const { program_id: _p, application_id: _a, ...rest } = row;
  await db.insertInto('decisions').values(row).onConflict((oc) => oc.columns(['program_id', 'application_id']).doUpdateSet(rest)).execute();
}

export async function updateDecision(db: Db, programId: string, applicationId: string, set: Partial<Pick<DecisionRow, 'tier_id' | 'reason' | 'removed' | 'decided_by' | 'decided_at'>>): Promise<void> {
  await db.updateTable('decisions').set(set).where('program_id', '=', programId).where('application_id', '=', applicationId).execute();
}
