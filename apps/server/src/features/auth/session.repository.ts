import type { Db } from '../../db/database.ts';
import type { SessionsTable } from '../../db/schema.ts';

export async function insertSession(db: Db, s: SessionsTable): Promise<void> {
  await db.insertInto('sessions').values(s).execute();
}

/** The session with its user, in one round trip: this runs on every signed-in request. */
export function findSessionWithUser(db: Db, sessionId: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sessionId', 'sessions.expires_at', 'sessions.last_seen_at',
      'users.id as userId', 'users.email', 'users.display_name', 'users.must_change_password', 'users.disabled',
    ])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
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
