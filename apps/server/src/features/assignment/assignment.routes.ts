import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AssignmentIdParamsSchema, AssignmentViewSchema, DeclareAssignmentConflictRequestSchema, DeclareAssignmentConflictResultSchema, DeletePairRuleRequestSchema,
  EditAssignmentRequestSchema, MyAssignmentListSchema, PairExplanationSchema, PairParamsSchema, PairRuleRequestSchema, ProgramIdParamsSchema,
  PublishAssignmentResultSchema, RoundQuerySchema, SolveAssignmentRequestSchema, JobStartedSchema,
} from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { requireActor } from '../../http/session.hooks.ts';
import { editAssignment, explainPair, getAssignment, publishAssignment, removePairRule, setPairRule } from './assignment.service.ts';
import { startAssignmentSolve } from './assignment-solve.job.ts';
import { declareAssignmentConflict, listMyAssignments } from './expert-assignment.service.ts';

/** 评审分配: the organizer solves, edits and publishes; the expert sees and declares 回避. */
export function assignmentRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['review assignment'];
  const base = '/api/programs/:programId/assignment';

  r.get(base, { schema: { tags, summary: 'The assignment with its quality report, the last solve and the pair rules', params: ProgramIdParamsSchema, querystring: RoundQuerySchema, response: { 200: AssignmentViewSchema } } }, async (req) =>
    getAssignment(deps, requireActor(req), req.params.programId, req.query.round));

  r.post(`${base}/solve`, { schema: { tags, summary: 'Solve exactly (certified optimum) and replace the drafts, in the background: 202 with the job (one per program and round); its result is { feasible, view | message, shortfalls }', params: ProgramIdParamsSchema, querystring: RoundQuerySchema, body: SolveAssignmentRequestSchema, response: { 202: JobStartedSchema } } }, async (req, reply) =>
    reply.code(202).send(await startAssignmentSolve(deps, requireActor(req), req.params.programId, req.query.round, req.body, req.id)));

  r.post(`${base}/edit`, { schema: { tags, summary: 'Add, remove or swap a reviewer by hand (回避 and capacity enforced)', params: ProgramIdParamsSchema, querystring: RoundQuerySchema, body: EditAssignmentRequestSchema, response: { 200: AssignmentViewSchema } } }, async (req) =>
    editAssignment(deps, requireActor(req), req.params.programId, req.query.round, req.body, req.id));

  r.post(`${base}/rules`, { schema: { tags, summary: 'Pin, ban, or override a computed 回避 (with a reason) for one pair', params: ProgramIdParamsSchema, querystring: RoundQuerySchema, body: PairRuleRequestSchema, response: { 200: AssignmentViewSchema } } }, async (req) =>
    setPairRule(deps, requireActor(req), req.params.programId, req.query.round, req.body, req.id));

  r.post(`${base}/rules/delete`, { schema: { tags, summary: 'Remove a pair rule', params: ProgramIdParamsSchema, querystring: RoundQuerySchema, body: DeletePairRuleRequestSchema, response: { 200: AssignmentViewSchema } } }, async (req) =>
    removePairRule(deps, requireActor(req), req.params.programId, req.query.round, req.body, req.id));

  r.get(`${base}/pairs/:applicationId/:expertId`, { schema: { tags, summary: 'Why a pair has its affinity (shared terms, field match) and what blocks it', params: PairParamsSchema, querystring: RoundQuerySchema, response: { 200: PairExplanationSchema } } }, async (req) =>
    explainPair(deps, requireActor(req), req.params.programId, req.query.round, req.params.applicationId, req.params.expertId));

  r.post(`${base}/publish`, { schema: { tags, summary: 'Publish the drafts to the experts (email and in-app notice)', params: ProgramIdParamsSchema, querystring: RoundQuerySchema, response: { 200: PublishAssignmentResultSchema } } }, async (req) =>
    publishAssignment(deps, requireActor(req), req.params.programId, req.query.round, req.id));

  r.get('/api/review-assignments/mine', { schema: { tags, summary: 'My assignments (number and applicant only, until I confirm no conflict)', response: { 200: MyAssignmentListSchema } } }, async (req) =>
    listMyAssignments(deps, requireActor(req)));

  r.post('/api/review-assignments/:assignmentId/conflict', { schema: { tags, summary: 'Declare a conflict with an assigned application: the slot is refilled', params: AssignmentIdParamsSchema, body: DeclareAssignmentConflictRequestSchema, response: { 200: DeclareAssignmentConflictResultSchema } } }, async (req) =>
    declareAssignmentConflict(deps, requireActor(req), req.params.assignmentId, req.body.reason, req.id));
}
