import type { Db } from '../../db/database.ts';

export async function setApplicationDeadline(db: Db, applicationId: string, until: number | null): Promise<void> {
  await db.updateTable('applications').set({ deadline_override: until }).where('id', '=', applicationId).execute();
}

export const findUnitDeadline = (db: Db, programId: string, unitId: string) =>
  db.selectFrom('unit_deadline_overrides').selectAll().where('program_id', '=', programId).where('unit_id', '=', unitId).executeTakeFirst();

export const listUnitDeadlines = (db: Db, programId: string) =>
  db.selectFrom('unit_deadline_overrides').select(['unit_id', 'until']).where('program_id', '=', programId).orderBy('unit_id').execute();

/** Sets (or with null removes) a unit's extension; one statement whether or not it had one. */
export async function saveUnitDeadline(db: Db, row: { programId: string; unitId: string; until: number | null; by: string; now: number }): Promise<void> {
  const until = row.until;
  if (until === null) {
    await db.deleteFrom('unit_deadline_overrides').where('program_id', '=', row.programId).where('unit_id', '=', row.unitId).execute();
    return;
  }
  await db
    .insertInto('unit_deadline_overrides')
    .values({ program_id: row.programId, unit_id: row.unitId, until, updated_at: row.now, updated_by: row.by })
    .onConflict((oc) => oc.columns(['program_id', 'unit_id']).doUpdateSet({ until, updated_at: row.now, updated_by: row.by }))
    .execute();
}
