import type { Compilable, CompiledQuery, QueryResult } from 'kysely';
import type { Db } from './database.ts';

// Kysely builds and compiles every query anew: an operation tree, a visitor walk, frozen
// objects — for a primary-key lookup several times what SQLite itself takes. The hot path
// (every autosave: the session, the application, its files, the write) runs the same few
// statements all day, so those are compiled once per SQL dialect and run with new values.
//
// `build` receives stand-ins for the arguments and must use them only as values (in a
// where, a set, a values): they are placeholders at compile time, swapped for the real
// values on every call. Anything else the query holds (a fixed list of statuses) is kept as
// compiled. The dialect decides the SQL (`?` or `$1`), so each dialect compiles its own.

const HOLE = '\u0000lvping-arg:';

type Slot = { arg: string } | { value: unknown };
type Plan = { compiled: CompiledQuery; slots: Slot[] };

export type Prepared<A extends Record<string, unknown>, R> = (db: Db, args: A) => Promise<QueryResult<R>>;

export function prepared<A extends Record<string, unknown>, R>(build: (db: Db, args: A) => Compilable<R>): Prepared<A, R> {
  // Keyed by the dialect's adapter class: transactions share their database's dialect.
  const plans = new WeakMap<object, Plan>();
  const planFor = (db: Db): Plan => {
    const dialect = db.getExecutor().adapter.constructor;
    let plan = plans.get(dialect);
    if (!plan) {
      const holes = new Proxy({}, { get: (_t, key) => `${HOLE}${String(key)}` }) as A;
      const compiled = build(db, holes).compile();
      const slots = compiled.parameters.map((v): Slot => (typeof v === 'string' && v.startsWith(HOLE) ? { arg: v.slice(HOLE.length) } : { value: v }));
      plan = { compiled, slots };
      plans.set(dialect, plan);
    }
    return plan;
  };
  return (db, args) => {
    const { compiled, slots } = planFor(db);
    const parameters = slots.map((s) => ('arg' in s ? args[s.arg] : s.value));
    return db.executeQuery<R>({ ...compiled, parameters });
  };
}
