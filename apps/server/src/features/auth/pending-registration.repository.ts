import type { Db } from '../../db/database.ts';
import type { PendingRegistrationsTable } from '../../db/schema.ts';

export async function insertPendingRegistration(db: Db, row: PendingRegistrationsTable): Promise<void> {
  await db.insertInto('pending_registrations').values(row).execute();
}

/** Takes the sign-up out if its token is still valid: single use even when two tabs follow the link. */
export async function consumePendingRegistration(db: Db, tokenHash: string, now: number): Promise<PendingRegistrationsTable | undefined> {
  return db
    .deleteFrom('pending_registrations')
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst();
}

/** Once an address has its account, its other pending sign-ups are void; expired ones go too. */
export async function deletePendingRegistrations(db: Db, email: string, now: number): Promise<void> {
  await db.deleteFrom('pending_registrations').where((eb) => eb.or([eb('email', '=', email), eb('expires_at', '<=', now)])).execute();
}
