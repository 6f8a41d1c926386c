import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ChangePasswordRequestSchema, LoginRequestSchema, MeSchema, OkSchema, PasswordResetConfirmSchema,
  PasswordResetRequestSchema, RegisterConfirmResponseSchema, RegisterConfirmSchema, RegisterRequestSchema, RegisterResponseSchema, SessionResponseSchema,
} from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { clearSessionCookie, ensureCsrfToken, requestMeta, requireActor, setSessionCookie } from '../../http/session.hooks.ts';
import { limit, limitByBody } from '../../http/rate-limit.ts';
import { changePassword, confirmPasswordReset, login, logout, requestPasswordReset, toMe } from './auth.service.ts';
import { confirmRegistration, register } from './registration.service.ts';

export function authRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  // Per address (http/rate-limit.ts); mails to one address are limited by the address too.
  const mailPerAddress = limitByBody<{ email: string }>(app, deps, 'mailPerAddress', (b) => b.email);

  r.get('/api/auth/session', { schema: { tags, summary: 'Who is signed in, and the CSRF token to send back', response: { 200: SessionResponseSchema } } }, async (req, reply) => ({
    user: req.actor ? toMe(req.actor) : null,
    csrfToken: ensureCsrfToken(deps, req, reply),
  }));

  r.get('/api/auth/me', { schema: { tags, summary: 'The signed-in user', response: { 200: MeSchema } } }, async (req) => toMe(requireActor(req)));

  r.post('/api/auth/register', {
    schema: { tags, summary: 'Sign up: emails the link that creates the account (the same answer for a registered address)', body: RegisterRequestSchema, response: { 200: RegisterResponseSchema } },
    config: { rateLimit: limit(deps, 'register') },
    preHandler: mailPerAddress,
  }, async (req, reply) => {
    const { signedIn } = await register(deps, req.body, requestMeta(req));
    if (signedIn) setSessionCookie(deps, reply, signedIn.sessionToken);
    return { user: signedIn?.me ?? null, csrfToken: ensureCsrfToken(deps, req, reply), checkEmail: !signedIn };
  });

  r.post('/api/auth/register/confirm', {
    schema: { tags, summary: 'Follow the emailed sign-up link: create the account and sign in', body: RegisterConfirmSchema, response: { 200: RegisterConfirmResponseSchema } },
    config: { rateLimit: limit(deps, 'passwordResetConfirm') },
  }, async (req, reply) => {
    const { me, sessionToken, next } = await confirmRegistration(deps, req.body.token, requestMeta(req));
    setSessionCookie(deps, reply, sessionToken);
    return { user: me, csrfToken: ensureCsrfToken(deps, req, reply), next };
  });

  r.post('/api/auth/login', { schema: { tags, summary: 'Sign in', body: LoginRequestSchema, response: { 200: SessionResponseSchema } }, config: { rateLimit: limit(deps, 'login') } }, async (req, reply) => {
    const { me, sessionToken } = await login(deps, req.body, requestMeta(req));
    setSessionCookie(deps, reply, sessionToken);
    return { user: me, csrfToken: ensureCsrfToken(deps, req, reply) };
  });

  r.post('/api/auth/logout', { schema: { tags, summary: 'Sign out', response: { 200: OkSchema } } }, async (req, reply) => {
    if (req.actor) await logout(deps, req.actor);
    clearSessionCookie(deps, reply);
    return { ok: true as const };
  });

  r.post('/api/auth/password-reset/request', {
    schema: { tags, summary: 'Email a password reset link', body: PasswordResetRequestSchema, response: { 200: OkSchema } },
    config: { rateLimit: limit(deps, 'passwordReset') },
    preHandler: mailPerAddress,
  }, async (req) => {
    await requestPasswordReset(deps, req.body.email, requestMeta(req));
    return { ok: true as const };
  });

  r.post('/api/auth/password-reset/confirm', { schema: { tags, summary: 'Set a new password with an emailed token', body: PasswordResetConfirmSchema, response: { 200: OkSchema } }, config: { rateLimit: limit(deps, 'passwordResetConfirm') } }, async (req) => {
    await confirmPasswordReset(deps, req.body, requestMeta(req));
    return { ok: true as const };
  });

  r.post('/api/auth/password/change', { schema: { tags, summary: 'Change the password (required after a one-time password)', body: ChangePasswordRequestSchema, response: { 200: OkSchema } }, config: { rateLimit: limit(deps, 'passwordChange') } }, async (req) => {
    await changePassword(deps, requireActor(req), req.body, requestMeta(req));
    return { ok: true as const };
  });
}
