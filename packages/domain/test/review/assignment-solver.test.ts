import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkCertificate, normalize, solveAssignment, type AssignmentInstance, type AssignmentSolution } from '../../src/review/assignment/index.ts';

// The solver against an exhaustive search on small instances, and the certificate checker
// against assignments made worse on purpose.

type Dense = { A: number; E: number; reviews: number[]; capacity: number[]; minLoad: number[]; loadCost: number; score: number[][]; conflict: boolean[][]; pin: boolean[][]; threshold: number | null };

function toInstance(d: Dense, k: number): AssignmentInstance {
  const aff = { app: [] as number[], expert: [] as number[], score: [] as number[] };
  const conflicts = { app: [] as number[], expert: [] as number[] };
  const pins = { app: [] as number[], expert: [] as number[] };
  for (let a = 0; a < d.A; a++) {
    for (let e = 0; e < d.E; e++) {
      if (d.score[a][e] !== 0) { aff.app.push(a); aff.expert.push(e); aff.score.push(d.score[a][e]); }
      if (d.conflict[a][e]) { conflicts.app.push(a); conflicts.expert.push(e); }
      else if (d.pin[a][e]) { pins.app.push(a); pins.expert.push(e); }
    }
  }
  return {
    applications: d.A, experts: d.E, reviews: d.reviews, capacity: d.capacity, minLoad: d.minLoad, loadCost: d.loadCost,
    affinity: aff, conflicts, pins, strong: d.threshold === null ? undefined : { threshold: d.threshold }, candidatesPerApp: k, candidatesPerExpert: k,
  };
}

/** The best objective by trying every assignment; null when none is feasible. */
function bruteForce(d: Dense): number | null {
  const choices: number[][][] = [];
  for (let a = 0; a < d.A; a++) {
    const opts: number[][] = [];
    for (let mask = 0; mask < 1 << d.E; mask++) {
      const set = [...Array(d.E).keys()].filter((e) => mask & (1 << e));
      if (set.length !== d.reviews[a]) continue;
      if (set.some((e) => d.conflict[a][e])) continue;
      if ([...Array(d.E).keys()].some((e) => d.pin[a][e] && !d.conflict[a][e] && !set.includes(e))) continue;
      // A strong match is required of the reviewers the solver picks: not when pins fill every place.
      const pinned = [...Array(d.E).keys()].filter((e) => d.pin[a][e] && !d.conflict[a][e]).length;
      if (d.threshold !== null && set.length > pinned && !set.some((e) => d.score[a][e] >= d.threshold!)) continue;
      opts.push(set);
    }
    choices.push(opts);
  }
  let best: number | null = null;
  const load = new Array(d.E).fill(0);
  const go = (a: number, aff: number) => {
    if (a === d.A) {
      for (let e = 0; e < d.E; e++) if (load[e] < d.minLoad[e]) return;
      const pen = load.reduce((s, l) => s + (l * (l - 1)) / 2, 0) * d.loadCost;
      if (best === null || aff - pen > best) best = aff - pen;
      return;
    }
    for (const set of choices[a]) {
      if (set.some((e) => load[e] + 1 > d.capacity[e])) continue;
      for (const e of set) load[e]++;
      go(a + 1, aff + set.reduce((s, e) => s + d.score[a][e], 0));
      for (const e of set) load[e]--;
    }
  };
  go(0, 0);
  return best;
}

const dense = (maxA: number, maxE: number) =>
  fc.record({ A: fc.integer({ min: 1, max: maxA }), E: fc.integer({ min: 1, max: maxE }) }).chain(({ A, E }) =>
    fc.record({
      A: fc.constant(A),
      E: fc.constant(E),
      reviews: fc.array(fc.integer({ min: 0, max: Math.min(2, E) }), { minLength: A, maxLength: A }),
      capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: E, maxLength: E }),
      minLoad: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: E, maxLength: E }),
      loadCost: fc.integer({ min: 0, max: 4 }),
      score: fc.array(fc.array(fc.integer({ min: -10, max: 30 }), { minLength: E, maxLength: E }), { minLength: A, maxLength: A }),
      conflict: fc.array(fc.array(fc.integer({ min: 0, max: 4 }).map((x) => x === 0), { minLength: E, maxLength: E }), { minLength: A, maxLength: A }),
      pin: fc.array(fc.array(fc.integer({ min: 0, max: 9 }).map((x) => x === 0), { minLength: E, maxLength: E }), { minLength: A, maxLength: A }),
      threshold: fc.option(fc.integer({ min: 5, max: 25 }), { nil: null }),
    }),
  ).map((d) => ({ ...d, minLoad: d.minLoad.map((m, e) => Math.min(m, d.capacity[e])) }) as Dense)
    // Keep only instances normalize() accepts: no more pins than reviews.
    .filter((d) => d.pin.every((row, a) => row.filter((p, e) => p && !d.conflict[a][e]).length <= d.reviews[a]));

describe('assignment solver', () => {
  test('its objective equals the exhaustive optimum, and its certificate checks, on small random instances', () => {
    fc.assert(
      fc.property(dense(4, 4), fc.integer({ min: 1, max: 3 }), (d, k) => {
        const inst = toInstance(d, k);
        const want = bruteForce(d);
        const got = solveAssignment(inst);
        if (want === null) {
          assert.equal(got.feasible, false, 'the exhaustive search found no feasible assignment');
          return;
        }
        assert.ok(got.feasible, `expected objective ${want}, got infeasible: ${!got.feasible && got.message}`);
        assert.equal(got.objective, want);
        const check = checkCertificate(inst, got);
        assert.deepEqual(check.violations, []);
        assert.ok(check.optimal);
      }),
      { numRuns: 400, seed: 20261207 },
    );
  });

  test('with every expert full (capacity = demand), it matches the exhaustive optimum', () => {
    // Tight instances take the cost-scaling warm start, the larger expert candidate lists and the
    // bulk (primal-dual) repair; shortfalls come out as before.
    fc.assert(
      fc.property(dense(4, 4), fc.integer({ min: 1, max: 3 }), (d0, k) => {
        const demand = d0.reviews.reduce((s, r) => s + r, 0);
        const capacity = d0.capacity.map((_, e) => Math.floor(demand / d0.E) + (e < demand % d0.E ? 1 : 0));
        const d: Dense = { ...d0, capacity, minLoad: d0.minLoad.map((m, e) => Math.min(m, capacity[e])) };
        const inst = toInstance(d, k);
        const want = bruteForce(d);
        const got = solveAssignment(inst);
        if (want === null) {
          assert.equal(got.feasible, false, 'the exhaustive search found no feasible assignment');
          return;
        }
        assert.ok(got.feasible, `expected objective ${want}, got infeasible: ${!got.feasible && got.message}`);
        assert.equal(got.objective, want);
        assert.ok(checkCertificate(inst, got).optimal);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  test('on larger tight instances it agrees with plain shortest paths and fills every expert', () => {
    for (const seed of [1, 2, 3]) {
      let x = seed;
      const rnd = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
      const A = 300;
      const E = 60;
      // Clustered affinities: a few topics, so that experts compete for the same applications.
      const topicA = Array.from({ length: A }, () => Math.floor(rnd() * 6));
      const topicE = Array.from({ length: E }, () => Math.floor(rnd() * 6));
      const noise = Array.from({ length: A * E }, () => Math.floor(rnd() * 200));
      const conflicts = { app: [] as number[], expert: [] as number[] };
      for (let a = 0; a < A; a++) for (let e = 0; e < E; e++) if (rnd() < 0.03) { conflicts.app.push(a); conflicts.expert.push(e); }
      const inst: AssignmentInstance = {
        applications: A, experts: E, reviews: 3, capacity: 15, conflicts, seed, loadCost: seed === 3 ? 2 : 0,
        strong: seed === 2 ? { threshold: 190 } : undefined,
        scoreRow: (a, out) => { for (let e = 0; e < E; e++) out[e] = (topicA[a] === topicE[e] ? 800 : 0) + noise[a * E + e]; },
        candidatesPerApp: 6, candidatesPerExpert: 6,
      };
      const fast = solveAssignment(inst);
      const plain = solveAssignment(inst, { scaling: false });
      assert.ok(fast.feasible && plain.feasible, `seed ${seed}: infeasible`);
      assert.equal(fast.objective, plain.objective, `seed ${seed}`);
      assert.deepEqual([...fast.load], new Array(E).fill(15));
      const check = checkCertificate(inst, fast);
      assert.deepEqual(check.violations, []);
      assert.ok(check.optimal);
    }
  });

  test('the checker rejects an assignment made worse, even when its objective is reported truthfully', () => {
    let worsened = 0;
    fc.assert(
      // Roomy experts, so that most solutions leave an unused expert to swap in.
      fc.property(dense(4, 4).map((d) => ({ ...d, capacity: d.capacity.map((c) => c + 3), minLoad: d.minLoad.map(() => 0) })), (d) => {
        const inst = toInstance(d, 2);
        const got = solveAssignment(inst);
        if (!got.feasible) return;
        const n = normalize(inst);
        // Move one non-pinned review to an unused, allowed expert with lower affinity and room.
        const load = Array.from(got.load);
        for (let i = 0; i < got.app.length; i++) {
          const a = got.app[i];
          const e = got.expert[i];
          if (d.pin[a][e] || load[e] - 1 < n.minLoad[e]) continue;
          const mine = new Set([...got.app.keys()].filter((j) => got.app[j] === a).map((j) => got.expert[j]));
          for (let f = 0; f < d.E; f++) {
            if (mine.has(f) || d.conflict[a][f] || load[f] + 1 > d.capacity[f]) continue;
            const expert = Int32Array.from(got.expert);
            expert[i] = f;
            const newLoad = [...load];
            newLoad[e]--;
            newLoad[f]++;
            const pen = d.loadCost * newLoad.reduce((s, l) => s + (l * (l - 1)) / 2, 0);
            let aff = 0;
            for (let j = 0; j < expert.length; j++) aff += d.score[got.app[j]][expert[j]];
            if (aff - pen >= got.objective) continue; // another optimum, not a worse assignment
            const check = checkCertificate(inst, { ...got, expert, objective: aff - pen });
            assert.equal(check.optimal, false);
            assert.ok(check.violations.length > 0);
            worsened++;
            return;
          }
        }
      }),
      { numRuns: 600, seed: 7 },
    );
    assert.ok(worsened > 20, `only ${worsened} instances could be worsened`);
  });

  test('no conflicted pair is ever assigned and pins are kept, with many conflicts and few candidates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), (seed) => {
        let x = seed;
        const rnd = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
        const A = 40;
        const E = 15;
        const conflicts = { app: [] as number[], expert: [] as number[] };
        const pins = { app: [] as number[], expert: [] as number[] };
        const aff = { app: [] as number[], expert: [] as number[], score: [] as number[] };
        const banned = new Set<number>();
        for (let a = 0; a < A; a++) {
          for (let e = 0; e < E; e++) {
            if (rnd() < 0.4) { conflicts.app.push(a); conflicts.expert.push(e); banned.add(a * E + e); }
            else if (rnd() < 0.7) { aff.app.push(a); aff.expert.push(e); aff.score.push(Math.floor(rnd() * 100) - 10); }
          }
          const free = [...Array(E).keys()].filter((e) => !banned.has(a * E + e));
          if (free.length && rnd() < 0.2) { pins.app.push(a); pins.expert.push(free[Math.floor(rnd() * free.length)]); }
        }
        const inst: AssignmentInstance = { applications: A, experts: E, reviews: 2, capacity: 8, affinity: aff, conflicts, pins, candidatesPerApp: 1, candidatesPerExpert: 1, seed };
        const got = solveAssignment(inst);
        if (!got.feasible) {
          assert.ok(got.shortfalls.length > 0 && got.message.length > 0);
          return;
        }
        const pairs = new Set([...got.app].map((a, i) => a * E + got.expert[i]));
        for (const p of pairs) assert.ok(!banned.has(p), 'a conflicted pair was assigned');
        pins.app.forEach((a, i) => assert.ok(pairs.has(a * E + pins.expert[i]), 'a pin was dropped'));
        assert.ok(checkCertificate(inst, got).optimal);
      }),
      { numRuns: 60, seed: 3 },
    );
  });

  test('the same input and seed give the same assignment, byte for byte', () => {
    const inst = (): AssignmentInstance => ({ applications: 30, experts: 12, reviews: 3, capacity: 9, scoreRow: (a, out) => out.forEach((_, e) => (out[e] = ((a * 7 + e * 3) % 5) * 10)), seed: 42, candidatesPerApp: 3, candidatesPerExpert: 3 });
    const run = () => {
      const r = solveAssignment(inst()) as AssignmentSolution;
      return JSON.stringify({ app: [...r.app], expert: [...r.expert], objective: r.objective, p: [...r.potentials.expert] });
    };
    assert.equal(run(), run());
  });

  test('infeasible input names the applications and the shortfall', () => {
    const few = solveAssignment({ applications: 3, experts: 3, reviews: 2, capacity: 5, conflicts: { app: [1, 1], expert: [0, 2] } });
    assert.equal(few.feasible, false);
    assert.ok(!few.feasible);
    assert.deepEqual(few.shortfalls, [{ kind: 'too-few-experts', app: 1, needed: 2, available: 1 }]);
    assert.match(few.message, /application 1 needs 2, has 1/);

    const cap = solveAssignment({ applications: 4, experts: 2, reviews: 2, capacity: 3 });
    assert.ok(!cap.feasible);
    assert.deepEqual(cap.shortfalls, [{ kind: 'capacity', needed: 8, available: 6 }]);

    const strong = solveAssignment({ applications: 2, experts: 2, reviews: 1, capacity: 2, affinity: { app: [0], expert: [1], score: [90] }, strong: { threshold: 50 } });
    assert.ok(!strong.feasible);
    assert.deepEqual(strong.shortfalls, [{ kind: 'no-strong-expert', app: 1, threshold: 50 }]);

    // Enough capacity in total, but application 2 may only go to expert 0, who is needed elsewhere.
    const routed = solveAssignment({ applications: 3, experts: 2, reviews: 1, capacity: [1, 2], conflicts: { app: [0, 1, 2], expert: [1, 1, 1] } });
    assert.ok(!routed.feasible);
    assert.equal(routed.shortfalls[0].kind, 'unrouted');
    assert.match(routed.message, /short by 1/);
  });

  test('pins are assigned and count towards the load; the strong match is honoured', () => {
    const inst: AssignmentInstance = {
      applications: 2, experts: 3, reviews: 2, capacity: [2, 2, 2],
      affinity: { app: [0, 0, 1, 1], expert: [0, 1, 0, 2], score: [100, 10, 100, 60] },
      pins: { app: [1], expert: [0] }, strong: { threshold: 50 },
    };
    const r = solveAssignment(inst);
    assert.ok(r.feasible);
    assert.deepEqual([...r.app].map((a, i) => [a, r.expert[i]]), [[0, 0], [0, 1], [1, 0], [1, 2]]);
    assert.deepEqual([...r.load], [2, 1, 1]);
    assert.ok(checkCertificate(inst, r).optimal);
    // With room for one only, expert 0 goes to its pin; application 0 is left with no strong match.
    const tight = solveAssignment({ ...inst, capacity: [1, 2, 2] });
    assert.ok(!tight.feasible);
    assert.deepEqual(tight.shortfalls, [{ kind: 'unrouted', app: 0, missing: 1 }]);
  });
});
