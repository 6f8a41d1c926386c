import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CommitteeActionResultSchema, CommitteeApproveRequestSchema, CommitteeChangesRequestSchema, CommitteeCommentRequestSchema, CommitteeListSchema, CommitteeProgramParamsSchema, CommitteeProgramsSchema,
} from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { requireActor } from '../../http/session.hooks.ts';
import { approveList, commentOnList, committeeList, myCommitteePrograms, proposeChanges } from './committee.service.ts';

/** 委员会审定: the committee member's programs, the list with its explanation, comments, approval and proposed changes. */
export function committeeRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['committee'];
  const one = '/api/committee/programs/:programId';
  const done = { 200: CommitteeActionResultSchema };

  r.get('/api/committee/programs', { schema: { tags, summary: 'The programs whose list I review as a committee member, those awaiting me first', response: { 200: CommitteeProgramsSchema } } }, async (req) =>
    myCommitteePrograms(deps, requireActor(req)));

  r.get(one, { schema: { tags, summary: 'The submitted list with the ranking’s explanation, the organizer’s reasons and the committee’s verdicts', params: CommitteeProgramParamsSchema, response: { 200: CommitteeListSchema } } }, async (req) =>
    committeeList(deps, requireActor(req), req.params.programId));

  r.post(`${one}/comments`, { schema: { tags, summary: 'Comment on the list or one application', params: CommitteeProgramParamsSchema, body: CommitteeCommentRequestSchema, response: done } }, async (req) =>
    commentOnList(deps, requireActor(req), req.params.programId, req.body, req.id));

  r.post(`${one}/approve`, { schema: { tags, summary: 'Approve this submission of the list (once per member); enough approvals approve the outcome', params: CommitteeProgramParamsSchema, body: CommitteeApproveRequestSchema, response: done } }, async (req) =>
    approveList(deps, requireActor(req), req.params.programId, req.body, req.id));

  r.post(`${one}/changes`, { schema: { tags, summary: 'Propose changes (per application: a tier and a reason): the list goes back to the organizer', params: CommitteeProgramParamsSchema, body: CommitteeChangesRequestSchema, response: done } }, async (req) =>
    proposeChanges(deps, requireActor(req), req.params.programId, req.body, req.id));
}
