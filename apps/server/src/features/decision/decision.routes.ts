import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AddAwardWinnerRequestSchema, AwardParamsSchema, AwardWinnerParamsSchema, DecisionAppParamsSchema, DecisionProgramParamsSchema, DecisionTrackParamsSchema,
  DecisionViewQuerySchema, DecisionViewSchema, OutcomeMoveResultSchema, ProposeTiersRequestSchema, ReasonRequestSchema, SetDecisionRequestSchema,
} from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { requireActor } from '../../http/session.hooks.ts';
import { decisionView, proposeDecisions, setDecision } from './decision.service.ts';
import { finalizeOutcome, reopenOutcome, submitToCommittee } from './outcome.service.ts';
import { addAwardWinner, computeAward, removeAwardWinner } from './program-award.service.ts';

/** 获奖决定: the organizer turns the last round's ranking into tiers, program awards, and sends the list on. */
export function decisionRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['decisions'];
  const base = '/api/programs/:programId/decisions';
  const view = { 200: DecisionViewSchema };
  const moved = { 200: OutcomeMoveResultSchema };

  r.get(base, { schema: { tags, summary: 'Decisions per track: the last round’s ranking explained, proposed and decided tiers, awards, committee verdicts', params: DecisionProgramParamsSchema, querystring: DecisionViewQuerySchema, response: view } }, async (req) =>
    decisionView(deps, requireActor(req), req.params.programId, req.query.track));

  r.post(`${base}/tracks/:trackId/propose`, { schema: { tags, summary: 'Propose the track’s tiers from the ranking (counts per tier override the definition’s)', params: DecisionTrackParamsSchema, body: ProposeTiersRequestSchema, response: view } }, async (req) =>
    proposeDecisions(deps, requireActor(req), req.params.programId, req.params.trackId, req.body, req.id));

  r.put(`${base}/applications/:applicationId`, { schema: { tags, summary: 'Decide one application’s tier (a reason when it differs from the proposal)', params: DecisionAppParamsSchema, body: SetDecisionRequestSchema, response: view } }, async (req) =>
    setDecision(deps, requireActor(req), req.params.programId, req.params.applicationId, req.body, req.id));

  r.post(`${base}/submit`, { schema: { tags, summary: 'Send the list to the committee (a new submission)', params: DecisionProgramParamsSchema, response: moved } }, async (req) =>
    submitToCommittee(deps, requireActor(req), req.params.programId, req.id));

  r.post(`${base}/finalize`, { schema: { tags, summary: 'Approve the list where no committee is required', params: DecisionProgramParamsSchema, response: moved } }, async (req) =>
    finalizeOutcome(deps, requireActor(req), req.params.programId, req.id));

  r.post(`${base}/reopen`, { schema: { tags, summary: 'Take the list back to deciding, with a reason', params: DecisionProgramParamsSchema, body: ReasonRequestSchema, response: moved } }, async (req) =>
    reopenOutcome(deps, requireActor(req), req.params.programId, req.body, req.id));

  r.post(`${base}/awards/:awardId/compute`, { schema: { tags, summary: 'Compute a program award’s winners by its rule', params: AwardParamsSchema, response: view } }, async (req) =>
    computeAward(deps, requireActor(req), req.params.programId, req.params.awardId, req.id));

  r.post(`${base}/awards/:awardId/winners`, { schema: { tags, summary: 'Give a program award to a unit by hand, with a reason', params: AwardParamsSchema, body: AddAwardWinnerRequestSchema, response: view } }, async (req) =>
    addAwardWinner(deps, requireActor(req), req.params.programId, req.params.awardId, req.body, req.id));

  r.post(`${base}/awards/:awardId/winners/:unitId/remove`, { schema: { tags, summary: 'Take a program award from a unit, with a reason', params: AwardWinnerParamsSchema, body: ReasonRequestSchema, response: view } }, async (req) =>
    removeAwardWinner(deps, requireActor(req), req.params.programId, req.params.awardId, req.params.unitId, req.body, req.id));
}
