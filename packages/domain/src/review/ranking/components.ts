import type { IndexedReviews } from './input.ts';

// Connected components of the bipartite application–expert graph (an edge per review).
// Leniency is identifiable only within a component: two groups of experts who never share
// an application cannot be told apart from two groups of applications of different quality.

export type Components = {
  count: number;
  ofApp: Int32Array;
  ofExpert: Int32Array;
};

function find(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

/** Numbered by size (applications) descending, then by the smallest application id: component 0 is the largest. */
export function reviewComponents(r: IndexedReviews): Components {
  const A = r.appIds.length;
  const E = r.expertIds.length;
  // Nodes 0..A−1 applications, A..A+E−1 experts.
  const parent = Int32Array.from({ length: A + E }, (_, i) => i);
  for (let k = 0; k < r.app.length; k++) {
    const x = find(parent, r.app[k]);
    const y = find(parent, A + r.expert[k]);
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  }
  // Roots are the smallest node of each set; applications are indexed in id order, so the
  // root of a set is its smallest application id.
  const size = new Int32Array(A + E);
  for (let a = 0; a < A; a++) size[find(parent, a)]++;
  const roots: number[] = [];
  for (let x = 0; x < A + E; x++) if (find(parent, x) === x) roots.push(x);
  roots.sort((x, y) => size[y] - size[x] || x - y);
  const label = new Int32Array(A + E).fill(-1);
  roots.forEach((root, i) => (label[root] = i));
  const ofApp = new Int32Array(A);
  const ofExpert = new Int32Array(E);
  for (let a = 0; a < A; a++) ofApp[a] = label[find(parent, a)];
  for (let e = 0; e < E; e++) ofExpert[e] = label[find(parent, A + e)];
  return { count: roots.length, ofApp, ofExpert };
}
