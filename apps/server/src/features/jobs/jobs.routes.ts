import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AdminJobListSchema, AdminJobQuerySchema, AdminJobSchema, JobParamsSchema, JobViewSchema } from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { discardJob, getJob, listJobs, retryJob } from './job.service.ts';
import { jobDownload } from './job-file.service.ts';
import { sendStoredFile } from '../../http/files.ts';

/** Jobs: an owner's status/progress/result, and the platform admin's dead letters. */
export function jobRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['jobs'];

  r.get('/api/jobs/:jobId', { schema: { tags, summary: 'A job’s status, progress, result and last error (its owner or a platform admin; 404 to others)', params: JobParamsSchema, response: { 200: JobViewSchema } } }, async (req) =>
    getJob(deps, req.actor, req.params.jobId));

  r.get('/api/jobs/:jobId/download', { schema: { tags, summary: 'The file a finished job made (an export, a certificate ZIP) — its owner only; 404 to others and once pruned', params: JobParamsSchema } }, async (req, reply) =>
    sendStoredFile(reply, await jobDownload(deps, req.actor, req.params.jobId)));

  r.get('/api/admin/jobs', { schema: { tags, summary: 'Jobs in one status, newest change first — dead letters by default (platform admins)', querystring: AdminJobQuerySchema, response: { 200: AdminJobListSchema } } }, async (req) =>
    listJobs(deps, req.actor, req.query));

  r.post('/api/admin/jobs/:jobId/retry', { schema: { tags, summary: 'Queue a dead job again with all its attempts (platform admins; audited)', params: JobParamsSchema, response: { 200: AdminJobSchema } } }, async (req) =>
    retryJob(deps, req.actor, req.params.jobId, req.id));

  r.delete('/api/admin/jobs/:jobId', { schema: { tags, summary: 'Discard a dead job (platform admins; audited)', params: JobParamsSchema, response: { 200: z.object({ discarded: z.literal(true) }) } } }, async (req) =>
    discardJob(deps, req.actor, req.params.jobId, req.id));
}
