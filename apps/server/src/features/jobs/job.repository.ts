import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { Db, Engine } from '../../db/database.ts';
import type { DB, JobsTable } from '../../db/schema.ts';

// The jobs table: the only SQL of the queue. Every change to a running job is conditional on
// the worker still holding it (locked_by + status), so a worker whose lease ran out and was
// taken over can no longer record anything.

export type JobRow = Selectable<JobsTable>;

// Must be the index's own predicate (migration 20261208000100_jobs) for ON CONFLICT to use it.
const activeKey = sql<boolean>`dedupe_key is not null and status in ('queued', 'running')`;

/** Inserts the job, or nothing when a waiting or running job holds its dedupe key; returns the id that holds it. */
export async function insertJob(db: Db, row: JobRow): Promise<string> {
  // The holder may finish between the conflict and the read; then the key is free: try again.
  for (;;) {
    const inserted = await db.insertInto('jobs').values(row)
      .onConflict((oc) => oc.column('dedupe_key').where(activeKey).doNothing())
      .returning('id').executeTakeFirst();
    if (inserted) return inserted.id;
    const holder = await db.selectFrom('jobs').select('id').where('dedupe_key', '=', row.dedupe_key).where('status', 'in', ['queued', 'running']).executeTakeFirst();
    if (holder) return holder.id;
  }
}

/**
 * Claims up to `limit` due jobs of the given kinds: queued ones whose time has come, and running
 * ones whose lease ran out (their process died). PostgreSQL: the rows are locked in the subquery
 * and locked ones skipped, so concurrent workers take different jobs without waiting on each
 * other; SQLite has one writer, so the single UPDATE is already atomic. Each claim is an attempt.
 */
export async function claimJobs(db: Db, engine: Engine, o: { workerId: string; now: number; leaseUntil: number; limit: number; kinds: string[] }): Promise<JobRow[]> {
  if (!o.kinds.length || o.limit < 1) return [];
  const claimable = (eb: ExpressionBuilder<DB, 'jobs'>) => eb.or([
    eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', o.now)]),
    eb.and([eb('status', '=', 'running'), eb('locked_until', '<', o.now)]),
  ]);
  let due = db.selectFrom('jobs').select('id').where('kind', 'in', o.kinds).where(claimable).orderBy('run_at').limit(o.limit);
  if (engine === 'postgres') due = due.forUpdate().skipLocked();
  return db.updateTable('jobs')
    .set((eb) => ({ status: 'running', locked_by: o.workerId, locked_until: o.leaseUntil, attempts: eb('attempts', '+', 1), updated_at: o.now }))
    .where('id', 'in', due).where(claimable)
    .returningAll().execute();
}

const held = (db: Db, id: string, workerId: string) =>
  db.updateTable('jobs').where('id', '=', id).where('locked_by', '=', workerId).where('status', '=', 'running');

/** Extends the lease; false when the job is no longer this worker's. */
export async function extendLease(db: Db, id: string, workerId: string, leaseUntil: number): Promise<boolean> {
  const r = await held(db, id, workerId).set({ locked_until: leaseUntil }).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function saveProgress(db: Db, id: string, workerId: string, done: number, total: number, now: number): Promise<boolean> {
  const r = await held(db, id, workerId).set({ progress_done: done, progress_total: total, updated_at: now }).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export type JobOutcome = Pick<JobRow, 'status' | 'run_at' | 'result' | 'last_error' | 'finished_at' | 'attempts'> & { payload?: string };

/** Records an attempt's outcome (done, retry later, dead, or re-armed) if the worker still holds the job. */
export async function finishJob(db: Db, id: string, workerId: string, outcome: JobOutcome, now: number): Promise<boolean> {
  const r = await held(db, id, workerId).set({ ...outcome, locked_by: null, locked_until: null, updated_at: now }).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Gives a job back unfinished (shutdown): not a failed attempt, so it is not counted. */
export async function releaseJob(db: Db, id: string, workerId: string, now: number): Promise<boolean> {
  const r = await held(db, id, workerId)
    .set((eb) => ({ status: 'queued', locked_by: null, locked_until: null, run_at: now, updated_at: now, attempts: eb('attempts', '-', 1) }))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function findJob(db: Db, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listJobRows(db: Db, q: { status: string; kind?: string; limit: number; before?: number }): Promise<JobRow[]> {
  let query = db.selectFrom('jobs').selectAll().where('status', '=', q.status);
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.before !== undefined) query = query.where('updated_at', '<', q.before);
  return query.orderBy('updated_at', 'desc').orderBy('id').limit(q.limit).execute();
}

export async function countJobsByStatus(db: Db): Promise<Record<string, number>> {
  const rows = await db.selectFrom('jobs').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** A dead job back in the queue with all its attempts; false when it is not dead (or its key is taken again). */
export async function requeueDeadJob(db: Db, id: string, now: number): Promise<boolean> {
  const r = await db.updateTable('jobs')
    .set({ status: 'queued', attempts: 0, run_at: now, finished_at: null, locked_by: null, locked_until: null, updated_at: now })
    .where('id', '=', id).where('status', '=', 'dead')
    .where((eb) => eb.or([eb('dedupe_key', 'is', null), eb.not(eb.exists(
      eb.selectFrom('jobs as other').select('other.id').whereRef('other.dedupe_key', '=', 'jobs.dedupe_key').where('other.status', 'in', ['queued', 'running']),
    ))]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteDeadJob(db: Db, id: string): Promise<boolean> {
  const r = await db.deleteFrom('jobs').where('id', '=', id).where('status', '=', 'dead').executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Forgets succeeded jobs finished before `before`; returns how many. */
export async function pruneSucceededJobs(db: Db, before: number): Promise<number> {
  const r = await db.deleteFrom('jobs').where('status', '=', 'succeeded').where('finished_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
