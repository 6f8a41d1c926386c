import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApplicationInRoundParamsSchema, FileRefSchema, MyReviewScheduleSchema, PanelMembersRequestSchema, PanelMembersResultSchema, RoundScheduleSchema, SlotInputSchema, VisitInputSchema,
  AdvancePreviewSchema, AdvanceRequestSchema, AdvanceResultSchema, AssignmentFileParamsSchema, AssignmentIdParamsSchema, RankingQuerySchema, RemindRequestSchema, RemindResultSchema,
  ReviewReadingSchema, RoundParamsSchema, RoundProgressSchema, RoundRankingSchema, SaveSheetRequestSchema, SheetViewSchema, SubmitSheetRequestSchema, UnlockParamsSchema, UnlockSheetRequestSchema,
} from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { contentDisposition } from '../../http/download.ts';
import { requireActor } from '../../http/session.hooks.ts';
import { confirmNoConflict } from '../assignment/expert-assignment.service.ts';
import { advancePreview, advanceRound } from './advance.service.ts';
import { remindExperts, roundProgress } from './progress.service.ts';
import { roundRanking } from './ranking.service.ts';
import { assignedPdf, readAssigned, readAssignedFile } from './reading.service.ts';
import { getSheet, saveSheet, submitSheet, unlockSheet } from './sheet.service.ts';
import { addPanelMembers, myReviewSchedule, roundSchedule, setSlot, setVisit, uploadVisitReport } from './schedule.service.ts';
import { singleFile } from '../../http/files.ts';

/** 评审: the expert reads and scores; the organizer watches progress, reminds, ranks, unlocks and advances. */
export function reviewRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['review'];
  const mine = '/api/review-assignments/:assignmentId';
  const round = '/api/programs/:programId/review/rounds/:roundId';

  r.post(`${mine}/confirm`, { schema: { tags, summary: 'I have no conflict with this application: show it to me', params: AssignmentIdParamsSchema, response: { 200: z.object({ confirmed: z.literal(true) }) } } }, async (req) =>
    confirmNoConflict(deps, requireActor(req), req.params.assignmentId, req.id));

  r.get(`${mine}/application`, { schema: { tags, summary: 'The application as its reviewer reads it (blind rounds: nothing identifying)', params: AssignmentIdParamsSchema, response: { 200: ReviewReadingSchema } } }, async (req) =>
    readAssigned(deps, requireActor(req), req.params.assignmentId));

  r.get(`${mine}/files/:fileId`, { schema: { tags, summary: 'An attachment of the application (blind: renamed, PDF metadata removed)', params: AssignmentFileParamsSchema } }, async (req, reply) => {
    const f = await readAssignedFile(deps, requireActor(req), req.params.assignmentId, req.params.fileId);
    return reply.header('content-type', f.mime).header('content-disposition', contentDisposition(f.name)).send(f.body);
  });

  r.get(`${mine}/pdf`, { schema: { tags, summary: 'The 申报书 as rendered for reviewers (PDF)', params: AssignmentIdParamsSchema } }, async (req, reply) => {
    const { filename, pdf } = await assignedPdf(deps, requireActor(req), req.params.assignmentId);
    return reply.header('content-type', 'application/pdf').header('content-disposition', contentDisposition(filename)).send(pdf);
  });

  r.get(`${mine}/sheet`, { schema: { tags, summary: 'My score sheet with its rubric, total and what is missing', params: AssignmentIdParamsSchema, response: { 200: SheetViewSchema } } }, async (req) =>
    getSheet(deps, requireActor(req), req.params.assignmentId));

  r.put(`${mine}/sheet`, { schema: { tags, summary: 'Autosave the draft sheet (revision checked)', params: AssignmentIdParamsSchema, body: SaveSheetRequestSchema, response: { 200: SheetViewSchema } } }, async (req) =>
    saveSheet(deps, requireActor(req), req.params.assignmentId, req.body));

  r.post(`${mine}/sheet/submit`, { schema: { tags, summary: 'Submit the sheet: complete and valid, then locked', params: AssignmentIdParamsSchema, body: SubmitSheetRequestSchema, response: { 200: SheetViewSchema } } }, async (req) =>
    submitSheet(deps, requireActor(req), req.params.assignmentId, req.body.baseRevision, req.id));

  r.post('/api/programs/:programId/review/sheets/:assignmentId/unlock', { schema: { tags, summary: 'Unlock a submitted sheet, with a reason the expert is shown', params: UnlockParamsSchema, body: UnlockSheetRequestSchema, response: { 200: z.object({ unlocked: z.literal(true) }) } } }, async (req) =>
    unlockSheet(deps, requireActor(req), req.params.programId, req.params.assignmentId, req.body.reason, req.id));

  r.get(`${round}/progress`, { schema: { tags, summary: 'Assigned / started / submitted per track and expert, who is late, reminders', params: RoundParamsSchema, response: { 200: RoundProgressSchema } } }, async (req) =>
    roundProgress(deps, requireActor(req), req.params.programId, req.params.roundId));

  r.post(`${round}/reminders`, { schema: { tags, summary: 'Remind the experts with sheets outstanding, now or at a time', params: RoundParamsSchema, body: RemindRequestSchema, response: { 200: RemindResultSchema } } }, async (req) =>
    remindExperts(deps, requireActor(req), req.params.programId, req.params.roundId, req.body.at, req.id));

  r.get(`${round}/ranking`, { schema: { tags, summary: 'The ranking per track, every result explained', params: RoundParamsSchema, querystring: RankingQuerySchema, response: { 200: RoundRankingSchema } } }, async (req) =>
    roundRanking(deps, requireActor(req), req.params.programId, req.params.roundId, req.query.method));

  r.get(`${round}/advance`, { schema: { tags, summary: 'Who the next round’s entry rule takes from this one (for confirmation)', params: RoundParamsSchema, response: { 200: AdvancePreviewSchema } } }, async (req) =>
    advancePreview(deps, requireActor(req), req.params.programId, req.params.roundId));

  r.get(`${round}/schedule`, { schema: { tags, summary: 'Site visits and roadshow slots of the round, and its panels', params: RoundParamsSchema, response: { 200: RoundScheduleSchema } } }, async (req) =>
    roundSchedule(deps, requireActor(req), req.params.programId, req.params.roundId));

  r.put(`${round}/visits/:applicationId`, { schema: { tags, summary: 'Schedule a site visit (date, team, address); the applicant is told', params: ApplicationInRoundParamsSchema, body: VisitInputSchema, response: { 200: RoundScheduleSchema } } }, async (req) =>
    setVisit(deps, requireActor(req), req.params.programId, req.params.roundId, req.params.applicationId, req.body, req.id));

  r.put(`${round}/slots/:applicationId`, { schema: { tags, summary: 'Give an application a roadshow slot (panel, time, room or link); the applicant is told', params: ApplicationInRoundParamsSchema, body: SlotInputSchema, response: { 200: RoundScheduleSchema } } }, async (req) =>
    setSlot(deps, requireActor(req), req.params.programId, req.params.roundId, req.params.applicationId, req.body, req.id));

  r.post(`${round}/panels/:panel/members`, { schema: { tags, summary: 'Panel members review every application of the panel’s slots (drafts; 回避 enforced)', params: RoundParamsSchema.extend({ panel: z.string().min(1).max(100) }), body: PanelMembersRequestSchema, response: { 200: PanelMembersResultSchema } } }, async (req) =>
    addPanelMembers(deps, requireActor(req), req.params.programId, req.params.roundId, req.params.panel, req.body.expertIds, req.id));

  r.post(`${mine}/visit-report`, { schema: { tags, summary: 'Upload the site-visit report (multipart, part "file")', params: AssignmentIdParamsSchema, consumes: ['multipart/form-data'], response: { 200: FileRefSchema } } }, async (req) =>
    uploadVisitReport(deps, requireActor(req), req.params.assignmentId, await singleFile(req), req.id));

  r.get('/api/applications/:applicationId/review-schedule', { schema: { tags, summary: 'My site visits and roadshow slots', params: z.strictObject({ applicationId: z.string().min(1).max(100) }), response: { 200: MyReviewScheduleSchema } } }, async (req) =>
    myReviewSchedule(deps, requireActor(req), req.params.applicationId));

  r.post(`${round}/advance`, { schema: { tags, summary: 'Confirm who enters the next round (a reason when it differs from the rule)', params: RoundParamsSchema, body: AdvanceRequestSchema, response: { 200: AdvanceResultSchema } } }, async (req) =>
    advanceRound(deps, requireActor(req), req.params.programId, req.params.roundId, req.body, req.id));
}
