import { z } from 'zod';
import { ApplicationQuerySchema } from '../application/application-api.schema.ts';

// Long work started by a request and finished by the job queue: the request answers 202 with the
// job's id, the browser follows GET /api/jobs/:jobId, and a job that made a file offers it at
// GET /api/jobs/:jobId/download (its owner only) until it is pruned.

/** The 202 answer of a request that queued a job. */
export const JobStartedSchema = z.object({ jobId: z.string() });
export type JobStarted = z.infer<typeof JobStartedSchema>;

/** The result of a job that wrote a file (an export, a certificate ZIP). */
export const JobFileResultSchema = z.object({
  file: z.object({
    name: z.string(),
    mime: z.string(),
    size: z.number().int(),
    sha256: z.string(),
  }),
  /** Rows or files in it. */
  count: z.number().int(),
});
export type JobFileResult = z.infer<typeof JobFileResultSchema>;

/** The applications export's filters: the list's, without paging. */
export const ApplicationExportRequestSchema = ApplicationQuerySchema.omit({ page: true, pageSize: true });
export type ApplicationExportRequest = z.infer<typeof ApplicationExportRequestSchema>;
