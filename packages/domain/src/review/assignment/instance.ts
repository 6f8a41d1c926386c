// The assignment problem as the solver reads it: applications × experts, reviews per
// application, min/max load per expert, integer affinities (sparse, or a dense row callback
// for instances too large to list), conflicts (never assignable) and pins (always assigned).

export type Pairs = { app: ArrayLike<number>; expert: ArrayLike<number> };
export type ScoredPairs = Pairs & { score: ArrayLike<number> };

export type AssignmentInstance = {
  applications: number;
  experts: number;
  reviews: number | ArrayLike<number>;
  capacity: number | ArrayLike<number>;
  minLoad?: number | ArrayLike<number>;
  /** Weight of the convex load cost: the j-th review of an expert costs loadCost·(j−1). 0 = pure affinity. */
  loadCost?: number;
  /** Sparse affinities; absent pairs score 0 (and are allowed unless conflicted). */
  affinity?: ScoredPairs;
  /** Dense alternative: fills out[e] with score(app, e) for every expert. */
  scoreRow?: (app: number, out: Int32Array) => void;
  conflicts?: Pairs;
  pins?: Pairs;
  /** Every application gets at least one reviewer with affinity ≥ threshold (hard). */
  strong?: { threshold: number };
  candidatesPerApp?: number;
  candidatesPerExpert?: number;
  /** Breaks ties between equal candidates; the same input and seed give the same result. */
  seed?: number;
};

/** The instance with every per-item value spelled out, the input checked. */
export type Normalized = {
  A: number;
  E: number;
  reviews: Int32Array;
  capacity: Int32Array;
  minLoad: Int32Array;
  loadCost: number;
  threshold: number | null;
  /** Per application: its conflicted experts, sorted. */
  conflicts: Int32Array[];
  /** Per application: its pinned experts, sorted. */
  pins: Int32Array[];
  fillRow: (app: number, out: Int32Array) => void;
  seed: number;
  candidatesPerApp: number;
  candidatesPerExpert: number;
};

export class AssignmentInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssignmentInputError';
  }
}

const isInt = (x: number) => Number.isSafeInteger(x);

function perItem(name: string, v: number | ArrayLike<number> | undefined, n: number, fallback: number, min: number): Int32Array {
  const out = new Int32Array(n);
  if (v === undefined || typeof v === 'number') {
    const x = v ?? fallback;
    if (!isInt(x) || x < min || x > 2 ** 31 - 1) throw new AssignmentInputError(`${name} must be an integer ≥ ${min} (got ${x})`);
    out.fill(x);
    return out;
  }
  if (v.length !== n) throw new AssignmentInputError(`${name} has ${v.length} entries, expected ${n}`);
  for (let i = 0; i < n; i++) {
    const x = v[i];
    if (!isInt(x) || x < min || x > 2 ** 31 - 1) throw new AssignmentInputError(`${name}[${i}] must be an integer ≥ ${min} (got ${x})`);
    out[i] = x;
  }
  return out;
}

function pairLists(name: string, p: Pairs | undefined, A: number, E: number): Int32Array[] {
  const lists: number[][] = Array.from({ length: A }, () => []);
  if (p) {
    if (p.app.length !== p.expert.length) throw new AssignmentInputError(`${name}.app and ${name}.expert differ in length`);
    for (let i = 0; i < p.app.length; i++) {
      const a = p.app[i];
      const e = p.expert[i];
      if (!isInt(a) || a < 0 || a >= A) throw new AssignmentInputError(`${name}.app[${i}] = ${a} is not an application index`);
      if (!isInt(e) || e < 0 || e >= E) throw new AssignmentInputError(`${name}.expert[${i}] = ${e} is not an expert index`);
      lists[a].push(e);
    }
  }
  return lists.map((l) => Int32Array.from(new Set(l)).sort());
}

export function has(sorted: Int32Array, x: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === x) return true;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function sparseRows(aff: ScoredPairs, A: number, E: number): (app: number, out: Int32Array) => void {
  const n = aff.app.length;
  if (aff.expert.length !== n || aff.score.length !== n) throw new AssignmentInputError('affinity.app, affinity.expert and affinity.score differ in length');
  const start = new Int32Array(A + 1);
  for (let i = 0; i < n; i++) {
    const a = aff.app[i];
    const e = aff.expert[i];
    const s = aff.score[i];
    if (!isInt(a) || a < 0 || a >= A) throw new AssignmentInputError(`affinity.app[${i}] = ${a} is not an application index`);
    if (!isInt(e) || e < 0 || e >= E) throw new AssignmentInputError(`affinity.expert[${i}] = ${e} is not an expert index`);
    if (!isInt(s) || Math.abs(s) > 1e9) throw new AssignmentInputError(`affinity.score[${i}] must be an integer within ±1e9 (got ${s})`);
    start[a + 1]++;
  }
  for (let a = 0; a < A; a++) start[a + 1] += start[a];
  const fill = start.slice(0, A);
  const ex = new Int32Array(n);
  const sc = new Int32Array(n);
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    const a = aff.app[i];
    const key = a * E + aff.expert[i];
    if (seen.has(key)) throw new AssignmentInputError(`affinity lists the pair (app ${a}, expert ${aff.expert[i]}) twice`);
    seen.add(key);
    ex[fill[a]] = aff.expert[i];
    sc[fill[a]++] = aff.score[i];
  }
  return (app, out) => {
    out.fill(0);
    for (let i = start[app]; i < start[app + 1]; i++) out[ex[i]] = sc[i];
  };
}

export function normalize(inst: AssignmentInstance): Normalized {
  const A = inst.applications;
  const E = inst.experts;
  if (!isInt(A) || A < 0) throw new AssignmentInputError(`applications must be a non-negative integer (got ${A})`);
  if (!isInt(E) || E < 0) throw new AssignmentInputError(`experts must be a non-negative integer (got ${E})`);
  const loadCost = inst.loadCost ?? 0;
  if (!isInt(loadCost) || loadCost < 0 || loadCost > 1e6) throw new AssignmentInputError(`loadCost must be an integer between 0 and 1e6 (got ${loadCost})`);
  const threshold = inst.strong ? inst.strong.threshold : null;
  if (threshold !== null && !isInt(threshold)) throw new AssignmentInputError('strong.threshold must be an integer');
  if (inst.affinity && inst.scoreRow) throw new AssignmentInputError('give affinity or scoreRow, not both');
  const fillRow = inst.scoreRow ?? (inst.affinity ? sparseRows(inst.affinity, A, E) : (_: number, out: Int32Array) => out.fill(0));
  const pins = pairLists('pins', inst.pins, A, E);
  const conflicts = pairLists('conflicts', inst.conflicts, A, E);
  for (let a = 0; a < A; a++) for (const e of pins[a]) if (has(conflicts[a], e)) throw new AssignmentInputError(`the pair (app ${a}, expert ${e}) is both pinned and conflicted`);
  const reviews = perItem('reviews', inst.reviews, A, 1, 0);
  for (let a = 0; a < A; a++) if (pins[a].length > reviews[a]) throw new AssignmentInputError(`application ${a} has ${pins[a].length} pins but needs only ${reviews[a]} reviews`);
  const capacity = perItem('capacity', inst.capacity, E, 0, 0);
  const minLoad = perItem('minLoad', inst.minLoad, E, 0, 0);
  for (let e = 0; e < E; e++) if (minLoad[e] > capacity[e]) throw new AssignmentInputError(`expert ${e}: minLoad ${minLoad[e]} exceeds capacity ${capacity[e]}`);
  const seed = inst.seed ?? 0;
  if (!isInt(seed)) throw new AssignmentInputError('seed must be an integer');
  const k = (v: number | undefined, name: string, dflt: number) => {
    if (v === undefined) return dflt;
    if (!isInt(v) || v < 1) throw new AssignmentInputError(`${name} must be a positive integer`);
    return v;
  };
  return {
    A, E, reviews, capacity, minLoad, loadCost, threshold, conflicts, pins, fillRow, seed,
    candidatesPerApp: k(inst.candidatesPerApp, 'candidatesPerApp', 24), candidatesPerExpert: k(inst.candidatesPerExpert, 'candidatesPerExpert', 24),
  };
}

/** A deterministic tie-breaker for the pair (a, e) under a seed. */
export function pairHash(seed: number, a: number, e: number): number {
  let h = (seed ^ Math.imul(a + 1, 0x9e3779b1) ^ Math.imul(e + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
