// An open-loop load generator: requests are scheduled at a fixed arrival rate, whatever the
// server answers, and each latency runs from the moment the request was *scheduled* (not
// sent). A closed-loop client (autocannon: N connections, each waiting for its answer) slows
// down with the server and so hides a slow server as "fewer requests" — coordinated omission;
// here a slow server shows as latency, as it does to 20,000 applicants who do not wait for
// each other. Keep-alive sockets from one pool, as many as the in-flight requests need.
import http from 'node:http';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { Measurement } from './measure.ts';

export type Reply = { status: number; body: string };

/** One kind of request at its own rate; `send(i)` makes the i-th and resolves when it is answered. */
export type Stream = {
  name: string;
  ratePerS: number;
  /** Resolves with the final HTTP status (2xx counts as success); a throw is an error too. */
  send: (i: number) => Promise<number>;
};

export type StreamResult = {
  name: string;
  measurement: Measurement;
  /** Errors (non-2xx, failures, timeouts) in each minute of the measured run, by scheduled time. */
  errorsPerMinute: number[];
  firstError: string | null;
};

export type OpenLoopResult = {
  streams: StreamResult[];
  /** How late the client dispatched requests against their schedule (its own overhead), ms. */
  dispatchLagP99Ms: number;
  dispatchLagMaxMs: number;
  /** The client's CPU use over the run, as a fraction of one core. */
  clientCpu: number;
  /** The client's event-loop delay p99, ms: a busy client delays reading answers too. */
  clientLoopDelayP99Ms: number;
  /** Most requests in flight at once (≈ sockets the pool opened). */
  maxInFlight: number;
};

export function createClient(baseUrl: string, timeoutMs = 10_000) {
  const url = new URL(baseUrl);
  // No socket cap: open loop means a slow server gets more requests in flight, not a queue here.
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, scheduling: 'fifo' });
  const request = (method: string, path: string, headers: Record<string, string>, body?: string | Buffer): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : typeof body === 'string' ? Buffer.from(body) : body;
      const req = http.request(
        { agent, host: url.hostname, port: url.port, method, path, headers: payload ? { ...headers, 'content-length': String(payload.length) } : headers, timeout: timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  return { request, close: () => agent.destroy() };
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/**
 * Runs every stream at its rate for warmupS + seconds; only requests scheduled after the
 * warm-up are counted. Waits (up to drainMs) for the last answers.
 */
export async function runOpenLoop(streams: Stream[], opts: { seconds: number; warmupS: number; drainMs?: number }): Promise<OpenLoopResult> {
  const totalS = opts.warmupS + opts.seconds;
  const minutes = Math.max(1, Math.ceil(opts.seconds / 60));
  const state = streams.map((s) => ({
    s, next: 0, total: Math.floor(s.ratePerS * totalS), latencies: [] as number[], ok: 0, errors: 0, timeouts: 0,
    codes: {} as Record<string, number>, perMinute: new Array<number>(minutes).fill(0), firstError: null as string | null, inFlight: 0,
  }));
  const lags: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const pending = new Set<Promise<void>>();
  const loop = monitorEventLoopDelay({ resolution: 1 });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now() + 20;
  const measuredFrom = t0 + opts.warmupS * 1000;

  const dispatch = (st: (typeof state)[number], i: number, scheduled: number) => {
    const counted = scheduled >= measuredFrom;
    if (counted) lags.push(performance.now() - scheduled);
    const fail = (why: string) => {
      st.errors++;
      st.perMinute[Math.min(minutes - 1, Math.floor((scheduled - measuredFrom) / 60_000))]++;
      st.firstError ??= why;
    };
    inFlight++;
    st.inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const p = st.s.send(i).then(
      (status) => {
        if (!counted) return;
        st.codes[status] = (st.codes[status] ?? 0) + 1;
        if (status >= 200 && status < 300) {
          st.ok++;
          st.latencies.push(performance.now() - scheduled);
        } else fail(`HTTP ${status}`);
      },
      (err: Error) => {
        if (!counted) return;
        if (/timeout/.test(err.message)) st.timeouts++;
        fail(err.message);
      },
    ).finally(() => {
      inFlight--;
      st.inFlight--;
      pending.delete(p);
    });
    pending.add(p);
  };

  loop.enable();
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      let left = false;
      for (const st of state) {
        const interval = 1000 / st.s.ratePerS;
        while (st.next < st.total && t0 + st.next * interval <= now) {
          dispatch(st, st.next, t0 + st.next * interval);
          st.next++;
        }
        if (st.next < st.total) left = true;
      }
      if (left) setTimeout(tick, 1);
      else resolve();
    };
    setTimeout(tick, Math.max(0, t0 - performance.now()));
  });
  const drainUntil = Date.now() + (opts.drainMs ?? 15_000);
  while (pending.size > 0 && Date.now() < drainUntil) await Promise.race([...pending, new Promise((r) => setTimeout(r, 100))]);
  loop.disable();
  const elapsedS = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu0);

  const sortedLags = Float64Array.from(lags).sort();
  return {
    streams: state.map((st) => {
      const sorted = Float64Array.from(st.latencies).sort();
      const measurement: Measurement = {
        reqPerSec: st.ok / opts.seconds,
        p50Ms: percentile(sorted, 0.5),
        p95Ms: percentile(sorted, 0.95),
        p99Ms: percentile(sorted, 0.99),
        maxMs: sorted.length ? sorted[sorted.length - 1] : NaN,
        autocannonP99Ms: NaN,
        requests: st.ok,
        durationS: opts.seconds,
        connections: maxInFlight,
        // Still unanswered after the drain: errors too (the last minute's).
        errors: st.errors + st.inFlight,
        timeouts: st.timeouts,
        non2xx: Object.entries(st.codes).filter(([c]) => !c.startsWith('2')).reduce((n, [, k]) => n + k, 0),
        statusCodes: st.codes,
      };
      st.perMinute[minutes - 1] += st.inFlight;
      return { name: st.s.name, measurement, errorsPerMinute: st.perMinute, firstError: st.firstError ?? (st.inFlight ? `${st.inFlight} unanswered after the drain` : null) };
    }),
    dispatchLagP99Ms: percentile(sortedLags, 0.99),
    dispatchLagMaxMs: sortedLags.length ? sortedLags[sortedLags.length - 1] : NaN,
    clientCpu: (used.user + used.system) / 1e6 / elapsedS,
    clientLoopDelayP99Ms: loop.percentile(99) / 1e6,
    maxInFlight,
  };
}

/**
 * Slots whose requests must not overlap (one applicant's autosaves: each carries the revision
 * the last returned). A request scheduled while its slot's previous one is in flight waits for
 * it — its latency still counts from its scheduled time — as a browser's next autosave waits.
 */
export function serialised<T>(slots: T[], send: (slot: T, i: number) => Promise<number>): (i: number) => Promise<number> {
  const busy = new Map<T, Promise<unknown>>();
  return (i) => {
    const slot = slots[i % slots.length];
    const run = (busy.get(slot) ?? Promise.resolve()).then(() => send(slot, i));
    busy.set(slot, run.catch(() => {}));
    return run;
  };
}
