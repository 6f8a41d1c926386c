import type { Deps } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { insertJob } from './job.repository.ts';

// The queue's public face: a service enqueues work inside its own transaction (so the job
// exists exactly when the change it follows committed) and a handler registered for the kind
// (job-registry.ts) runs it later in some process, with retries.

export type EnqueueJob = {
  /** A kind registered in job-registry.ts. */
  kind: string;
  /** Anything JSON can carry (a Buffer must be base64 text: see mail-job.ts). */
  payload: unknown;
  /** Not before this time (epoch ms); now by default. */
  runAt?: number;
  /** Attempts before it is dead (default 5). */
  maxAttempts?: number;
  /** Who may read its status and result (GET /api/jobs/:jobId). */
  ownerUserId?: string | null;
  /** At most one waiting or running job per key: enqueuing again returns that job's id. */
  dedupeKey?: string | null;
};

export const defaultMaxAttempts = 5;

/** Queues a job in `trx` (or the db, after a commit); returns its id (or the id of the job holding dedupeKey). */
export async function enqueueJob(trx: Db, job: EnqueueJob): Promise<string> {
  // Wall-clock time: the queue is shared by processes, whose deps.now a test may have moved.
  const now = Date.now();
  return insertJob(trx, {
    id: newId(), kind: job.kind, payload: JSON.stringify(job.payload ?? null), status: 'queued',
    attempts: 0, max_attempts: job.maxAttempts ?? defaultMaxAttempts, run_at: job.runAt ?? now,
    locked_by: null, locked_until: null, progress_done: null, progress_total: null, result: null, last_error: null,
    owner_user_id: job.ownerUserId ?? null, dedupe_key: job.dedupeKey ?? null, created_at: now, updated_at: now, finished_at: null,
  });
}

/** What a handler gets besides its payload. */
export type JobContext = {
  jobId: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** Aborted when the process shuts down or the lease was lost: stop and throw. */
  signal: AbortSignal;
  /** Persists progress (throttled; the last call always lands), shown by the web app's JobProgress. */
  progress: (done: number, total: number) => Promise<void>;
  /**
   * Extends the lease now; false (and the signal aborted) when the job is no longer this
   * worker's. For a handler that computed long without yielding (the heartbeat could not run)
   * before it writes what it computed.
   */
  keepLease: () => Promise<boolean>;
};

/** Runs one job; what it returns (JSON) is stored as the job's result. Throwing fails the attempt. */
export type JobHandler<P = never> = (deps: Deps, payload: P, ctx: JobContext) => Promise<unknown>;

/** A registered kind; `any` because each kind's payload is its own type and the registry holds them all. */
export type JobKind = {
  handler: JobHandler<any>;
  /** A line for the admin's list (payloads themselves are never shown). */
  describe?: (payload: any) => string;
  /** Empty the payload once it succeeded (a mail's text carries links with tokens). */
  redactOnSuccess?: boolean;
};

/** A job that runs every `everyMs`, once per slot across all processes (one row, re-armed after each run). */
export type RecurringJob = { name: string; everyMs: number; handler: JobHandler<null> };
