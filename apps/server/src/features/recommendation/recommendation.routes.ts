import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AcceptInvitationRequestSchema, AcceptInvitationResultSchema, ApplicationIdParamsSchema, ApplicationRecommendationSchema, ComplianceSchema,
  ImportUnitsResultSchema, InviteInfoSchema, InviteTokenParamsSchema, NameUnitRequestSchema, ProgramIdParamsSchema, SendInvitationsRequestSchema,
  SendInvitationsResultSchema, UnitChoiceListSchema, UnitIdParamsSchema, UnitListSchema, UnitSchema, UpdateUnitRequestSchema,
} from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { requireActor } from '../../http/session.hooks.ts';
import { singleFile } from '../../http/files.ts';
import { recommendationCompliance } from './compliance.service.ts';
import { acceptInvitation, sendInvitations } from './invitation.service.ts';
import { getApplicationRecommendation, nameUnit } from './nomination.service.ts';
import { importUnits } from './unit-import.service.ts';
import { inviteInfo, listProgramUnits, listUnitChoices, updateUnitDetails } from './unit.service.ts';

/** Organizer and applicant sides of 推荐: units, import, invitations, compliance; naming a unit. */
export function recommendationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['recommendation'];

  r.get('/api/programs/:programId/recommending-units/choices', { schema: { tags, summary: 'Recommending units an applicant may name (public)', params: ProgramIdParamsSchema, response: { 200: UnitChoiceListSchema } } }, async (req) =>
    listUnitChoices(deps, req.actor, req.params.programId));

  r.get('/api/programs/:programId/recommending-units', { schema: { tags, summary: "Organizer: the program's units with contacts and quota used/left per track", params: ProgramIdParamsSchema, response: { 200: UnitListSchema } } }, async (req) =>
    listProgramUnits(deps, requireActor(req), req.params.programId));

  r.post('/api/programs/:programId/recommending-units/import', { schema: { tags, summary: 'Organizer: import units from .xlsx (multipart, part "file"); all or nothing, problems by row', params: ProgramIdParamsSchema, consumes: ['multipart/form-data'], response: { 200: ImportUnitsResultSchema } } }, async (req) => {
    const actor = requireActor(req);
    return importUnits(deps, actor, req.params.programId, await singleFile(req), req.id);
  });

  r.post('/api/programs/:programId/recommending-units/invitations', { schema: { tags, summary: "Organizer: email invitations to the units' administrators", params: ProgramIdParamsSchema, body: SendInvitationsRequestSchema, response: { 200: SendInvitationsResultSchema } } }, async (req) =>
    sendInvitations(deps, requireActor(req), req.params.programId, req.body, req.id));

  r.get('/api/programs/:programId/recommendation/compliance', { schema: { tags, summary: 'Organizer: quota used per unit, units short of a minimum, city × track coverage', params: ProgramIdParamsSchema, response: { 200: ComplianceSchema } } }, async (req) =>
    recommendationCompliance(deps, requireActor(req), req.params.programId));

  r.put('/api/recommendation/units/:unitId', { schema: { tags, summary: "Organizer: edit a unit (channels, region, 组织负责人/联络员, administrators)", params: UnitIdParamsSchema, body: UpdateUnitRequestSchema, response: { 200: UnitSchema } } }, async (req) =>
    updateUnitDetails(deps, requireActor(req), req.params.unitId, req.body, req.id));

  r.get('/api/recommendation/invites/:token', { schema: { tags, summary: "What a unit's link for applicants points to (public)", params: InviteTokenParamsSchema, response: { 200: InviteInfoSchema } } }, async (req) =>
    inviteInfo(deps, req.params.token));

  r.post('/api/recommendation/invitations/accept', { schema: { tags, summary: 'Accept an invitation as a unit administrator (signed in with the invited address)', body: AcceptInvitationRequestSchema, response: { 200: AcceptInvitationResultSchema } } }, async (req) =>
    acceptInvitation(deps, requireActor(req), req.body.token, req.id));

  r.get('/api/applications/:applicationId/recommendation', { schema: { tags, summary: "An application's recommending unit and the unit's decision", params: ApplicationIdParamsSchema, response: { 200: ApplicationRecommendationSchema } } }, async (req) =>
    getApplicationRecommendation(deps, requireActor(req), req.params.applicationId));

  r.put('/api/applications/:applicationId/recommendation', { schema: { tags, summary: 'Applicant: name (or change) the recommending unit, from the list or by its link', params: ApplicationIdParamsSchema, body: NameUnitRequestSchema, response: { 200: ApplicationRecommendationSchema } } }, async (req) =>
    nameUnit(deps, requireActor(req), req.params.applicationId, req.body, req.id));
}
