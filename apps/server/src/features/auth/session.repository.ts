import type { Grant, Role } from '@lvping/domain';
import type { Db } from '../../db/database.ts';
import type { SessionsTable } from '../../db/schema.ts';
import { prepared } from '../../db/prepared.ts';

export async function insertSession(db: Db, s: SessionsTable): Promise<void> {
  await db.insertInto('sessions').values(s).execute();
}

/**
 * The session with its user and the user's grants, in one indexed read: this runs on every
 * signed-in request, so it is compiled once (db/prepared.ts). One row per grant (or one row
 * with null grant columns).
 */
const sessionWithUser = prepared((db, a: { sessionId: string }) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('grants', 'grants.user_id', 'users.id')
    .select([
      'sessions.id as sessionId', 'sessions.expires_at', 'sessions.last_seen_at',
      'users.id as userId', 'users.email', 'users.display_name', 'users.must_change_password', 'users.disabled',
      'grants.role', 'grants.program_id', 'grants.track_id',
    ])
    .where('sessions.id', '=', a.sessionId));

export async function findSessionWithUser(db: Db, sessionId: string) {
  const { rows } = await sessionWithUser(db, { sessionId });
  if (rows.length === 0) return undefined;
  const { role: _r, program_id: _p, track_id: _t, ...session } = rows[0];
  const grants: Grant[] = rows.filter((r) => r.role !== null).map((r) => ({ role: r.role as Role, programId: r.program_id, trackId: r.track_id }));
  return { ...session, grants };
}

export async function touchSession(db: Db, sessionId: string, now: number, expiresAt: number): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(db: Db, userId: string, exceptSessionId?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
  await q.execute();
}
