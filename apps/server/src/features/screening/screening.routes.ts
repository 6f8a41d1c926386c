import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApplicationIdParamsSchema, BulkPassRequestSchema, BulkPassResponseSchema, ChecklistItemStateSchema, ChecklistParamsSchema, ChecklistTickRequestSchema,
  DeadlineExtensionRequestSchema, DeadlineResponseSchema, ProgramDeadlinesSchema, ProgramIdParamsSchema, ReleaseRequestSchema, ReleaseResponseSchema,
  ScreeningDecisionRequestSchema, ScreeningFeedbackSchema, ScreeningQueueQuerySchema, ScreeningQueueSchema, ScreeningViewSchema,
  UnitDeadlineParamsSchema, VersionCompareQuerySchema, VersionCompareSchema, VersionDetailSchema, VersionListSchema, VersionParamsSchema,
} from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { requireActor } from '../../http/session.hooks.ts';
import { extendApplicationDeadline, extendUnitDeadline, programDeadlines } from './deadline.service.ts';
import { bulkPass, releaseReasons, screeningQueue } from './screening-batch.service.ts';
import { decideScreening, getScreeningView, markChecklistItem } from './screening.service.ts';
import { compareApplicationVersions, getApplicationVersion, listApplicationVersions, screeningFeedback } from './version.service.ts';

export function screeningRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['screening'];
  const params = ApplicationIdParamsSchema;

  r.get('/api/programs/:programId/screening/queue', { schema: { tags, summary: "A track's screening queue (screeners of that track)", params: ProgramIdParamsSchema, querystring: ScreeningQueueQuerySchema, response: { 200: ScreeningQueueSchema } } }, async (req) =>
    screeningQueue(deps, requireActor(req), req.params.programId, req.query));

  r.post('/api/programs/:programId/screening/bulk-pass', { schema: { tags, summary: 'Pass the selected applications, each checked on its own (per-id results)', params: ProgramIdParamsSchema, body: BulkPassRequestSchema, response: { 200: BulkPassResponseSchema } } }, async (req) =>
    bulkPass(deps, requireActor(req), req.params.programId, req.body.applicationIds, req.id));

  r.post('/api/programs/:programId/screening/release', { schema: { tags, summary: 'Release the reasons of ineligibility to applicants (organizers)', params: ProgramIdParamsSchema, body: ReleaseRequestSchema, response: { 200: ReleaseResponseSchema } } }, async (req) =>
    releaseReasons(deps, requireActor(req), req.params.programId, req.body, req.id));

  r.get('/api/applications/:applicationId/screening', { schema: { tags, summary: 'The screening view: rule outcomes, checklist, decisions', params, response: { 200: ScreeningViewSchema } } }, async (req) =>
    getScreeningView(deps, requireActor(req), req.params.applicationId));

  r.put('/api/applications/:applicationId/screening/checklist/:itemId', { schema: { tags, summary: 'Mark one checklist item (saved as you go)', params: ChecklistParamsSchema, body: ChecklistTickRequestSchema, response: { 200: z.object({ checklist: z.array(ChecklistItemStateSchema) }) } } }, async (req) =>
    markChecklistItem(deps, requireActor(req), req.params.applicationId, req.params.itemId, req.body));

  r.post('/api/applications/:applicationId/screening/decision', { schema: { tags, summary: 'Pass, fail (with a reason) or return (with comments)', params, body: ScreeningDecisionRequestSchema, response: { 200: ScreeningViewSchema } } }, async (req) =>
    decideScreening(deps, requireActor(req), req.params.applicationId, req.body, req.id));

  r.get('/api/applications/:applicationId/screening/feedback', { schema: { tags, summary: "The applicant's screening results (reasons once released)", params, response: { 200: ScreeningFeedbackSchema } } }, async (req) =>
    screeningFeedback(deps, requireActor(req), req.params.applicationId));

  r.get('/api/applications/:applicationId/versions', { schema: { tags, summary: 'Every submitted version', params, response: { 200: VersionListSchema } } }, async (req) =>
    listApplicationVersions(deps, requireActor(req), req.params.applicationId));

  r.get('/api/applications/:applicationId/versions/compare', { schema: { tags, summary: 'What changed between two submitted versions', params, querystring: VersionCompareQuerySchema, response: { 200: VersionCompareSchema } } }, async (req) =>
    compareApplicationVersions(deps, requireActor(req), req.params.applicationId, req.query.from, req.query.to));

  r.get('/api/applications/:applicationId/versions/:versionNo', { schema: { tags, summary: 'One submitted version with its answers', params: VersionParamsSchema, response: { 200: VersionDetailSchema } } }, async (req) =>
    getApplicationVersion(deps, requireActor(req), req.params.applicationId, req.params.versionNo));

  r.post('/api/applications/:applicationId/deadline', { schema: { tags, summary: "Extend one application's deadline (organizers; audited)", params, body: DeadlineExtensionRequestSchema, response: { 200: DeadlineResponseSchema } } }, async (req) =>
    extendApplicationDeadline(deps, requireActor(req), req.params.applicationId, req.body, req.id));

  r.post('/api/programs/:programId/units/:unitId/deadline', { schema: { tags, summary: "Extend one recommending unit's deadline (organizers; audited)", params: UnitDeadlineParamsSchema, body: DeadlineExtensionRequestSchema, response: { 200: DeadlineResponseSchema } } }, async (req) =>
    extendUnitDeadline(deps, requireActor(req), req.params.programId, req.params.unitId, req.body, req.id));

  r.get('/api/programs/:programId/deadlines', { schema: { tags, summary: 'The call and recommendation deadlines with unit extensions', params: ProgramIdParamsSchema, response: { 200: ProgramDeadlinesSchema } } }, async (req) =>
    programDeadlines(deps, requireActor(req), req.params.programId));
}
