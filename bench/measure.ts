// measure(url, opts): one autocannon run against a server in another process.
import autocannon from 'autocannon';

function envNumber(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v >= 0 && process.env[name] !== '' ? v : fallback;
}

/** Shared defaults; BENCH_CONNECTIONS / BENCH_DURATION / BENCH_WARMUP override them for a quick local run. */
export const defaults = {
  connections: envNumber('BENCH_CONNECTIONS', 10),
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
   * By default any non-2xx fails the run, so a benchmark of fast 401s can't
   * pass for a fast endpoint; when allowed, non-2xx responses count too.
   */
  allowNon2xx?: boolean;
};

export type Measurement = {
  reqPerSec: number;
  p50Ms: number;
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
};

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export async function measure(url: string, opts: MeasureOptions = {}): Promise<Measurement> {
  const connections = opts.connections ?? defaults.connections;
  const durationS = opts.durationS ?? defaults.durationS;
  const warmupS = opts.warmupS ?? defaults.warmupS;
  const instance = autocannon({
    url,
    connections,
    duration: durationS,
    timeout: 10,
    method: opts.method ?? 'GET',
    headers: opts.headers,
    body: opts.body,
    ...(warmupS > 0 ? { warmup: { connections, duration: warmupS } } : {}),
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
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count]));
  const m: Measurement = {
    reqPerSec: r.requests.average,
    p50Ms: percentile(sorted, 0.5),
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
    throw new Error(`${opts.method ?? 'GET'} ${url}: ${m.requests} counted, ${m.non2xx} non-2xx, ${m.errors} errors (${m.timeouts} timeouts); status codes ${JSON.stringify(statusCodes)}`);
  }
  return m;
}
