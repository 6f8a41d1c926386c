import type { FastifyInstance } from 'fastify';

/**
 * On SIGTERM/SIGINT: report not-ready, stop accepting, let in-flight requests finish,
 * then run `cleanup` (close the database) and exit. Returns the function it runs, so
 * tests can call it without sending a signal to the test runner.
 */
export function installGracefulShutdown(
  app: FastifyInstance,
  cleanup: () => Promise<void>,
  exit: (code: number) => void = process.exit,
  graceMs = 15_000,
): () => Promise<void> {
  let closing: Promise<void> | null = null;
  const shutdown = () =>
    (closing ??= (async () => {
      app.log.info('shutting down: finishing in-flight requests');
      // A request that never ends must not keep the process from stopping.
      const force = setTimeout(() => app.server.closeAllConnections(), graceMs);
      force.unref();
      try {
        await app.close();
        clearTimeout(force);
        await cleanup();
        exit(0);
      } catch (err) {
        app.log.error({ err }, 'error during shutdown');
        exit(1);
      }
    })());
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  return shutdown;
}
