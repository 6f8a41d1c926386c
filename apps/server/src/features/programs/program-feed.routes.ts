import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AddProgramCreatorRequestSchema, ApplicationDetailSchema, ApplicationFeedSchema, ApplicationIdParamsSchema, DeclineFeedRequestSchema, GrantIdParamsSchema, OutgoingFeedsSchema,
  ProgramCreatorListSchema, ProgramIdParamsSchema, SendFeedRequestSchema, SendFeedResponseSchema,
} from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { requireActor } from '../../http/session.hooks.ts';
import { addProgramCreator, listProgramCreators, removeProgramCreator } from '../access/program-creator.service.ts';
import { outgoingFeeds, sendFeed } from './program-feed.service.ts';
import { confirmFeed, declineFeed, getApplicationFeed } from './program-feed-confirm.service.ts';

/** 多级遴选 (a program feeding another) and who may start programs. */
export function programFeedRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['programs'];

  r.get('/api/programs/:programId/feeds', { schema: { tags, summary: 'Feeds out of this program into others, with the chosen applications', params: ProgramIdParamsSchema, response: { 200: OutgoingFeedsSchema } } }, async (req) =>
    outgoingFeeds(deps, requireActor(req), req.params.programId));

  r.post('/api/programs/:programId/feeds/send', { schema: { tags, summary: 'Send chosen applications into a target program along its feed', params: ProgramIdParamsSchema, body: SendFeedRequestSchema, response: { 200: SendFeedResponseSchema } } }, async (req) =>
    sendFeed(deps, requireActor(req), req.params.programId, req.body, req.id));

  r.get('/api/applications/:applicationId/feed', { schema: { tags: ['applications'], summary: 'Where a fed application came from, and its applicant’s answer', params: ApplicationIdParamsSchema, response: { 200: ApplicationFeedSchema } } }, async (req) =>
    getApplicationFeed(deps, requireActor(req), req.params.applicationId));

  r.post('/api/applications/:applicationId/feed/confirm', { schema: { tags: ['applications'], summary: 'Confirm a fed application: submitted and endorsed by the unit', params: ApplicationIdParamsSchema, response: { 200: ApplicationDetailSchema } } }, async (req) =>
    confirmFeed(deps, requireActor(req), req.params.applicationId, req.id));

  r.post('/api/applications/:applicationId/feed/decline', { schema: { tags: ['applications'], summary: 'Decline a fed application (withdrawn)', params: ApplicationIdParamsSchema, body: DeclineFeedRequestSchema, response: { 200: ApplicationDetailSchema } } }, async (req) =>
    declineFeed(deps, requireActor(req), req.params.applicationId, req.body.reason, req.id));

  r.get('/api/admin/program-creators', { schema: { tags: ['admin'], summary: 'Who may start programs (platform-wide grant)', response: { 200: ProgramCreatorListSchema } } }, async (req) =>
    listProgramCreators(deps, requireActor(req)));

  r.post('/api/admin/program-creators', { schema: { tags: ['admin'], summary: 'Let an account start programs', body: AddProgramCreatorRequestSchema, response: { 200: ProgramCreatorListSchema } } }, async (req) =>
    addProgramCreator(deps, requireActor(req), req.body.email, req.id));

  r.delete('/api/admin/program-creators/:grantId', { schema: { tags: ['admin'], summary: 'Take the grant back (programs started stay theirs)', params: GrantIdParamsSchema, response: { 200: ProgramCreatorListSchema } } }, async (req) =>
    removeProgramCreator(deps, requireActor(req), req.params.grantId, req.id));
}
