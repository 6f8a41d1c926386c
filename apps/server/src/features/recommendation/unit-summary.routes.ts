import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApplicationIdParamsSchema, CandidateListSchema, PreferenceOrderRequestSchema, ProgramIdParamsSchema, UnitChoiceListSchema } from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { requireActor } from '../../http/session.hooks.ts';
import { contentDisposition } from '../../http/download.ts';
import { setPreferenceOrder } from './preference.service.ts';
import { programUnitSummaries, unitSummary } from './unit-summary.service.ts';
import { listUnitChoicesFor } from './unit.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SummaryParams = z.strictObject({ unitId: z.string().min(1).max(100), format: z.enum(['xlsx', 'pdf']) });
const ProgramSummaryQuery = z.strictObject({ unitId: z.union([z.string().min(1).max(100), z.array(z.string().min(1).max(100)).max(2000)]).optional() });

/** 推荐汇总表 downloads, the unit's order of preference, and the units an application may name (routing). */
export function unitSummaryRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['recommendation'];

  r.get('/api/recommendation/units/:unitId/summary.:format', { schema: { tags, summary: "A unit's 推荐汇总表: Excel, or PDF with a seal page (its members and the organizers)", params: SummaryParams } }, async (req, reply) => {
    const { filename, body } = await unitSummary(deps, requireActor(req), req.params.unitId, req.params.format);
    return reply.header('content-type', req.params.format === 'pdf' ? 'application/pdf' : XLSX).header('content-disposition', contentDisposition(filename)).send(body);
  });

  r.get('/api/programs/:programId/recommendation/summary.xlsx', { schema: { tags, summary: "Organizer: every unit's 推荐汇总表 in one workbook, a sheet per unit (?unitId= for some)", params: ProgramIdParamsSchema, querystring: ProgramSummaryQuery } }, async (req, reply) => {
    const ids = req.query.unitId === undefined ? undefined : ([] as string[]).concat(req.query.unitId);
    const { filename, body } = await programUnitSummaries(deps, requireActor(req), req.params.programId, ids);
    return reply.header('content-type', XLSX).header('content-disposition', contentDisposition(filename)).send(body);
  });

  r.put('/api/recommendation/units/:unitId/preferences', { schema: { tags, summary: 'The unit orders its endorsements (推荐排序): every standing one, first preference first', params: z.strictObject({ unitId: z.string().min(1).max(100) }), body: PreferenceOrderRequestSchema, response: { 200: CandidateListSchema } } }, async (req) =>
    setPreferenceOrder(deps, requireActor(req), req.params.unitId, req.body.applicationIds, req.id));

  r.get('/api/applications/:applicationId/recommendation/choices', { schema: { tags, summary: "Units that may recommend this application's organization (the definition's reach)", params: ApplicationIdParamsSchema, response: { 200: UnitChoiceListSchema } } }, async (req) =>
    listUnitChoicesFor(deps, requireActor(req), req.params.applicationId));
}
