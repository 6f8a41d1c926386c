// One assignment benchmark run in its own process, so its peak RSS is its own:
// `node --import tsx bench/assignment-child.ts <applications> <experts> <capacity> [pass]`
// prints one JSON line of timings (seconds), RSS and the certificate's verdict. With `pass`
// it only reads every score row once: the floor any exact method pays.
import { checkCertificate, normalize, solveAssignment } from '../packages/domain/src/review/assignment/index.ts';
import { syntheticInstance } from './assignment-instance.ts';

const [A, E, capacity] = process.argv.slice(2, 5).map(Number);
const instance = syntheticInstance({ applications: A, experts: E, reviews: 3, capacity, seed: 20261207 });
const n = normalize(instance);
const t0 = performance.now();
let out: Record<string, unknown>;
if (process.argv[5] === 'pass') {
  const row = new Int32Array(E);
  let sum = 0;
  for (let a = 0; a < A; a++) {
    n.fillRow(a, row);
    for (let e = 0; e < E; e++) sum += row[e];
  }
  out = { total: (performance.now() - t0) / 1000, checksum: sum };
} else {
  const r = solveAssignment(n);
  const t1 = performance.now();
  if (!r.feasible) throw new Error(r.message);
  const check = checkCertificate(n, r);
  const certify = (performance.now() - t1) / 1000;
  out = {
    total: (performance.now() - t0) / 1000,
    candidates: r.stats.candidateSeconds, solve: r.stats.solveSeconds, pricing: r.stats.pricingSeconds, certify,
    optimal: check.optimal, objective: r.objective, percentOfBound: Math.round((1000 * r.totalAffinity) / r.upperBound) / 10,
    pricingRounds: r.stats.pricingRounds, addedPairs: r.stats.addedPairs, augmentations: r.stats.augmentations,
  };
}
console.log(JSON.stringify({ ...out, rssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
