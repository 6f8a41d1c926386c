// The scenario abstraction: each benchmark is { name, engine, setup, run, teardown? }.
// Whatever setup creates (child processes, temp dirs, databases) is registered
// with ctx.defer the moment it exists, so it is undone even if setup fails
// halfway, the measurement throws, or the user presses Ctrl-C.
import type { Measurement } from './measure.ts';

export type Cleanup = () => unknown | Promise<unknown>;

export type Ctx = {
  /** Undo something after this scenario (last in, first out), whatever happens. */
  defer(fn: Cleanup): void;
  /** Stop here and report the scenario as skipped (e.g. PostgreSQL not reachable). */
  skip(reason: string): never;
  log(message: string): void;
  /** Aborted on Ctrl-C: check it before creating anything, so nothing is created after cleanup ran. */
  signal: AbortSignal;
};

/** A target a scenario should meet, checked against its measurement and its group's baseline. */
export type Aim = {
  /** At least this fraction of the baseline's req/s. */
  minRpsRatio?: number;
  /** A p99 below this. */
  maxP99Ms?: number;
};

/** The group of scenarios that say none: compared with the bare GET route. */
export const DEFAULT_GROUP = 'GET';

export type Scenario<S = unknown> = {
  name: string;
  /** What runs behind the server: 'fastify' for the bare baseline, else the database engine. */
  engine: string;
  /**
   * Ratios in the report are relative to the baseline of the same group: the
   * same kind of request on bare Fastify (default: DEFAULT_GROUP, `GET /`).
   * A group has one baseline; a run includes the baselines of the groups it runs.
   */
  group?: string;
  /** This scenario is its group's baseline. */
  isBaseline?: boolean;
  /** Runs only when a filter names it (long runs, e.g. the surge), not in a bare `npm run bench`. */
  explicit?: boolean;
  aim?: Aim;
  setup(ctx: Ctx): Promise<S>;
  run(state: S, ctx: Ctx): Promise<Measurement>;
  /** Extra teardown; runs before the deferred cleanups. */
  teardown?(state: S, ctx: Ctx): Promise<void>;
};
// The list mixes scenarios with different state types.
export type AnyScenario = Scenario<any>;

export type Row = {
  scenario: string;
  engine: string;
  group: string;
  isBaseline: boolean;
  aim?: Aim;
  /** Whether the aim held; undefined when it could not be checked (no measurement or no baseline). */
  aimMet?: boolean;
  status: 'ok' | 'skipped' | 'failed';
  reason?: string;
  measurement?: Measurement;
  rpsRatio?: number;
  p99Ratio?: number;
};

export const groupOf = (s: { group?: string }): string => s.group ?? DEFAULT_GROUP;

class SkipScenario extends Error {}

// One process-wide stack, so a signal handler can unwind whatever is live.
const cleanups: Cleanup[] = [];
let cleanupFailed = false;
let interrupted: NodeJS.Signals | null = null;
const abort = new AbortController();
// Unwinds are chained: when a signal handler and a scenario's finally both
// unwind, neither returns (and lets the process exit) while the other is
// still halfway through dropping a database.
let unwinding: Promise<void> = Promise.resolve();

export function hadCleanupFailure(): boolean {
  return cleanupFailed;
}

export function interruptedBy(): NodeJS.Signals | null {
  return interrupted;
}

function unwindTo(depth: number): Promise<void> {
  unwinding = unwinding.then(async () => {
    while (cleanups.length > depth) {
      const fn = cleanups.pop()!;
      try {
        await fn();
      } catch (err) {
        cleanupFailed = true;
        console.error('  cleanup failed:', err);
      }
    }
  });
  return unwinding;
}

export function unwindAll(): Promise<void> {
  return unwindTo(0);
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export async function runScenario(s: AnyScenario): Promise<Row> {
  const label = `${s.name} [${s.engine}]`;
  const ctx: Ctx = {
    defer: (fn) => void cleanups.push(fn),
    skip: (reason) => {
      throw new SkipScenario(reason);
    },
    log: (msg) => console.log(`  ${label}: ${msg}`),
    signal: abort.signal,
  };
  const row: Row = { scenario: s.name, engine: s.engine, group: groupOf(s), isBaseline: !!s.isBaseline, ...(s.aim ? { aim: s.aim } : {}), status: 'ok' };
  if (interrupted) return { ...row, status: 'skipped', reason: `interrupted by ${interrupted}` };
  const depth = cleanups.length;
  const started = Date.now();
  console.log(`▶ ${label}`);
  try {
    const state = await s.setup(ctx);
    if (s.teardown) ctx.defer(() => s.teardown!(state, ctx));
    row.measurement = await s.run(state, ctx);
  } catch (err) {
    // Killed servers make the running scenario throw: that is the interruption, not a failure.
    row.status = err instanceof SkipScenario || interrupted ? 'skipped' : 'failed';
    row.reason = interrupted ? `interrupted by ${interrupted}` : message(err);
    if (row.status === 'failed') console.error(`✖ ${label}:`, err);
    else console.log(`  ${label}: skipped — ${row.reason}`);
  } finally {
    await unwindTo(depth);
  }
  if (row.status === 'ok') console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return row;
}

/**
 * Ctrl-C / kill: stop the servers and drop the databases now (which makes the
 * running scenario fail fast), skip the rest, and let run.ts report and exit
 * non-zero. A second Ctrl-C gets Node's default: exit at once.
 */
export function installSignalCleanup(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      if (interrupted) return;
      interrupted = signal;
      abort.abort(new Error(`interrupted by ${signal}`));
      console.error(`\n${signal}: cleaning up…`);
      void unwindAll();
    });
  }
}
