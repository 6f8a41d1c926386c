import { normalize, type AssignmentInstance, type Normalized } from './instance.ts';
import { ALLOWED, eachRow, isStrong, PINNED } from './rows.ts';

// The instance as a DIMACS minimum-cost flow problem, so any external solver (LEMON's
// dimacs-solver, CS2, …) can confirm the objective: its minimum cost is −objective.
//
// Nodes 1..A: each application's reviews (supply reviews − strong); A+1..2A: its strong-match
// node (supply 1 when a strong match is required and no pin gives one, else 0); 2A+1..2A+E: the
// experts; 2A+E+1: the sink (demand Σ reviews). Arcs: application→expert for every allowed pair
// (low 0, cap 1, cost −affinity; from the strong node when affinity ≥ threshold), pins with
// low 1; reviews→strong (cap = reviews) when there is a threshold; expert→sink one arc per unit
// j = 0..capacity−1 (cost loadCost·j, low 1 while j < minLoad). Each expert is assigned at most
// once per application because every pair is a single arc of capacity 1.

export function writeDimacs(input: AssignmentInstance | Normalized, write: (chunk: string) => void) {
  const n = 'fillRow' in input ? input : normalize(input);
  const { A, E } = n;
  const node = { W: (a: number) => a + 1, S: (a: number) => A + a + 1, X: (e: number) => 2 * A + e + 1, T: 2 * A + E + 1 };
  let pairs = 0;
  let units = 0;
  let demand = 0;
  for (let a = 0; a < A; a++) {
    pairs += E - n.conflicts[a].length;
    demand += n.reviews[a];
  }
  for (let e = 0; e < E; e++) units += n.capacity[e];
  const strongArcs = n.threshold !== null ? A : 0;
  write(`c lvping review assignment: ${A} applications, ${E} experts; objective = -(minimum cost)\n`);
  write(`p min ${2 * A + E + 1} ${pairs + strongArcs + units}\n`);
  // Supplies need each application's pins first, to know whether a pin is already strong.
  const lines: string[] = [];
  const arcs: string[] = [];
  const flush = () => {
    if (arcs.length) write(arcs.join(''));
    arcs.length = 0;
  };
  const pinnedStrong = new Uint8Array(A);
  eachRow(n, (a, row) => {
    for (const e of n.pins[a]) if (isStrong(n, row[e])) pinnedStrong[a] = 1;
  });
  for (let a = 0; a < A; a++) {
    const need = n.reviews[a] - n.pins[a].length;
    const s = n.threshold !== null && need > 0 && !pinnedStrong[a] ? 1 : 0;
    if (n.reviews[a] - s) lines.push(`n ${node.W(a)} ${n.reviews[a] - s}\n`);
    if (s) lines.push(`n ${node.S(a)} ${s}\n`);
  }
  if (demand) lines.push(`n ${node.T} ${-demand}\n`);
  write(lines.join(''));
  if (n.threshold !== null) for (let a = 0; a < A; a++) arcs.push(`a ${node.W(a)} ${node.S(a)} 0 ${n.reviews[a]} 0\n`);
  flush();
  eachRow(n, (a, row, mask) => {
    for (let e = 0; e < E; e++) {
      if (mask[e] === ALLOWED) arcs.push(`a ${isStrong(n, row[e]) ? node.S(a) : node.W(a)} ${node.X(e)} 0 1 ${-row[e]}\n`);
      else if (mask[e] === PINNED) arcs.push(`a ${node.W(a)} ${node.X(e)} 1 1 ${-row[e]}\n`);
    }
    if (arcs.length > 4096) flush();
  });
  for (let e = 0; e < E; e++) {
    for (let j = 0; j < n.capacity[e]; j++) arcs.push(`a ${node.X(e)} ${node.T} ${j < n.minLoad[e] ? 1 : 0} 1 ${n.loadCost * j}\n`);
    if (arcs.length > 4096) flush();
  }
  flush();
}
