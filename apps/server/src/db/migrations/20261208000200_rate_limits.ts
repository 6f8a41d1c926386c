import type { Kysely } from 'kysely';

// Request counters for the rate limits (http/rate-limit.ts), in the database so that every
// process counts against the same number.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    /** `<bucket>|<who>`: the limited kind (or route) and the address, account or email it counts. */
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    /** When the current window ends; a hit after it starts a new window at 1. */
    .addColumn('reset_at', 'bigint', (c) => c.notNull())
    .execute();
  // Pruning deletes the windows that ended.
  await db.schema.createIndex('rate_limits_reset_at').on('rate_limits').column('reset_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute();
}
