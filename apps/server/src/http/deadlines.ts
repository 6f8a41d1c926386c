import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';

// Every request has deadlines, so a client that stops sending (or drips bytes) cannot hold a
// socket, a file handle and a temp file for long:
// - headers: Node's headersTimeout, from the request's first byte (slowloris);
// - the whole request body: Node's requestTimeout, from the first byte until the body is in;
// - an upload's body going silent: bodyIdleTimeoutMs, watched by http/files.ts per upload
//   (a socket-wide idle timeout would also cut a slow handler that has not answered yet).
// Node answers a missed headers/request deadline through Fastify's clientError handler
// (408, then the socket is destroyed); the idle deadline is an AppError('REQUEST_TIMEOUT').

declare module 'fastify' {
  interface FastifyInstance {
    /** config.http.bodyIdleTimeoutMs, for singleFile. */
    bodyIdleTimeoutMs: number;
  }
  interface FastifyRequest {
    /** Set by singleFile: ends the upload's watch (and an unread body) once the answer is out. */
    endUpload: (() => void) | null;
  }
}

/** Fastify server options carrying the deadlines (spread into `Fastify({...})`). */
export function serverDeadlines(d: Config['http']) {
  const requestTimeout = Math.max(0, d.requestTimeoutMs);
  // Node refuses headersTimeout > requestTimeout; 0 turns either off.
  const headersTimeout = requestTimeout > 0 && d.headersTimeoutMs > 0 ? Math.min(d.headersTimeoutMs, requestTimeout) : Math.max(0, d.headersTimeoutMs);
  // Node looks for missed deadlines every connectionsCheckingInterval (default 30 s): a quarter
  // of the shortest deadline, at most a second, keeps them within about 25% (or 1 s).
  const shortest = Math.min(...[headersTimeout, requestTimeout].filter((t) => t > 0), 4000);
  const connectionsCheckingInterval = Math.max(50, Math.min(1000, Math.floor(shortest / 4)));
  return { requestTimeout, http: { headersTimeout, requestTimeout, connectionsCheckingInterval } };
}

/**
 * The upload idle deadline for singleFile, and: an answer given before its request's body has all
 * arrived (a refused or oversize upload, a 408) closes the connection, so the server never reads
 * the rest of an unbounded body just to keep the connection alive.
 */
export function installDeadlines(app: FastifyInstance, d: Config['http']): void {
  app.decorate('bodyIdleTimeoutMs', d.bodyIdleTimeoutMs);
  app.decorateRequest('endUpload', null);
  // A service that refused before reading the upload leaves its stream unread: end it with the answer.
  app.addHook('onResponse', async (request) => request.endUpload?.());
  app.addHook('onSend', async (request, reply) => {
    // `=== false`: inject()'s fake requests have no `complete` at all.
    if (request.raw.complete === false) reply.header('connection', 'close');
  });
}
