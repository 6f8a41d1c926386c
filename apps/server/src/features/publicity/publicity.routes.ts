import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApplicantObjectionsSchema, EvidenceFileSchema, HolidayCalendarSchema, HolidayCalendarViewSchema, ObjectionDetailSchema, ObjectionInputSchema, ObjectionListSchema,
  ObjectionNoteRequestSchema, ObjectionParamsSchema, ObjectionPublicStatusSchema, ObjectionReceiptSchema, ObjectionResponseInputSchema, OpenPublicityRequestSchema,
  ProgramPublicitiesSchema, ProgramSlugParams, PublicityOverviewSchema, PublicityParamsSchema, ReceiptParamsSchema, ResponseRequestSchema, RuleObjectionRequestSchema,
} from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { contentDisposition } from '../../http/download.ts';
import { sendStoredFile, singleFile } from '../../http/files.ts';
import { requireActor } from '../../http/session.hooks.ts';
import { getHolidayCalendar, saveHolidayCalendar } from './holiday-calendar.service.ts';
import { addObjectionNote, listProgramObjections, objectionDetail, objectionFileFor, requestResponse, ruleObjection } from './investigation.service.ts';
import { applicantObjectionFile, applicantObjections, respondToObjection, uploadResponseFile } from './objection-response.service.ts';
import { fileObjection, objectionStatus, uploadEvidence } from './objection.service.ts';
import { renderPublicityPdf, renderPublicityXlsx } from './publicity-documents.ts';
import { closePublicity, loadPublicPublicity, openPublicity, programPublicities, publicityOverview } from './publicity.service.ts';

const ProgramParams = z.object({ programId: z.string().min(1).max(100) });
const PublicityIdParams = z.object({ publicityId: z.string().min(1).max(100) });
const ApplicationObjectionParams = z.object({ applicationId: z.string().min(1).max(100), objectionId: z.string().min(1).max(100) });

/** 公示 and 异议: the public page, objections and their status; the secretariat's investigation; the applicant's response; the holiday calendar. */
export function publicityRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['publicity'];

  r.get('/api/holiday-calendar', { schema: { tags, summary: 'The holiday calendar 公示 periods are counted with (public)', response: { 200: HolidayCalendarViewSchema } } }, async () => getHolidayCalendar(deps));
  r.put('/api/holiday-calendar', { schema: { tags, summary: 'Replace the holiday calendar (platform admins; audited)', body: HolidayCalendarSchema, response: { 200: HolidayCalendarViewSchema } } }, async (req) =>
    saveHolidayCalendar(deps, req.actor, req.body, req.id));

  // The public: no sign-in.
  r.get('/api/public/programs/:slug/publicities', { schema: { tags, summary: 'A program’s 公示, newest first: list, period, exact end, how to object', params: ProgramSlugParams, response: { 200: ProgramPublicitiesSchema } } }, async (req) =>
    programPublicities(deps, req.params.slug));
  r.post('/api/public/publicities/:publicityId/evidence', { schema: { tags, summary: 'Upload one evidence file for an objection (multipart, part "file"; checked by content)', params: PublicityIdParams, consumes: ['multipart/form-data'], response: { 200: EvidenceFileSchema } } }, async (req) =>
    uploadEvidence(deps, req.params.publicityId, await singleFile(req), req.ip ?? null));
  r.post('/api/public/publicities/:publicityId/objections', { schema: { tags, summary: 'File a real-name objection during the period; returns the receipt number', params: PublicityIdParams, body: ObjectionInputSchema, response: { 200: ObjectionReceiptSchema } } }, async (req) =>
    fileObjection(deps, req.params.publicityId, req.body, req.ip ?? null, req.id));
  r.get('/api/public/objections/:receiptNo', { schema: { tags, summary: 'An objection’s status and ruling by its receipt number', params: ReceiptParamsSchema, response: { 200: ObjectionPublicStatusSchema } } }, async (req) =>
    objectionStatus(deps, req.params.receiptNo));
  r.get('/api/public/publicities/:publicityId/notice.pdf', { schema: { tags, summary: 'The printable 公示 notice (PDF)', params: PublicityIdParams } }, async (req, reply) => {
    const { view } = await loadPublicPublicity(deps, req.params.publicityId);
    return reply.header('content-type', 'application/pdf').header('content-disposition', contentDisposition(`${view.title}.pdf`)).send(await renderPublicityPdf(view));
  });
  r.get('/api/public/publicities/:publicityId/list.xlsx', { schema: { tags, summary: 'The 公示 list (Excel)', params: PublicityIdParams } }, async (req, reply) => {
    const { view } = await loadPublicPublicity(deps, req.params.publicityId);
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', contentDisposition(`${view.title}名单.xlsx`)).send(await renderPublicityXlsx(view));
  });

  // The secretariat (publicity.rule).
  const program = '/api/programs/:programId';
  r.get(`${program}/publicity`, { schema: { tags, summary: 'The program’s 公示: what may open now (with its computed end) and every one held', params: ProgramParams, response: { 200: PublicityOverviewSchema } } }, async (req) =>
    publicityOverview(deps, req.actor, req.params.programId));
  r.post(`${program}/publicities`, { schema: { tags, summary: 'Open a results or candidates 公示 (a snapshot of the list)', params: ProgramParams, body: OpenPublicityRequestSchema, response: { 200: PublicityOverviewSchema } } }, async (req) =>
    openPublicity(deps, req.actor, req.params.programId, req.body, req.id));
  r.post(`${program}/publicities/:publicityId/close`, { schema: { tags, summary: 'Close after the period, once every objection is ruled', params: PublicityParamsSchema, response: { 200: PublicityOverviewSchema } } }, async (req) =>
    closePublicity(deps, req.actor, req.params.programId, req.params.publicityId, req.id));
  r.get(`${program}/objections`, { schema: { tags, summary: 'Objections to the program’s 公示', params: ProgramParams, querystring: z.object({ publicityId: z.string().max(100).optional() }), response: { 200: ObjectionListSchema } } }, async (req) =>
    listProgramObjections(deps, req.actor, req.params.programId, req.query.publicityId));
  r.get(`${program}/objections/:objectionId`, { schema: { tags, summary: 'An objection: the objector, reasons, evidence, the investigation’s timeline', params: ObjectionParamsSchema, response: { 200: ObjectionDetailSchema } } }, async (req) =>
    objectionDetail(deps, req.actor, req.params.programId, req.params.objectionId));
  r.post(`${program}/objections/:objectionId/notes`, { schema: { tags, summary: 'Add an investigation note (internal)', params: ObjectionParamsSchema, body: ObjectionNoteRequestSchema, response: { 200: ObjectionDetailSchema } } }, async (req) =>
    addObjectionNote(deps, req.actor, req.params.programId, req.params.objectionId, req.body.body, req.id));
  r.post(`${program}/objections/:objectionId/response-requests`, { schema: { tags, summary: 'Ask the applicant to respond (notice + email)', params: ObjectionParamsSchema, body: ResponseRequestSchema, response: { 200: ObjectionDetailSchema } } }, async (req) =>
    requestResponse(deps, req.actor, req.params.programId, req.params.objectionId, req.body.body, req.id));
  r.post(`${program}/objections/:objectionId/ruling`, { schema: { tags, summary: 'Rule: upheld or rejected, with reasons and the consequence', params: ObjectionParamsSchema, body: RuleObjectionRequestSchema, response: { 200: ObjectionDetailSchema } } }, async (req) =>
    ruleObjection(deps, req.actor, req.params.programId, req.params.objectionId, req.body, req.id));
  r.get(`${program}/objections/:objectionId/files/:fileId`, { schema: { tags, summary: 'An objection’s evidence or response file', params: ObjectionParamsSchema.extend({ fileId: z.string().min(1).max(100) }) } }, async (req, reply) =>
    sendStoredFile(reply, await objectionFileFor(deps, req.actor, req.params.programId, req.params.objectionId, req.params.fileId)));

  // The applicant (the application's owner).
  const mine = '/api/applications/:applicationId/objections';
  r.get(mine, { schema: { tags, summary: 'Objections the secretariat asked me to answer', params: z.object({ applicationId: z.string().min(1).max(100) }), response: { 200: ApplicantObjectionsSchema } } }, async (req) =>
    applicantObjections(deps, requireActor(req), req.params.applicationId));
  r.post(`${mine}/:objectionId/files`, { schema: { tags, summary: 'Upload an attachment for my response (multipart, part "file")', params: ApplicationObjectionParams, consumes: ['multipart/form-data'], response: { 200: EvidenceFileSchema } } }, async (req) =>
    uploadResponseFile(deps, requireActor(req), req.params.applicationId, req.params.objectionId, await singleFile(req)));
  r.post(`${mine}/:objectionId/responses`, { schema: { tags, summary: 'Answer the secretariat’s request', params: ApplicationObjectionParams, body: ObjectionResponseInputSchema, response: { 200: ApplicantObjectionsSchema } } }, async (req) =>
    respondToObjection(deps, requireActor(req), req.params.applicationId, req.params.objectionId, req.body, req.id));
  r.get(`${mine}/:objectionId/files/:fileId`, { schema: { tags, summary: 'One of my response attachments', params: ApplicationObjectionParams.extend({ fileId: z.string().min(1).max(100) }) } }, async (req, reply) =>
    sendStoredFile(reply, await applicantObjectionFile(deps, requireActor(req), req.params.applicationId, req.params.objectionId, req.params.fileId)));
}
