import type { FastifyInstance } from 'fastify';

/**
 * On SIGTERM/SIGINT: report not-ready, stop accepting, let in-flight requests finish,
 * then run `cleanup` (close the database) and exit. Returns the function it runs, so
 * tests can call it without sending a signal to the test runner.
 */
export function installGracefulShutdown(app: FastifyInstance, cleanup: () => Promise<void>, exit: (code: number) => void = process.exit): () => Promise<void> {
  let closing: Promise<void> | null = null;
  const shutdown = () =>
    (closing ??= (async () => {
      app.log.info('shutting down: finishing in-flight requests');
      try {
        await app.close();
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
