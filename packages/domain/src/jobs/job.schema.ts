import { z } from 'zod';

// The durable job queue as the API shows it: a job's owner polls its status, progress and
// result (GET /api/jobs/:jobId); platform admins list jobs (dead letters first) and retry or
// discard them. Payloads never leave the server (a mail's carries its links and tokens).

export const jobStatuses = ['queued', 'running', 'succeeded', 'dead'] as const;
export type JobStatus = (typeof jobStatuses)[number];

const IdSchema = z.string().min(1).max(100);
export const JobParamsSchema = z.strictObject({ jobId: IdSchema });

export const JobProgressSchema = z.object({ done: z.number().int(), total: z.number().int() });
export type JobProgress = z.infer<typeof JobProgressSchema>;

/** What a job's owner sees. */
export const JobViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(jobStatuses),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  /** Reported by a long job while it runs (ctx.progress); null until it reports. */
  progress: JobProgressSchema.nullable(),
  /** What the handler returned (e.g. a file to download), once succeeded. */
  result: z.unknown(),
  /** The last attempt's error; a queued job with an error is waiting for its retry. */
  error: z.string().nullable(),
  runAt: z.number(),
  createdAt: z.number(),
  updatedAt: z.number(),
  finishedAt: z.number().nullable(),
});
export type JobView = z.infer<typeof JobViewSchema>;

/** A platform admin's row: the job plus a one-line description of what it does. */
export const AdminJobSchema = JobViewSchema.extend({
  summary: z.string(),
  ownerUserId: z.string().nullable(),
  dedupeKey: z.string().nullable(),
  lockedBy: z.string().nullable(),
});
export type AdminJob = z.infer<typeof AdminJobSchema>;

export const AdminJobQuerySchema = z.strictObject({
  status: z.enum(jobStatuses).default('dead'),
  kind: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Older than this update time (epoch ms): the next page. */
  before: z.coerce.number().int().min(0).optional(),
});
export type AdminJobQuery = z.infer<typeof AdminJobQuerySchema>;

export const AdminJobListSchema = z.object({
  items: z.array(AdminJobSchema),
  /** How many jobs are in each status now. */
  counts: z.object({ queued: z.number().int(), running: z.number().int(), succeeded: z.number().int(), dead: z.number().int() }),
});
export type AdminJobList = z.infer<typeof AdminJobListSchema>;
