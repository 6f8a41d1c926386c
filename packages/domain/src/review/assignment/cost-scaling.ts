// A warm start for the successive-shortest-path solver (solve.ts): Goldberg's cost scaling
// (push-relabel on ε-optimal pseudoflows, ε divided by ALPHA each phase down to 1) on the network
// solve.ts builds. Tight instances, where every expert ends up full, make successive shortest
// paths slow: late units need long chains of swaps, each found by its own large Dijkstra search.
// Cost scaling moves the prices of whole groups of contested experts at once instead.
//
// It ends with a 1-optimal flow and integer prices: every residual arc has reduced cost ≥ −1.
// It then saturates the arcs whose reduced cost is still negative, which leaves prices under
// which every residual arc has reduced cost ≥ 0 — the invariant of successive shortest paths —
// and a few units out of place for them to carry, along short paths. So exactness rests on the
// shortest paths and the certificate as before; this only decides where they start from.
//
// Every supply node may also send to the sink over an artificial arc of cost BIG, so that a
// feasible flow always exists (the candidate pairs alone may not admit one). Units left on
// artificial arcs go back to their supply node for the shortest paths (and their search for
// more pairs) to place.
//
// Arcs as in solve.ts: app→expert and app→strong node arcs in the adjacency lists (reverse =
// index ^ 1), the expert→sink arcs implicit (unit j of expert e costs unitCost(e, j), convex),
// per expert the list of its pair arcs carrying flow (inflow).

export type ScalingNet = {
  /** Supply nodes are 0..X−1, experts X..T−1, the sink T. */
  X: number;
  T: number;
  head: Int32Array;
  next: Int32Array;
  to: Int32Array;
  cap: Int32Array;
  cost: Int32Array;
  /** Per node, supply + inflow − outflow (the sink's entry is not used). */
  excess: Int32Array;
  /** Per expert: current load, its least (pins) and its capacity. */
  load: Int32Array;
  lo: Int32Array;
  hi: Int32Array;
  loadCost: number;
  minLoad: Int32Array;
  M: number;
  inflow: number[][];
  /** Prices; reduced cost of u→v is c + p[u] − p[v]. Integers on entry and exit. */
  p: Float64Array;
};

export type ScalingResult = {
  /** The sink's balance: inflow − demand (≤ 0; −remaining demand). */
  sinkExcess: number;
  /** Units that were left on artificial arcs and returned to their supply nodes. */
  artificial: number;
  phases: number;
  pushes: number;
  relabels: number;
};

const ALPHA = 8;

/** Runs cost scaling; returns null (and changes nothing) when the numbers are too large for exact doubles. */
export function costScale(net: ScalingNet, sinkDemand: number, maxArcCost: number): ScalingResult | null {
  const { X, T, head, next, to, cap, cost, excess, load, lo, loadCost, minLoad, M, inflow, p } = net;
  const N = T + 1;
  const E = T - X;
  // Artificial arc from each supply node to the sink. Dearer than most paths through real arcs;
  // not all (a path may chain many swaps), but a unit left on one is placed by the shortest
  // paths afterwards, so this only trades scaling work against shortest-path work.
  const BIG = 8 * (maxArcCost + 1);
  if (BIG * (N + 1) * 4 > 2 ** 51) return null;
  const hi = new Int32Array(E);
  for (let e = 0; e < E; e++) hi[e] = Math.min(net.hi[e], lo[e] + sinkDemand);
  const sup = excess.slice(0, X);
  const art = new Int32Array(X);
  let excessT = -sinkDemand;
  let pushes = 0;
  let relabels = 0;

  const unitCost = (e: number, j: number) => loadCost * j - (j < minLoad[e] ? M : 0);
  /** Units from load L upwards that cost the same as unit L. */
  const upBlock = (e: number, L: number) => (loadCost > 0 ? 1 : L < minLoad[e] ? minLoad[e] - L : hi[e] - L);
  /** Units from load L downwards that cost the same as unit L − 1. */
  const downBlock = (e: number, L: number) => (loadCost > 0 ? 1 : L - 1 < minLoad[e] ? L - lo[e] : L - Math.max(lo[e], minLoad[e]));

  // Active nodes in a FIFO ring.
  const ring = new Int32Array(N + 1);
  const inRing = new Uint8Array(N);
  let qh = 0;
  let qt = 0;
  let queued = 0;
  const activate = (v: number) => {
    if (inRing[v]) return;
    inRing[v] = 1;
    ring[qt] = v;
    qt = qt === N ? 0 : qt + 1;
    queued++;
  };

  /** Moves d units over graph arc `arc` out of u. */
  const pushArc = (u: number, arc: number, d: number) => {
    const v = to[arc];
    cap[arc] -= d;
    cap[arc ^ 1] += d;
    excess[u] -= d;
    if ((arc & 1) === 0) {
      if (v >= X && v < T) inflow[v - X].push(arc);
    } else if (u >= X && u < T) {
      const list = inflow[u - X];
      const i = list.indexOf(arc ^ 1);
      list[i] = list[list.length - 1];
      list.pop();
    }
    if (v === T) excessT += d;
    else excess[v] += d;
    pushes++;
  };
  const pushUp = (e: number, d: number) => {
    load[e] += d;
    excess[X + e] -= d;
    excessT += d;
    pushes++;
  };
  const pushDown = (e: number, d: number) => {
    load[e] -= d;
    excess[X + e] += d;
    excessT -= d;
    pushes++;
  };
  const pushArt = (u: number, d: number) => {
    art[u] += d;
    excess[u] -= d;
    excessT += d;
    pushes++;
  };

  /** Saturates every residual arc with negative reduced cost. */
  const saturate = () => {
    for (let u = 0; u < X; u++) {
      const pu = p[u];
      for (let arc = head[u]; arc >= 0; arc = next[arc]) if (cap[arc] > 0 && cost[arc] + pu - p[to[arc]] < 0) pushArc(u, arc, cap[arc]);
      if (art[u] < sup[u] && BIG + pu - p[T] < 0) pushArt(u, sup[u] - art[u]);
      else if (art[u] > 0 && -BIG + p[T] - pu < 0) pushArt(u, -art[u]);
    }
    for (let e = 0; e < E; e++) {
      const u = X + e;
      const pu = p[u];
      const list = inflow[e];
      for (let i = list.length - 1; i >= 0; i--) {
        const back = list[i] ^ 1;
        if (cost[back] + pu - p[to[back]] < 0) pushArc(u, back, 1);
      }
      while (load[e] < hi[e] && unitCost(e, load[e]) + pu - p[T] < 0) pushUp(e, upBlock(e, load[e]));
      while (load[e] > lo[e] && -unitCost(e, load[e] - 1) + p[T] - pu < 0) pushDown(e, downBlock(e, load[e]));
    }
  };

  const cur = new Int32Array(X);
  const NONE = -Infinity;

  const dischargeSupply = (u: number, eps: number) => {
    for (;;) {
      const pu = p[u];
      let arc = cur[u];
      for (; arc >= 0 && excess[u] > 0; arc = next[arc]) {
        if (cap[arc] > 0 && cost[arc] + pu - p[to[arc]] < 0) {
          const v = to[arc];
          pushArc(u, arc, Math.min(excess[u], cap[arc]));
          if (v !== T && excess[v] > 0) activate(v);
          if (cap[arc] > 0) break; // u is empty; keep this arc current
        }
      }
      cur[u] = arc;
      if (excess[u] <= 0) return;
      if (art[u] < sup[u] && BIG + pu - p[T] < 0) {
        pushArt(u, Math.min(excess[u], sup[u] - art[u]));
        if (excessT > 0) activate(T);
        if (excess[u] <= 0) return;
      }
      // Relabel: the highest price that leaves some residual arc admissible.
      let best = NONE;
      for (let a = head[u]; a >= 0; a = next[a]) if (cap[a] > 0) best = Math.max(best, p[to[a]] - cost[a]);
      if (art[u] < sup[u]) best = Math.max(best, p[T] - BIG);
      p[u] = best - eps;
      relabels++;
      cur[u] = head[u];
    }
  };

  const dischargeExpert = (u: number, eps: number) => {
    const e = u - X;
    const list = inflow[e];
    for (;;) {
      const pu = p[u];
      while (excess[u] > 0 && load[e] < hi[e] && unitCost(e, load[e]) + pu - p[T] < 0) {
        pushUp(e, Math.min(excess[u], upBlock(e, load[e])));
        if (excessT > 0) activate(T);
      }
      for (let i = list.length - 1; i >= 0 && excess[u] > 0; i--) {
        if (i >= list.length) continue;
        const back = list[i] ^ 1;
        const v = to[back];
        if (cost[back] + pu - p[v] < 0) {
          pushArc(u, back, 1);
          if (excess[v] > 0) activate(v);
        }
      }
      if (excess[u] <= 0) return;
      let best = NONE;
      if (load[e] < hi[e]) best = p[T] - unitCost(e, load[e]);
      for (const f of list) best = Math.max(best, p[to[f ^ 1]] - cost[f ^ 1]);
      p[u] = best - eps;
      relabels++;
    }
  };

  const dischargeSink = (eps: number) => {
    for (;;) {
      const pT = p[T];
      for (let e = 0; e < E && excessT > 0; e++) {
        const v = X + e;
        while (excessT > 0 && load[e] > lo[e] && -unitCost(e, load[e] - 1) + pT - p[v] < 0) {
          pushDown(e, Math.min(excessT, downBlock(e, load[e])));
          if (excess[v] > 0) activate(v);
        }
      }
      for (let u = 0; u < X && excessT > 0; u++) {
        if (art[u] > 0 && -BIG + pT - p[u] < 0) {
          pushArt(u, -Math.min(excessT, art[u]));
          if (excess[u] > 0) activate(u);
        }
      }
      if (excessT <= 0) return;
      let best = NONE;
      for (let e = 0; e < E; e++) if (load[e] > lo[e]) best = Math.max(best, p[X + e] + unitCost(e, load[e] - 1));
      for (let u = 0; u < X; u++) if (art[u] > 0) best = Math.max(best, p[u] + BIG);
      p[T] = best - eps;
      relabels++;
    }
  };

  let maxNeg = 0;
  for (let u = 0; u < X; u++) for (let arc = head[u]; arc >= 0; arc = next[arc]) if (cap[arc] > 0) maxNeg = Math.max(maxNeg, -(cost[arc] + p[u] - p[to[arc]]));
  let eps = Math.max(1, maxArcCost, maxNeg);
  let phases = 0;
  while (eps > 1) {
    eps = Math.max(1, Math.ceil(eps / ALPHA));
    phases++;
    saturate();
    for (let v = 0; v < T; v++) if (excess[v] > 0) activate(v);
    if (excessT > 0) activate(T);
    cur.set(head.subarray(0, X));
    while (queued > 0) {
      const u = ring[qh];
      qh = qh === N ? 0 : qh + 1;
      queued--;
      inRing[u] = 0;
      if (u === T) dischargeSink(eps);
      else if (u >= X) dischargeExpert(u, eps);
      else dischargeSupply(u, eps);
    }
  }
  // 1-optimal. Make every residual arc's reduced cost ≥ 0: an expert whose sink arcs are off
  // (with its real capacity now) moves its price by the violation, which by convexity leaves
  // both of them ≥ 0; then the unit pair arcs and the strong-node arcs still negative are
  // saturated, which leaves a few units out of place for the shortest paths.
  for (let e = 0; e < E; e++) {
    const u = X + e;
    if (load[e] < net.hi[e]) {
      const rc = unitCost(e, load[e]) + p[u] - p[T];
      if (rc < 0) p[u] -= rc;
    }
    if (load[e] > lo[e]) {
      const rc = -unitCost(e, load[e] - 1) + p[T] - p[u];
      if (rc < 0) p[u] += rc;
    }
  }
  for (let u = 0; u < X; u++) {
    const pu = p[u];
    for (let arc = head[u]; arc >= 0; arc = next[arc]) if (cap[arc] > 0 && cost[arc] + pu - p[to[arc]] < 0) pushArc(u, arc, cap[arc]);
  }
  for (let e = 0; e < E; e++) {
    const u = X + e;
    const pu = p[u];
    const list = inflow[e];
    for (let i = list.length - 1; i >= 0; i--) {
      const back = list[i] ^ 1;
      if (cost[back] + pu - p[to[back]] < 0) pushArc(u, back, 1);
    }
  }
  let artificial = 0;
  for (let u = 0; u < X; u++) {
    if (art[u] > 0) {
      artificial += art[u];
      excess[u] += art[u];
      excessT -= art[u];
      art[u] = 0;
    }
  }
  return { sinkExcess: excessT, artificial, phases, pushes, relabels };
}
