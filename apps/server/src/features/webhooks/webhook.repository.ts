import type { Db, Engine } from '../../db/database.ts';
import type { WebhookDeliveriesTable, WebhookEndpointsTable } from '../../db/schema.ts';

// SQL of webhook endpoints and their deliveries (the outbox rows webhook-outbox.ts writes).

export type EndpointRow = WebhookEndpointsTable;
export type DeliveryRow = WebhookDeliveriesTable;

export const endpointsOfProgram = (db: Db, programId: string) =>
  db.selectFrom('webhook_endpoints').selectAll().where('program_id', '=', programId).orderBy('created_at').orderBy('id').execute();

export const findEndpoint = (db: Db, programId: string, id: string) =>
  db.selectFrom('webhook_endpoints').selectAll().where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();

export const endpointsByIds = async (db: Db, ids: string[]) =>
  ids.length ? new Map((await db.selectFrom('webhook_endpoints').selectAll().where('id', 'in', ids).execute()).map((e) => [e.id, e])) : new Map<string, EndpointRow>();

export async function insertEndpoint(db: Db, row: EndpointRow): Promise<void> {
  await db.insertInto('webhook_endpoints').values(row).execute();
}

export async function updateEndpoint(db: Db, id: string, set: Partial<Pick<EndpointRow, 'url' | 'events_json' | 'active' | 'secret'>>): Promise<void> {
  await db.updateTable('webhook_endpoints').set(set).where('id', '=', id).execute();
}

/** Deletes the endpoint and its delivery log. */
export async function deleteEndpoint(db: Db, id: string): Promise<void> {
  await db.deleteFrom('webhook_deliveries').where('endpoint_id', '=', id).execute();
  await db.deleteFrom('webhook_endpoints').where('id', '=', id).execute();
}

/** Pending deliveries of a disabled endpoint stop here, with the reason in the log. */
export async function failPendingOf(db: Db, endpointId: string, reason: string): Promise<number> {
  const r = await db.updateTable('webhook_deliveries').set({ status: 'failed', next_attempt_at: null, last_error: reason })
    .where('endpoint_id', '=', endpointId).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function deliveryCounts(db: Db, programId: string) {
  const rows = await db.selectFrom('webhook_deliveries').select(['endpoint_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('program_id', '=', programId).groupBy(['endpoint_id', 'status']).execute();
  const counts = new Map<string, { pending: number; delivered: number; failed: number }>();
  for (const r of rows) {
    const c = counts.get(r.endpoint_id) ?? { pending: 0, delivered: 0, failed: 0 };
    if (r.status === 'pending' || r.status === 'delivered' || r.status === 'failed') c[r.status] = Number(r.n);
    counts.set(r.endpoint_id, c);
  }
  return counts;
}

export function deliveriesOf(db: Db, endpointId: string, q: { limit: number; before?: number }) {
  let query = db.selectFrom('webhook_deliveries').selectAll().where('endpoint_id', '=', endpointId);
  if (q.before !== undefined) query = query.where('created_at', '<', q.before);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
}

export const findDelivery = (db: Db, endpointId: string, id: string) =>
  db.selectFrom('webhook_deliveries').selectAll().where('endpoint_id', '=', endpointId).where('id', '=', id).executeTakeFirst();

/** Queues a finished delivery again from its first attempt; false when it is still pending. */
export async function requeueDelivery(db: Db, id: string, now: number): Promise<boolean> {
  const r = await db.updateTable('webhook_deliveries').set({ status: 'pending', attempts: 0, next_attempt_at: now, delivered_at: null })
    .where('id', '=', id).where('status', 'in', ['failed', 'delivered']).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Claims up to `limit` due deliveries of active endpoints by moving their next attempt to the
 * lease's end, in one statement: a process that dies while sending leaves them due again once
 * the lease runs out. On PostgreSQL the rows are picked FOR UPDATE SKIP LOCKED, so processes
 * sharing the database take disjoint sets without waiting on each other (a row another one has
 * just leased no longer matches when re-checked); SQLite runs one writing statement at a time,
 * so its conditional update is enough.
 */
export async function claimDueDeliveries(db: Db, engine: Engine, now: number, leaseUntil: number, limit: number): Promise<DeliveryRow[]> {
  let due = db.selectFrom('webhook_deliveries').select('id')
    .where('status', '=', 'pending').where('next_attempt_at', '<=', now)
    .where('endpoint_id', 'in', db.selectFrom('webhook_endpoints').select('id').where('active', '=', 1))
    .orderBy('next_attempt_at').limit(limit);
  if (engine === 'postgres') due = due.forUpdate().skipLocked();
  return db.updateTable('webhook_deliveries').set({ next_attempt_at: leaseUntil })
    .where('id', 'in', due).where('status', '=', 'pending').where('next_attempt_at', '<=', now)
    .returningAll().execute();
}

/** Records an attempt's outcome if this worker still holds the lease. */
export async function recordAttempt(db: Db, id: string, leaseUntil: number, set: Pick<DeliveryRow, 'status' | 'attempts' | 'next_attempt_at' | 'last_status' | 'last_error' | 'delivered_at'>): Promise<boolean> {
  const r = await db.updateTable('webhook_deliveries').set(set).where('id', '=', id).where('status', '=', 'pending').where('next_attempt_at', '=', leaseUntil).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

