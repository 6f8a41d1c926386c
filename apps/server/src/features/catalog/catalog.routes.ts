import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CatalogContactRequestSchema, CatalogEntryDetailSchema, CatalogEntryListSchema, CatalogEntryParamsSchema, CatalogFieldOptionsSchema, CatalogImportResultSchema, CatalogProgramListSchema,
  CatalogProgramParamsSchema, CatalogPublicEntrySchema, CatalogQueueQuerySchema, CatalogReasonSchema, CatalogRejectSchema, CatalogReviewSchema, CatalogSearchQuerySchema, CatalogSearchResultSchema,
  CatalogSubmitSchema, CatalogVersionParamsSchema, greenCatalogue2024,
} from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { contentDisposition } from '../../http/download.ts';
import { requireActor } from '../../http/session.hooks.ts';
import { entryPdf, organizerCatalogXlsx, publicCatalogXlsx } from './catalog-export.ts';
import { freshCatalogIndex } from './catalog-index.ts';
import { catalogPrograms, importWinners } from './catalog-import.service.ts';
import { publicEntry, requestContact, searchCatalog } from './catalog-public.service.ts';
import { adjustEntry, entryDetail, myEntries, optIn, organizerEntries, reviewVersion, submitVersion } from './catalog.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Ok = z.object({ ok: z.literal(true) });

/**
 * 绿色技术推广目录: /api/public/catalog/* for anyone (published versions, no contacts);
 * /api/catalog/* for owners and the catalog organizer.
 */
export function catalogRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['catalog'];
  const pub = '/api/public/catalog';
  const entry = '/api/catalog/entries/:entryId';
  // Build the search index once the server is up, so the first visitor does not wait for it (seconds at 10k entries).
  app.addHook('onReady', async () => {
    void freshCatalogIndex(deps.db).catch((err: unknown) => deps.log.warn({ err }, 'catalog index warm-up failed'));
  });

  r.get(`${pub}/search`, { schema: { tags, summary: 'Search the published catalog: Chinese full text, filters by field, region, TRL and benefit (public)', querystring: CatalogSearchQuerySchema, response: { 200: CatalogSearchResultSchema } } }, async (req) =>
    searchCatalog(deps, req.query));
  r.get(`${pub}/fields`, { schema: { tags, summary: 'The fields an entry may name (public)', response: { 200: CatalogFieldOptionsSchema } } }, async () =>
    ({ items: greenCatalogue2024.map((f) => ({ id: f.id, name: { 'zh-CN': f.name, en: f.nameEn } })) }));
  r.get(`${pub}/entries/:entryId`, { schema: { tags, summary: 'A catalog entry’s approved version and history (public)', params: CatalogEntryParamsSchema, response: { 200: CatalogPublicEntrySchema } } }, async (req) =>
    publicEntry(deps, req.params.entryId));
  r.get(`${pub}/entries/:entryId/pdf`, { schema: { tags, summary: 'A catalog entry as PDF (public)', params: CatalogEntryParamsSchema } }, async (req, reply) => {
    const { filename, pdf } = await entryPdf(deps, req.params.entryId);
    return reply.header('content-type', 'application/pdf').header('content-disposition', contentDisposition(filename)).send(pdf);
  });
  r.get(`${pub}/export.xlsx`, { schema: { tags, summary: 'The published catalog as Excel, public fields only (public)' } }, async (_req, reply) => {
    const { filename, body } = await publicCatalogXlsx(deps);
    return reply.header('content-type', XLSX).header('content-disposition', contentDisposition(filename)).send(body);
  });
  r.post(`${pub}/entries/:entryId/contact-requests`, { schema: { tags, summary: 'Ask the owner to get in touch (signed in; the contact stays private)', params: CatalogEntryParamsSchema, body: CatalogContactRequestSchema, response: { 200: Ok } } }, async (req) =>
    requestContact(deps, requireActor(req), req.params.entryId, req.body.message));

  r.get('/api/catalog/mine', { schema: { tags, summary: 'My catalog entries (owner)', response: { 200: CatalogEntryListSchema } } }, async (req) =>
    myEntries(deps, requireActor(req)));
  r.get('/api/catalog/entries', { schema: { tags, summary: 'Entries by status, or the versions waiting for review (catalog organizer)', querystring: CatalogQueueQuerySchema, response: { 200: CatalogEntryListSchema } } }, async (req) =>
    organizerEntries(deps, requireActor(req), req.query.status));
  r.get('/api/catalog/export.xlsx', { schema: { tags, summary: 'Every entry with status and contact as Excel (catalog organizer)' } }, async (req, reply) => {
    const { filename, body } = await organizerCatalogXlsx(deps, requireActor(req));
    return reply.header('content-type', XLSX).header('content-disposition', contentDisposition(filename)).send(body);
  });
  r.get('/api/catalog/programs', { schema: { tags, summary: 'Programs with published results and how many winners are entries (catalog organizer)', response: { 200: CatalogProgramListSchema } } }, async (req) =>
    catalogPrograms(deps, requireActor(req)));
  r.post('/api/catalog/programs/:programId/import', { schema: { tags, summary: 'Invite a published program’s awarded applications into the catalog (catalog organizer)', params: CatalogProgramParamsSchema, response: { 200: CatalogImportResultSchema } } }, async (req) =>
    importWinners(deps, requireActor(req), req.params.programId, req.id));

  r.get(entry, { schema: { tags, summary: 'An entry with every version (owner, catalog organizer)', params: CatalogEntryParamsSchema, response: { 200: CatalogEntryDetailSchema } } }, async (req) =>
    entryDetail(deps, requireActor(req), req.params.entryId));
  r.post(`${entry}/opt-in`, { schema: { tags, summary: 'Join the catalog (owner of an invited entry)', params: CatalogEntryParamsSchema, response: { 200: CatalogEntryDetailSchema } } }, async (req) =>
    optIn(deps, requireActor(req), req.params.entryId, { requestId: req.id }));
  r.post(`${entry}/submit`, { schema: { tags, summary: 'Submit the entry’s fields as a version for review (owner)', params: CatalogEntryParamsSchema, body: CatalogSubmitSchema, response: { 200: CatalogEntryDetailSchema.extend({ submittedVersion: z.number() }) } } }, async (req) =>
    submitVersion(deps, requireActor(req), req.params.entryId, req.body.fields, { requestId: req.id }));
  r.post(`${entry}/versions/:version/approve`, { schema: { tags, summary: 'Approve a pending version: the public sees it (catalog organizer)', params: CatalogVersionParamsSchema, body: CatalogReviewSchema, response: { 200: CatalogEntryDetailSchema } } }, async (req) =>
    reviewVersion(deps, requireActor(req), req.params.entryId, req.params.version, { decision: 'approve', note: req.body.note ?? null }, { requestId: req.id }));
  r.post(`${entry}/versions/:version/reject`, { schema: { tags, summary: 'Reject a pending version with a note to the owner (catalog organizer)', params: CatalogVersionParamsSchema, body: CatalogRejectSchema, response: { 200: CatalogEntryDetailSchema } } }, async (req) =>
    reviewVersion(deps, requireActor(req), req.params.entryId, req.params.version, { decision: 'reject', note: req.body.note }, { requestId: req.id }));
  for (const event of ['suspend', 'retire', 'reinstate'] as const) {
    r.post(`${entry}/${event}`, { schema: { tags, summary: `${event[0].toUpperCase()}${event.slice(1)} the entry, with the reason shown publicly (catalog organizer)`, params: CatalogEntryParamsSchema, body: CatalogReasonSchema, response: { 200: CatalogEntryDetailSchema } } }, async (req) =>
      adjustEntry(deps, requireActor(req), req.params.entryId, event, req.body.reason, { requestId: req.id }));
  }
}
