// For benchmarks of work done in-process rather than HTTP requests (rendering a PDF, writing
// an export): time repeated runs and report them in the report's Measurement shape, where a
// "request" is one run, req/s is runs per second and the percentiles are of run times.
import type { Measurement } from '../measure.ts';

export type RunStats = { runs: number; medianMs: number; p95Ms: number; p99Ms: number; maxMs: number };

function percentile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function stats(samplesMs: number[]): RunStats {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    medianMs: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted[sorted.length - 1] ?? NaN,
  };
}

/** Runs `fn` `warmup` times unmeasured (JIT, font caches), then `runs` times, each timed. */
export async function timeRuns(fn: () => Promise<unknown>, runs: number, warmup: number, signal?: AbortSignal): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    signal?.throwIfAborted();
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return samples;
}

/** `items` is what one run processes (1 PDF, 10,000 rows): req/s becomes items per second. */
export function toMeasurement(samplesMs: number[], items = 1): Measurement {
  const s = stats(samplesMs);
  const totalS = samplesMs.reduce((a, b) => a + b, 0) / 1000;
  return {
    reqPerSec: totalS > 0 ? (s.runs * items) / totalS : 0,
    p50Ms: s.medianMs,
    p99Ms: s.p99Ms,
    maxMs: s.maxMs,
    autocannonP99Ms: Math.round(s.p99Ms),
    requests: s.runs,
    durationS: totalS,
    connections: 1,
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    statusCodes: {},
  };
}

export function envInt(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}
