import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AppError } from '../../src/errors.ts';
import { compareMethods, kendallTau, rankReviews, seededRandom, simulatePanel, tieBreakChain, type Ranking, type RankingOptions, type ScoredReview } from '../../src/review/ranking/index.ts';
import { normalCdf } from '../../src/review/ranking/stats.ts';
import { orderApplications } from '../../src/review/ranking/tie-break.ts';

// Aggregation of expert scores (REVIEW.md, Aggregation): hand-computed means and trimmed
// means, the calibrated fit recovering planted offsets exactly, components, P(above cut), the
// tie-break chain, the flags, degenerate and invalid input, and on simulated panels the
// accuracy the design doc measured.

const R = (app: string, expert: string, score: number): ScoredReview => ({ app, expert, score });
const byApp = (r: Ranking) => new Map(r.items.map((i) => [i.app, i]));
const close = (actual: number, expected: number, tol: number, what = '') => assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual} ≠ ${expected} ± ${tol}`);

/** Every number anywhere in the ranking is finite (or null where allowed). */
function assertFinite(value: unknown, path = 'ranking'): void {
  if (typeof value === 'number') assert.ok(Number.isFinite(value), `${path} = ${value}`);
  else if (Array.isArray(value)) value.forEach((v, i) => assertFinite(v, `${path}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) assertFinite(v, `${path}.${k}`);
}

function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** Panels of `perApp` distinct experts drawn at random; score = f(expert index, quality). */
function randomPanel(seed: number, apps: number, experts: number, perApp: number, score: (e: number, q: number, rand: () => number) => number) {
  const rand = seededRandom(seed);
  const reviews: ScoredReview[] = [];
  const truth = new Map<string, number>();
  for (let a = 0; a < apps; a++) {
    const id = `P${String(a).padStart(3, '0')}`;
    const q = 70 + 10 * normal(rand);
    truth.set(id, q);
    const chosen = new Set<number>();
    while (chosen.size < perApp) chosen.add(Math.floor(rand() * experts));
    for (const e of chosen) reviews.push(R(id, `X${String(e).padStart(2, '0')}`, score(e, q, rand)));
  }
  return { reviews, truth };
}

const handCase = [
  R('A', 'e1', 80), R('A', 'e2', 70), R('A', 'e3', 90),
  R('B', 'e1', 60), R('B', 'e2', 65),
  R('C', 'e3', 75),
  R('D', 'e1', 50), R('D', 'e2', 100), R('D', 'e3', 60), R('D', 'e4', 70),
];
// Σ(y − ȳ_app)² = 200 + 12.5 + 0 + 1400 over N − A = 10 − 4 degrees of freedom.
const pooledVariance = 1612.5 / 6;

describe('mean and trimmed mean', () => {
  test('mean: scores, sds from the pooled variance, spreads, order, expert residuals', () => {
    const r = rankReviews(handCase, { method: 'mean' });
    assert.deepEqual(r.items.map((i) => [i.app, i.rank, i.score, i.n, i.spread]), [['A', 1, 80, 3, 20], ['C', 2, 75, 1, 0], ['D', 3, 70, 4, 50], ['B', 4, 62.5, 2, 5]]);
    const m = byApp(r);
    close(m.get('A')!.sd!, Math.sqrt(pooledVariance / 3), 1e-12, 'sd A');
    close(m.get('B')!.sd!, Math.sqrt(pooledVariance / 2), 1e-12, 'sd B');
    close(m.get('C')!.sd!, Math.sqrt(pooledVariance), 1e-12, 'sd C');
    close(m.get('D')!.sd!, Math.sqrt(pooledVariance / 4), 1e-12, 'sd D');
    for (const i of r.items) assert.equal(i.mean, i.score);
    assert.ok(r.items.every((i) => i.raw.every((x) => x.dropped === undefined && x.adjusted === undefined)));
    assert.deepEqual(m.get('D')!.raw.map((x) => [x.expert, x.score]), [['e1', 50], ['e2', 100], ['e3', 60], ['e4', 70]]);
    // e1's residuals 0, −2.5, −20 around their mean −7.5: SS 237.5 over 2.
    const e1 = r.experts.find((e) => e.expert === 'e1')!;
    assert.deepEqual({ ...e1, residualSd: 0 }, { expert: 'e1', n: 3, offset: 0, scale: 1, residualSd: 0, outlier: false });
    close(e1.residualSd, Math.sqrt(118.75), 1e-12, 'residualSd e1');
    assert.equal(r.components, 1);
    assert.match(r.explanation.en, /plain mean/);
  });

  test('trimmed: one highest and one lowest dropped from 3 or more, marked; fewer than 3 is the plain mean', () => {
    const r = rankReviews(handCase, { method: 'trimmed' });
    assert.deepEqual(r.items.map((i) => [i.app, i.score, i.mean]), [['A', 80, 80], ['C', 75, 75], ['D', 65, 70], ['B', 62.5, 62.5]]);
    const m = byApp(r);
    assert.deepEqual(m.get('A')!.raw.map((x) => x.dropped), [undefined, 'lowest', 'highest']);
    assert.deepEqual(m.get('D')!.raw.map((x) => x.dropped), ['lowest', 'highest', undefined, undefined]);
    assert.deepEqual(m.get('B')!.raw.map((x) => x.dropped), [undefined, undefined]);
    // The trimmed mean of 3 is the median: 1.348 times the mean's variance; of 4, 1.191 times.
    close(m.get('A')!.sd!, Math.sqrt((pooledVariance * 1.348) / 3), 1e-12, 'sd A');
    close(m.get('D')!.sd!, Math.sqrt((pooledVariance * 1.191) / 4), 1e-12, 'sd D');
    close(m.get('B')!.sd!, Math.sqrt(pooledVariance / 2), 1e-12, 'sd B');
    assert.match(r.explanation.en, /fewer than 3 reviews nothing is dropped/);
    assert.match(r.explanation['zh-CN'], /少于 3 份/);
  });

  test('trimmed with equal scores: the first of the highest and the last of the lowest go', () => {
    const r = rankReviews([R('A', 'e1', 70), R('A', 'e2', 70), R('A', 'e3', 70), R('B', 'e1', 80), R('B', 'e2', 60), R('B', 'e3', 80), R('B', 'e4', 60)], { method: 'trimmed' });
    const m = byApp(r);
    assert.deepEqual(m.get('A')!.raw.map((x) => x.dropped), ['highest', undefined, 'lowest']);
    assert.deepEqual(m.get('B')!.raw.map((x) => x.dropped), ['highest', undefined, undefined, 'lowest']);
    assert.equal(m.get('B')!.score, 70);
  });

  test('flags on the hand case: disagreement above 20% of the score range, single and few reviews', () => {
    const r = rankReviews(handCase, { method: 'mean' });
    // Scores span 50–100: the threshold is 10 points.
    assert.deepEqual(r.flags.map((f) => [f.kind, f.app, f.value, f.threshold]), [
      ['app-disagreement', 'A', 20, 10], ['app-single-review', 'C', 1, 2], ['app-disagreement', 'D', 50, 10], ['app-few-reviews', 'B', 2, 3],
    ]);
    assert.match(r.flags[0].message['zh-CN'], /申报 A .*相差 20 分/);
    const loose = rankReviews(handCase, { method: 'mean', disagreementThreshold: 30 });
    assert.deepEqual(loose.flags.filter((f) => f.kind === 'app-disagreement').map((f) => f.app), ['D']);
  });
});

// q and b known; score = q + b exactly, Σb = 0 (the centring the fit uses).
const quality: Record<string, number> = { a1: 80, a2: 70, a3: 60, a4: 75, a5: 69, a6: 85 };
const leniency: Record<string, number> = { e1: 5, e2: -3, e3: 0, e4: -2 };
const panels: Record<string, string[]> = { a1: ['e1', 'e2', 'e3'], a2: ['e2', 'e3', 'e4'], a3: ['e3', 'e4', 'e1'], a4: ['e4', 'e1'], a5: ['e1', 'e2'], a6: ['e2', 'e4', 'e3'] };
const noiseFree = Object.entries(panels).flatMap(([a, es]) => es.map((e) => R(a, e, quality[a] + leniency[e])));

describe('calibrated', () => {
  test('recovers planted offsets and qualities exactly on a noise-free connected design (ridge → 0)', () => {
    for (const scale of [true, false]) {
      const r = rankReviews(noiseFree, { method: 'calibrated', ridge: 1e-9, scale });
      assert.equal(r.method, 'calibrated');
      for (const e of r.experts) {
        close(e.offset, leniency[e.expert], 1e-6, `offset ${e.expert}`);
        assert.equal(e.scale, 1, 'too few reviews for a scale');
        close(e.residualSd, 0, 1e-6, `residualSd ${e.expert}`);
      }
      for (const i of r.items) {
        close(i.exactScore, quality[i.app], 1e-6, `quality ${i.app}`);
        for (const x of i.raw) close(x.adjusted!, quality[i.app], 1e-6, `adjusted ${i.app}/${x.expert}`);
        close(i.sd!, 0, 1e-6, `sd ${i.app}`);
      }
      assert.deepEqual(r.items.map((i) => i.app), ['a6', 'a1', 'a4', 'a2', 'a5', 'a3']);
      // The plain mean is misled by e1's leniency: a5 (69, reviewed by e1 and e2: mean 70) above a2 (70, by e2, e3, e4: 68.33).
      const mean = byApp(rankReviews(noiseFree, { method: 'mean' }));
      assert.deepEqual([mean.get('a5')!.score, mean.get('a2')!.score, mean.get('a5')!.rank, mean.get('a2')!.rank], [70, 68.33, 4, 5]);
    }
  });

  test('the ridge shrinks the offsets (never a larger norm than the exact fit) and keeps their signs', () => {
    const r = rankReviews(noiseFree, { method: 'calibrated', ridge: 1 });
    const norm2 = (xs: number[]) => xs.reduce((s, x) => s + x * x, 0);
    const fitted = Object.fromEntries(r.experts.map((e) => [e.expert, e.offset]));
    assert.ok(norm2(Object.values(fitted)) < norm2(Object.values(leniency)) - 1);
    assert.ok(fitted.e1 > 2 && fitted.e1 < 5 && fitted.e2 < -1 && fitted.e2 > -3, JSON.stringify(fitted));
    close(Object.values(fitted).reduce((s, x) => s + x, 0), 0, 1e-9, 'offsets centred');
    const strong = rankReviews(noiseFree, { method: 'calibrated', ridge: 1e6 });
    assert.ok(strong.experts.every((e) => Math.abs(e.offset) < 1e-3), 'a huge ridge is the plain mean');
    for (const i of strong.items) close(i.exactScore, i.raw.reduce((s, x) => s + x.score, 0) / i.n, 1e-3, i.app);
  });

  test('exact with the scale fit on, where every expert has enough reviews to fit one', () => {
    const b = [4, -6, 2, 0, -1, 3, -5, 3];
    const reviews: ScoredReview[] = [];
    const q: number[] = [];
    for (let a = 0; a < 40; a++) {
      q.push(50 + ((a * 37) % 41));
      for (const j of [0, 1, 3, 6]) reviews.push(R(`p${a}`, `x${(a + j) % 8}`, q[a] + b[(a + j) % 8]));
    }
    const r = rankReviews(reviews, { ridge: 1e-9 });
    for (const e of r.experts) {
      assert.equal(e.n, 20);
      close(e.offset, b[Number(e.expert.slice(1))], 1e-6, e.expert);
      close(e.scale, 1, 1e-6, e.expert);
    }
    for (const i of r.items) close(i.exactScore, q[Number(i.app.slice(1))], 1e-6, i.app);
  });

  test('an expert who stretches the scale gets a scale above 1; the rest stay near 1, and the ranking improves', () => {
    const { reviews, truth } = randomPanel(11, 300, 12, 3, (e, q, rand) => (e === 0 ? 70 + 2.2 * (q - 70) : q + (e % 5) - 2) + 2 * normal(rand));
    const r = rankReviews(reviews);
    const fit = new Map(r.experts.map((e) => [e.expert, e]));
    assert.ok(fit.get('X00')!.scale > 1.7, `X00 scale ${fit.get('X00')!.scale}`);
    for (const e of r.experts) if (e.expert !== 'X00') assert.ok(e.scale > 0.8 && e.scale < 1.25, `${e.expert} scale ${e.scale}`);
    const tau = (x: Ranking) => kendallTau([...truth.values()], [...truth.keys()].map((id) => byApp(x).get(id)!.exactScore));
    const without = rankReviews(reviews, { scale: false });
    assert.ok(without.experts.every((e) => e.scale === 1));
    assert.ok(tau(r) > tau(without), `τ with scale ${tau(r)}, without ${tau(without)}`);
  });

  test('components: counted, numbered largest first, offsets centred in each; flagged', () => {
    const reviews = [
      R('A', 'e1', 70), R('A', 'e2', 80), R('B', 'e1', 60), R('B', 'e2', 75),
      R('C', 'e3', 50), R('C', 'e4', 55), R('D', 'e3', 65), R('D', 'e4', 60), R('E', 'e3', 70), R('E', 'e4', 80),
      R('F', 'e5', 90),
    ];
    for (const ridge of [0, 1]) {
      const r = rankReviews(reviews, { ridge });
      assertFinite(r);
      assert.equal(r.components, 3);
      const m = byApp(r);
      assert.deepEqual(['A', 'B', 'C', 'D', 'E', 'F'].map((a) => m.get(a)!.component), [1, 1, 0, 0, 0, 2]);
      const off = Object.fromEntries(r.experts.map((e) => [e.expert, e.offset]));
      close(off.e1 + off.e2, 0, 1e-9, 'component 1');
      close(off.e3 + off.e4, 0, 1e-9, 'component 0');
      assert.equal(off.e5, 0);
      assert.ok(off.e2 > off.e1 && off.e4 > off.e3 - 1);
      assert.equal(m.get('F')!.exactScore, 90);
      assert.deepEqual(r.flags.filter((f) => f.kind === 'disconnected').map((f) => f.value), [3]);
    }
    const mean = rankReviews(reviews, { method: 'mean' });
    assert.equal(mean.components, 3);
    assert.ok(!mean.flags.some((f) => f.kind === 'disconnected'), 'the mean does not depend on connectivity');
  });

  test('scores far from 0–100 and tiny scales fit the same way (no range assumed)', () => {
    const shifted = noiseFree.map((x) => R(x.app, x.expert, x.score * 1e-4 - 7e5));
    const r = rankReviews(shifted, { ridge: 1e-9 });
    for (const e of r.experts) close(e.offset, leniency[e.expert] * 1e-4, 1e-9, e.expert);
    assert.deepEqual(r.items.map((i) => i.app), ['a6', 'a1', 'a4', 'a2', 'a5', 'a3']);
  });
});

describe('P(above cut)', () => {
  test('0.5 at the cut, monotone in the score at equal sd, null without a cut or an sd', () => {
    const m = byApp(rankReviews(handCase, { method: 'mean', cut: 75 }));
    assert.equal(m.get('C')!.pAbove, 0.5);
    close(m.get('A')!.pAbove!, normalCdf(5 / m.get('A')!.sd!), 1e-15, 'A');
    assert.ok(m.get('A')!.pAbove! > 0.5 && m.get('D')!.pAbove! < 0.5 && m.get('B')!.pAbove! < m.get('D')!.pAbove!);
    assert.ok(rankReviews(handCase, { method: 'mean' }).items.every((i) => i.pAbove === null));

    const reviews = [60, 64, 67, 71, 72, 80, 90].flatMap((s, i) => [R(`q${i}`, 'e1', s - 3), R(`q${i}`, 'e2', s + 3)]);
    const r = rankReviews(reviews, { method: 'mean', cutRank: 3 });
    close(r.cut!, (72 + 71) / 2, 1e-12, 'cut between the 3rd and the 4th');
    const p = r.items.map((i) => i.pAbove!);
    for (let i = 1; i < p.length; i++) assert.ok(p[i] < p[i - 1], `pAbove not decreasing at ${i}: ${p}`);
    assert.ok(p[2] > 0.5 && p[3] < 0.5);
    close(p[2] + p[3], 1, 1e-12, 'symmetric around the cut');
    const wider = rankReviews(reviews.map((x) => R(x.app, x.expert, x.expert === 'e1' ? x.score - 10 : x.score + 10)), { method: 'mean', cutRank: 3 });
    assert.ok(wider.items[0].pAbove! < p[0], 'more disagreement, less certainty');
    assert.equal(rankReviews(reviews, { method: 'mean', cutRank: 7 }).cut, null);
    assert.ok(rankReviews(reviews, { method: 'mean', cutRank: 9 }).items.every((i) => i.pAbove === null));
  });

  test('calibrated: sd shrinks with more reviews; pAbove follows the fitted quality', () => {
    const { reviews } = randomPanel(3, 200, 10, 3, (e, q, rand) => q + (e - 4.5) * 2 + 3 * normal(rand));
    const extra = reviews.filter((x) => x.app === 'P000').map((x) => x.expert);
    const more = [...reviews, ...['X00', 'X01', 'X02', 'X03', 'X04', 'X05'].filter((e) => !extra.includes(e)).slice(0, 3).map((e) => R('P000', e, 70))];
    const before = byApp(rankReviews(reviews)).get('P000')!;
    const after = byApp(rankReviews(more)).get('P000')!;
    assert.ok(after.n === 6 && after.sd! < before.sd!, `${before.sd} → ${after.sd}`);
    const r = rankReviews(reviews, { cutRank: 50 });
    const p = r.items.map((i) => i.pAbove!);
    assert.ok(p[0] > 0.99 && p[p.length - 1] < 0.01 && p[49] > 0.5 && p[50] < 0.5, `${p[0]} ${p[49]} ${p[50]}`);
  });

  test('the normal CDF', () => {
    close(normalCdf(1), 0.8413447460685429, 1e-15, 'Φ(1)');
    close(normalCdf(-1.96), 0.024997895148220435, 1e-15, 'Φ(−1.96)');
    close(normalCdf(5), 0.9999997133484281, 1e-15, 'Φ(5)');
    close(normalCdf(-8), 6.22096057427178e-16, 1e-27, 'Φ(−8)');
    assert.equal(normalCdf(0), 0.5);
    for (let z = -9; z < 9; z += 0.01) assert.ok(normalCdf(z + 0.01) >= normalCdf(z), `at ${z}`);
  });
});

describe('tie-break chain', () => {
  test('each step decides in turn; the same ranking from the reviews in any order', () => {
    // Every application's mean is exactly 70.
    const reviews = [
      R('Z', 'e1', 70), R('Z', 'e2', 70), R('Z', 'e3', 70),
      R('X', 'e1', 70), R('X', 'e2', 70),
      R('V', 'e1', 70), R('V', 'e2', 70),
      R('W', 'e1', 65), R('W', 'e2', 75),
      R('Y', 'e1', 60), R('Y', 'e2', 80),
      R('Q', 'e1', 50), R('Q', 'e2', 80), R('Q', 'e3', 80),
      R('P', 'e1', 60), R('P', 'e2', 70), R('P', 'e3', 80),
    ];
    const r = rankReviews(reviews, { method: 'mean' });
    assert.ok(r.items.every((i) => i.score === 70));
    // n = 3 (smaller sd) first; among them the higher median (Q), then the higher lowest score (Z over P);
    // then V and X alike in everything but the id, then W (lowest 65) before Y (lowest 60).
    assert.deepEqual(r.items.map((i) => i.app), ['Q', 'Z', 'P', 'V', 'X', 'W', 'Y']);
    assert.deepEqual(r.items.map((i) => i.rank), [1, 2, 3, 4, 5, 6, 7]);
    const rand = seededRandom(1);
    for (let round = 0; round < 5; round++) {
      const shuffled = [...reviews].map((x) => ({ x, k: rand() })).sort((a, b) => a.k - b.k).map((p) => p.x);
      for (const method of ['mean', 'trimmed', 'calibrated'] as const) assert.deepEqual(rankReviews(shuffled, { method }), rankReviews(reviews, { method }));
    }
    assert.equal(r.tieBreak.length, tieBreakChain.length);
    assert.match(r.tieBreak[0]['zh-CN'], /最终得分/);
    assert.match(r.tieBreak.at(-1)!.en, /always decides/);
  });

  test('the comparator, step by step', () => {
    const keys = {
      score: Float64Array.of(80, 80, 80, 80, 80, 80, 90, 80 + 1e-10),
      sd: Float64Array.of(2, 2, 2, 2, 2, 1, 5, 2),
      n: [3, 3, 3, 4, 3, 3, 1, 3],
      median: Float64Array.of(80, 80, 81, 80, 80, 70, 0, 80),
      min: Float64Array.of(70, 75, 60, 60, 70, 60, 0, 70),
      epsilon: 1e-7,
    };
    // 6: highest score. 5: smaller sd. 3: more reviews. 2: higher median. 1: higher lowest.
    // 0, 4 and 7 (7 is 1e-10 higher: within ε, a tie): by index.
    assert.deepEqual([...orderApplications(keys)], [6, 5, 3, 2, 1, 0, 4, 7]);
    assert.deepEqual([...orderApplications({ ...keys, sd: null })], [6, 3, 2, 1, 0, 4, 7, 5]);
  });

  test('large shuffled input gives the identical ranking', () => {
    const { reviews } = simulatePanel({ apps: 500, reviewsPerApp: 3, seed: 9 });
    const rand = seededRandom(2);
    const shuffled = reviews.map((x) => ({ x, k: rand() })).sort((a, b) => a.k - b.k).map((p) => p.x);
    assert.deepEqual(rankReviews(shuffled), rankReviews(reviews));
  });
});

describe('flags', () => {
  test('a planted harsh expert is flagged (and only they), under every method; calibration measures the offset', () => {
    const { reviews } = randomPanel(5, 60, 10, 3, (e, q, rand) => q + (e === 7 ? -25 : ((e * 7) % 5) - 2) + 3 * normal(rand));
    for (const method of ['calibrated', 'mean', 'trimmed'] as const) {
      const r = rankReviews(reviews, { method });
      const severe = r.flags.filter((f) => f.kind === 'expert-severity');
      assert.deepEqual(severe.map((f) => f.expert), ['X07'], `${method}: ${JSON.stringify(severe)}`);
      assert.ok(severe[0].value < -20, String(severe[0].value));
      assert.match(severe[0].message.en, /points below the other reviewers/);
      assert.match(severe[0].message['zh-CN'], /低 \d/);
      assert.deepEqual(r.experts.filter((e) => e.outlier).map((e) => e.expert), ['X07']);
      if (method === 'calibrated') {
        const offset = r.experts.find((e) => e.expert === 'X07')!.offset;
        assert.ok(offset < -20 && offset > -30, String(offset));
        assert.match(severe[0].message.en, /calibration adjusts for it/);
      } else assert.match(severe[0].message.en, /does not adjust/);
    }
  });

  test('experts whose leniency varies as much as the noise (the ordinary case) are not flagged; a 3.7-sd one is', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const panel = simulatePanel({ apps: 1000, reviewsPerApp: 3, seed });
      const spread = [...panel.leniency.values()];
      assert.ok(Math.max(...spread) - Math.min(...spread) > 30, 'leniency really varies');
      for (const method of ['calibrated', 'mean'] as const) {
        const r = rankReviews(panel.reviews, { method });
        const flagged = r.flags.filter((f) => f.kind.startsWith('expert-')).map((f) => f.expert);
        // Seed 5 drew one expert 35.6 points (3.7 sd) more lenient than average: rightly flagged.
        assert.deepEqual(flagged, seed === 5 ? ['E29'] : [], `seed ${seed}, ${method}`);
        assert.deepEqual(r.experts.filter((e) => e.outlier).map((e) => e.expert), flagged);
      }
    }
  });

  test('an expert who scores against the consensus is flagged inconsistent', () => {
    const { reviews } = randomPanel(6, 80, 10, 3, (e, q, rand) => (e === 2 ? 140 - q : q) + 2 * normal(rand));
    for (const method of ['calibrated', 'mean'] as const) {
      const r = rankReviews(reviews, { method });
      const flagged = r.flags.filter((f) => f.kind === 'expert-inconsistent');
      assert.deepEqual(flagged.map((f) => f.expert), ['X02'], method);
      assert.ok(flagged[0].value >= 2);
    }
    const fit = rankReviews(reviews).experts.find((e) => e.expert === 'X02')!;
    assert.ok(fit.scale < 0.5, `a contrarian is down-weighted: scale ${fit.scale}`);
  });

  test('a planted disagreeing application is flagged, the ordinary ones are not', () => {
    const { reviews } = randomPanel(8, 60, 10, 3, (e, q, rand) => q + 2 * normal(rand));
    const planted = [...reviews, R('ZZ', 'X01', 95), R('ZZ', 'X02', 40), R('ZZ', 'X03', 90)];
    for (const method of ['calibrated', 'mean', 'trimmed'] as const) {
      const r = rankReviews(planted, { method });
      assert.deepEqual(r.flags.filter((f) => f.kind === 'app-disagreement').map((f) => [f.app, f.value]), [['ZZ', 55]], method);
    }
    assert.ok(!rankReviews(reviews).flags.some((f) => f.kind === 'app-disagreement'));
    const fewer = rankReviews([...reviews.filter((x) => !(x.app === 'P001' && x.expert === reviews.find((y) => y.app === 'P001')!.expert)), R('ONE', 'X01', 70)]);
    assert.deepEqual(fewer.flags.filter((f) => f.kind.startsWith('app-')).map((f) => [f.kind, f.app]).sort(), [['app-few-reviews', 'P001'], ['app-single-review', 'ONE']]);
  });
});

describe('degenerate and invalid input', () => {
  const methods: RankingOptions['method'][] = ['calibrated', 'mean', 'trimmed'];

  test('degenerate input gives a ranking, never a throw or a NaN', () => {
    const cases: [string, ScoredReview[]][] = [
      ['empty', []],
      ['one review', [R('A', 'e1', 70)]],
      ['all equal', ['A', 'B', 'C', 'D'].flatMap((a) => ['e1', 'e2', 'e3'].map((e) => R(a, e, 80)))],
      ['single application', [R('A', 'e1', 70), R('A', 'e2', 90), R('A', 'e3', 40)]],
      ['every expert one review', ['A', 'B', 'C'].flatMap((a, i) => [R(a, `x${i}`, 60 + i), R(a, `y${i}`, 70 - i)])],
      ['every application one review', [R('A', 'e1', 70), R('B', 'e1', 60), R('C', 'e2', 90)]],
      ['one expert', [R('A', 'e1', 70), R('B', 'e1', 60), R('C', 'e1', 90)]],
      ['zero scores', [R('A', 'e1', 0), R('B', 'e1', 0), R('A', 'e2', 0)]],
      ['huge scores', [R('A', 'e1', 1e300), R('B', 'e1', -1e300), R('A', 'e2', 1e300)]],
    ];
    for (const [name, reviews] of cases) {
      for (const method of methods) {
        for (const extra of [{}, { cut: 70 }, { cutRank: 1 }, { ridge: 0 }]) {
          let r: Ranking;
          assert.doesNotThrow(() => (r = rankReviews(reviews, { method, ...extra })), `${name} / ${method} / ${JSON.stringify(extra)}`);
          if (name !== 'huge scores') assertFinite(r!, `${name}/${method}`);
          assert.equal(r!.items.length, new Set(reviews.map((x) => x.app)).size);
          assert.deepEqual(r!.items.map((i) => i.rank), r!.items.map((_, i) => i + 1));
        }
      }
    }
    const empty = rankReviews([]);
    assert.deepEqual({ ...empty, explanation: null, tieBreak: null }, { method: 'calibrated', items: [], experts: [], components: 0, cut: null, tieBreak: null, explanation: null, flags: [] });

    const one = rankReviews([R('A', 'e1', 70)], { cut: 60 }).items[0];
    assert.deepEqual({ ...one }, { app: 'A', rank: 1, score: 70, exactScore: 70, sd: null, n: 1, raw: [{ expert: 'e1', score: 70, adjusted: 70 }], mean: 70, spread: 0, pAbove: null, component: 0 });
    assert.equal(rankReviews([R('A', 'e1', 70)], { method: 'mean' }).items[0].sd, null);

    const equal = rankReviews(cases[2][1], { cut: 80 });
    assert.deepEqual(equal.items.map((i) => [i.app, i.score, i.sd, i.pAbove]), [['A', 80, 0, 0.5], ['B', 80, 0, 0.5], ['C', 80, 0, 0.5], ['D', 80, 0, 0.5]]);
    assert.ok(equal.experts.every((e) => e.offset === 0 && e.scale === 1 && !e.outlier));
    assert.deepEqual(equal.flags, []);
  });

  test('invalid reviews and options throw AppError VALIDATION naming the field, in zh-CN and en', () => {
    const failure = (reviews: unknown, options?: unknown) => {
      try {
        rankReviews(reviews as ScoredReview[], options as RankingOptions);
      } catch (e) {
        assert.ok(e instanceof AppError, String(e));
        assert.equal(e.code, 'VALIDATION');
        assert.equal(e.status, 400);
        for (const f of e.fields ?? []) assert.ok(f.message['zh-CN'] && f.message.en, JSON.stringify(f));
        return e.fields!.map((f) => f.path);
      }
      assert.fail('did not throw');
    };
    const ok = R('A', 'e1', 70);
    assert.deepEqual(failure([ok, R('B', 'e1', NaN)]), ['reviews.1.score']);
    assert.deepEqual(failure([R('A', 'e1', Infinity)]), ['reviews.0.score']);
    assert.deepEqual(failure([{ app: 'A', expert: 'e1', score: '70' }]), ['reviews.0.score']);
    assert.deepEqual(failure([R('', 'e1', 70), R('B', '  ', 70)]), ['reviews.0.app', 'reviews.1.expert']);
    assert.deepEqual(failure([ok, null]), ['reviews.1']);
    assert.deepEqual(failure('reviews'), ['reviews']);
    assert.deepEqual(failure([ok, R('B', 'e1', 60), R('A', 'e1', 75)]), ['reviews.2']);
    assert.deepEqual(failure([ok], { cut: 60, cutRank: 3 }), ['options.cutRank']);
    assert.deepEqual(failure([ok], { method: 'median' }), ['options.method']);
    assert.deepEqual(failure([ok], { ridge: -1 }), ['options.ridge']);
    assert.deepEqual(failure([ok], { cutRank: 0 }), ['options.cutRank']);
    assert.deepEqual(failure([ok], { cutRank: 1.5 }), ['options.cutRank']);
    assert.deepEqual(failure([ok], { cut: NaN }), ['options.cut']);
    assert.deepEqual(failure([ok], { disagreementThreshold: -5 }), ['options.disagreementThreshold']);
    assert.deepEqual(failure([ok], { weights: 1 }), ['options.weights']);
    assert.equal(failure(Array.from({ length: 200 }, (_, i) => R(`a${i}`, 'e', NaN))).length, 50, 'the list stops at 50');
  });
});

describe('accuracy on simulated panels', () => {
  test('calibrated beats the plain and the trimmed mean at 3 and 5 reviews per application (seeded)', (t) => {
    const seeds = [1, 2, 3];
    const rows: string[] = ['reviews  oracle  calibrated  z-score  mean   trimmed   (Kendall τ to the truth; 2,000 applications, mean of seeds 1–3)'];
    for (const k of [3, 5]) {
      const sum = { oracle: 0, calibrated: 0, zScore: 0, mean: 0, trimmed: 0 };
      for (const seed of seeds) {
        const r = compareMethods(simulatePanel({ apps: 2000, reviewsPerApp: k, seed }));
        for (const m of Object.keys(sum) as (keyof typeof sum)[]) sum[m] += r[m] / seeds.length;
      }
      rows.push(`${k}        ${sum.oracle.toFixed(3)}   ${sum.calibrated.toFixed(3)}       ${sum.zScore.toFixed(3)}    ${sum.mean.toFixed(3)}  ${sum.trimmed.toFixed(3)}`);
      assert.ok(sum.calibrated - sum.mean >= 0.04, `k=${k}: calibrated ${sum.calibrated} vs mean ${sum.mean}`);
      assert.ok(sum.calibrated - sum.trimmed >= 0.04, `k=${k}: calibrated ${sum.calibrated} vs trimmed ${sum.trimmed}`);
      assert.ok(sum.trimmed < sum.mean, `k=${k}: trimming is worse than the plain mean`);
      assert.ok(sum.oracle - sum.calibrated < 0.02, `k=${k}: calibrated ${sum.calibrated} close to the oracle ${sum.oracle}`);
      assert.ok(sum.oracle <= 1 && sum.trimmed > 0.4);
    }
    for (const row of rows) t.diagnostic(row);
    console.log(rows.join('\n'));
  });

  test('20,000 applications × 3 reviews (60,000 reviews, 2,000 experts) rank as one connected panel', () => {
    // How fast is the bench's to say (`npm run bench -- ranking`), not a unit test's.
    const { reviews } = simulatePanel({ apps: 20_000, reviewsPerApp: 3, seed: 4, fields: 40, expertsPerField: 50 });
    const r = rankReviews(reviews);
    assert.equal(r.items.length, 20_000);
    assert.equal(r.components, 1);
    assert.deepEqual(r.items.map((i) => i.rank).slice(0, 3), [1, 2, 3]);
  });
});

describe('Kendall τ', () => {
  const brute = (x: number[], y: number[]) => {
    let c = 0, tx = 0, ty = 0, n0 = 0;
    for (let i = 0; i < x.length; i++) {
      for (let j = i + 1; j < x.length; j++) {
        n0++;
        const dx = Math.sign(x[i] - x[j]);
        const dy = Math.sign(y[i] - y[j]);
        c += dx * dy;
        if (!dx) tx++;
        if (!dy) ty++;
      }
    }
    return c / Math.sqrt((n0 - tx) * (n0 - ty));
  };

  test('τ-b equals the pairwise definition, ties included', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })), { minLength: 2, maxLength: 60 }), (pairs) => {
        const x = pairs.map((p) => p[0]);
        const y = pairs.map((p) => p[1]);
        const expected = brute(x, y);
        const got = kendallTau(x, y);
        if (Number.isNaN(expected)) return Number.isNaN(got);
        return Math.abs(got - expected) < 1e-12;
      }),
      { numRuns: 300, seed: 1 },
    );
    assert.equal(kendallTau([1, 2, 3, 4], [10, 20, 30, 40]), 1);
    assert.equal(kendallTau([1, 2, 3, 4], [4, 3, 2, 1]), -1);
    assert.equal(kendallTau([1, 2, 3], [1, 3, 2]), 1 / 3);
    assert.ok(Number.isNaN(kendallTau([1, 1, 1], [1, 2, 3])));
    assert.ok(Number.isNaN(kendallTau([1], [1])));
    assert.throws(() => kendallTau([1, 2], [1]), RangeError);
  });
});
