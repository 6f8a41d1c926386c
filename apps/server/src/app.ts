import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { AppError } from '@lvping/domain';
import type { Config } from './config.ts';
import type { Deps } from './context.ts';
import { migrateToLatest, openDatabase, type Database } from './db/database.ts';
import { createMailer } from './mail/mailer.ts';
import { installErrorHandler } from './http/error-handler.ts';
import { installSessionHooks } from './http/session.hooks.ts';
import { installSecurityHeaders } from './http/security-headers.ts';
import { installCompression } from './http/compression.ts';
import { installRateLimits } from './http/rate-limit.ts';
import { zodValidatorCompiler } from './http/validation.ts';
import { trackInFlight } from './http/in-flight.ts';
import { requestIdGenerator } from './http/request-id.ts';
import { installDeadlines, serverDeadlines } from './http/deadlines.ts';
import './http/request-context.ts';
import { randomToken } from './features/auth/tokens.ts';
import { getOrInitSetting } from './features/system/settings.repository.ts';
import { healthRoutes } from './features/system/health.routes.ts';
import { authRoutes } from './features/auth/auth.routes.ts';
import { programRoutes } from './features/programs/program.routes.ts';
import { programFeedRoutes } from './features/programs/program-feed.routes.ts';
import { organizationRoutes } from './features/organizations/organization.routes.ts';
import { applicationRoutes } from './features/applications/application.routes.ts';
import { programApplicationRoutes } from './features/applications/program-applications.routes.ts';
import { draftOpenRoutes } from './features/applications/draft-open.routes.ts';
import { documentRoutes } from './features/documents/document.routes.ts';
import { recommendationRoutes } from './features/recommendation/recommendation.routes.ts';
import { unitRoutes } from './features/recommendation/unit.routes.ts';
import { unitSummaryRoutes } from './features/recommendation/unit-summary.routes.ts';
import { screeningRoutes } from './features/screening/screening.routes.ts';
import { notificationRoutes } from './features/notifications/notification.routes.ts';
import { dashboardRoutes } from './features/dashboard/dashboard.routes.ts';
import { expertRoutes } from './features/experts/expert.routes.ts';
import { reviewRoutes } from './features/review/review.routes.ts';
import { assignmentRoutes } from './features/assignment/assignment.routes.ts';
import { publicityRoutes } from './features/publicity/publicity.routes.ts';
import { decisionRoutes } from './features/decision/decision.routes.ts';
import { committeeRoutes } from './features/committee/committee.routes.ts';
import { publicationRoutes } from './features/publication/publication.routes.ts';
import { webhookRoutes } from './features/webhooks/webhook.routes.ts';
import { needsRoutes } from './features/needs/needs.routes.ts';
import { milestoneRoutes } from './features/needs/milestone.routes.ts';
import { anchorQuietly } from './features/audit/audit-anchor.service.ts';
import { webhookDocs } from './features/webhooks/webhook-openapi.ts';
import { catalogRoutes } from './features/catalog/catalog.routes.ts';
import { matchRoutes } from './features/match/match.routes.ts';
import { meetingRoutes } from './features/meetings/meeting.routes.ts';
import { dealRoutes } from './features/deals/deal.routes.ts';
import { serviceRoutes } from './features/deals/service.routes.ts';
import { jobRoutes } from './features/jobs/jobs.routes.ts';
import { startJobWorker } from './features/jobs/job-runner.ts';

const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export type App = {
  app: FastifyInstance;
  deps: Deps;
  database: Database;
  state: { closing: boolean };
  /** Waits (at most maxMs) for handlers still running after their client left. */
  drain: (maxMs: number) => Promise<void>;
};

export async function buildApp(config: Config, opts: { database?: Database; logger?: FastifyServerOptions['logger']; webDist?: string } = {}): Promise<App> {
  // The built web app (tests point it at a directory of their own).
  const webDist = opts.webDist ?? defaultWebDist;
  const database = opts.database ?? openDatabase(config);
  await migrateToLatest(database.db);

  const app = Fastify({
    logger: opts.logger ?? { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // The proxy's x-request-id only with TRUST_PROXY=1, and only a sane one (http/request-id.ts).
    requestIdHeader: false,
    genReqId: requestIdGenerator(config.trustProxy),
    // Deadlines (config.http): a client too slow with its headers or body is answered 408 and
    // disconnected, so it cannot hold a socket, a file handle and a temp file (http/deadlines.ts).
    ...serverDeadlines(config.http),
    return503OnClosing: true,
  });
  const drain = trackInFlight(app);
  installDeadlines(app, config.http);
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const state = { closing: false };
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // While shutting down, a keep-alive socket would hold the close open for its whole
    // timeout after its last answer; tell the client to reconnect (to another process).
    if (state.closing) reply.header('connection', 'close');
  });

  const deps: Deps = {
    db: database.db,
    engine: database.engine,
    config,
    log: app.log,
    mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log: app.log }),
    secret: config.sessionSecret ?? (await getOrInitSetting(database.db, 'csrf_secret', () => randomToken(32))),
    now: () => Date.now(),
  };
  // The durable job queue (features/jobs): mail, reminders, webhook deliveries and recurring jobs,
  // polled every config.jobs.pollMs (0 = off, tests drive it with runDueJobs).
  const jobWorker = startJobWorker(deps, `${process.pid}-${randomToken(6)}`);
  // The audit chain's head, signed outside the database, as each process starts; hourly anchors
  // are the recurring job `audit.anchor` (features/jobs/job-registry.ts).
  await anchorQuietly(deps, 'startup');
  app.addHook('onClose', async () => {
    state.closing = true;
    await jobWorker.stop();
    deps.mailer.close();
  });
  app.addHook('preClose', async () => {
    state.closing = true;
  });

  // First, so every answer carries them: pages, API, assets, errors (http/security-headers.ts).
  await installSecurityHeaders(app, config);
  // JSON and other text answers above 1 KiB, br or gzip as accepted (http/compression.ts).
  installCompression(app);
  await app.register(cookie);
  // One file per request; each field's own size limit is enforced while streaming.
  // preservePath: see the name as sent, so a name with separators is refused rather than quietly trimmed.
  await app.register(multipart, { preservePath: true, limits: { files: 1, fields: 5, fileSize: 200 * 1024 * 1024 } });
  await app.register(swagger, {
    // 3.1 for the root `webhooks`: the status events an organizer's endpoints receive.
    openapi: { openapi: '3.1.0', info: { title: '绿评 lvping API', version: '0.1.0', description: 'Every request/response schema is generated from the zod schemas in packages/domain.' }, webhooks: webhookDocs() },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installErrorHandler(app);
  installSessionHooks(app, deps);
  // Before the routes: a route's `config.rateLimit` is read as it is added.
  await installRateLimits(app, deps);

  healthRoutes(app, deps, state);
  authRoutes(app, deps);
  programRoutes(app, deps);
  programFeedRoutes(app, deps);
  organizationRoutes(app, deps);
  applicationRoutes(app, deps);
  programApplicationRoutes(app, deps);
  draftOpenRoutes(app, deps);
  documentRoutes(app, deps);
  recommendationRoutes(app, deps);
  unitRoutes(app, deps);
  unitSummaryRoutes(app, deps);
  screeningRoutes(app, deps);
  notificationRoutes(app, deps);
  dashboardRoutes(app, deps);
  expertRoutes(app, deps);
  assignmentRoutes(app, deps);
  reviewRoutes(app, deps);
  publicityRoutes(app, deps);
  decisionRoutes(app, deps);
  committeeRoutes(app, deps);
  publicationRoutes(app, deps);
  webhookRoutes(app, deps);
  catalogRoutes(app, deps);
  needsRoutes(app, deps);
  milestoneRoutes(app, deps);
  matchRoutes(app, deps);
  meetingRoutes(app, deps);
  dealRoutes(app, deps);
  serviceRoutes(app, deps);
  jobRoutes(app, deps);

  const hasWeb = existsSync(webDist);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist, wildcard: false, index: false, cacheControl: false,
      // The build writes x.br and x.gz beside each file (vite.config.ts): send the one the browser
      // accepts, the plain file otherwise; every answer says it varies with Accept-Encoding.
      preCompressed: true,
      // Built assets have content hashes in their names: cache them for good.
      setHeaders: (res, path) => {
        res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
        res.setHeader('vary', 'Accept-Encoding');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // The web app routes in the browser: any page URL gets index.html.
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    throw new AppError('NOT_FOUND');
  });

  return { app, deps, database, state, drain };
}
