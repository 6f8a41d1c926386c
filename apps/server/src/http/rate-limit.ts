import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import rateLimit, { normalizeIP, type FastifyRateLimitStore, type RateLimitOptions } from '@fastify/rate-limit';
import { AppError } from '@lvping/domain';
import type { Deps } from '../context.ts';
import { hitRateLimit, pruneRateLimits } from '../features/system/rate-limit.repository.ts';
import type { RateLimitName } from './rate-limit-config.ts';

// Rate limits with @fastify/rate-limit, counted in the database (`rate_limits`) so that a limit
// holds across every process behind the load balancer, not per process. Routes opt in with
// `config: { rateLimit: limit(deps, 'login') }`; keys carry the kind, so routes sharing a kind
// (every upload) share one budget. A refusal is the app's own error (RATE_LIMITED, 429) with
// a Retry-After header.

const PRUNE_EVERY_MS = 60_000;

/** The store @fastify/rate-limit calls on each limited request: one atomic upsert per hit. */
export function databaseStore(deps: Deps) {
  let lastPrune = 0;
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      const now = deps.now();
      hitRateLimit(deps.db, key, now, timeWindow).then(
        ({ hits, resetAt }) => callback(null, { current: hits, ttl: Math.max(0, resetAt - now) }),
        (err: Error) => callback(err),
      );
      // Ended windows are deleted now and then (at most once a minute per process), off the request's path.
      if (now - lastPrune >= PRUNE_EVERY_MS) {
        lastPrune = now;
        pruneRateLimits(deps.db, now).catch((err) => deps.log.warn({ err }, 'rate limit pruning failed'));
      }
    }

    /** Keys already name their kind (see `limit`), so every route shares this one store. */
    child(): FastifyRateLimitStore {
      return this;
    }
  };
}

function rateLimitedError(ttlMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
  const wait = seconds < 120 ? { zh: `${seconds} 秒`, en: `${seconds} second(s)` } : { zh: `${Math.ceil(seconds / 60)} 分钟`, en: `${Math.ceil(seconds / 60)} minute(s)` };
  return new AppError('RATE_LIMITED', {
    message: { 'zh-CN': `请求过于频繁，请 ${wait.zh}后再试`, en: `Too many requests; please try again in ${wait.en}` },
    details: { retryAfterSeconds: seconds },
  });
}

/** Public look-ups (GET) limited by address; every other rule below follows from the route's shape. */
const PUBLIC_LOOKUPS = new Set(['/api/certificates/verify', '/api/public/objections/:receiptNo']);

/**
 * The limit a route gets unless it names its own: every upload (a multipart route), every form
 * posted to the public area (`POST /api/public/…`: objections and their evidence, catalog
 * contact requests) and the public look-ups. Decided from the route, so a new upload or public
 * form is limited without anyone remembering to.
 */
function defaultLimit(deps: Deps, route: { url: string; method: string | string[]; schema?: { consumes?: readonly string[] } }): RateLimitOptions | false | undefined {
  const methods = ([] as string[]).concat(route.method);
  const isPublic = route.url.startsWith('/api/public/');
  if (route.schema?.consumes?.includes('multipart/form-data')) return limit(deps, isPublic ? 'publicForm' : 'upload', 'user');
  if (isPublic && methods.includes('POST')) return limit(deps, 'publicForm', 'user');
  if (PUBLIC_LOOKUPS.has(route.url) && methods.includes('GET')) return limit(deps, 'publicLookup');
  return undefined;
}

export async function installRateLimits(app: FastifyInstance, deps: Deps): Promise<void> {
  // Added before the plugin's own onRoute hook, which then reads the option set here.
  app.addHook('onRoute', (route) => {
    if (route.config?.rateLimit !== undefined) return;
    const rule = defaultLimit(deps, route as Parameters<typeof defaultLimit>[1]);
    if (rule !== undefined) route.config = { ...route.config, rateLimit: rule };
  });
  await app.register(rateLimit, {
    // Only the routes that ask for a limit have one.
    global: false,
    store: databaseStore(deps),
    // The count lives in the database: a database that cannot be reached fails the request anyway.
    skipOnError: false,
    errorResponseBuilder: (_req, context) => rateLimitedError(context.ttl),
  });
}

const ipOf = (req: FastifyRequest) => normalizeIP(req.ip ?? 'unknown');

/**
 * The route option for a limited kind: per address, or per signed-in user with `by: 'user'`
 * (uploads: several people behind one office address each get their own budget).
 * `false` when the kind's limit is off.
 */
export function limit(deps: Deps, kind: RateLimitName, by: 'ip' | 'user' = 'ip'): RateLimitOptions | false {
  const rule = deps.config.rateLimits[kind];
  if (rule.max <= 0) return false;
  return {
    max: rule.max,
    timeWindow: rule.windowMs,
    keyGenerator: (req) => (by === 'user' && req.actor ? `${kind}|user:${req.actor.userId}` : `${kind}|ip:${ipOf(req)}`),
  };
}

/**
 * A second limit on a value of the validated body (e.g. the email a reset link goes to), run as
 * the route's preHandler. Counts whether or not the account exists, so it tells nothing.
 */
export function limitByBody<B>(app: FastifyInstance, deps: Deps, kind: RateLimitName, keyOf: (body: B) => string): preHandlerAsyncHookHandler {
  const rule = deps.config.rateLimits[kind];
  if (rule.max <= 0) return async () => {};
  const check = app.createRateLimit({
    max: rule.max,
    timeWindow: rule.windowMs,
    keyGenerator: (req) => `${kind}|${keyOf(req.body as B).trim().toLowerCase()}`,
  });
  return async (req, reply) => {
    const result = await check(req);
    if (!result.isAllowed && result.isExceeded) {
      reply.header('retry-after', result.ttlInSeconds);
      throw rateLimitedError(result.ttl);
    }
  };
}
