// measure(url, opts): one autocannon run against a server in another process.
import autocannon from 'autocannon';

function envNumber(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v >= 0 && process.env[name] !== '' ? v : fallback;
}

/**
 * Shared defaults; BENCH_CONNECTIONS / BENCH_SAVE_CONNECTIONS / BENCH_DURATION /
 * BENCH_WARMUP override them for a quick local run.
 */
export const defaults = {
  connections: envNumber('BENCH_CONNECTIONS', 10),
  /** The draft-save scenarios and their baseline: autosaves from many applicants at once. */
  saveConnections: envNumber('BENCH_SAVE_CONNECTIONS', 50),
  durationS: envNumber('BENCH_DURATION', 5),
  warmupS: envNumber('BENCH_WARMUP', 1),
};

export type MeasureOptions = {
  connections?: number;
  durationS?: number;
  /** Discarded first run: lets V8 optimise the hot path and pools fill before we count. */
  warmupS?: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /**
   * Per-request hooks (autocannon's `requests`), for requests that differ from
   * one to the next, e.g. a save that must send the revision the previous one
   * returned. They set method, path, headers and body themselves; the URL
   * then gives only the host.
   */
  requests?: autocannon.Request[];
  /**
   * Runs after the warm-up, before the measured run: the warm-up's last
   * requests were cut off mid-flight, so client-side state that follows the
   * server's (revisions) may need resyncing.
   */
  afterWarmup?: () => Promise<void>;
  /**
   * By default any non-2xx fails the run, so a benchmark of fast 401s can't
   * pass for a fast endpoint; when allowed, non-2xx responses count too.
   */
  allowNon2xx?: boolean;
};

export type Measurement = {
  reqPerSec: number;
  p50Ms: number;
  /** Where measured (autocannon and open-loop runs). */
  p95Ms?: number;
  p99Ms: number;
  maxMs: number;
  /** autocannon's own p99, rounded to whole milliseconds by its histogram. */
  autocannonP99Ms: number;
  /** Responses counted in the percentiles: the 2xx ones, or all with allowNon2xx. */
  requests: number;
  durationS: number;
  connections: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** Whatever else a scenario reports (the surge's streams, the client's overhead): kept in the JSON. */
  details?: unknown;
};

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function failure(what: string, r: { requests: number; non2xx: number; errors: number; timeouts: number; statusCodes: Record<string, number> }): Error {
  return new Error(`${what}: ${r.requests} counted, ${r.non2xx} non-2xx, ${r.errors} errors (${r.timeouts} timeouts); status codes ${JSON.stringify(r.statusCodes)}`);
}

const statusCodesOf = (r: autocannon.Result) => Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count]));

export async function measure(url: string, opts: MeasureOptions = {}): Promise<Measurement> {
  const connections = opts.connections ?? defaults.connections;
  const durationS = opts.durationS ?? defaults.durationS;
  const warmupS = opts.warmupS ?? defaults.warmupS;
  const what = opts.requests ? `${url} (per-request hooks)` : `${opts.method ?? 'GET'} ${url}`;
  const base: autocannon.Options = {
    url,
    connections,
    timeout: 10,
    method: opts.method ?? 'GET',
    headers: opts.headers,
    body: opts.body,
    ...(opts.requests ? { requests: opts.requests } : {}),
  };
  if (warmupS > 0 && opts.afterWarmup) {
    // A run of its own (autocannon's built-in warm-up starts the measured run
    // straight after, with no room for the hook); its results are discarded
    // but its failures are not: the hooks' bookkeeping must hold from the start.
    const w = await autocannon({ ...base, duration: warmupS });
    const non2xx = opts.allowNon2xx ? 0 : w.non2xx;
    if (w.errors > 0 || non2xx > 0) {
      throw failure(`${what} (warm-up)`, { requests: w.requests.total, non2xx, errors: w.errors, timeouts: w.timeouts, statusCodes: statusCodesOf(w) });
    }
    await opts.afterWarmup();
  }
  const instance = autocannon({
    ...base,
    duration: durationS,
    ...(warmupS > 0 && !opts.afterWarmup ? { warmup: { connections, duration: warmupS } } : {}),
  });
  // autocannon's histogram has 1 ms resolution, which turns a 0.6 ms vs 1.4 ms
  // p99 into "1 vs 2". Keep the raw response times (measured run only; the
  // warm-up reports on another emitter) for sub-millisecond percentiles.
  const samples: number[] = [];
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (opts.allowNon2xx || (statusCode >= 200 && statusCode < 300)) samples.push(responseTime);
  });
  const r = await instance;
  const sorted = Float64Array.from(samples).sort();
  const statusCodes = statusCodesOf(r);
  const m: Measurement = {
    reqPerSec: r.requests.average,
    p50Ms: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted.length ? sorted[sorted.length - 1] : NaN,
    autocannonP99Ms: r.latency.p99,
    requests: samples.length,
    durationS: r.duration,
    connections,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statusCodes,
  };
  if (m.errors > 0 || m.requests === 0 || (!opts.allowNon2xx && m.non2xx > 0)) {
    throw failure(what, m);
  }
  return m;
}
