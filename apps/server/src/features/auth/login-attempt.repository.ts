import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export const findLoginAttempts = (db: Db, email: string) =>
  db.selectFrom('login_attempts').selectAll().where('email', '=', email).executeTakeFirst();

/**
 * Counts one more failure atomically (two wrong guesses at once both count) and returns
 * the new count. Failures older than `windowStart` start a fresh count.
 */
export async function recordLoginFailure(db: Db, email: string, now: number, windowStart: number): Promise<number> {
  const row = await db
    .insertInto('login_attempts')
    .values({ email, failures: 1, last_failed_at: now, locked_until: null })
    .onConflict((oc) =>
      oc.column('email').doUpdateSet({
        failures: sql<number>`case when login_attempts.last_failed_at < ${windowStart} then 1 else login_attempts.failures + 1 end`,
        last_failed_at: now,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

export async function lockLogin(db: Db, email: string, until: number): Promise<void> {
  await db.updateTable('login_attempts').set({ locked_until: until }).where('email', '=', email).execute();
}

export async function clearLoginAttempts(db: Db, email: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('email', '=', email).execute();
}
