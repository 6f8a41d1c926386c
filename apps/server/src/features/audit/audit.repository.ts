import { PostgresAdapter, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AuditLogTable } from '../../db/schema.ts';
import { GENESIS_HASH, auditRowHash } from './audit-chain.ts';

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
};

const toJson = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

/**
 * Appends one row to the chain. Call it with the transaction that makes the change, so
 * the change and its record commit or roll back together.
 */
export async function appendAudit(trx: Db, entry: AuditEntry, now = Date.now()): Promise<AuditLogTable> {
  // Two writers must not both read the same head and fork the chain. PostgreSQL serialises
  // them with a transaction-scoped advisory lock; SQLite already has one writer at a time.
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`select pg_advisory_xact_lock(7405001)`.execute(trx);
  }
  const head = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const fields = {
    seq: (head?.seq ?? 0) + 1,
    at: now,
    actor_id: entry.actorId,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId ?? null,
    before_json: toJson(entry.before),
    after_json: toJson(entry.after),
    request_id: entry.requestId ?? null,
    prev_hash: head?.hash ?? GENESIS_HASH,
  };
  const row = { ...fields, hash: auditRowHash(fields) };
  await trx.insertInto('audit_log').values(row).execute();
  return row;
}

export async function* streamAuditRows(db: Db, batch = 1000): AsyncGenerator<AuditLogTable> {
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(batch).execute();
    if (rows.length === 0) return;
    yield* rows;
    after = rows[rows.length - 1].seq;
  }
}

export function listAuditForEntity(db: Db, entity: string, entityId: string) {
  return db.selectFrom('audit_log').selectAll().where('entity', '=', entity).where('entity_id', '=', entityId).orderBy('seq').execute();
}

/** The chain's last row (seq 0 and the genesis hash while it is empty). */
export async function auditHead(db: Db): Promise<{ seq: number; hash: string }> {
  const head = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return head ?? { seq: 0, hash: GENESIS_HASH };
}

// An anchor a page shows (the one made at a program's publication), kept in `settings` so
// every process finds it; the anchors file stays the record that `audit-verify` trusts.
const anchorKey = (name: string) => `audit_anchor:${name}`;

export async function rememberAnchor(db: Db, name: string, anchor: { seq: number; hash: string; at: number }): Promise<void> {
  const value = JSON.stringify({ seq: anchor.seq, hash: anchor.hash, at: anchor.at });
  await db.insertInto('settings').values({ key: anchorKey(name), value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

export async function rememberedAnchor(db: Db, name: string): Promise<{ seq: number; hash: string; at: number } | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', anchorKey(name)).executeTakeFirst();
  return row ? JSON.parse(row.value) : null;
}
