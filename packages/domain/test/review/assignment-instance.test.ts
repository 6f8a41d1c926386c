import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AssignmentInputError, has, normalize, pairHash } from '../../src/review/assignment/instance.ts';
import { ReviewBlockSchema, defaultReviewBlock } from '../../src/review/review-definition.schema.ts';

// The assignment instance as the solver will read it: every bad input is refused with a message
// that names the item, and a good one is spelled out per application and per expert.

describe('assignment instance', () => {
  test('numbers become per-item arrays; sparse affinity fills rows, absent pairs score 0', () => {
    const n = normalize({ applications: 2, experts: 3, reviews: 2, capacity: [2, 2, 1], affinity: { app: [0, 1], expert: [2, 0], score: [90, -5] } });
    assert.deepEqual([...n.reviews], [2, 2]);
    assert.deepEqual([...n.capacity], [2, 2, 1]);
    assert.deepEqual([...n.minLoad], [0, 0, 0]);
    const row = new Int32Array(3);
    n.fillRow(0, row);
    assert.deepEqual([...row], [0, 0, 90]);
    n.fillRow(1, row);
    assert.deepEqual([...row], [-5, 0, 0]);
  });

  test('bad input is refused with a message naming the item', () => {
    const bad: [Parameters<typeof normalize>[0], RegExp][] = [
      [{ applications: 1, experts: 1, reviews: 1.5, capacity: 1 }, /reviews/],
      [{ applications: 1, experts: 1, reviews: 1, capacity: [1, 2] }, /capacity has 2 entries/],
      [{ applications: 1, experts: 1, reviews: 1, capacity: 1, minLoad: 2 }, /minLoad 2 exceeds capacity 1/],
      [{ applications: 1, experts: 2, reviews: 1, capacity: 1, pins: { app: [0], expert: [1] }, conflicts: { app: [0], expert: [1] } }, /both pinned and conflicted/],
      [{ applications: 1, experts: 2, reviews: 1, capacity: 1, pins: { app: [0, 0], expert: [0, 1] } }, /2 pins but needs only 1/],
      [{ applications: 1, experts: 1, reviews: 1, capacity: 1, affinity: { app: [0, 0], expert: [0, 0], score: [1, 2] } }, /twice/],
      [{ applications: 1, experts: 1, reviews: 1, capacity: 1, conflicts: { app: [3], expert: [0] } }, /not an application index/],
      [{ applications: 1, experts: 1, reviews: 1, capacity: 1, loadCost: -1 }, /loadCost/],
    ];
    for (const [inst, message] of bad) assert.throws(() => normalize(inst), (e: unknown) => e instanceof AssignmentInputError && message.test(e.message));
  });

  test('conflict and pin lists are deduplicated and sorted; has() finds members', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 30 }), (experts) => {
      const n = normalize({ applications: 1, experts: 10, reviews: 0, capacity: 0, conflicts: { app: experts.map(() => 0), expert: experts } });
      const want = [...new Set(experts)].sort((x, y) => x - y);
      assert.deepEqual([...n.conflicts[0]], want);
      for (let e = 0; e < 10; e++) assert.equal(has(n.conflicts[0], e), want.includes(e));
    }));
  });

  test('the tie-breaker is deterministic and depends on the seed', () => {
    assert.equal(pairHash(7, 3, 4), pairHash(7, 3, 4));
    assert.notEqual(pairHash(7, 3, 4), pairHash(8, 3, 4));
  });
});

describe('review block of a program definition', () => {
  test('defaults: 3 reviews, no optional 回避 rule', () => {
    assert.equal(defaultReviewBlock.reviewsPerApplication, 3);
    assert.deepEqual(defaultReviewBlock.conflicts, { sameRegion: 'off', sameParentGroup: false });
  });
  test('refuses an unknown region level', () => {
    assert.equal(ReviewBlockSchema.safeParse({ conflicts: { sameRegion: 'county' } }).success, false);
  });
});
