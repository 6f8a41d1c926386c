import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@lvping/domain';
import type { Actor, Deps, RequestMeta } from '../context.ts';
import { resolveSession } from '../features/auth/auth.service.ts';
import { hmac, randomToken, safeEqual } from '../features/auth/tokens.ts';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from './request-context.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * httpOnly (no script reads them; the web app gets the CSRF token from /api/auth/session),
 * SameSite=Lax, and Secure whenever the site is https: by its PUBLIC_URL, or because the
 * request came over https (directly, or through a proxy trusted with TRUST_PROXY).
 */
function cookieOptions(deps: Deps, request: FastifyRequest) {
  const secure = deps.config.publicUrl.startsWith('https://') || request.protocol === 'https';
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };
}

/** A CSRF token is a random value and its HMAC: the header must echo the cookie, and the cookie must be ours. */
export function newCsrfToken(secret: string): string {
  const value = randomToken(18);
  return `${value}.${hmac(secret, value)}`;
}

function csrfTokenValid(secret: string, cookie: string | undefined, header: string | undefined): boolean {
  if (!cookie || !header || !safeEqual(cookie, header)) return false;
  const [value, mac] = cookie.split('.');
  return !!value && !!mac && safeEqual(mac, hmac(secret, value));
}

/** The browser's CSRF token, issuing one when it has none yet. */
export function ensureCsrfToken(deps: Deps, request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && csrfTokenValid(deps.secret, existing, existing)) return existing;
  const token = newCsrfToken(deps.secret);
  reply.setCookie(CSRF_COOKIE, token, { ...cookieOptions(deps, request), maxAge: 365 * 24 * 3600 });
  return token;
}

export function setSessionCookie(deps: Deps, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(deps, reply.request), maxAge: Math.floor(deps.config.auth.sessionTtlMs / 1000) });
}

export function clearSessionCookie(deps: Deps, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(deps, reply.request));
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  return { requestId: request.id, ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
}

/** The signed-in user, or the right 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (request.actor) return request.actor;
  throw new AppError(request.sessionState === 'expired' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
}

export function installSessionHooks(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionState', 'none');
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (!csrfTokenValid(deps.secret, request.cookies[CSRF_COOKIE], typeof header === 'string' ? header : undefined)) {
        throw new AppError('CSRF_INVALID');
      }
    }
    const lookup = await resolveSession(deps, request.cookies[SESSION_COOKIE]);
    request.sessionState = lookup.state;
    if (lookup.state === 'ok') request.actor = lookup.actor;
    else if (lookup.state === 'expired') clearSessionCookie(deps, reply);
  });
}
