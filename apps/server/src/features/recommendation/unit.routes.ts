import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApplicationIdParamsSchema, CandidateDetailSchema, CandidateFileParamsSchema, CandidateListSchema, DeclineRequestSchema, EndorseRequestSchema,
  InviteLinkSchema, MyUnitListSchema, MyUnitSchema, QuotaMeterSchema, UnitIdParamsSchema, UploadResponseSchema,
} from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { requireActor } from '../../http/session.hooks.ts';
import { declineCandidate, endorseCandidate, getCandidate, listCandidates } from './nomination.service.ts';
import { sendStoredFile, singleFile } from '../../http/files.ts';
import { readCandidateFile, uploadStampedPage } from './stamped-page.service.ts';
import { createInviteLink, getMyUnit, listMyUnits, unitQuotaMeter } from './unit.service.ts';

/** The recommending unit's side: its units, candidates, quota meter, endorse / decline. */
export function unitRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['recommendation'];
  const unitParams = UnitIdParamsSchema;
  const params = ApplicationIdParamsSchema;

  r.get('/api/recommendation/units/mine', { schema: { tags, summary: 'Units I act for, each with its quota meter', response: { 200: MyUnitListSchema } } }, async (req) =>
    listMyUnits(deps, requireActor(req)));

  r.get('/api/recommendation/units/:unitId', { schema: { tags, summary: 'My unit', params: unitParams, response: { 200: MyUnitSchema } } }, async (req) =>
    getMyUnit(deps, requireActor(req), req.params.unitId));

  r.get('/api/recommendation/units/:unitId/quota', { schema: { tags, summary: 'Quota meter: used and left per track', params: unitParams, response: { 200: z.object({ quotas: z.array(QuotaMeterSchema) }) } } }, async (req) =>
    unitQuotaMeter(deps, requireActor(req), req.params.unitId));

  r.get('/api/recommendation/units/:unitId/candidates', { schema: { tags, summary: "My unit's candidates (submitted applications naming it)", params: unitParams, response: { 200: CandidateListSchema } } }, async (req) =>
    listCandidates(deps, requireActor(req), req.params.unitId));

  r.post('/api/recommendation/units/:unitId/invite-link', { schema: { tags, summary: 'A new link for applicants to name this unit (the previous one stops working)', params: unitParams, body: z.strictObject({}).optional(), response: { 200: InviteLinkSchema } } }, async (req) =>
    createInviteLink(deps, requireActor(req), req.params.unitId, req.id));

  r.get('/api/recommendation/candidates/:applicationId', { schema: { tags, summary: 'A candidate: the application, the decision, the quota on its track', params, response: { 200: CandidateDetailSchema } } }, async (req) =>
    getCandidate(deps, requireActor(req), req.params.applicationId));

  r.post('/api/recommendation/candidates/:applicationId/stamped-page', { schema: { tags, summary: 'Upload the stamped 推荐意见 page (multipart, part "file": pdf/jpg/png, ≤10 MB)', params, consumes: ['multipart/form-data'], response: { 200: UploadResponseSchema } } }, async (req) => {
    const actor = requireActor(req);
    return uploadStampedPage(deps, actor, req.params.applicationId, await singleFile(req));
  });

  r.post('/api/recommendation/candidates/:applicationId/endorse', { schema: { tags, summary: 'Endorse within the quota (409 QUOTA_EXHAUSTED when used up)', params, body: EndorseRequestSchema, response: { 200: CandidateDetailSchema } } }, async (req) =>
    endorseCandidate(deps, requireActor(req), req.params.applicationId, req.body, req.id));

  r.post('/api/recommendation/candidates/:applicationId/decline', { schema: { tags, summary: 'Decline, with a reason', params, body: DeclineRequestSchema, response: { 200: CandidateDetailSchema } } }, async (req) =>
    declineCandidate(deps, requireActor(req), req.params.applicationId, req.body.reason, req.id));

  r.get('/api/recommendation/candidates/:applicationId/files/:fileId', { schema: { tags, summary: "Download a candidate's attachment or the stamped page", params: CandidateFileParamsSchema } }, async (req, reply) => {
    return sendStoredFile(reply, await readCandidateFile(deps, requireActor(req), req.params.applicationId, req.params.fileId));
  });
}
