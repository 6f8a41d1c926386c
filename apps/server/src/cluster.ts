// WORKERS=N: N processes answering on one port (node:cluster; the primary accepts and hands
// connections round-robin to the workers). The primary only supervises: it opens no database
// and builds no app. The processes share nothing in memory — sessions, CSRF key, lockouts and
// the audit chain live in the database — so this is the same as N processes behind a proxy,
// without the proxy. Meant for PostgreSQL; SQLite has one writer at a time whatever the count.
import cluster, { type Worker } from 'node:cluster';

/** The message a worker sends once it listens. */
type Listening = { lvping: 'listening'; port: number };

/** How many worker processes WORKERS asks for (1, the default: no cluster). */
export function workerCount(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.WORKERS?.trim();
  if (!raw) return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`WORKERS: "${raw}" is not a whole number from 1 to 64`);
  return n;
}

/** In a worker: tells the primary it listens (no-op outside a cluster). */
export function reportListening(port: number): void {
  if (cluster.isWorker) process.send?.({ lvping: 'listening', port } satisfies Listening);
}

/** Whether this process does the one-time start work (seed programs, first admin): the first worker, or a lone process. */
export const doesStartupWork = (): boolean => !cluster.isWorker || process.env.LVPING_WORKER_SETUP === '1';

export type SuperviseOptions = {
  workers: number;
  /** All workers listen, on this port. */
  onListening?: (port: number) => void;
  log?: (message: string) => void;
  /** How long workers get to finish in-flight requests after SIGTERM before they are killed. */
  stopGraceMs?: number;
};

/**
 * The primary's part. The first worker starts alone and does the start work (migrations,
 * seed programs, first admin), so two workers never race at it; the others are forked once it
 * listens. A worker that dies later is replaced (after a second, so a crash loop does not
 * spin); one that dies before the first is up stops the whole start. SIGTERM/SIGINT are passed
 * to the workers, which finish their requests and exit; then the primary exits.
 * `exited` resolves with the exit code once every worker has stopped; `stop` is what the signals do.
 */
export function superviseWorkers(opts: SuperviseOptions): { exited: Promise<number>; stop: () => void } {
  const log = opts.log ?? ((m: string) => console.log(m));
  const stopGraceMs = opts.stopGraceMs ?? 20_000;
  let stopping = false;
  let up = false;
  const live = new Set<Worker>();
  const listening = new Set<Worker>();
  let stop = () => {};

  const exited = new Promise<number>((resolve) => {
    const finish = (code: number) => {
      if (live.size === 0) resolve(code);
    };
    const fork = (setup: boolean) => {
      const worker = cluster.fork({ LVPING_WORKER_SETUP: setup ? '1' : '0' });
      live.add(worker);
      worker.on('message', (m: Partial<Listening>) => {
        if (m?.lvping !== 'listening') return;
        if (setup && !up) {
          up = true;
          for (let i = 1; i < opts.workers; i++) fork(false);
        }
        listening.add(worker);
        if (listening.size === opts.workers) opts.onListening?.(m.port!);
      });
      worker.on('exit', (code, signal) => {
        live.delete(worker);
        listening.delete(worker);
        if (stopping) return finish(0);
        if (!up) {
          // The first worker failed to start (bad configuration, database unreachable): so would the rest.
          log(`worker ${worker.process.pid} exited during start (code ${code}, signal ${signal}); stopping`);
          stop();
          return finish(code || 1);
        }
        log(`worker ${worker.process.pid} exited (code ${code}, signal ${signal}); starting another`);
        setTimeout(() => !stopping && fork(false), 1000).unref();
      });
    };
    stop = () => {
      if (stopping) return;
      stopping = true;
      for (const w of live) w.process.kill('SIGTERM');
      // Workers stop themselves within their own grace; this is the backstop.
      setTimeout(() => {
        for (const w of live) w.process.kill('SIGKILL');
      }, stopGraceMs).unref();
    };
    process.once('SIGTERM', () => stop());
    process.once('SIGINT', () => stop());
    fork(true);
  });
  return { exited, stop: () => stop() };
}
