import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/**
 * Counts one hit on `key` and returns the count in the current window and when it ends.
 * One statement (INSERT … ON CONFLICT DO UPDATE … RETURNING, SQLite ≥ 3.35 and PostgreSQL):
 * two processes hitting the same key at once both count, neither reads a stale number.
 * A hit after the window ended starts a new one at 1.
 */
export async function hitRateLimit(db: Db, key: string, now: number, windowMs: number): Promise<{ hits: number; resetAt: number }> {
  const row = await db
    .insertInto('rate_limits')
    .values({ key, hits: 1, reset_at: now + windowMs })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when rate_limits.reset_at <= ${now} then 1 else rate_limits.hits + 1 end`,
        reset_at: sql<number>`case when rate_limits.reset_at <= ${now} then ${now + windowMs} else rate_limits.reset_at end`,
      }),
    )
    .returning(['hits', 'reset_at'])
    .executeTakeFirstOrThrow();
  return { hits: Number(row.hits), resetAt: Number(row.reset_at) };
}

/** Deletes the windows that ended before `now`; returns how many. */
export async function pruneRateLimits(db: Db, now: number): Promise<number> {
  const res = await db.deleteFrom('rate_limits').where('reset_at', '<=', now).executeTakeFirst();
  return Number(res.numDeletedRows);
}
