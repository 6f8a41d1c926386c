// What the solver returns: an assignment with its optimality certificate (dual prices), or a
// report of why no assignment exists. Plain data, so the CLI writes it as JSON.

/**
 * Node prices of the min-cost flow the solver works on: per application a node for its reviews
 * (`app`) and one for its strong-match review (`strong`), per expert, and the sink. A residual
 * arc u→v of cost c has reduced cost c + p(u) − p(v); the assignment is optimal when none is
 * negative (certificate.ts checks that over every allowed pair).
 */
export type Potentials = { app: Float64Array; strong: Float64Array; expert: Float64Array; sink: number };

export type Shortfall =
  | { kind: 'too-few-experts'; app: number; needed: number; available: number }
  | { kind: 'no-strong-expert'; app: number; threshold: number }
  | { kind: 'pins-over-capacity'; expert: number; pins: number; capacity: number }
  | { kind: 'capacity'; needed: number; available: number }
  | { kind: 'min-load'; expert: number; minLoad: number; available: number }
  | { kind: 'min-load-total'; needed: number; available: number }
  | { kind: 'unrouted'; app: number; missing: number }
  | { kind: 'min-load-unmet'; expert: number; minLoad: number; load: number };

export type SolveStats = {
  candidateSeconds: number;
  /** All of solving, pricing included. */
  solveSeconds: number;
  /** The passes over every allowed pair that prove no pair outside the candidates is better. */
  pricingSeconds: number;
  candidatePairs: number;
  addedPairs: number;
  pricingRounds: number;
  augmentations: number;
  settledNodes: number;
};

export type AssignmentSolution = {
  feasible: true;
  /** Assigned pairs, sorted by application then expert; pins included. */
  app: Int32Array;
  expert: Int32Array;
  score: Int32Array;
  /** Per expert: applications given (pins included). */
  load: Int32Array;
  /** totalAffinity − loadPenalty: the maximum. */
  objective: number;
  totalAffinity: number;
  loadPenalty: number;
  /** Σ per application of its best allowed affinities: no assignment can have more affinity. */
  upperBound: number;
  potentials: Potentials;
  stats: SolveStats;
};

export type AssignmentInfeasible = { feasible: false; shortfalls: Shortfall[]; message: string; stats: SolveStats };
export type AssignmentResult = AssignmentSolution | AssignmentInfeasible;

/** loadCost · Σ l(l−1)/2: the j-th review of an expert costs loadCost·(j−1). */
export function loadPenalty(loadCost: number, load: ArrayLike<number>): number {
  let s = 0;
  for (let e = 0; e < load.length; e++) s += (load[e] * (load[e] - 1)) / 2;
  return loadCost * s;
}

const MAX_LISTED = 10;
function list<T>(items: T[], show: (t: T) => string): string {
  const head = items.slice(0, MAX_LISTED).map(show).join('; ');
  return items.length > MAX_LISTED ? `${head}; … (${items.length} in all)` : head;
}

/** One sentence per kind of shortfall, naming the items (application and expert indices). */
export function describeShortfalls(s: Shortfall[]): string {
  const by = <K extends Shortfall['kind']>(k: K) => s.filter((x): x is Extract<Shortfall, { kind: K }> => x.kind === k);
  const parts: string[] = [];
  const few = by('too-few-experts');
  if (few.length) parts.push(`too few non-conflicted experts: ${list(few, (x) => `application ${x.app} needs ${x.needed}, has ${x.available}`)}`);
  const strong = by('no-strong-expert');
  if (strong.length) parts.push(`no allowed expert with affinity ≥ ${strong[0].threshold}: ${list(strong, (x) => `application ${x.app}`)}`);
  const pins = by('pins-over-capacity');
  if (pins.length) parts.push(`pins exceed capacity: ${list(pins, (x) => `expert ${x.expert} has ${x.pins} pins, capacity ${x.capacity}`)}`);
  for (const x of by('capacity')) parts.push(`capacity too small: ${x.needed} reviews needed, experts can take ${x.available}`);
  const min = by('min-load');
  if (min.length) parts.push(`minimum load cannot be met: ${list(min, (x) => `expert ${x.expert} needs ${x.minLoad}, may review ${x.available}`)}`);
  for (const x of by('min-load-total')) parts.push(`minimum loads add up to ${x.needed} but only ${x.available} reviews are to be given`);
  const unrouted = by('unrouted');
  if (unrouted.length) parts.push(`no expert with spare capacity can take: ${list(unrouted, (x) => `application ${x.app} short by ${x.missing}`)}`);
  const unmet = by('min-load-unmet');
  if (unmet.length) parts.push(`minimum load unmet in every assignment: ${list(unmet, (x) => `expert ${x.expert} gets at most ${x.load} of ${x.minLoad}`)}`);
  return parts.join('. ');
}
