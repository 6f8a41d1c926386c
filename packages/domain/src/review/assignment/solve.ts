import { buildCandidates, type Candidates } from './candidates.ts';
import { costScale } from './cost-scaling.ts';
import { MinHeap } from './heap.ts';
import { AssignmentInputError, normalize, type AssignmentInstance, type Normalized } from './instance.ts';
import { describeShortfalls, loadPenalty, type AssignmentResult, type Shortfall, type SolveStats } from './result.ts';
import { ALLOWED, eachRow, isStrong } from './rows.ts';

// The exact assignment: an integer min-cost flow solved by successive shortest paths, warm-started
// by cost scaling.
//
// Network: each application a has a node W(a) supplying its reviews and, when a strong match is
// required, a node S(a) supplying one of them; arcs to strong experts leave S(a), the others
// W(a), and W(a)→S(a) lets further reviews go to strong experts too. An arc app→expert has
// cost −affinity and capacity 1 (each expert at most once per application). Expert e sends to
// the sink T at a convex cost: its j-th unit costs loadCost·j, minus a large M while j < minLoad
// so minimum loads are met whenever they can be. Pins are fixed up front: they raise the expert's
// starting load and lower the application's supply.
//
// Each unit of supply goes along a shortest path (Dijkstra on reduced costs c + p(u) − p(v) ≥ 0,
// stopping at the first node that can absorb it); potentials of the settled nodes move by
// dist − dist(target), which keeps every residual reduced cost non-negative. Cost scaling
// (cost-scaling.ts) first finds a near-optimal flow and prices, so that the shortest paths only
// repair it; they do so in bulk (primal-dual: one Dijkstra search from all units at once, then a
// blocking flow over the arcs of reduced cost 0). Tight capacities made plain successive
// shortest paths slow: the last units need long chains of swaps, each its own large search.
// When capacity is tight, experts also get more candidate applications (withExpertCandidates),
// so that the candidate pairs admit a feasible flow. The solver starts on candidate pairs only;
// a pricing pass then computes the reduced cost of every allowed pair and adds those below zero
// (pushing one unit over each, which the next shortest paths repair) until none is left. When a unit finds no path, the applications its search reached get all their
// allowed pairs first. Final potentials are the certificate: certificate.ts checks them against
// every allowed pair, independently of this file.

export type SolveOptions = {
  /** Most pairs one pricing pass adds per application (default: candidatesPerApp). */
  addPerApp?: number;
  /** Warm-start with cost scaling (cost-scaling.ts; default true). */
  scaling?: boolean;
};

class Graph {
  head: Int32Array;
  next: Int32Array;
  to: Int32Array;
  cap: Int32Array;
  cost: Int32Array;
  arcs = 0;

  constructor(nodes: number, capacity: number) {
    this.head = new Int32Array(nodes).fill(-1);
    this.next = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
    this.cap = new Int32Array(capacity);
    this.cost = new Int32Array(capacity);
  }

  /** Adds u→v and its reverse (index ^ 1); returns the forward arc's index. */
  add(u: number, v: number, cap: number, cost: number): number {
    if (this.arcs + 2 > this.to.length) this.grow();
    const i = this.arcs;
    this.to[i] = v;
    this.cap[i] = cap;
    this.cost[i] = cost;
    this.next[i] = this.head[u];
    this.head[u] = i;
    this.to[i + 1] = u;
    this.cap[i + 1] = 0;
    this.cost[i + 1] = -cost;
    this.next[i + 1] = this.head[v];
    this.head[v] = i + 1;
    this.arcs += 2;
    return i;
  }

  private grow() {
    const n = Math.max(16, this.to.length * 2);
    for (const k of ['next', 'to', 'cap', 'cost'] as const) {
      const a = new Int32Array(n);
      a.set(this[k]);
      this[k] = a;
    }
  }
}

const seconds = (t0: number) => (performance.now() - t0) / 1000;

/** Checks that need no flow: each names the applications or experts that make the input impossible. */
function shortfallsBeforeSolving(n: Normalized, c: Candidates, need: Int32Array, pinLoad: Int32Array): Shortfall[] {
  const out: Shortfall[] = [];
  let demand = 0;
  for (let a = 0; a < n.A; a++) {
    demand += need[a];
    const available = n.E - n.conflicts[a].length - n.pins[a].length;
    if (available < need[a]) out.push({ kind: 'too-few-experts', app: a, needed: need[a], available });
    if (n.threshold !== null && need[a] > 0 && !c.pinnedStrong[a] && !c.strongAvailable[a]) out.push({ kind: 'no-strong-expert', app: a, threshold: n.threshold });
  }
  let room = 0;
  let minTotal = 0;
  for (let e = 0; e < n.E; e++) {
    if (pinLoad[e] > n.capacity[e]) out.push({ kind: 'pins-over-capacity', expert: e, pins: pinLoad[e], capacity: n.capacity[e] });
    room += Math.max(0, n.capacity[e] - pinLoad[e]);
    const stillNeeded = Math.max(0, n.minLoad[e] - pinLoad[e]);
    minTotal += stillNeeded;
    if (stillNeeded > c.allowedPerExpert[e]) out.push({ kind: 'min-load', expert: e, minLoad: n.minLoad[e], available: pinLoad[e] + c.allowedPerExpert[e] });
  }
  if (room < demand) out.push({ kind: 'capacity', needed: demand, available: room });
  if (minTotal > demand) out.push({ kind: 'min-load-total', needed: minTotal, available: demand });
  return out;
}

/**
 * When capacity is tight, most experts must be filled, the little known ones too: each needs
 * more candidate applications than it has room for, or the candidate pairs admit no feasible
 * flow and the solver must find pairs the slow way (failed searches, then pricing passes).
 */
function withExpertCandidates(n: Normalized): Normalized {
  let demand = 0;
  const room = n.capacity.slice();
  for (let a = 0; a < n.A; a++) {
    demand += n.reviews[a] - n.pins[a].length;
    for (const e of n.pins[a]) room[e]--;
  }
  let total = 0;
  let most = 0;
  for (let e = 0; e < n.E; e++) {
    const r = Math.max(0, Math.min(room[e], demand));
    total += r;
    most = Math.max(most, r);
  }
  if (total >= 2 * demand) return n;
  // At most ~2 candidate pairs per unit of room on top of the usual ones (a few experts with a
  // large capacity do not blow up the per-expert lists).
  const k = Math.min(n.A, 2 * most + 1, Math.ceil((2 * total) / Math.max(1, n.E)) + n.candidatesPerExpert);
  return k > n.candidatesPerExpert ? { ...n, candidatesPerExpert: k } : n;
}

export function solveAssignment(input: AssignmentInstance | Normalized, options: SolveOptions = {}): AssignmentResult {
  const n = 'fillRow' in input ? input : normalize(input);
  const { A, E, loadCost } = n;
  const t0 = performance.now();
  const c = buildCandidates(withExpertCandidates(n));
  const stats: SolveStats = { candidateSeconds: seconds(t0), solveSeconds: 0, pricingSeconds: 0, candidatePairs: c.expert.length, addedPairs: 0, pricingRounds: 0, augmentations: 0, settledNodes: 0 };
  const t1 = performance.now();

  const need = new Int32Array(A);
  for (let a = 0; a < A; a++) need[a] = n.reviews[a] - n.pins[a].length;
  const pinLoad = new Int32Array(E);
  for (let a = 0; a < A; a++) for (const e of n.pins[a]) pinLoad[e]++;
  const early = shortfallsBeforeSolving(n, c, need, pinLoad);
  if (early.length) return { feasible: false, shortfalls: early, message: describeShortfalls(early), stats: { ...stats, solveSeconds: seconds(t1) } };

  // Node numbering: W(a) = a, S(a) = A + a, expert e = 2A + e, sink T = 2A + E.
  const X = 2 * A;
  const T = 2 * A + E;
  const N = T + 1;
  const g = new Graph(N, 2 * (c.expert.length + A) + 16);
  const excess = new Int32Array(N);
  let sinkDemand = 0;
  const needStrong = new Uint8Array(A);
  for (let a = 0; a < A; a++) {
    needStrong[a] = n.threshold !== null && need[a] > 0 && !c.pinnedStrong[a] ? 1 : 0;
    excess[A + a] = needStrong[a];
    excess[a] = need[a] - needStrong[a];
    sinkDemand += need[a];
    if (n.threshold !== null && need[a] > 0) g.add(a, A + a, need[a], 0);
  }

  // Big M for minimum loads: more than any total cost difference between two assignments.
  let minTotal = 0;
  let maxCap = 0;
  for (let e = 0; e < E; e++) {
    minTotal += Math.max(0, n.minLoad[e] - pinLoad[e]);
    maxCap = Math.max(maxCap, n.capacity[e]);
  }
  const M = minTotal > 0 ? (sinkDemand + 1) * (2 * c.maxAbsScore + loadCost * maxCap + 1) : 0;
  if (M * (minTotal + 1) > 2 ** 52) throw new AssignmentInputError('affinities and loads too large to enforce minLoad exactly; scale the affinities down');
  const unitCost = (e: number, j: number) => loadCost * j - (j < n.minLoad[e] ? M : 0);

  const p = new Float64Array(N);
  const load = pinLoad.slice();
  // Per expert, the application→expert arcs carrying flow: the only residual arcs out of an
  // expert besides the sink, kept apart so a search does not walk every candidate arc into it.
  const inflow: number[][] = Array.from({ length: E }, () => []);
  const isPairArc = (arc: number) => g.to[arc] >= X && g.to[arc] < T;
  for (let e = 0; e < E; e++) p[X + e] = Infinity;
  const addPair = (a: number, e: number, s: number): void => {
    const u = isStrong(n, s) ? A + a : a;
    const arc = g.add(u, X + e, 1, -s);
    stats.addedPairs++;
    if (-s + p[u] - p[X + e] < 0) {
      // Saturate an arc that the current prices call profitable; its head now holds a unit the
      // next shortest paths carry on (to the sink, or back to the application).
      g.cap[arc] = 0;
      g.cap[arc + 1] = 1;
      inflow[e].push(arc);
      excess[u]--;
      excess[X + e]++;
      queue.push(X + e);
    }
  };
  for (let a = 0; a < A; a++) {
    for (let i = c.start[a]; i < c.start[a + 1]; i++) {
      const e = c.expert[i];
      const s = c.score[i];
      g.add(isStrong(n, s) ? A + a : a, X + e, 1, -s);
      if (-s < p[X + e]) p[X + e] = -s;
    }
  }
  let pt = Infinity;
  for (let e = 0; e < E; e++) {
    if (p[X + e] === Infinity) p[X + e] = 0;
    if (load[e] < n.capacity[e]) pt = Math.min(pt, unitCost(e, load[e]) + p[X + e]);
  }
  p[T] = pt === Infinity ? 0 : pt;

  // Dijkstra state, reset by stamps rather than by clearing.
  const dist = new Float64Array(N);
  const seen = new Int32Array(N);
  const done = new Int32Array(N);
  const predArc = new Int32Array(N);
  const predNode = new Int32Array(N);
  const settled = new Int32Array(N);
  let nSettled = 0;
  let stamp = 0;
  const heap = new MinHeap(1024);
  const FROM_EXPERT = -1; // T reached over e→T
  const FROM_SINK = -2; // e reached over T→e (giving back one unit of e's load)

  const relax = (v: number, d: number, arc: number, from: number) => {
    if (done[v] === stamp) return;
    // While the sink can absorb, nothing at or beyond its distance is settled before it.
    if (sinkDemand > 0 && seen[T] === stamp && d >= dist[T] && v !== T) return;
    if (seen[v] !== stamp || d < dist[v]) {
      seen[v] = stamp;
      dist[v] = d;
      predArc[v] = arc;
      predNode[v] = from;
      heap.push(d, v);
    }
  };

  const START = -3; // a source of the search

  /**
   * Dijkstra from every node of `sources` at once (distance 0), up to the first node that can
   * absorb a unit; moves the potentials of the settled nodes (p += dist − D, which keeps every
   * residual reduced cost ≥ 0 and makes the shortest paths' arcs 0) and returns that node, or −1.
   */
  const search = (sources: ArrayLike<number>, count: number): number => {
    stamp++;
    heap.clear();
    nSettled = 0;
    for (let i = 0; i < count; i++) {
      const s = sources[i];
      seen[s] = stamp;
      dist[s] = 0;
      predArc[s] = START;
      predNode[s] = -1;
      heap.push(0, s);
    }
    let target = -1;
    while (heap.size > 0) {
      const u = heap.pop();
      const d = heap.key;
      if (done[u] === stamp || d > dist[u]) continue;
      done[u] = stamp;
      settled[nSettled++] = u;
      if (u === T ? sinkDemand > 0 : excess[u] < 0) {
        target = u;
        break;
      }
      if (u === T) {
        for (let e = 0; e < E; e++) if (load[e] > pinLoad[e]) relax(X + e, d - unitCost(e, load[e] - 1) + p[T] - p[X + e], FROM_SINK, T);
        continue;
      }
      const pu = p[u];
      if (u >= X) {
        const e = u - X;
        if (load[e] < n.capacity[e]) relax(T, d + unitCost(e, load[e]) + pu - p[T], FROM_EXPERT, u);
        for (const f of inflow[e]) {
          const back = f ^ 1;
          const v = g.to[back];
          relax(v, d + g.cost[back] + pu - p[v], back, u);
        }
        continue;
      }
      for (let arc = g.head[u]; arc >= 0; arc = g.next[arc]) {
        if (g.cap[arc] > 0) {
          const v = g.to[arc];
          relax(v, d + g.cost[arc] + pu - p[v], arc, u);
        }
      }
    }
    stats.settledNodes += nSettled;
    if (target < 0) return -1;
    const D = dist[target];
    for (let i = 0; i < nSettled; i++) p[settled[i]] += dist[settled[i]] - D;
    return target;
  };

  /** Moves one unit over graph arc `arc` (out of u). */
  const pushArc = (u: number, arc: number) => {
    g.cap[arc]--;
    g.cap[arc ^ 1]++;
    if ((arc & 1) === 0) {
      if (isPairArc(arc)) inflow[g.to[arc] - X].push(arc);
    } else if (isPairArc(arc ^ 1)) {
      const list = inflow[u - X];
      const i = list.indexOf(arc ^ 1);
      list[i] = list[list.length - 1];
      list.pop();
    }
  };
  const absorb = (target: number) => {
    if (target === T) sinkDemand--;
    else excess[target]++;
    stats.augmentations++;
  };

  /** Sends one unit from the source of the last search to its target along the search tree. */
  const augmentTree = (target: number) => {
    let v = target;
    for (;;) {
      const arc = predArc[v];
      if (arc === START) break;
      if (arc >= 0) {
        pushArc(predNode[v], arc);
        v = predNode[v];
      } else if (arc === FROM_EXPERT) {
        load[predNode[v] - X]++;
        v = predNode[v];
      } else {
        load[v - X]--;
        v = T;
      }
    }
    excess[v]--;
    absorb(target);
  };

  /** Sends one unit from s along a shortest path; false when no node can absorb it. */
  const route = (s: number): boolean => {
    const target = search([s], 1);
    if (target < 0) return false;
    augmentTree(target);
    return true;
  };

  // Blocking flow on the arcs of reduced cost 0 (primal-dual): after a search, many sources
  // often have paths of reduced cost 0 to nodes that can absorb; a depth-first search with
  // current-arc pointers sends units along them without a Dijkstra search each. Any such path
  // is a shortest path, so the invariants are those of a single augmentation.
  const dead = new Int32Array(N);
  const onPath = new Uint8Array(N);
  const curArc = new Int32Array(N);
  const curSeen = new Int32Array(N);
  const pathNode = new Int32Array(N + 1);
  const pathArc = new Int32Array(N + 1);
  let phase = 0;
  const FROM_SINK_TO = -4; // pathArc: T→expert (the expert is the next node)
  /** The next admissible arc out of u at or after its current arc, or null; sets nextNode. */
  let nextNode = -1;
  let nextArc = 0;
  const advance = (u: number): boolean => {
    const pu = p[u];
    if (u === T) {
      if (curSeen[u] !== phase) {
        curSeen[u] = phase;
        curArc[u] = 0;
      }
      for (let e = curArc[u]; e < E; e++) {
        const v = X + e;
        if (load[e] > pinLoad[e] && dead[v] !== phase && !onPath[v] && -unitCost(e, load[e] - 1) + pu - p[v] === 0) {
          curArc[u] = e;
          nextNode = v;
          nextArc = FROM_SINK_TO;
          return true;
        }
      }
      curArc[u] = E;
      return false;
    }
    if (u >= X) {
      const e = u - X;
      if (load[e] < n.capacity[e] && dead[T] !== phase && !onPath[T] && unitCost(e, load[e]) + pu - p[T] === 0) {
        nextNode = T;
        nextArc = FROM_EXPERT;
        return true;
      }
      for (const f of inflow[e]) {
        const back = f ^ 1;
        const v = g.to[back];
        if (dead[v] !== phase && !onPath[v] && g.cost[back] + pu - p[v] === 0) {
          nextNode = v;
          nextArc = back;
          return true;
        }
      }
      return false;
    }
    if (curSeen[u] !== phase) {
      curSeen[u] = phase;
      curArc[u] = g.head[u];
    }
    for (let arc = curArc[u]; arc >= 0; arc = g.next[arc]) {
      const v = g.to[arc];
      if (g.cap[arc] > 0 && dead[v] !== phase && !onPath[v] && g.cost[arc] + pu - p[v] === 0) {
        curArc[u] = arc;
        nextNode = v;
        nextArc = arc;
        return true;
      }
    }
    curArc[u] = -1;
    return false;
  };
  /** Sends units from s over arcs of reduced cost 0 while it has some and a path exists. */
  const blockFrom = (s: number) => {
    let len = 0;
    pathNode[0] = s;
    onPath[s] = 1;
    while (excess[s] > 0) {
      const u = pathNode[len];
      if (len > 0 && (u === T ? sinkDemand > 0 : excess[u] < 0)) {
        // Augment along the path, then start again from s.
        for (let i = 0; i < len; i++) {
          const arc = pathArc[i];
          const v = pathNode[i];
          if (arc >= 0) pushArc(v, arc);
          else if (arc === FROM_EXPERT) load[v - X]++;
          else load[pathNode[i + 1] - X]--;
        }
        excess[s]--;
        absorb(u);
        for (let i = 1; i <= len; i++) onPath[pathNode[i]] = 0;
        len = 0;
        continue;
      }
      if (advance(u)) {
        pathArc[len] = nextArc;
        pathNode[++len] = nextNode;
        onPath[nextNode] = 1;
      } else {
        dead[u] = phase;
        onPath[u] = 0;
        if (len === 0) return;
        len--;
      }
    }
    for (let i = 0; i <= len; i++) onPath[pathNode[i]] = 0;
  };

  /**
   * Primal-dual: one Dijkstra search from all units at once, one augmentation along its tree,
   * then a blocking flow on the arcs of reduced cost 0; repeated until no unit is left or none
   * can be placed (those are left in `queue` for the one-unit-at-a-time drain()).
   */
  const sources: number[] = [];
  const drainBulk = () => {
    for (;;) {
      sources.length = 0;
      for (let u = 0; u < T; u++) if (excess[u] > 0) sources.push(u);
      if (!sources.length) return;
      const target = search(sources, sources.length);
      if (target < 0) {
        queue.push(...sources);
        return;
      }
      augmentTree(target);
      phase++;
      for (const u of sources) if (excess[u] > 0) blockFrom(u);
    }
  };

  // Which experts an application already has an arc to (scratch marks, cleared after use).
  const mark = new Uint8Array(E);
  const markExperts = (a: number, on: 0 | 1) => {
    for (const u of [a, A + a]) for (let arc = g.head[u]; arc >= 0; arc = g.next[arc]) if ((arc & 1) === 0 && g.to[arc] >= X && g.to[arc] < T) mark[g.to[arc] - X] = on;
  };
  const complete = new Uint8Array(A);
  /**
   * After a failed search, every expert it reached is full. Give the applications it reached
   * their best allowed pairs to experts with room (SPARE_PAIRS each); when there are none, all
   * of their allowed pairs, so that a second failure proves the unit cannot be placed.
   */
  const SPARE_PAIRS = 2;
  const enlarge = (): boolean => {
    const apps: number[] = [];
    const reached = new Set<number>();
    for (let i = 0; i < nSettled; i++) {
      const u = settled[i];
      if (u < X && !complete[u % A] && !reached.has(u % A)) {
        reached.add(u % A);
        apps.push(u % A);
      }
    }
    apps.sort((x, y) => x - y);
    const before = stats.addedPairs;
    const best: number[] = [];
    eachRow(n, (a, row, m) => {
      markExperts(a, 1);
      best.length = 0;
      for (let e = 0; e < E; e++) {
        if (m[e] !== ALLOWED || mark[e] || load[e] >= n.capacity[e]) continue;
        best.push(e);
        best.sort((x, y) => row[y] - row[x] || x - y);
        if (best.length > SPARE_PAIRS) best.pop();
      }
      for (const e of best) addPair(a, e, row[e]);
      markExperts(a, 0);
    }, apps);
    if (stats.addedPairs > before) return true;
    eachRow(n, (a, row, m) => {
      complete[a] = 1;
      markExperts(a, 1);
      for (let e = 0; e < E; e++) if (m[e] === ALLOWED && !mark[e]) addPair(a, e, row[e]);
      markExperts(a, 0);
    }, apps);
    return stats.addedPairs > before;
  };

  const queue: number[] = [];
  const scaled = options.scaling === false ? null : costScale({ X, T, head: g.head, next: g.next, to: g.to, cap: g.cap, cost: g.cost, excess, load, lo: pinLoad, hi: n.capacity, loadCost, minLoad: n.minLoad, M, inflow, p }, sinkDemand, c.maxAbsScore + loadCost * maxCap + M);
  if (scaled) sinkDemand = -scaled.sinkExcess;
  for (let u = 0; u < T; u++) if (excess[u] > 0) queue.push(u);
  const stuck: number[] = [];
  const drain = () => {
    for (let qi = 0; qi < queue.length; qi++) {
      const u = queue[qi];
      while (excess[u] > 0) {
        if (route(u)) continue;
        if (enlarge()) continue;
        stuck.push(u);
        break;
      }
    }
    queue.length = 0;
  };

  /** Adds the allowed pairs whose reduced cost is negative, the most negative first. */
  const addPerApp = options.addPerApp ?? n.candidatesPerApp;
  const price = (): number => {
    const before = stats.addedPairs;
    const viol: number[] = [];
    const rcOf = new Float64Array(E);
    eachRow(n, (a, row, m) => {
      markExperts(a, 1);
      viol.length = 0;
      const pw = p[a];
      const ps = p[A + a];
      for (let e = 0; e < E; e++) {
        if (m[e] !== ALLOWED || mark[e]) continue;
        const s = row[e];
        const rc = -s + (isStrong(n, s) ? ps : pw) - p[X + e];
        if (rc < 0) {
          rcOf[e] = rc;
          viol.push(e);
        }
      }
      markExperts(a, 0);
      if (viol.length > addPerApp) viol.sort((x, y) => rcOf[x] - rcOf[y] || x - y).length = addPerApp;
      for (const e of viol) addPair(a, e, row[e]);
    });
    return stats.addedPairs - before;
  };

  // From scratch, one unit at a time is fastest (each unit's search is small); from a warm start
  // (after scaling, or the units a pricing pass pushed) many units have paths of equal reduced
  // cost, and the primal-dual drain places them in bulk.
  const run = (bulk: boolean) => {
    if (bulk) {
      queue.length = 0;
      drainBulk();
    }
    drain();
  };
  run(scaled !== null);
  for (;;) {
    stats.pricingRounds++;
    const tp = performance.now();
    const added = price();
    stats.pricingSeconds += seconds(tp);
    if (added === 0) break;
    queue.push(...stuck);
    stuck.length = 0;
    run(true);
  }
  stats.solveSeconds = seconds(t1);

  // A unit pushed onto an expert can always go back where it came from.
  if (stuck.some((u) => u >= X)) throw new Error('assignment solver: a unit on an expert found no way out (a bug)');
  const late: Shortfall[] = [];
  const missing = new Map<number, number>();
  for (const u of stuck) if (u < X) missing.set(u % A, (missing.get(u % A) ?? 0) + excess[u]);
  for (const [app, m] of [...missing].sort((x, y) => x[0] - y[0])) late.push({ kind: 'unrouted', app, missing: m });
  if (!late.length) for (let e = 0; e < E; e++) if (load[e] < n.minLoad[e]) late.push({ kind: 'min-load-unmet', expert: e, minLoad: n.minLoad[e], load: load[e] });
  if (late.length) return { feasible: false, shortfalls: late, message: describeShortfalls(late), stats };

  // The assignment: pins, then the arcs that carry flow, per application sorted by expert.
  const outApp: number[] = [];
  const outExpert: number[] = [];
  const outScore: number[] = [];
  let totalAffinity = 0;
  const pairs: [number, number][] = [];
  for (let a = 0; a < A; a++) {
    pairs.length = 0;
    n.pins[a].forEach((e, i) => pairs.push([e, c.pinScore[a][i]]));
    for (const u of [a, A + a]) {
      for (let arc = g.head[u]; arc >= 0; arc = g.next[arc]) if ((arc & 1) === 0 && g.to[arc] >= X && g.to[arc] < T && g.cap[arc] === 0) pairs.push([g.to[arc] - X, -g.cost[arc]]);
    }
    pairs.sort((x, y) => x[0] - y[0]);
    for (const [e, s] of pairs) {
      outApp.push(a);
      outExpert.push(e);
      outScore.push(s);
      totalAffinity += s;
    }
  }
  const penalty = loadPenalty(loadCost, load);
  return {
    feasible: true,
    app: Int32Array.from(outApp),
    expert: Int32Array.from(outExpert),
    score: Int32Array.from(outScore),
    load,
    objective: totalAffinity - penalty,
    totalAffinity,
    loadPenalty: penalty,
    upperBound: c.upperBound,
    potentials: { app: p.slice(0, A), strong: p.slice(A, 2 * A), expert: p.slice(X, T), sink: p[T] },
    stats,
  };
}
