// The server under test, in its own process: `node --import tsx bench/serve.ts <bare|bare-write|lvping>`.
// autocannon in the same process would compete with the server for one event
// loop and skew both numbers; here each side gets a core of the 2-core box.
// Configured from env (PORT, DATA_DIR, DATABASE_URL, LOG_LEVEL, …) like main.ts.
// Prints "BENCH_READY <port>" once listening; exits when stdin closes, so it
// can't outlive a parent that died without cleaning up.
// WORKERS=N (lvping only): N worker processes on one port through node:cluster, as main.ts
// runs them; the primary prints the ready line once all listen and stops them when it stops.
import cluster from 'node:cluster';
import Fastify, { type FastifyInstance } from 'fastify';
import { doesStartupWork, reportListening, superviseWorkers, workerCount } from '../apps/server/src/cluster.ts';

const target = process.argv[2];
const workers = target === 'lvping' ? workerCount() : 1;
if (workers > 1 && cluster.isPrimary) {
  const supervisor = superviseWorkers({
    workers,
    onListening: (port) => void process.stdout.write(`BENCH_READY ${port}\n`),
    log: (message) => console.error(message),
  });
  process.stdin.on('end', () => supervisor.stop());
  process.stdin.resume();
  process.exit(await supervisor.exited);
}

let app: FastifyInstance;
/** What to close after the app itself: the database, once abandoned handlers are done. */
let close: () => Promise<void>;

if (target === 'bare') {
  // The baseline: Fastify 5 as it comes, no plugins, no hooks.
  app = Fastify({ logger: false });
  app.get('/', async () => ({ ok: true }));
  close = async () => {};
} else if (target === 'bare-write') {
  // The baseline for saving a draft: the same PUT body parsed by Fastify (no
  // schema), its answers written as JSON text into SQLite by better-sqlite3
  // directly, with the app's pragmas. BARE_ROWS rows exist up front (one per
  // connection); the same revision check as the app, so a stale save is a 409 here too.
  const { default: SQLite } = await import('better-sqlite3');
  const { join } = await import('node:path');
  const file = new SQLite(join(process.env.DATA_DIR ?? '.', 'bare-write.sqlite'));
  file.pragma('journal_mode = WAL');
  file.pragma('foreign_keys = ON');
  // The app's level (SQLITE_SYNCHRONOUS, default normal: config.ts), so the baseline pays the same fsyncs.
  const { loadConfig } = await import('../apps/server/src/config.ts');
  file.pragma(`synchronous = ${loadConfig(process.env).sqliteSynchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  file.exec('CREATE TABLE drafts (id INTEGER PRIMARY KEY, answers_json TEXT NOT NULL, revision INTEGER NOT NULL, updated_at INTEGER NOT NULL)');
  const insert = file.prepare('INSERT INTO drafts (id, answers_json, revision, updated_at) VALUES (?, ?, 0, ?)');
  const rows = Number(process.env.BARE_ROWS ?? 50);
  file.transaction(() => {
    for (let id = 1; id <= rows; id++) insert.run(id, '{}', Date.now());
  })();
  const update = file.prepare('UPDATE drafts SET answers_json = ?, revision = revision + 1, updated_at = ? WHERE id = ? AND revision = ?');
  const read = file.prepare<[number], { answers_json: string; revision: number }>('SELECT answers_json, revision FROM drafts WHERE id = ?');

  app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  app.put<{ Params: { id: string }; Body: { answers: unknown; baseRevision: number } }>('/drafts/:id', async (req, reply) => {
    const { answers, baseRevision } = req.body;
    const saved = update.run(JSON.stringify(answers), Date.now(), Number(req.params.id), baseRevision);
    if (saved.changes !== 1) return reply.code(409).send({ code: 'STALE_REVISION' });
    return { revision: baseRevision + 1 };
  });
  // For the scenario's bookkeeping and its check afterwards; not measured.
  app.get<{ Params: { id: string } }>('/drafts/:id', async (req, reply) => {
    const row = read.get(Number(req.params.id));
    return row ? { revision: row.revision, answers: JSON.parse(row.answers_json) } : reply.code(404).send({});
  });
  close = async () => {
    file.close();
  };
} else if (target === 'lvping') {
  // Imported lazily so the bare baseline doesn't load (or pay for) the app.
  const { loadConfig } = await import('../apps/server/src/config.ts');
  const { buildApp } = await import('../apps/server/src/app.ts');
  const config = loadConfig(process.env);
  // Only buildApp, not main.ts: no seed programs or first admin, which the
  // measured endpoints don't need and which would print secrets.
  const built = await buildApp(config, { logger: { level: config.logLevel } });
  app = built.app;
  if (config.demoData && doesStartupWork()) {
    // DEMO_DATA=1: the demo editions of the seed programs, calls open now
    // (e.g. kczg-2022-demo), for scenarios that apply to one. Nothing printed.
    const { loadDemoData } = await import('../apps/server/src/features/system/demo-data.ts');
    await loadDemoData(built.deps);
  }
  close = async () => {
    // Handlers whose client (autocannon, at the end) hung up still run: let them finish.
    await built.drain(5000);
    await built.database.close();
  };
} else {
  console.error(`usage: serve.ts <bare|bare-write|lvping>, got ${target}`);
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
if (cluster.isWorker) {
  // The primary's stdin is ours too: leave it to the primary, and stop if the primary is gone.
  process.once('disconnect', () => void shutdown());
} else {
  process.stdin.on('end', () => void shutdown());
  process.stdin.resume();
}

await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error(`unexpected listen address ${String(address)}`);
if (cluster.isWorker) reportListening(address.port);
else process.stdout.write(`BENCH_READY ${address.port}\n`);
