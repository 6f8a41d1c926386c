import { isAppError, jobRetryDelayMs } from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { claimJobs, extendLease, finishJob, insertJob, releaseJob, saveProgress, type JobOutcome, type JobRow } from './job.repository.ts';
import type { JobContext, JobKind, RecurringJob } from './job-queue.ts';
import { jobKinds, recurringJobs } from './job-registry.ts';

// Runs claimed jobs: one attempt each, with a heartbeat that keeps the lease while the handler
// works, and the outcome recorded only while the lease is still this worker's.

export type RunOptions = {
  /** The queue's clock; deps.now by default (tests move it), the background worker uses wall time. */
  now?: () => number;
  workerId?: string;
  /** Jobs claimed in one pass (default: config.jobs.concurrency). */
  limit?: number;
  /** The registry by default; tests add kinds of their own. */
  kinds?: Record<string, JobKind>;
  recurring?: RecurringJob[];
  /** Aborted at shutdown: handlers see it and the unfinished jobs are given back. */
  signal?: AbortSignal;
};

export type RunResult = { claimed: number; succeeded: number; retrying: number; dead: number; released: number };
type Outcome = keyof Omit<RunResult, 'claimed'> | 'lost';

const recurringKey = (name: string) => `recurring:${name}`;
// A recurring row never goes dead: each failed run is recorded on it and the next slot comes.
const recurringMaxAttempts = 1000;
const nextSlot = (now: number, every: number) => (Math.floor(now / every) + 1) * every;

type Resolved = { now: () => number; workerId: string; kinds: Record<string, JobKind>; every: Map<string, number>; leaseMs: number };

function resolve(deps: Deps, opts: RunOptions): Resolved {
  const recurring = opts.recurring ?? recurringJobs(deps.config);
  const kinds: Record<string, JobKind> = { ...jobKinds, ...opts.kinds };
  for (const r of recurring) kinds[r.name] = { handler: r.handler };
  return { now: opts.now ?? deps.now, workerId: opts.workerId ?? `run-${process.pid}`, kinds, every: new Map(recurring.map((r) => [r.name, r.everyMs])), leaseMs: deps.config.jobs.leaseMs };
}

/** Makes sure each recurring job has its row (one per name, whoever inserts first); due at once when new. */
export async function armRecurringJobs(deps: Deps, recurring: RecurringJob[] = recurringJobs(deps.config), now = deps.now()): Promise<void> {
  for (const r of recurring) {
    await insertJob(deps.db, {
      id: newId(), kind: r.name, payload: 'null', status: 'queued', attempts: 0, max_attempts: recurringMaxAttempts,
      run_at: now, locked_by: null, locked_until: null, progress_done: null, progress_total: null, result: null, last_error: null,
      owner_user_id: null, dedupe_key: recurringKey(r.name), created_at: now, updated_at: now, finished_at: null,
    });
  }
}

/** One pass: claims what is due (up to `limit`) and runs it all; tests drive the queue with it. */
export async function runDueJobs(deps: Deps, opts: RunOptions = {}): Promise<RunResult> {
  const r = resolve(deps, opts);
  const claimed = await claimDue(deps, r, opts.limit ?? deps.config.jobs.concurrency);
  const outcomes = await Promise.all(claimed.map((row) => runClaimed(deps, r, row, opts.signal)));
  const count = (o: Outcome) => outcomes.filter((x) => x === o).length;
  return { claimed: claimed.length, succeeded: count('succeeded'), retrying: count('retrying'), dead: count('dead'), released: count('released') };
}

function claimDue(deps: Deps, r: Resolved, limit: number): Promise<JobRow[]> {
  const t = r.now();
  return claimJobs(deps.db, deps.engine, { workerId: r.workerId, now: t, leaseUntil: t + r.leaseMs, limit, kinds: Object.keys(r.kinds) });
}

// An AppError is the user's own text (both languages: the owner reads it under the progress bar).
const message = (err: unknown) => (isAppError(err) ? `${err.localized['zh-CN']} / ${err.localized.en}` : err instanceof Error ? err.message : String(err)).slice(0, 2000);
/**
 * A refusal (an AppError below 500: the owner lost the grant, the program is gone, the rules
 * cannot be met) would only be refused again: the job is dead at once instead of retried.
 */
const permanent = (err: unknown) => isAppError(err) && err.status < 500;

async function runClaimed(deps: Deps, r: Resolved, row: JobRow, shutdown?: AbortSignal): Promise<Outcome> {
  const kind = r.kinds[row.kind]!;
  const every = r.every.get(row.kind);
  const finish = async (outcome: JobOutcome, name: Outcome): Promise<Outcome> =>
    (await finishJob(deps.db, row.id, r.workerId, outcome, r.now())) ? name : 'lost';
  // Its last attempt was claimed by a process that died: that was the last attempt.
  if (every === undefined && row.attempts > row.max_attempts) {
    return finish({ status: 'dead', run_at: row.run_at, attempts: row.max_attempts, result: null, last_error: row.last_error ?? 'the process running its last attempt stopped', finished_at: r.now() }, 'dead');
  }
  const abort = new AbortController();
  const onShutdown = () => abort.abort(shutdown?.reason);
  shutdown?.addEventListener('abort', onShutdown);
  let lost = false;
  const heartbeat = setInterval(() => {
    void extendLease(deps.db, row.id, r.workerId, r.now() + r.leaseMs).then((ok) => {
      if (!ok && !lost) { lost = true; abort.abort(new Error('lease lost')); }
    }, (err) => deps.log.warn({ err, jobId: row.id }, 'job heartbeat failed'));
  }, Math.max(100, Math.floor(r.leaseMs / 3)));
  heartbeat.unref();
  let lastProgress = 0;
  const ctx: JobContext = {
    jobId: row.id, attempt: row.attempts, signal: abort.signal,
    progress: async (done, total) => {
      const t = r.now();
      if (done < total && t - lastProgress < 250) return;
      lastProgress = t;
      await saveProgress(deps.db, row.id, r.workerId, done, total, t);
    },
    keepLease: async () => {
      const ok = !lost && (await extendLease(deps.db, row.id, r.workerId, r.now() + r.leaseMs));
      if (!ok && !lost) { lost = true; abort.abort(new Error('lease lost')); }
      return ok;
    },
  };
  let result: unknown;
  let failure: unknown = null;
  try {
    result = await kind.handler(deps, JSON.parse(row.payload), ctx);
  } catch (err) {
    failure = err ?? new Error('failed');
  } finally {
    clearInterval(heartbeat);
    shutdown?.removeEventListener('abort', onShutdown);
  }
  if (lost) return 'lost';
  const t = r.now();
  if (failure && shutdown?.aborted) return (await releaseJob(deps.db, row.id, r.workerId, t)) ? 'released' : 'lost';
  if (!failure) {
    const stored = result === undefined ? null : JSON.stringify(result);
    if (every !== undefined) return finish({ status: 'queued', run_at: nextSlot(t, every), attempts: 0, result: stored, last_error: null, finished_at: t }, 'succeeded');
    return finish({ status: 'succeeded', run_at: row.run_at, attempts: row.attempts, result: stored, last_error: null, finished_at: t, ...(kind.redactOnSuccess ? { payload: 'null' } : {}) }, 'succeeded');
  }
  const error = message(failure);
  deps.log.warn({ err: failure, jobId: row.id, kind: row.kind, attempt: row.attempts }, 'job attempt failed');
  if (every !== undefined) return finish({ status: 'queued', run_at: nextSlot(t, every), attempts: 0, result: row.result, last_error: error, finished_at: t }, 'retrying');
  if (row.attempts >= row.max_attempts || permanent(failure)) return finish({ status: 'dead', run_at: row.run_at, attempts: row.attempts, result: null, last_error: error, finished_at: t }, 'dead');
  return finish({ status: 'queued', run_at: t + jobRetryDelayMs(row.attempts, Math.random()), attempts: row.attempts, result: null, last_error: error, finished_at: null }, 'retrying');
}

export type JobWorker = { stop: (maxWaitMs?: number) => Promise<void> };

/**
 * The background worker every process runs (app.ts): every config.jobs.pollMs it arms the
 * recurring jobs (once a minute) and claims as many due jobs as it has free slots. stop():
 * claim nothing more, wait a little for the running ones, then abort and give back the rest.
 */
export function startJobWorker(deps: Deps, workerId: string): JobWorker {
  const { pollMs, concurrency } = deps.config.jobs;
  if (!pollMs) return { stop: async () => {} };
  const shutdown = new AbortController();
  const r = resolve(deps, { now: () => Date.now(), workerId });
  const recurring = recurringJobs(deps.config);
  const running = new Map<string, Promise<unknown>>();
  let stopped = false;
  let pass: Promise<void> | null = null;
  let armedAt = 0;
  const tick = () => {
    if (stopped || pass) return;
    pass = (async () => {
      const t = Date.now();
      if (t - armedAt >= 60_000) { await armRecurringJobs(deps, recurring, t); armedAt = t; }
      const free = concurrency - running.size;
      if (free <= 0) return;
      for (const row of await claimDue(deps, r, free)) {
        running.set(row.id, runClaimed(deps, r, row, shutdown.signal)
          .catch((err) => deps.log.error({ err, jobId: row.id }, 'job run failed'))
          .finally(() => { running.delete(row.id); setImmediate(tick); }));
      }
    })().catch((err) => deps.log.error({ err }, 'job poll failed')).finally(() => { pass = null; });
  };
  const timer = setInterval(tick, pollMs);
  timer.unref();
  tick();
  return {
    stop: async (maxWaitMs = 5000) => {
      stopped = true;
      clearInterval(timer);
      await pass;
      let waited: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([Promise.allSettled([...running.values()]), new Promise((res) => { waited = setTimeout(res, maxWaitMs); })]);
      clearTimeout(waited);
      if (!running.size) return;
      shutdown.abort(new Error('shutting down'));
      // Whatever ignored the signal is given back now; its own late outcome will find the job no longer its.
      await Promise.all([...running.keys()].map((id) => releaseJob(deps.db, id, workerId, Date.now()).catch(() => false)));
    },
  };
}
