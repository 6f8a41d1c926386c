import type { Db } from '../../db/database.ts';
import type { Grant, Role } from '@lvping/domain';

export async function listGrants(db: Db, userId: string): Promise<Grant[]> {
  const rows = await db.selectFrom('grants').select(['role', 'program_id', 'track_id']).where('user_id', '=', userId).execute();
  return rows.map((r) => ({ role: r.role as Role, programId: r.program_id, trackId: r.track_id }));
}

export async function insertGrant(
  db: Db,
  g: { id: string; userId: string; role: Role; programId: string | null; trackId: string | null; createdBy: string | null; now: number },
): Promise<void> {
  await db
    .insertInto('grants')
    .values({ id: g.id, user_id: g.userId, role: g.role, program_id: g.programId, track_id: g.trackId, created_at: g.now, created_by: g.createdBy })
    .execute();
}

export async function hasPlatformAdmin(db: Db): Promise<boolean> {
  const r = await db.selectFrom('grants').select('id').where('role', '=', 'platform_admin').limit(1).executeTakeFirst();
  return !!r;
}

/** Platform-wide grants of one role, with who holds them (the admin's list of program creators). */
export const listPlatformGrants = (db: Db, role: Role) =>
  db
    .selectFrom('grants')
    .innerJoin('users', 'users.id', 'grants.user_id')
    .select(['grants.id', 'grants.user_id', 'grants.created_at', 'users.email', 'users.display_name'])
    .where('grants.role', '=', role)
    .where('grants.program_id', 'is', null)
    .orderBy('grants.created_at')
    .execute();

export const findGrant = (db: Db, id: string) => db.selectFrom('grants').selectAll().where('id', '=', id).executeTakeFirst();

export async function deleteGrant(db: Db, id: string): Promise<boolean> {
  const r = await db.deleteFrom('grants').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
