// The server under test, in its own process: `node --import tsx bench/serve.ts <bare|lvping>`.
// autocannon in the same process would compete with the server for one event
// loop and skew both numbers; here each side gets a core of the 2-core box.
// Configured from env (PORT, DATA_DIR, DATABASE_URL, LOG_LEVEL, …) like main.ts.
// Prints "BENCH_READY <port>" once listening; exits when stdin closes, so it
// can't outlive a parent that died without cleaning up.
import Fastify, { type FastifyInstance } from 'fastify';

// autocannon drops its connections when time is up. Handlers whose client has
// hung up keep running, but app.close() doesn't wait for them (no socket is
// left), so closing the database right away makes them fail and log errors.
// Track requests until their handler has produced a reply (onSend also runs
// for aborted ones); returns a wait for them. Not used for the bare baseline,
// which has no database and must stay hook-free.
function trackInFlight(app: FastifyInstance): (maxMs: number) => Promise<void> {
  const inFlight = new Set<unknown>();
  app.server.on('request', (req, res) => {
    inFlight.add(req);
    res.once('finish', () => inFlight.delete(req)); // replies sent around Fastify's hooks (503 while closing)
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
  const drain = trackInFlight(app);
  close = async () => {
    await drain(5000);
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
