import { AppError, isPlatformAdmin, type AdminJob, type AdminJobList, type AdminJobQuery, type JobStatus, type JobView } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { countJobsByStatus, deleteDeadJob, findJob, listJobRows, requeueDeadJob, type JobRow } from './job.repository.ts';
import { jobKinds } from './job-registry.ts';

// Reading jobs: an owner follows their own (an export's progress and file); platform admins see
// every job, dead letters first, and send a dead one back to the queue or discard it (audited).

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

function toView(r: JobRow): JobView {
  return {
    id: r.id, kind: r.kind, status: r.status as JobStatus, attempts: r.attempts, maxAttempts: r.max_attempts,
    progress: r.progress_total === null ? null : { done: r.progress_done ?? 0, total: r.progress_total },
    result: parse(r.result), error: r.last_error, runAt: r.run_at, createdAt: r.created_at, updatedAt: r.updated_at, finishedAt: r.finished_at,
  };
}

function summaryOf(r: JobRow): string {
  const describe = jobKinds[r.kind]?.describe;
  if (!describe) return r.kind;
  try {
    return describe(parse(r.payload));
  } catch {
    return r.kind;
  }
}

const toAdmin = (r: JobRow): AdminJob => ({ ...toView(r), summary: summaryOf(r), ownerUserId: r.owner_user_id, dedupeKey: r.dedupe_key, lockedBy: r.locked_by });

/** A job to its owner or a platform admin; to anyone else it does not exist. */
export async function getJob(deps: Deps, actor: Actor | null, jobId: string): Promise<JobView> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const row = await findJob(deps.db, jobId);
  if (!row || (row.owner_user_id !== actor.userId && !isPlatformAdmin(actor))) throw new AppError('NOT_FOUND');
  return toView(row);
}

function requireAdmin(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!isPlatformAdmin(actor)) throw new AppError('FORBIDDEN');
}

export async function listJobs(deps: Deps, actor: Actor | null, q: AdminJobQuery): Promise<AdminJobList> {
  requireAdmin(actor);
  const [rows, counts] = await Promise.all([listJobRows(deps.db, q), countJobsByStatus(deps.db)]);
  return { items: rows.map(toAdmin), counts: { queued: counts.queued ?? 0, running: counts.running ?? 0, succeeded: counts.succeeded ?? 0, dead: counts.dead ?? 0 } };
}

async function deadJob(deps: Deps, jobId: string): Promise<JobRow> {
  const row = await findJob(deps.db, jobId);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.status !== 'dead') throw new AppError('CONFLICT', { message: { 'zh-CN': '只有失败（死信）的任务可以重试或丢弃', en: 'Only dead jobs can be retried or discarded' } });
  return row;
}

/** A dead job back in the queue with all its attempts again. */
export async function retryJob(deps: Deps, actor: Actor | null, jobId: string, requestId: string | null = null): Promise<AdminJob> {
  requireAdmin(actor);
  const row = await deadJob(deps, jobId);
  const now = Date.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await requeueDeadJob(trx, jobId, now))) {
      throw new AppError('CONFLICT', { message: { 'zh-CN': '该任务已被处理，或同类任务正在排队', en: 'The job changed meanwhile, or the same job is already queued' } });
    }
    await appendAudit(trx, { actorId: actor.userId, action: 'job.retry', entity: 'job', entityId: jobId, before: { status: 'dead', attempts: row.attempts, error: row.last_error }, after: { status: 'queued', kind: row.kind }, requestId }, now);
  });
  return toAdmin((await findJob(deps.db, jobId))!);
}

/** Gives up on a dead job for good (its row is deleted; the audit keeps what it was). */
export async function discardJob(deps: Deps, actor: Actor | null, jobId: string, requestId: string | null = null): Promise<{ discarded: true }> {
  requireAdmin(actor);
  const row = await deadJob(deps, jobId);
  const now = Date.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await deleteDeadJob(trx, jobId))) throw new AppError('CONFLICT');
    await appendAudit(trx, { actorId: actor.userId, action: 'job.discard', entity: 'job', entityId: jobId, before: { kind: row.kind, summary: summaryOf(row), attempts: row.attempts, error: row.last_error }, requestId }, now);
  });
  return { discarded: true };
}
