import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApplicationDetailSchema, ApplicationIdParamsSchema, ApplicationListSchema, CreateApplicationRequestSchema,
  SaveDraftRequestSchema, SaveDraftResponseSchema, SubmitApplicationRequestSchema, UploadResponseSchema, WithdrawApplicationRequestSchema,
} from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { requireActor } from '../../http/session.hooks.ts';
import { sendStoredFile, singleFile } from '../../http/files.ts';
import { readApplicationFile, uploadApplicationFile } from '../files/file.service.ts';
import { createApplication, getApplication, listMyApplications, saveDraft, submitApplication, withdrawApplication } from './application.service.ts';

const UploadQuerySchema = z.strictObject({ field: z.string().min(3).max(300) });
const FileParamsSchema = z.strictObject({ applicationId: z.string().min(1).max(100), fileId: z.string().min(1).max(100) });

export function applicationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['applications'];
  const params = ApplicationIdParamsSchema;

  r.get('/api/applications/mine', { schema: { tags, summary: 'My applications', response: { 200: ApplicationListSchema } } }, async (req) =>
    listMyApplications(deps, requireActor(req)));

  r.post('/api/applications', { schema: { tags, summary: 'Start a draft on an open track', body: CreateApplicationRequestSchema, response: { 200: ApplicationDetailSchema } } }, async (req) =>
    createApplication(deps, requireActor(req), req.body, req.id));

  r.get('/api/applications/:applicationId', { schema: { tags, summary: 'An application with its form version and timeline', params, response: { 200: ApplicationDetailSchema } } }, async (req) =>
    getApplication(deps, requireActor(req), req.params.applicationId));

  r.put('/api/applications/:applicationId/draft', { schema: { tags, summary: 'Autosave the draft (409 STALE_REVISION if saved elsewhere meanwhile)', params, body: SaveDraftRequestSchema, response: { 200: SaveDraftResponseSchema } } }, async (req) =>
    saveDraft(deps, requireActor(req), req.params.applicationId, req.body));

  r.post('/api/applications/:applicationId/submit', { schema: { tags, summary: 'Submit before the deadline', params, body: SubmitApplicationRequestSchema, response: { 200: ApplicationDetailSchema } } }, async (req) =>
    submitApplication(deps, requireActor(req), req.params.applicationId, req.body.baseRevision, req.id));

  r.post('/api/applications/:applicationId/withdraw', { schema: { tags, summary: 'Withdraw before a decision', params, body: WithdrawApplicationRequestSchema, response: { 200: ApplicationDetailSchema } } }, async (req) =>
    withdrawApplication(deps, requireActor(req), req.params.applicationId, req.body.reason, req.id));

  r.post('/api/applications/:applicationId/files', { schema: { tags, summary: 'Upload an attachment (multipart, part "file") for a file field', params, querystring: UploadQuerySchema, consumes: ['multipart/form-data'], response: { 200: UploadResponseSchema } } }, async (req) => {
    const actor = requireActor(req);
    return uploadApplicationFile(deps, actor, req.params.applicationId, req.query.field, await singleFile(req));
  });

  r.get('/api/applications/:applicationId/files/:fileId', { schema: { tags, summary: 'Download an attachment', params: FileParamsSchema } }, async (req, reply) => {
    return sendStoredFile(reply, await readApplicationFile(deps, requireActor(req), req.params.applicationId, req.params.fileId));
  });
}
