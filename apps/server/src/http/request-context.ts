import type { Actor } from '../context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null. Set for every request by the session hook. */
    actor: Actor | null;
    /** 'expired' when a session cookie was sent but no longer works. */
    sessionState: 'none' | 'expired' | 'ok';
  }
}

export const SESSION_COOKIE = 'lvping_session';
export const CSRF_COOKIE = 'lvping_csrf';
export const CSRF_HEADER = 'x-csrf-token';
