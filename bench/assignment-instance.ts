import type { AssignmentInstance } from '../packages/domain/src/review/assignment/index.ts';

// Seeded synthetic review-assignment instances: applications and experts are points near topic
// centres in a small embedding space (as text embeddings cluster by subject), affinity is the
// rounded cosine ×1000 (negative when far apart), and 2% of pairs are conflicts. Affinities are
// computed once into a dense matrix (as a platform stores them) and handed to the solver as
// rows (scoreRow): a 20,000 × 2,000 instance is 40 million pairs, 160 MB, too many to list.

export type SyntheticSpec = { applications: number; experts: number; reviews: number; capacity: number; seed: number; topics?: number; dims?: number; conflictRate?: number; loadCost?: number };

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

export function syntheticInstance(spec: SyntheticSpec): AssignmentInstance {
  const { applications: A, experts: E } = spec;
  const K = spec.topics ?? 40;
  const D = spec.dims ?? 12;
  const rand = rng(spec.seed);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const centres = Array.from({ length: K }, () => Array.from({ length: D }, gauss));
  const point = (mix: number[], noise: number) => {
    const v = new Float64Array(D);
    for (const k of mix) for (let d = 0; d < D; d++) v[d] += centres[k][d];
    for (let d = 0; d < D; d++) v[d] += noise * gauss();
    const len = Math.hypot(...v) || 1;
    return v.map((x) => x / len);
  };
  const apps = new Float64Array(A * D);
  for (let a = 0; a < A; a++) apps.set(point([Math.floor(rand() * K)], 0.6), a * D);
  // Experts know one or two topics.
  const experts = new Float64Array(E * D);
  for (let e = 0; e < E; e++) experts.set(point(rand() < 0.4 ? [Math.floor(rand() * K), Math.floor(rand() * K)] : [Math.floor(rand() * K)], 0.5), e * D);
  const rate = spec.conflictRate ?? 0.02;
  const conflictsPerApp = Math.round(rate * E);
  const cApp = new Int32Array(A * conflictsPerApp);
  const cExpert = new Int32Array(A * conflictsPerApp);
  for (let a = 0, i = 0; a < A; a++) {
    const picked = new Set<number>();
    while (picked.size < conflictsPerApp) picked.add(Math.floor(rand() * E));
    for (const e of picked) {
      cApp[i] = a;
      cExpert[i++] = e;
    }
  }
  const matrix = new Int32Array(A * E);
  for (let a = 0; a < A; a++) {
    const base = a * D;
    for (let e = 0; e < E; e++) {
      let dot = 0;
      const eb = e * D;
      for (let d = 0; d < D; d++) dot += apps[base + d] * experts[eb + d];
      matrix[a * E + e] = Math.round(1000 * dot);
    }
  }
  return {
    applications: A,
    experts: E,
    reviews: spec.reviews,
    capacity: spec.capacity,
    loadCost: spec.loadCost ?? 0,
    conflicts: { app: cApp, expert: cExpert },
    seed: spec.seed,
    scoreRow: (a, out) => out.set(matrix.subarray(a * E, (a + 1) * E)),
  };
}
