// The server under test, in its own process: `node --import tsx bench/serve.ts <bare|lvping>`.
// autocannon in the same process would compete with the server for one event
// loop and skew both numbers; here each side gets a core of the 2-core box.
// Configured from env (PORT, DATA_DIR, DATABASE_URL, LOG_LEVEL, …) like main.ts.
// Prints "BENCH_READY <port>" once listening; exits when stdin closes, so it
// can't outlive a parent that died without cleaning up.
import Fastify, { type FastifyInstance } from 'fastify';

const target = process.argv[2];
let app: FastifyInstance;
/** What to close after the app itself: the database, once abandoned handlers are done. */
let close: () => Promise<void>;

if (target === 'bare') {
  // The baseline: Fastify 5 as it comes, no plugins, no hooks.
  app = Fastify({ logger: false });
  app.get('/', async () => ({ ok: true }));
  close = async () => {};
} else if (target === 'lvping') {
  // Imported lazily so the bare baseline doesn't load (or pay for) the app.
  const { loadConfig } = await import('../apps/server/src/config.ts');
  const { buildApp } = await import('../apps/server/src/app.ts');
  const config = loadConfig(process.env);
  // Only buildApp, not main.ts: no seed programs, first admin or demo data,
  // which the measured endpoints don't need and which would print secrets.
  const built = await buildApp(config, { logger: { level: config.logLevel } });
  app = built.app;
  close = async () => {
    // Handlers whose client (autocannon, at the end) hung up still run: let them finish.
    await built.drain(5000);
    await built.database.close();
  };
} else {
  console.error(`usage: serve.ts <bare|lvping>, got ${target}`);
  process.exit(2);
}

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  try {
    await app.close();
    await close();
  } finally {
    process.exit(0);
  }
}
process.once('SIGTERM', () => void shutdown());
process.stdin.on('end', () => void shutdown());
process.stdin.resume();

await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error(`unexpected listen address ${String(address)}`);
process.stdout.write(`BENCH_READY ${address.port}\n`);
