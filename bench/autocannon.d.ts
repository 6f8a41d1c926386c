// autocannon ships no types and the repo has no @types/autocannon; this covers
// only what bench/measure.ts uses.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  namespace autocannon {
    interface Histogram {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      total: number;
      p50: number;
      p90: number;
      p99: number;
    }
    interface Options {
      url: string;
      connections?: number;
      /** Seconds. */
      duration?: number;
      /** Seconds before a request counts as a timeout. */
      timeout?: number;
      method?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
      /** A run with these overrides first, whose results are discarded. */
      warmup?: { connections?: number; duration?: number };
    }
    interface Result {
      url: string;
      requests: Histogram;
      latency: Histogram;
      throughput: Histogram;
      duration: number;
      errors: number;
      timeouts: number;
      mismatches: number;
      non2xx: number;
      statusCodeStats: Record<string, { count: number }>;
    }
    /** `responseTime` is in milliseconds, with sub-millisecond precision. */
    type ResponseListener = (client: unknown, statusCode: number, bytes: number, responseTime: number) => void;
    interface Instance extends EventEmitter, PromiseLike<Result> {
      on(event: 'response', listener: ResponseListener): this;
      stop(): void;
    }
  }

  function autocannon(opts: autocannon.Options): autocannon.Instance;
  export = autocannon;
}
