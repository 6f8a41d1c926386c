import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateJiebangProgramRequestSchema, CreateNeedRequestSchema, JiebangProgramCreatedSchema, NeedListSchema, NeedParamsSchema, NeedViewSchema, PublicNeedListSchema,
  PublicNeedQuerySchema, PublicNeedSchema, ReviewNeedRequestSchema, ReviewQueueQuerySchema, UpdateNeedRequestSchema,
} from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { createJiebangProgram } from './jiebang.service.ts';
import { reviewNeed, reviewQueue } from './need-review.service.ts';
import { closeNeed, createNeed, getNeed, myNeeds, publicNeed, publicNeeds, submitNeed, updateNeed } from './need.service.ts';

/** 技术需求: the poster's drafts and submissions, the catalog organizer's review, the public list, and 揭榜挂帅 programs made from needs. */
export function needsRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['needs'];
  const one = '/api/needs/:needId';

  r.get('/api/needs/public', { schema: { tags, summary: 'Published and closed needs, without contacts; filters by field, region, funded, open/closed, text', querystring: PublicNeedQuerySchema, response: { 200: PublicNeedListSchema } } }, async (req) =>
    publicNeeds(deps, req.query));
  r.get('/api/needs/public/:needId', { schema: { tags, summary: 'A published or closed need (no contact)', params: NeedParamsSchema, response: { 200: PublicNeedSchema } } }, async (req) =>
    publicNeed(deps, req.params.needId));

  r.get('/api/needs/mine', { schema: { tags, summary: 'The needs I posted', response: { 200: NeedListSchema } } }, async (req) => myNeeds(deps, req.actor));
  r.post('/api/needs', { schema: { tags, summary: 'Draft a need for one of my organizations', body: CreateNeedRequestSchema, response: { 200: NeedViewSchema } } }, async (req) =>
    createNeed(deps, req.actor, req.body, req.id));
  r.get(one, { schema: { tags, summary: 'A need with its contact (its poster or the catalog organizer)', params: NeedParamsSchema, response: { 200: NeedViewSchema } } }, async (req) =>
    getNeed(deps, req.actor, req.params.needId));
  r.put(one, { schema: { tags, summary: 'Edit a draft or rejected need (its poster)', params: NeedParamsSchema, body: UpdateNeedRequestSchema, response: { 200: NeedViewSchema } } }, async (req) =>
    updateNeed(deps, req.actor, req.params.needId, req.body.fields, req.id));
  r.post(`${one}/submit`, { schema: { tags, summary: 'Submit for review (its poster)', params: NeedParamsSchema, response: { 200: NeedViewSchema } } }, async (req) =>
    submitNeed(deps, req.actor, req.params.needId, req.id));
  r.post(`${one}/close`, { schema: { tags, summary: 'Close a published need (its poster)', params: NeedParamsSchema, response: { 200: NeedViewSchema } } }, async (req) =>
    closeNeed(deps, req.actor, req.params.needId, req.id));

  // The catalog organizer (catalog.manage).
  r.get('/api/needs/review-queue', { schema: { tags, summary: 'Needs awaiting review, or the published ones (to make a 揭榜挂帅 program)', querystring: ReviewQueueQuerySchema, response: { 200: NeedListSchema } } }, async (req) =>
    reviewQueue(deps, req.actor, req.query.status));
  r.post(`${one}/review`, { schema: { tags, summary: 'Publish or reject (with a note) a submitted need; the poster is told', params: NeedParamsSchema, body: ReviewNeedRequestSchema, response: { 200: NeedViewSchema } } }, async (req) =>
    reviewNeed(deps, req.actor, req.params.needId, req.body, req.id));
  r.post('/api/needs/jiebang-programs', { schema: { tags, summary: 'Create a 揭榜挂帅 program (draft) with one track per chosen published need', body: CreateJiebangProgramRequestSchema, response: { 200: JiebangProgramCreatedSchema } } }, async (req) =>
    createJiebangProgram(deps, req.actor, req.body, req.id));
}
