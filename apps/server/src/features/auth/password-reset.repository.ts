import type { Db } from '../../db/database.ts';
import type { PasswordResetsTable } from '../../db/schema.ts';

export async function insertPasswordReset(db: Db, row: PasswordResetsTable): Promise<void> {
  await db.insertInto('password_resets').values(row).execute();
}

/** Marks the token used if it is still valid; returns its user, or nothing. Single use even under races. */
export async function consumePasswordReset(db: Db, tokenHash: string, now: number): Promise<string | undefined> {
  const row = await db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id;
}
