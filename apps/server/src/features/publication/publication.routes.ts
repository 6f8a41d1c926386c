import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ApplicationIdParamsSchema, CertificateVerificationSchema, JobStartedSchema, CorrectionRequestSchema, CorrectionResultSchema, MyResultSchema, ProgramSerialParamsSchema,
  PublicationOverviewSchema, PublicationProgramParamsSchema, PublicResultsSchema, PublishResultSchema, ResultsSlugParamsSchema, ResultsStatusSchema, ResultsTrackParamsSchema, VerifyQuerySchema,
} from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { contentDisposition } from '../../http/download.ts';
import { requireActor } from '../../http/session.hooks.ts';
import { myCertificatePdf, programCertificatePdf } from './certificate.service.ts';
import { startCertificatesZip } from './certificate-zip.job.ts';
import { correctDecision } from './correction.service.ts';
import { publicationOverview } from './overview.service.ts';
import { publishResults } from './publish.service.ts';
import { myResult, publicResults, resultsStatus, verifyCertificate } from './results.service.ts';
import { organizerResultsXlsx, publicResultsXlsx } from './results-xlsx.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 发布: publishing, public results and verification, certificates, corrections after publication. */
export function publicationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['publication'];
  const pub = '/api/programs/by-slug/:slug/results';
  const org = '/api/programs/:programId';

  r.get(`${pub}/status`, { schema: { tags, summary: 'Whether the results are published (public)', params: ResultsSlugParamsSchema, response: { 200: ResultsStatusSchema } } }, async (req) =>
    resultsStatus(deps, req.params.slug));
  r.get(pub, { schema: { tags, summary: 'The published results per track and tier, no scores (public)', params: ResultsSlugParamsSchema, response: { 200: PublicResultsSchema } } }, async (req, reply) => {
    reply.header('cache-control', 'public, max-age=60');
    return publicResults(deps, req.params.slug);
  });
  r.get(`${pub}/tracks/:trackId`, { schema: { tags, summary: 'The published results of one track (public)', params: ResultsTrackParamsSchema, response: { 200: PublicResultsSchema } } }, async (req, reply) => {
    reply.header('cache-control', 'public, max-age=60');
    return publicResults(deps, req.params.slug, req.params.trackId);
  });
  r.get('/api/programs/by-slug/:slug/results.xlsx', { schema: { tags, summary: 'The published results as Excel, without scores (public)', params: ResultsSlugParamsSchema } }, async (req, reply) => {
    const { filename, body } = await publicResultsXlsx(deps, req.params.slug);
    return reply.header('content-type', XLSX).header('content-disposition', contentDisposition(filename)).send(body);
  });
  r.get('/api/certificates/verify', { schema: { tags, summary: 'Verify a certificate serial: valid, revoked or unknown (public)', querystring: VerifyQuerySchema, response: { 200: CertificateVerificationSchema } } }, async (req) =>
    verifyCertificate(deps, req.query.serial));

  r.get('/api/applications/:applicationId/result', { schema: { tags, summary: 'My application’s published result and certificate', params: ApplicationIdParamsSchema, response: { 200: MyResultSchema } } }, async (req) =>
    myResult(deps, requireActor(req), req.params.applicationId));
  r.get('/api/applications/:applicationId/certificate.pdf', { schema: { tags, summary: 'My application’s certificate (PDF)', params: ApplicationIdParamsSchema } }, async (req, reply) => {
    const { filename, pdf } = await myCertificatePdf(deps, requireActor(req), req.params.applicationId);
    return reply.header('content-type', 'application/pdf').header('content-disposition', contentDisposition(filename)).send(pdf);
  });

  r.get(`${org}/publication`, { schema: { tags, summary: 'The publication tab: may it publish, the list, certificates, corrections', params: PublicationProgramParamsSchema, response: { 200: PublicationOverviewSchema } } }, async (req) =>
    publicationOverview(deps, requireActor(req), req.params.programId));
  r.post(`${org}/publication/publish`, { schema: { tags, summary: 'Publish the results: statuses, certificates, notices, emails', params: PublicationProgramParamsSchema, response: { 200: PublishResultSchema } } }, async (req) =>
    publishResults(deps, requireActor(req), req.params.programId, req.id));
  r.post(`${org}/publication/corrections`, { schema: { tags, summary: 'Change a result after publication, with a reason shown publicly', params: PublicationProgramParamsSchema, body: CorrectionRequestSchema, response: { 200: CorrectionResultSchema } } }, async (req) =>
    correctDecision(deps, requireActor(req), req.params.programId, req.body, req.id));
  r.get(`${org}/publication/results.xlsx`, { schema: { tags, summary: 'The results with ranks, scores and tiers as Excel (organizers)', params: PublicationProgramParamsSchema } }, async (req, reply) => {
    const { filename, body } = await organizerResultsXlsx(deps, requireActor(req), req.params.programId);
    return reply.header('content-type', XLSX).header('content-disposition', contentDisposition(filename)).send(body);
  });
  r.get(`${org}/certificates/:serial/pdf`, { schema: { tags, summary: 'One certificate (PDF)', params: ProgramSerialParamsSchema } }, async (req, reply) => {
    const { filename, pdf } = await programCertificatePdf(deps, requireActor(req), req.params.programId, req.params.serial);
    return reply.header('content-type', 'application/pdf').header('content-disposition', contentDisposition(filename)).send(pdf);
  });
  r.post(`${org}/certificates/exports`, { schema: { tags, summary: 'Every valid certificate as one ZIP, made in the background: 202 with the job (progress = certificates done / total); then GET /api/jobs/:jobId/download', params: PublicationProgramParamsSchema, response: { 202: JobStartedSchema } } }, async (req, reply) =>
    reply.code(202).send(await startCertificatesZip(deps, requireActor(req), req.params.programId)));
}
