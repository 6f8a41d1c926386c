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
      /** Per-request hooks; without them every request is the one given by method/headers/body. */
      requests?: Request[];
    }
    /** What setupRequest receives and returns: the raw request before it is serialised. */
    interface RequestParams {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
    }
    /**
     * One step of a client's request sequence. `context` is per client but is
     * reset to `initialContext` (a deep clone) each time the sequence starts
     * over, i.e. after every response when there is a single request.
     */
    interface Request extends RequestParams {
      /** Returns the request to send; a falsy return restarts the sequence (throws on the first request). */
      setupRequest?: (req: RequestParams, context: Record<string, unknown>) => RequestParams | null | undefined;
      /** Called with the response body (as text) before the client's next request is set up. */
      onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string | string[]>) => void;
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
