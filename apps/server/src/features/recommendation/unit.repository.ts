import type { Db } from '../../db/database.ts';
import type { RecommendingUnitsTable, UnitInvitationsTable } from '../../db/schema.ts';

export type UnitRow = RecommendingUnitsTable;

export const listUnitsOfProgram = (db: Db, programId: string) => db.selectFrom('recommending_units').selectAll().where('program_id', '=', programId).execute();

export const findUnit = (db: Db, id: string) => db.selectFrom('recommending_units').selectAll().where('id', '=', id).executeTakeFirst();

export const findUnitByInviteHash = (db: Db, hash: string) => db.selectFrom('recommending_units').selectAll().where('invite_token_hash', '=', hash).executeTakeFirst();

export async function insertUnit(db: Db, row: UnitRow): Promise<void> {
  await db.insertInto('recommending_units').values(row).execute();
}

/** Units the definition names, each once however many requests race to create them. */
export async function insertUnitsIfMissing(db: Db, rows: UnitRow[]): Promise<void> {
  if (rows.length) await db.insertInto('recommending_units').values(rows).onConflict((oc) => oc.doNothing()).execute();
}

export async function updateUnit(db: Db, id: string, set: Partial<UnitRow>): Promise<void> {
  await db.updateTable('recommending_units').set(set).where('id', '=', id).execute();
}

/** Writes only if nobody changed the unit since `baseUpdatedAt`. */
export async function updateUnitIfUnchanged(db: Db, id: string, baseUpdatedAt: number, set: Partial<UnitRow>): Promise<boolean> {
  const r = await db.updateTable('recommending_units').set(set).where('id', '=', id).where('updated_at', '=', baseUpdatedAt).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function isMember(db: Db, unitId: string, userId: string): Promise<boolean> {
  return !!(await db.selectFrom('unit_members').select('unit_id').where('unit_id', '=', unitId).where('user_id', '=', userId).executeTakeFirst());
}

export async function addMember(db: Db, unitId: string, userId: string, now: number): Promise<void> {
  await db.insertInto('unit_members').values({ unit_id: unitId, user_id: userId, created_at: now }).onConflict((oc) => oc.columns(['unit_id', 'user_id']).doNothing()).execute();
}

export const listUnitsOfMember = (db: Db, userId: string) =>
  db
    .selectFrom('unit_members')
    .innerJoin('recommending_units as u', 'u.id', 'unit_members.unit_id')
    .selectAll('u')
    .where('unit_members.user_id', '=', userId)
    .execute();

export async function memberCounts(db: Db, programId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('unit_members')
    .innerJoin('recommending_units as u', 'u.id', 'unit_members.unit_id')
    .select(['u.id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('u.program_id', '=', programId)
    .groupBy('u.id')
    .execute();
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** Members' addresses, so an invitation is not sent to someone already in. */
export const memberEmailsOf = (db: Db, unitIds: string[]) =>
  db
    .selectFrom('unit_members')
    .innerJoin('users', 'users.id', 'unit_members.user_id')
    .select(['unit_members.unit_id', 'users.email'])
    .where('unit_members.unit_id', 'in', unitIds.length ? unitIds : [''])
    .execute();

export async function insertInvitation(db: Db, row: UnitInvitationsTable): Promise<void> {
  await db.insertInto('unit_invitations').values(row).execute();
}

export const findInvitation = (db: Db, tokenHash: string) => db.selectFrom('unit_invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();

/** Marks an open invitation used; false when it was used (or expired) meanwhile. */
export async function acceptInvitationIfOpen(db: Db, tokenHash: string, userId: string, now: number): Promise<boolean> {
  const r = await db
    .updateTable('unit_invitations')
    .set({ accepted_at: now, accepted_by: userId })
    .where('token_hash', '=', tokenHash).where('accepted_at', 'is', null).where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const openInvitationsOf = (db: Db, unitIds: string[], now: number) =>
  db
    .selectFrom('unit_invitations')
    .select(['unit_id', 'email'])
    .where('unit_id', 'in', unitIds.length ? unitIds : [''])
    .where('accepted_at', 'is', null).where('expires_at', '>', now)
    .execute();
