import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DashboardSchema, formatShanghai, ProgramIdParamsSchema } from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { contentDisposition } from '../../http/download.ts';
import { requireActor } from '../../http/session.hooks.ts';
import { dashboardWorkbook } from './dashboard-xlsx.ts';
import { buildDashboard, programDashboard } from './dashboard.service.ts';

export function dashboardRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['dashboard'];

  r.get('/api/programs/:programId/dashboard', { schema: { tags, summary: 'Counts by track, region, unit, channel and status; submissions per day', params: ProgramIdParamsSchema, response: { 200: DashboardSchema } } }, async (req) =>
    programDashboard(deps, requireActor(req), req.params.programId));

  r.get('/api/programs/:programId/dashboard/export.xlsx', { schema: { tags, summary: 'The dashboard tables as an Excel workbook', params: ProgramIdParamsSchema } }, async (req, reply) => {
    const { dashboard, def } = await buildDashboard(deps, requireActor(req), req.params.programId);
    const body = await dashboardWorkbook(dashboard, def);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition(`${def.name}-统计-${formatShanghai(dashboard.generatedAt, false)}.xlsx`))
      .send(body);
  });
}
