import type { Kysely } from 'kysely';

// Sign-ups waiting for their emailed link (features/auth/registration.service.ts): the account
// is created only when the address's owner follows it, so the answer to a sign-up never tells
// whether the address already has an account.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pending_registrations')
    /** SHA-256 of the emailed token; the token itself is never stored. */
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    /** Where the web app continues after activation (an invitation page), a path on this site. */
    .addColumn('next_path', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pending_registrations_email').on('pending_registrations').column('email').execute();
  await db.schema.createIndex('pending_registrations_expires_at').on('pending_registrations').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pending_registrations').execute();
}
