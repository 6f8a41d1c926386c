import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AcceptExpertInvitationRequestSchema, CreateExpertRequestSchema, DeclareConflictRequestSchema, DeclaredConflictListSchema, DeclaredConflictSchema,
  DeclineExpertInvitationRequestSchema, DeleteExpertResultSchema, ExpertExportQuerySchema, ExpertIdParamsSchema, ExpertInvitationInfoSchema,
  ExpertInvitationResultSchema, ExpertInvitationTokenParamsSchema, ExpertListSchema, ExpertQuerySchema, ExpertSchema, FieldChoicesSchema,
  ImportExpertsResultSchema, InviteExpertsRequestSchema, InviteExpertsResultSchema, MyExpertInvitationListSchema, ProgramExpertListSchema,
  ProgramIdParamsSchema, UpdateExpertRequestSchema, UpdateMyExpertProfileRequestSchema,
} from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { requireActor } from '../../http/session.hooks.ts';
import { singleFile } from '../../http/files.ts';
import { contentDisposition } from '../../http/download.ts';
import { acceptExpertInvitation, declineExpertInvitation, expertInvitationInfo, listMyExpertInvitations } from './expert-invitation.service.ts';
import { exportExperts, expertTemplate, importExperts } from './expert-sheet.service.ts';
import { createExpert, deleteExpert, getExpert, getMyExpertProfile, listExperts, listFieldChoices, updateExpert, updateMyExpertProfile } from './expert.service.ts';
import { declareConflict, inviteExperts, listProgramConflicts, listProgramExperts } from './program-experts.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 专家库: the pool, its spreadsheet, invitations to programs, the expert's own side, 回避. */
export function expertRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['experts'];
  const params = ExpertIdParamsSchema;

  r.get('/api/experts', { schema: { tags, summary: 'The expert pool: search (name, organization, keywords, bio), filters, paging', querystring: ExpertQuerySchema, response: { 200: ExpertListSchema } } }, async (req) =>
    listExperts(deps, requireActor(req), req.query));

  r.post('/api/experts', { schema: { tags, summary: 'Add an expert to the pool', body: CreateExpertRequestSchema, response: { 200: ExpertSchema } } }, async (req) =>
    createExpert(deps, requireActor(req), req.body, req.id));

  r.get('/api/experts/fields', { schema: { tags, summary: 'Fields an expert may name: 绿色低碳转型产业指导目录 categories and every program\'s tracks', response: { 200: FieldChoicesSchema } } }, async (req) =>
    listFieldChoices(deps, requireActor(req)));

  r.get('/api/experts/template.xlsx', { schema: { tags, summary: 'The blank import template (Excel)' } }, async (req, reply) => {
    const body = await expertTemplate(deps, requireActor(req));
    return reply.header('content-type', XLSX).header('content-disposition', contentDisposition('专家库导入模板.xlsx')).send(body);
  });

  r.post('/api/experts/import', { schema: { tags, summary: 'Import experts from .xlsx (multipart, part "file"); matched by 邮箱; all or nothing, problems by row and column', consumes: ['multipart/form-data'], response: { 200: ImportExpertsResultSchema } } }, async (req) => {
    const actor = requireActor(req);
    return importExperts(deps, actor, await singleFile(req), req.id);
  });

  r.get('/api/experts/export.xlsx', { schema: { tags, summary: 'The (filtered) pool as Excel, in the import template\'s columns', querystring: ExpertExportQuerySchema } }, async (req, reply) => {
    const body = await exportExperts(deps, requireActor(req), req.query);
    return reply.header('content-type', XLSX).header('content-disposition', contentDisposition('专家库.xlsx')).send(body);
  });

  r.get('/api/experts/me', { schema: { tags, summary: 'My expert profile (linked when I accepted an invitation)', response: { 200: ExpertSchema } } }, async (req) =>
    getMyExpertProfile(deps, requireActor(req)));

  r.put('/api/experts/me', { schema: { tags, summary: 'Edit my expert profile (the address stays)', body: UpdateMyExpertProfileRequestSchema, response: { 200: ExpertSchema } } }, async (req) =>
    updateMyExpertProfile(deps, requireActor(req), req.body, req.id));

  r.get('/api/experts/:expertId', { schema: { tags, summary: 'A profile (pool managers, or the expert it belongs to)', params, response: { 200: ExpertSchema } } }, async (req) =>
    getExpert(deps, requireActor(req), req.params.expertId));

  r.put('/api/experts/:expertId', { schema: { tags, summary: 'Edit a profile (refused when it changed since baseUpdatedAt)', params, body: UpdateExpertRequestSchema, response: { 200: ExpertSchema } } }, async (req) =>
    updateExpert(deps, requireActor(req), req.params.expertId, req.body, req.id));

  r.delete('/api/experts/:expertId', { schema: { tags, summary: 'Delete a profile that was never invited', params, response: { 200: DeleteExpertResultSchema } } }, async (req) =>
    deleteExpert(deps, requireActor(req), req.params.expertId, req.id));

  r.post('/api/programs/:programId/experts/invitations', { schema: { tags, summary: 'Invite experts from the pool to the program (optionally one track): email + in-app notice', params: ProgramIdParamsSchema, body: InviteExpertsRequestSchema, response: { 200: InviteExpertsResultSchema } } }, async (req) =>
    inviteExperts(deps, requireActor(req), req.params.programId, req.body, req.id));

  r.get('/api/programs/:programId/experts', { schema: { tags, summary: "The program's invited experts with their answers", params: ProgramIdParamsSchema, response: { 200: ProgramExpertListSchema } } }, async (req) =>
    listProgramExperts(deps, requireActor(req), req.params.programId));

  r.get('/api/programs/:programId/expert-conflicts', { schema: { tags, summary: 'Declared conflicts (all for the review organizers, my own for an expert)', params: ProgramIdParamsSchema, response: { 200: DeclaredConflictListSchema } } }, async (req) =>
    listProgramConflicts(deps, requireActor(req), req.params.programId));

  r.post('/api/programs/:programId/expert-conflicts', { schema: { tags, summary: 'Declare a conflict (an application or an organization, with the reason)', params: ProgramIdParamsSchema, body: DeclareConflictRequestSchema, response: { 200: DeclaredConflictSchema } } }, async (req) =>
    declareConflict(deps, requireActor(req), { ...req.body, programId: req.params.programId, source: 'assignment' }, req.id));

  r.get('/api/expert-invitations/mine', { schema: { tags, summary: 'My invitations as an expert, with the conflicts I declared', response: { 200: MyExpertInvitationListSchema } } }, async (req) =>
    listMyExpertInvitations(deps, requireActor(req)));

  r.get('/api/expert-invitations/:token', { schema: { tags, summary: 'What an emailed invitation link points to (public)', params: ExpertInvitationTokenParamsSchema, response: { 200: ExpertInvitationInfoSchema } } }, async (req) =>
    expertInvitationInfo(deps, req.params.token));

  r.post('/api/expert-invitations/accept', { schema: { tags, summary: 'Accept (signed in with the invited address): availability and declared conflicts', body: AcceptExpertInvitationRequestSchema, response: { 200: ExpertInvitationResultSchema } } }, async (req) =>
    acceptExpertInvitation(deps, requireActor(req), req.body, req.id));

  r.post('/api/expert-invitations/decline', { schema: { tags, summary: 'Decline, optionally with a reason', body: DeclineExpertInvitationRequestSchema, response: { 200: ExpertInvitationResultSchema } } }, async (req) =>
    declineExpertInvitation(deps, requireActor(req), req.body, req.id));
}
