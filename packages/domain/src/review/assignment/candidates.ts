import { pairHash, type Normalized } from './instance.ts';
import { ALLOWED, eachRow, isStrong } from './rows.ts';

// The sparse pairs the solver starts from: each application's best experts and each expert's
// best applications (ties broken by the seeded hash), found in one pass over the dense rows.
// The same pass gathers what the feasibility checks and the quality report need.

export type Candidates = {
  /** CSR by application: experts start[a]..start[a+1]-1, sorted by expert. */
  start: Int32Array;
  expert: Int32Array;
  score: Int32Array;
  /** Affinity of each pin, aligned with n.pins[a]. */
  pinScore: Int32Array[];
  /** Σ over applications of its pins' affinity and its best remaining allowed affinities. */
  upperBound: number;
  /** Per application: 1 when some allowed or pinned expert is a strong match. */
  strongAvailable: Uint8Array;
  /** Per application: 1 when a pinned expert is a strong match. */
  pinnedStrong: Uint8Array;
  /** Per expert: how many applications may be given to it (allowed, not pinned). */
  allowedPerExpert: Int32Array;
  maxAbsScore: number;
};

/** Is (s1, h1) a worse candidate than (s2, h2)? Lower score, then higher hash. */
const worse = (s1: number, h1: number, s2: number, h2: number) => s1 < s2 || (s1 === s2 && h1 > h2);

/**
 * Bounded min-heaps in flat arrays: heap i holds its k best (id, score) with the worst at the
 * root; hash(i, id) breaks ties.
 */
class TopK {
  readonly ids: Int32Array;
  readonly scores: Int32Array;
  readonly count: Int32Array;
  constructor(n: number, readonly k: number, private readonly hash: (i: number, id: number) => number) {
    this.ids = new Int32Array(n * k);
    this.scores = new Int32Array(n * k);
    this.count = new Int32Array(n);
  }

  offer(i: number, id: number, score: number) {
    const { k, ids, scores } = this;
    const base = i * k;
    const c = this.count[i];
    if (c === k) {
      const rs = scores[base];
      if (score < rs || (score === rs && !worse(rs, this.hash(i, ids[base]), score, this.hash(i, id)))) return;
      this.siftDown(base, c, id, score, i);
      return;
    }
    // Sift up from the end.
    let j = c;
    this.count[i] = c + 1;
    const h = this.hash(i, id);
    while (j > 0) {
      const p = (j - 1) >> 1;
      if (!worse(score, h, scores[base + p], this.hash(i, ids[base + p]))) break;
      ids[base + j] = ids[base + p];
      scores[base + j] = scores[base + p];
      j = p;
    }
    ids[base + j] = id;
    scores[base + j] = score;
  }

  /** Replaces the root with (id, score) and restores the heap. */
  private siftDown(base: number, n: number, id: number, score: number, i: number) {
    const { ids, scores } = this;
    const h = this.hash(i, id);
    let j = 0;
    for (;;) {
      let c = 2 * j + 1;
      if (c >= n) break;
      if (c + 1 < n && worse(scores[base + c + 1], this.hash(i, ids[base + c + 1]), scores[base + c], this.hash(i, ids[base + c]))) c++;
      if (!worse(scores[base + c], this.hash(i, ids[base + c]), score, h)) break;
      ids[base + j] = ids[base + c];
      scores[base + j] = scores[base + c];
      j = c;
    }
    ids[base + j] = id;
    scores[base + j] = score;
  }
}

export function buildCandidates(n: Normalized): Candidates {
  const { A, E, seed } = n;
  let maxReviews = 0;
  for (let a = 0; a < A; a++) maxReviews = Math.max(maxReviews, n.reviews[a]);
  const kA = Math.max(1, Math.min(E, Math.max(n.candidatesPerApp, maxReviews + 1)));
  const kE = Math.max(1, Math.min(A, n.candidatesPerExpert));
  const byApp = new TopK(A, kA, (a, e) => pairHash(seed, a, e));
  const byExpert = new TopK(E, kE, (e, a) => pairHash(seed, a, e));
  const pinScore: Int32Array[] = new Array(A);
  const strongAvailable = new Uint8Array(A);
  const pinnedStrong = new Uint8Array(A);
  const allowedPerExpert = new Int32Array(E);
  let maxAbsScore = 0;

  eachRow(n, (a, row, mask) => {
    const pins = n.pins[a];
    const ps = new Int32Array(pins.length);
    for (let i = 0; i < pins.length; i++) {
      ps[i] = row[pins[i]];
      if (isStrong(n, ps[i])) pinnedStrong[a] = strongAvailable[a] = 1;
      maxAbsScore = Math.max(maxAbsScore, Math.abs(ps[i]));
    }
    pinScore[a] = ps;
    for (let e = 0; e < E; e++) {
      if (mask[e] !== ALLOWED) continue;
      const s = row[e];
      allowedPerExpert[e]++;
      if (s > maxAbsScore) maxAbsScore = s;
      else if (-s > maxAbsScore) maxAbsScore = -s;
      if (n.threshold !== null && s >= n.threshold) strongAvailable[a] = 1;
      byApp.offer(a, e, s);
      byExpert.offer(e, a, s);
    }
  });

  // Upper bound: pins plus the best allowed scores for the remaining reviews.
  let upperBound = 0;
  for (let a = 0; a < A; a++) {
    for (const s of pinScore[a]) upperBound += s;
    const c = byApp.count[a];
    const top = Array.from(byApp.scores.subarray(a * kA, a * kA + c)).sort((x, y) => y - x);
    const need = n.reviews[a] - n.pins[a].length;
    for (let i = 0; i < Math.min(need, top.length); i++) upperBound += top[i];
  }

  // Merge both lists into one CSR by application, sorted by expert, without duplicates.
  const counts = new Int32Array(A + 1);
  for (let a = 0; a < A; a++) counts[a + 1] += byApp.count[a];
  for (let e = 0; e < E; e++) for (let j = 0; j < byExpert.count[e]; j++) counts[byExpert.ids[e * kE + j] + 1]++;
  for (let a = 0; a < A; a++) counts[a + 1] += counts[a];
  const total = counts[A];
  const rawE = new Int32Array(total);
  const rawS = new Int32Array(total);
  const fill = counts.slice(0, A);
  for (let a = 0; a < A; a++) {
    for (let j = 0; j < byApp.count[a]; j++) {
      rawE[fill[a]] = byApp.ids[a * kA + j];
      rawS[fill[a]++] = byApp.scores[a * kA + j];
    }
  }
  for (let e = 0; e < E; e++) {
    for (let j = 0; j < byExpert.count[e]; j++) {
      const a = byExpert.ids[e * kE + j];
      rawE[fill[a]] = e;
      rawS[fill[a]++] = byExpert.scores[e * kE + j];
    }
  }
  const start = new Int32Array(A + 1);
  const expert = new Int32Array(total);
  const score = new Int32Array(total);
  let out = 0;
  const order: number[] = [];
  for (let a = 0; a < A; a++) {
    start[a] = out;
    order.length = 0;
    for (let i = counts[a]; i < counts[a + 1]; i++) order.push(i);
    order.sort((x, y) => rawE[x] - rawE[y]);
    let last = -1;
    for (const i of order) {
      if (rawE[i] === last) continue;
      last = rawE[i];
      expert[out] = last;
      score[out++] = rawS[i];
    }
  }
  start[A] = out;
  return { start, expert: expert.slice(0, out), score: score.slice(0, out), pinScore, upperBound, strongAvailable, pinnedStrong, allowedPerExpert, maxAbsScore };
}
