import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MilestoneComparisonSchema, MilestoneReportSchema, MilestoneScoreRequestSchema, MyMilestonesSchema, SetMilestonesRequestSchema } from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { sendStoredFile, singleFile } from '../../http/files.ts';
import { milestoneComparison, myMilestones } from './milestone-view.ts';
import { milestoneReportFile, milestonesFromPlans, scoreMilestone, setMilestones, uploadMilestoneReport } from './milestone.service.ts';

const Id = z.string().min(1).max(100);
const ProgramParams = z.object({ programId: Id });
const MilestoneParams = ProgramParams.extend({ milestoneId: Id });

/** 赛马: funded solvers' milestones, reports and scores, and the comparison per need/track. */
export function milestoneRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['needs'];
  const base = '/api/programs/:programId/milestones';

  r.get(`${base}/comparison`, { schema: { tags, summary: 'Each funded solver’s milestones, on-time status, scores and average, per track (organizer, the track’s experts, the need’s poster)', params: ProgramParams, querystring: z.object({ track: Id.optional() }), response: { 200: MilestoneComparisonSchema } } }, async (req) =>
    milestoneComparison(deps, req.actor, req.params.programId, req.query.track));
  r.get(`${base}/mine`, { schema: { tags, summary: 'My funded applications’ milestones, reports and scores', params: ProgramParams, response: { 200: MyMilestonesSchema } } }, async (req) =>
    myMilestones(deps, req.actor, req.params.programId));
  r.post(`${base}/from-plans`, { schema: { tags, summary: 'Copy each funded solver’s 实施计划 milestones (those without milestones yet)', params: ProgramParams, response: { 200: MilestoneComparisonSchema } } }, async (req) =>
    milestonesFromPlans(deps, req.actor, req.params.programId, req.id));
  r.put(`${base}/applications/:applicationId`, { schema: { tags, summary: 'Set a funded solver’s milestones (organizer)', params: ProgramParams.extend({ applicationId: Id }), body: SetMilestonesRequestSchema, response: { 200: MilestoneComparisonSchema } } }, async (req) =>
    setMilestones(deps, req.actor, req.params.programId, req.params.applicationId, req.body.milestones, req.id));
  r.post(`${base}/:milestoneId/reports`, { schema: { tags, summary: 'Upload a milestone report (the solver; multipart, part "file"; checked by content)', params: MilestoneParams, consumes: ['multipart/form-data'], response: { 200: MilestoneReportSchema } } }, async (req) =>
    uploadMilestoneReport(deps, req.actor, req.params.programId, req.params.milestoneId, await singleFile(req), req.id));
  r.get(`${base}/:milestoneId/reports/:reportId`, { schema: { tags, summary: 'A milestone report’s file', params: MilestoneParams.extend({ reportId: Id }) } }, async (req, reply) =>
    sendStoredFile(reply, await milestoneReportFile(deps, req.actor, req.params.programId, req.params.milestoneId, req.params.reportId)));
  r.put(`${base}/:milestoneId/score`, { schema: { tags, summary: 'Score a reported milestone 0–100 with a comment (organizer or the track’s experts)', params: MilestoneParams, body: MilestoneScoreRequestSchema, response: { 200: MilestoneComparisonSchema } } }, async (req) =>
    scoreMilestone(deps, req.actor, req.params.programId, req.params.milestoneId, req.body, req.id));
}
