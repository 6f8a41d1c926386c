import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CounterpartMatchesSchema, InterestPairListSchema, InterestPairSchema, InterestRequestSchema, MatchEntryParamsSchema, MatchNeedParamsSchema, MatchProfileInputSchema,
  MatchProfileListQuerySchema, MatchProfileListSchema, MatchProfileParamsSchema, MatchProfileReviewRequestSchema, MatchProfileViewSchema, MyMatchSubjectsSchema, TechnologyMatchesSchema,
} from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { requireActor } from '../../http/session.hooks.ts';
import { applyForProfile, getProfile, myProfiles, reviewProfile, reviewQueue, withdrawProfile } from './profile.service.ts';
import { entryMatches, mySubjects, needMatches, profileMatches } from './match.service.ts';
import { expressInterest, listInterests, withdrawInterest } from './interest.service.ts';

/** 供需匹配: profiles and their review, matched lists both ways, interest and introductions. */
export function matchRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['match'];
  const profile = { 200: MatchProfileViewSchema };

  r.get('/api/match/mine', { schema: { tags, summary: 'What I can see matches for: my profiles, technologies and needs', response: { 200: MyMatchSubjectsSchema } } }, async (req) =>
    mySubjects(deps, requireActor(req)));

  r.post('/api/match/profiles', { schema: { tags, summary: 'Apply for an investor’s, bank’s or buyer’s profile (or edit mine: it is reviewed again)', body: MatchProfileInputSchema, response: profile } }, async (req) =>
    applyForProfile(deps, requireActor(req), req.body, req.id));
  r.get('/api/match/profiles/mine', { schema: { tags, summary: 'My profiles, each with its status', response: { 200: MatchProfileListSchema } } }, async (req) =>
    myProfiles(deps, requireActor(req)));
  r.get('/api/match/profiles', { schema: { tags, summary: 'Profiles for the catalog organizer to review (catalog.manage)', querystring: MatchProfileListQuerySchema, response: { 200: MatchProfileListSchema } } }, async (req) =>
    reviewQueue(deps, requireActor(req), req.query));
  r.get('/api/match/profiles/:profileId', { schema: { tags, summary: 'One profile: its holder and the catalog organizer only', params: MatchProfileParamsSchema, response: profile } }, async (req) =>
    getProfile(deps, requireActor(req), req.params.profileId));
  r.post('/api/match/profiles/:profileId/review', { schema: { tags, summary: 'Approve (grants the platform role of its kind) or reject with a note', params: MatchProfileParamsSchema, body: MatchProfileReviewRequestSchema, response: profile } }, async (req) =>
    reviewProfile(deps, requireActor(req), req.params.profileId, req.body, req.id));
  r.post('/api/match/profiles/:profileId/withdraw', { schema: { tags, summary: 'Withdraw my profile: it is no longer matched', params: MatchProfileParamsSchema, body: z.strictObject({}).optional(), response: profile } }, async (req) =>
    withdrawProfile(deps, requireActor(req), req.params.profileId, req.id));

  r.get('/api/match/entries/:entryId/matches', { schema: { tags, summary: 'The profiles and needs that fit a published technology, with why (its owner, the catalog organizer)', params: MatchEntryParamsSchema, response: { 200: TechnologyMatchesSchema } } }, async (req) =>
    entryMatches(deps, requireActor(req), req.params.entryId));
  r.get('/api/match/profiles/:profileId/matches', { schema: { tags, summary: 'The published technologies that fit a profile, with why (its holder, the catalog organizer)', params: MatchProfileParamsSchema, response: { 200: CounterpartMatchesSchema } } }, async (req) =>
    profileMatches(deps, requireActor(req), req.params.profileId));
  r.get('/api/match/needs/:needId/matches', { schema: { tags, summary: 'The published technologies that fit a need, with why (its poster, the catalog organizer)', params: MatchNeedParamsSchema, response: { 200: CounterpartMatchesSchema } } }, async (req) =>
    needMatches(deps, requireActor(req), req.params.needId));

  r.get('/api/match/interests', { schema: { tags, summary: 'My interests sent and received, with the other side’s contact once mutual; all=1: every pair (catalog organizer, no contacts)', querystring: z.strictObject({ all: z.enum(['1']).optional() }), response: { 200: InterestPairListSchema } } }, async (req) =>
    listInterests(deps, requireActor(req), req.query));
  r.post('/api/match/interests', { schema: { tags, summary: 'Express interest in a match (as the technology’s owner or the profile’s holder / need’s poster)', body: InterestRequestSchema, response: { 200: InterestPairSchema } } }, async (req) =>
    expressInterest(deps, requireActor(req), req.body, req.id));
  r.post('/api/match/interests/withdraw', { schema: { tags, summary: 'Withdraw my interest: an introduction ends and the contacts are hidden again', body: InterestRequestSchema, response: { 200: InterestPairSchema } } }, async (req) =>
    withdrawInterest(deps, requireActor(req), req.body, req.id));
}
