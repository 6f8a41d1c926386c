import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { coverageOf, quotaFor, quotaStatus, trackQuota } from '../../src/recommendation/quota.ts';
import type { RecommendationBlock } from '../../src/recommendation/recommendation-definition.schema.ts';

// The quota arithmetic of 推荐: the 科创中国 notice's maxima with stacking, 河南's minimum.

const channels = ['national-society', 'provincial-cast', 'pilot-city', 'central-soe-cast', 'union-member', 'other'].map((id) => ({ id, name: id, aliases: [] }));
const kczg: RecommendationBlock = {
  channels, stacking: true, unitKind: 'unit', units: [], summary: { columns: [] },
  quotas: [
    { id: 'xiandao', scope: 'track', tracks: ['xiandao-green', 'xiandao-bio'], kind: 'max', count: 3 },
    { id: 'xinrui', scope: 'track', tracks: ['xinrui'], kind: 'max', count: 5 },
    { id: 'others', scope: 'track', tracks: ['rongtong', 'chuangye', 'jishu-jingliren'], kind: 'max', count: 2 },
  ],
};
const henan: RecommendationBlock = {
  channels: [], stacking: false, unitKind: 'city', units: [], summary: { columns: [] },
  quotas: [{ id: 'min3', scope: 'track', tracks: ['qingjie', 'jieneng', 'ziyuan', 'lvse-sheji'], kind: 'min', count: 3 }],
};

describe('quota rules of the two templates', () => {
  test('科创中国: ≤3 per field, ≤5, ≤2; a unit in two channels gets twice each', () => {
    assert.deepEqual(trackQuota(kczg, 'xiandao-green', ['national-society']), { max: 3, min: null });
    assert.deepEqual(trackQuota(kczg, 'xinrui', ['pilot-city']), { max: 5, min: null });
    assert.deepEqual(trackQuota(kczg, 'chuangye', ['other']), { max: 2, min: null });
    assert.deepEqual(trackQuota(kczg, 'xiandao-green', ['national-society', 'union-member']), { max: 6, min: null });
    assert.deepEqual(trackQuota(kczg, 'xinrui', ['pilot-city', 'provincial-cast', 'union-member']), { max: 15, min: null });
    // A direct track (国际创新合作榜) has no rule at all.
    assert.deepEqual(trackQuota(kczg, 'guoji', ['national-society']), { max: null, min: null });
  });

  test('河南: at least 3 per track per city, never capped, not stacked', () => {
    assert.deepEqual(trackQuota(henan, 'qingjie', []), { max: null, min: 3 });
    assert.deepEqual(quotaStatus(1, trackQuota(henan, 'qingjie', [])), { used: 1, limit: null, left: null, min: 3, short: 2 });
    assert.deepEqual(quotaStatus(7, trackQuota(henan, 'jieneng', [])), { used: 7, limit: null, left: null, min: 3, short: 0 });
    assert.equal(quotaFor({ kind: 'min', count: 3 }, ['a', 'b'], { stacking: true, channels: [{ id: 'a', name: 'a', aliases: [] }, { id: 'b', name: 'b', aliases: [] }] }), 3);
  });

  test('the meter: used and left, never negative', () => {
    assert.deepEqual(quotaStatus(2, { max: 3, min: null }), { used: 2, limit: 3, left: 1, min: null, short: 0 });
    assert.deepEqual(quotaStatus(3, { max: 3, min: null }), { used: 3, limit: 3, left: 0, min: null, short: 0 });
    assert.deepEqual(quotaStatus(5, { max: 3, min: 1 }), { used: 5, limit: 3, left: 0, min: 1, short: 0 });
  });

  test('coverage for the 优秀组织奖: entered every track, met every minimum', () => {
    const tracks = ['qingjie', 'jieneng', 'ziyuan', 'lvse-sheji'].map((id) => ({ id, min: 3 }));
    assert.deepEqual(coverageOf(new Map([['qingjie', 3], ['jieneng', 3], ['ziyuan', 4], ['lvse-sheji', 3]]), tracks), { enteredEveryTrack: true, metEveryMinimum: true, tracksEntered: 4 });
    assert.deepEqual(coverageOf(new Map([['qingjie', 1], ['jieneng', 1], ['ziyuan', 1], ['lvse-sheji', 1]]), tracks), { enteredEveryTrack: true, metEveryMinimum: false, tracksEntered: 4 });
    assert.deepEqual(coverageOf(new Map([['qingjie', 5], ['jieneng', 5], ['ziyuan', 5]]), tracks), { enteredEveryTrack: false, metEveryMinimum: false, tracksEntered: 3 });
    assert.equal(coverageOf(new Map(), []).enteredEveryTrack, false, 'no tracks: nothing to enter, no award');
  });
});

describe('quota arithmetic, for any input', () => {
  const channelIds = fc.uniqueArray(fc.constantFrom(...channels.map((c) => c.id), 'unknown-1', 'unknown-2'), { maxLength: 8 });
  const rule = fc.record({ kind: fc.constantFrom('max' as const, 'min' as const), count: fc.integer({ min: 1, max: 100 }) });

  test('with stacking a max is the count times the known channels (at least once); a min never stacks', () => {
    fc.assert(fc.property(rule, channelIds, (r, mine) => {
      const known = mine.filter((c) => channels.some((x) => x.id === c)).length;
      const got = quotaFor(r, mine, { stacking: true, channels });
      assert.equal(got, r.kind === 'max' ? r.count * Math.max(1, known) : r.count);
    }));
  });

  test('without stacking the channels do not matter', () => {
    fc.assert(fc.property(rule, channelIds, channelIds, (r, a, b) => {
      assert.equal(quotaFor(r, a, { stacking: false, channels }), quotaFor(r, b, { stacking: false, channels }));
      assert.equal(quotaFor(r, a, { stacking: false, channels }), r.count);
    }));
  });

  test('joining another channel never lowers a quota; repeating a channel adds nothing', () => {
    fc.assert(fc.property(rule, channelIds, fc.constantFrom(...channels.map((c) => c.id)), (r, mine, extra) => {
      const before = quotaFor(r, mine, { stacking: true, channels });
      assert.ok(quotaFor(r, [...mine, extra], { stacking: true, channels }) >= before);
      assert.equal(quotaFor(r, [...mine, ...mine], { stacking: true, channels }), before);
    }));
  });

  test('used + left = limit until the limit; short + used ≥ min; nothing negative', () => {
    const quota = fc.record({ max: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }), min: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }) });
    fc.assert(fc.property(fc.integer({ min: 0, max: 200 }), quota, (used, q) => {
      const s = quotaStatus(used, q);
      assert.equal(s.used, used);
      if (q.max === null) assert.equal(s.left, null);
      else {
        assert.ok(s.left! >= 0);
        if (used <= q.max) assert.equal(s.used + s.left!, q.max);
        else assert.equal(s.left, 0);
      }
      assert.ok(s.short >= 0);
      if (q.min !== null) assert.ok(s.short + s.used >= q.min);
      else assert.equal(s.short, 0);
    }));
  });
});
