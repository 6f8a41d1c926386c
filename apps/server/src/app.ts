import { randomUUID } from 'node:crypto';
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
import { zodValidatorCompiler } from './http/validation.ts';
import { trackInFlight } from './http/in-flight.ts';
import './http/request-context.ts';
import { randomToken } from './features/auth/tokens.ts';
import { getOrInitSetting } from './features/system/settings.repository.ts';
import { healthRoutes } from './features/system/health.routes.ts';
import { authRoutes } from './features/auth/auth.routes.ts';
import { programRoutes } from './features/programs/program.routes.ts';
import { organizationRoutes } from './features/organizations/organization.routes.ts';
import { applicationRoutes } from './features/applications/application.routes.ts';
import { programApplicationRoutes } from './features/applications/program-applications.routes.ts';
import { documentRoutes } from './features/documents/document.routes.ts';
import { recommendationRoutes } from './features/recommendation/recommendation.routes.ts';
import { unitRoutes } from './features/recommendation/unit.routes.ts';
import { screeningRoutes } from './features/screening/screening.routes.ts';
import { notificationRoutes } from './features/notifications/notification.routes.ts';
import { dashboardRoutes } from './features/dashboard/dashboard.routes.ts';
import { expertRoutes } from './features/experts/expert.routes.ts';
import { reviewRoutes } from './features/review/review.routes.ts';
import { sendDueReminders } from './features/review/progress.service.ts';
import { assignmentRoutes } from './features/assignment/assignment.routes.ts';
import { publicityRoutes } from './features/publicity/publicity.routes.ts';
import { decisionRoutes } from './features/decision/decision.routes.ts';
import { committeeRoutes } from './features/committee/committee.routes.ts';
import { publicationRoutes } from './features/publication/publication.routes.ts';
import { webhookRoutes } from './features/webhooks/webhook.routes.ts';
import { needsRoutes } from './features/needs/needs.routes.ts';
import { milestoneRoutes } from './features/needs/milestone.routes.ts';
import { startWebhookTicker } from './features/webhooks/webhook-delivery.ts';
import { webhookDocs } from './features/webhooks/webhook-openapi.ts';
import { catalogRoutes } from './features/catalog/catalog.routes.ts';
import { matchRoutes } from './features/match/match.routes.ts';
import { meetingRoutes } from './features/meetings/meeting.routes.ts';
import { dealRoutes } from './features/deals/deal.routes.ts';
import { serviceRoutes } from './features/deals/service.routes.ts';

const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export type App = {
  app: FastifyInstance;
  deps: Deps;
  database: Database;
  state: { closing: boolean };
  /** Waits (at most maxMs) for handlers still running after their client left. */
  drain: (maxMs: number) => Promise<void>;
};

export async function buildApp(config: Config, opts: { database?: Database; logger?: FastifyServerOptions['logger'] } = {}): Promise<App> {
  const database = opts.database ?? openDatabase(config);
  await migrateToLatest(database.db);

  const app = Fastify({
    logger: opts.logger ?? { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Honour a request id from the proxy in front, so one id follows a request end to end.
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    return503OnClosing: true,
  });
  const drain = trackInFlight(app);
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
  // Scheduled reminder emails to experts: each process looks once a minute; a reminder is claimed before it is sent.
  const reminderTick = setInterval(() => void sendDueReminders(deps).catch((err) => deps.log.error({ err }, 'reminder tick failed')), 60_000);
  reminderTick.unref();
  // Webhook deliveries: each process claims due ones every few seconds (config.webhooks.tickMs; 0 = off, tests drive it).
  const webhookTicker = startWebhookTicker(deps);
  app.addHook('onClose', async () => {
    state.closing = true;
    clearInterval(reminderTick);
    await webhookTicker.stop();
    deps.mailer.close();
  });
  app.addHook('preClose', async () => {
    state.closing = true;
  });

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

  healthRoutes(app, deps, state);
  authRoutes(app, deps);
  programRoutes(app, deps);
  organizationRoutes(app, deps);
  applicationRoutes(app, deps);
  programApplicationRoutes(app, deps);
  documentRoutes(app, deps);
  recommendationRoutes(app, deps);
  unitRoutes(app, deps);
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

  const hasWeb = existsSync(webDist);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist, wildcard: false, index: false, cacheControl: false,
      // Built assets have content hashes in their names: cache them for good.
      setHeaders: (res, path) => res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
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
