import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AdminOpenRequestSchema, ApplicationDetailSchema, ApplicationIdParamsSchema } from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { requireActor } from '../../http/session.hooks.ts';
import { contentDisposition } from '../../http/download.ts';
import { sendStoredFile } from '../../http/files.ts';
import { adminOpenApplication, adminOpenFile, adminOpenPdf } from './draft-open.service.ts';

const FileParamsSchema = z.strictObject({ applicationId: z.string().min(1).max(100), fileId: z.string().min(1).max(100) });

/** A platform admin opens any application, a draft included, with a reason that is audited. */
export function draftOpenRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['applications'];
  const base = '/api/applications/:applicationId/admin-open';

  r.post(base, { schema: { tags, summary: 'Platform admin: open an application (a draft too) with a reason, audited', params: ApplicationIdParamsSchema, body: AdminOpenRequestSchema, response: { 200: ApplicationDetailSchema } } }, async (req) =>
    adminOpenApplication(deps, requireActor(req), req.params.applicationId, req.body.reason, req.id));

  r.post(`${base}/files/:fileId`, { schema: { tags, summary: "Platform admin: download an application's attachment with a reason, audited", params: FileParamsSchema, body: AdminOpenRequestSchema } }, async (req, reply) =>
    sendStoredFile(reply, await adminOpenFile(deps, requireActor(req), req.params.applicationId, req.params.fileId, req.body.reason, req.id)));

  r.post(`${base}/pdf`, { schema: { tags, summary: "Platform admin: an application's 申报书 PDF with a reason, audited", params: ApplicationIdParamsSchema, body: AdminOpenRequestSchema } }, async (req, reply) => {
    const { filename, pdf } = await adminOpenPdf(deps, requireActor(req), req.params.applicationId, req.body.reason, req.id);
    return reply.header('content-type', 'application/pdf').header('content-disposition', contentDisposition(filename)).send(pdf);
  });
}
