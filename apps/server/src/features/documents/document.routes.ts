import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApplicationIdParamsSchema, ApplicationQuerySchema } from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { requireActor } from '../../http/session.hooks.ts';
import { contentDisposition } from '../../http/download.ts';
import { applicationPdf, blankForm, exportApplicationsXlsx } from './document.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BlankParams = z.strictObject({ programId: z.string().min(1).max(100), trackId: z.string().min(1).max(100), format: z.enum(['pdf', 'xlsx']) });
const ExportQuery = ApplicationQuerySchema.omit({ page: true, pageSize: true });

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

  r.get('/api/programs/:programId/applications/export.xlsx', { schema: { tags, summary: 'All matching applications as Excel, a sheet per track (streamed)', params: z.strictObject({ programId: z.string().min(1).max(100) }), querystring: ExportQuery } }, async (req, reply) => {
    const { filename, stream } = await exportApplicationsXlsx(deps, requireActor(req), req.params.programId, req.query);
    return reply.header('content-type', XLSX).header('content-disposition', contentDisposition(filename)).send(stream);
  });
}
