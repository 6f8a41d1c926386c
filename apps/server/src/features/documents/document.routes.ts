import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApplicationExportRequestSchema, ApplicationIdParamsSchema, JobStartedSchema } from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { requireActor } from '../../http/session.hooks.ts';
import { contentDisposition } from '../../http/download.ts';
import { applicationPdf, blankForm } from './document.service.ts';
import { startApplicationsExport, XLSX } from './applications-export.job.ts';

const BlankParams = z.strictObject({ programId: z.string().min(1).max(100), trackId: z.string().min(1).max(100), format: z.enum(['pdf', 'xlsx']) });

export function documentRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents'];

  r.get('/api/applications/:applicationId/pdf', { schema: { tags, summary: 'The printable 申报书 (PDF)', params: ApplicationIdParamsSchema } }, async (req, reply) => {
    const { filename, pdf } = await applicationPdf(deps, requireActor(req), req.params.applicationId);
    return reply.header('content-type', 'application/pdf').header('content-disposition', contentDisposition(filename)).send(pdf);
  });

  r.get('/api/programs/:programId/tracks/:trackId/blank.:format', { schema: { tags, summary: 'A blank form for offline drafting (PDF or Excel)', params: BlankParams } }, async (req, reply) => {
    const { filename, body } = await blankForm(deps, req.actor, req.params.programId, req.params.trackId, req.params.format);
    return reply.header('content-type', req.params.format === 'pdf' ? 'application/pdf' : XLSX).header('content-disposition', contentDisposition(filename)).send(body);
  });

  r.post('/api/programs/:programId/applications/exports', { schema: { tags, summary: 'Export the matching applications as Excel (a sheet per track) in the background: 202 with the job; follow GET /api/jobs/:jobId, then GET /api/jobs/:jobId/download', params: z.strictObject({ programId: z.string().min(1).max(100) }), body: ApplicationExportRequestSchema, response: { 202: JobStartedSchema } } }, async (req, reply) =>
    reply.code(202).send(await startApplicationsExport(deps, requireActor(req), req.params.programId, req.body)));
}
