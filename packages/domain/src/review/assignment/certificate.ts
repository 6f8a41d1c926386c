import { normalize, type AssignmentInstance, type Normalized } from './instance.ts';
import { loadPenalty, type Potentials } from './result.ts';
import { ALLOWED, CONFLICT, eachRow, isStrong } from './rows.ts';

// The optimality certificate, checked from the instance alone (nothing of the solver is used):
// 1. the assignment is feasible: every application has exactly its reviews, distinct experts,
//    no conflicted pair, every pin, a strong match when one is required; every load is within
//    [minLoad, capacity];
// 2. the claimed objective is the assignment's affinity minus its load cost;
// 3. the prices leave no residual arc of the flow network (solve.ts) with a negative reduced
//    cost, over every allowed pair, not only those the solver looked at. By linear-programming
//    duality a feasible flow with such prices has the least cost: no assignment scores higher.

export type Claimed = { app: ArrayLike<number>; expert: ArrayLike<number>; objective: number; potentials: Potentials };
export type CertificateCheck = { optimal: boolean; feasible: boolean; objective: number; checkedPairs: number; violations: string[] };

const MAX_VIOLATIONS = 20;

export function checkCertificate(input: AssignmentInstance | Normalized, claimed: Claimed): CertificateCheck {
  const n = 'fillRow' in input ? input : normalize(input);
  const { A, E, loadCost } = n;
  const violations: string[] = [];
  let feasible = true;
  const fail = (msg: string, infeasible: boolean) => {
    if (infeasible) feasible = false;
    if (violations.length < MAX_VIOLATIONS) violations.push(msg);
  };
  const pot = claimed.potentials;
  if (pot.app.length !== A || pot.strong.length !== A || pot.expert.length !== E) {
    return { optimal: false, feasible: false, objective: NaN, checkedPairs: 0, violations: ['the prices do not match the instance in size'] };
  }

  // Group the claimed pairs by application.
  const byApp: number[][] = Array.from({ length: A }, () => []);
  if (claimed.app.length !== claimed.expert.length) fail('app and expert lists differ in length', true);
  for (let i = 0; i < Math.min(claimed.app.length, claimed.expert.length); i++) {
    const a = claimed.app[i];
    const e = claimed.expert[i];
    if (!Number.isInteger(a) || a < 0 || a >= A || !Number.isInteger(e) || e < 0 || e >= E) fail(`pair ${i} (${a}, ${e}) is out of range`, true);
    else byApp[a].push(e);
  }

  const load = new Int32Array(E);
  const pinLoad = new Int32Array(E);
  const assigned = new Uint8Array(E);
  let total = 0;
  let checkedPairs = 0;
  eachRow(n, (a, row, mask) => {
    const mine = byApp[a];
    for (const e of mine) {
      if (assigned[e]) fail(`application ${a} has expert ${e} twice`, true);
      assigned[e] = 1;
      load[e]++;
      total += row[e];
      if (mask[e] === CONFLICT) fail(`application ${a} is given conflicted expert ${e}`, true);
    }
    if (mine.length !== n.reviews[a]) fail(`application ${a} has ${mine.length} reviewers, needs ${n.reviews[a]}`, true);
    let pinnedStrong = false;
    for (const e of n.pins[a]) {
      pinLoad[e]++;
      if (!assigned[e]) fail(`application ${a} lacks pinned expert ${e}`, true);
      if (isStrong(n, row[e])) pinnedStrong = true;
    }
    const need = n.reviews[a] - n.pins[a].length;
    const needStrong = n.threshold !== null && need > 0 && !pinnedStrong;
    const pw = pot.app[a];
    const ps = pot.strong[a];
    let strongFlow = 0;
    for (let e = 0; e < E; e++) {
      if (mask[e] !== ALLOWED) continue;
      checkedPairs++;
      const s = row[e];
      const strong = isStrong(n, s);
      if (strong && assigned[e]) strongFlow++;
      const rc = -s + (strong ? ps : pw) - pot.expert[e];
      if (assigned[e] ? rc > 0 : rc < 0) fail(`pair (application ${a}, expert ${e}) has reduced cost ${assigned[e] ? -rc : rc} < 0`, false);
    }
    if (n.threshold !== null && need > 0) {
      // Flow on W(a)→S(a): the strong reviews beyond the one S(a) supplies itself.
      const f = strongFlow - (needStrong ? 1 : 0);
      if (f < 0) fail(`application ${a} has no reviewer with affinity ≥ ${n.threshold}`, true);
      else {
        if (f < need && pw - ps < 0) fail(`application ${a}: arc to its strong node has reduced cost ${pw - ps} < 0`, false);
        if (f > 0 && ps - pw < 0) fail(`application ${a}: arc from its strong node has reduced cost ${ps - pw} < 0`, false);
      }
    }
    for (const e of mine) assigned[e] = 0;
  });

  for (let e = 0; e < E; e++) {
    const l = load[e];
    if (l > n.capacity[e]) fail(`expert ${e} has ${l} applications, capacity ${n.capacity[e]}`, true);
    if (l < n.minLoad[e]) fail(`expert ${e} has ${l} applications, minimum ${n.minLoad[e]}`, true);
    if (l < n.capacity[e] && loadCost * l + pot.expert[e] - pot.sink < 0) fail(`expert ${e}: taking one more has reduced cost < 0`, false);
    if (l > Math.max(pinLoad[e], n.minLoad[e]) && -loadCost * (l - 1) + pot.sink - pot.expert[e] < 0) fail(`expert ${e}: giving one back has reduced cost < 0`, false);
  }
  const objective = total - loadPenalty(loadCost, load);
  if (objective !== claimed.objective) fail(`claimed objective ${claimed.objective}, the assignment scores ${objective}`, false);
  return { optimal: feasible && violations.length === 0, feasible, objective, checkedPairs, violations };
}
