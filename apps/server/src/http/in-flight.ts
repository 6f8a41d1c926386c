import type { FastifyInstance } from 'fastify';

/**
 * Tracks requests until their handler has produced a reply. A client that hangs up
 * mid-request leaves its handler running, and app.close() does not wait for it (no socket
 * is left); closing the database under it would fail its work. Shutdown waits on this.
 */
export function trackInFlight(app: FastifyInstance): (maxMs: number) => Promise<void> {
  const inFlight = new Set<unknown>();
  const handling = new WeakSet<object>();
  app.server.on('request', (req, res) => {
    inFlight.add(req);
    res.once('finish', () => inFlight.delete(req)); // replies sent around Fastify's hooks (503 while closing)
    // A client gone before its handler started: nothing of ours will run for it, stop waiting.
    res.once('close', () => {
      if (!handling.has(req)) inFlight.delete(req);
    });
  });
  app.addHook('preHandler', async (request) => {
    handling.add(request.raw);
  });
  app.addHook('onSend', async (request, _reply, payload) => {
    inFlight.delete(request.raw);
    return payload;
  });
  return async (maxMs) => {
    const until = Date.now() + maxMs;
    while (inFlight.size > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
  };
}
