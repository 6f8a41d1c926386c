import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CommissionRulesSchema, ConfirmDealSchema, DealCounterpartListSchema, DealListSchema, DealParamsSchema, DealSchema, formatShanghai, MatchDashboardSchema, RecordDealSchema,
} from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { contentDisposition } from '../../http/download.ts';
import { requireActor } from '../../http/session.hooks.ts';
import { readCommissionRules, saveCommissionRules } from './commission-settings.ts';
import { answerDealRequest, dealCounterparts, getDeal, listDeals, recordDeal } from './deal.service.ts';
import { matchDashboardWorkbook } from './match-dashboard-xlsx.ts';
import { matchDashboard } from './match-dashboard.service.ts';

/** Deals, the platform's commission rules and the matchmaking dashboard. */
export function dealRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['deals'];
  const RulesView = z.object({ rules: CommissionRulesSchema.shape.rules, canEdit: z.boolean() });

  r.get('/api/deals', { schema: { tags, summary: 'The caller’s deals (either side); ?all=1 for the catalog organizer: every deal', querystring: z.object({ all: z.enum(['0', '1']).default('0') }), response: { 200: DealListSchema } } }, async (req) =>
    listDeals(deps, requireActor(req), req.query.all === '1'));
  r.post('/api/deals', { schema: { tags, summary: 'Record a deal; the other side confirms it', body: RecordDealSchema, response: { 200: DealSchema } } }, async (req) =>
    recordDeal(deps, requireActor(req), req.body, req.id));
  r.get('/api/deals/counterparts', { schema: { tags, summary: 'People the caller met at an 对接会 (accepted requests)', response: { 200: DealCounterpartListSchema } } }, async (req) =>
    dealCounterparts(deps, requireActor(req)));
  r.get('/api/deals/commission-rules', { schema: { tags, summary: 'The platform’s 交易佣金 rules', response: { 200: RulesView } } }, async (req) =>
    readCommissionRules(deps, requireActor(req)));
  r.put('/api/deals/commission-rules', { schema: { tags, summary: 'Replace the commission rules (platform admins)', body: CommissionRulesSchema, response: { 200: RulesView } } }, async (req) =>
    saveCommissionRules(deps, requireActor(req), req.body, req.id));
  r.get('/api/deals/dashboard', { schema: { tags, summary: 'Matches, meetings, confirmed deals and amounts by kind, program, field and region', response: { 200: MatchDashboardSchema } } }, async (req) =>
    matchDashboard(deps, requireActor(req)));
  r.get('/api/deals/dashboard/export.xlsx', { schema: { tags, summary: 'The dashboard as an Excel workbook' } }, async (req, reply) => {
    const d = await matchDashboard(deps, requireActor(req));
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition(`对接成效统计-${formatShanghai(d.generatedAt, false)}.xlsx`)).send(await matchDashboardWorkbook(d));
  });
  r.get('/api/deals/:dealId', { schema: { tags, summary: 'One deal (its parties and the catalog organizer only)', params: DealParamsSchema, response: { 200: DealSchema } } }, async (req) =>
    getDeal(deps, requireActor(req), req.params.dealId));
  r.post('/api/deals/:dealId/confirm', { schema: { tags, summary: 'The other side confirms (commission computed when through the platform) or declines', params: DealParamsSchema, body: ConfirmDealSchema, response: { 200: DealSchema } } }, async (req) =>
    answerDealRequest(deps, requireActor(req), req.params.dealId, req.body, req.id));
}
