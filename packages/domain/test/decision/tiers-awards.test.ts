import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { proposeTiers, type RankedForTiers } from '../../src/decision/tiers.ts';
import { programAwardWinners, type Participation } from '../../src/decision/program-awards.ts';

// Tiers from a ranking (counts, score cuts, the catch-all last tier, a tier that needs a count,
// the organizer's counts overriding the definition's) and program awards by rule (河南's
// 优秀组织奖 for units in every recommended track; top units by count with ties at the cut).

const ranked = (scores: number[]): RankedForTiers[] => scores.map((score, i) => ({ applicationId: `a${i + 1}`, rank: i + 1, score }));
const tiersOf = (r: ReturnType<typeof proposeTiers>) => r.items.map((i) => i.tierId);

describe('proposeTiers', () => {
  const henan = [{ id: 'yideng', name: '一等奖' }, { id: 'erdeng', name: '二等奖' }, { id: 'sandeng', name: '三等奖' }, { id: 'youxiu', name: '优秀奖', nameEn: 'Excellence award' }];

  test('counts walk the ranking best first; the last tier without a count takes the rest', () => {
    const r = proposeTiers(ranked([95, 90, 88, 80, 75, 70, 60]), henan, { yideng: 1, erdeng: 2, sandeng: 2 });
    assert.deepEqual(tiersOf(r), ['yideng', 'erdeng', 'erdeng', 'sandeng', 'sandeng', 'youxiu', 'youxiu']);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.tiers.map((t) => [t.tierId, t.count, t.taken]), [['yideng', 1, 1], ['erdeng', 2, 2], ['sandeng', 2, 2], ['youxiu', null, 2]]);
    assert.match(r.items[1].why.zh, /第 2 名，在“二等奖”的 2 个名额内/);
    assert.match(r.items[6].why.en, /Excellence award is the last tier with no count/);
  });

  test('a tier with neither count nor cut before the last takes none and says it needs a count', () => {
    const r = proposeTiers(ranked([95, 90, 88]), henan);
    assert.deepEqual(tiersOf(r), ['youxiu', 'youxiu', 'youxiu']);
    assert.deepEqual(r.problems.map((p) => p.tierId), ['yideng', 'erdeng', 'sandeng']);
    assert.ok(r.tiers.slice(0, 3).every((t) => t.needsCount && t.taken === 0));
    assert.match(r.problems[0].zh, /“一等奖”未设名额或分数线/);
  });

  test('the organizer’s counts override the definition’s; 0 gives a tier nobody', () => {
    const tiers = [{ id: 'first', count: 1 }, { id: 'second', count: 1 }, { id: 'third', count: 5 }];
    assert.deepEqual(tiersOf(proposeTiers(ranked([9, 8, 7, 6]), tiers)), ['first', 'second', 'third', 'third']);
    assert.deepEqual(tiersOf(proposeTiers(ranked([9, 8, 7, 6]), tiers, { first: 2, second: 0, third: 1 })), ['first', 'first', 'third', null]);
    const full = proposeTiers(ranked([9, 8, 7, 6]), tiers, { third: 1 });
    assert.equal(full.items[3].tierId, null);
    assert.match(full.items[3].why.zh, /第 4 名，未入选：“third”的 1 个名额已满/);
  });

  test('score cuts: a tier stops at the first score below its cut; count and cut together', () => {
    const tiers = [{ id: 'gold', name: '金奖', minScore: 90 }, { id: 'silver', name: '银奖', count: 2, minScore: 80 }];
    const r = proposeTiers(ranked([96, 91, 89, 85, 82, 70]), tiers);
    assert.deepEqual(tiersOf(r), ['gold', 'gold', 'silver', 'silver', null, null]);
    assert.match(r.items[0].why.zh, /得分 96 不低于分数线 90/);
    assert.match(r.items[2].why.zh, /在“银奖”的 2 个名额内，得分 89 不低于分数线 80/);
    assert.match(r.items[4].why.zh, /名额已满/);
    const cut = proposeTiers(ranked([96, 79.5]), tiers);
    assert.equal(cut.items[1].tierId, null);
    assert.match(cut.items[1].why.zh, /得分 79.50 低于“银奖”的分数线 80/);
  });

  test('one catch-all tier (入榜, 创蓝碳中和先锋) takes everyone ranked; rank order, not input order', () => {
    const shuffled = [{ applicationId: 'c', rank: 3, score: 70 }, { applicationId: 'a', rank: 1, score: 90 }, { applicationId: 'b', rank: 2, score: 80 }];
    const r = proposeTiers(shuffled, [{ id: 'ruibang', name: '入榜' }]);
    assert.deepEqual(r.items.map((i) => [i.applicationId, i.tierId]), [['a', 'ruibang'], ['b', 'ruibang'], ['c', 'ruibang']]);
  });

  test('no tiers, no applications', () => {
    const none = proposeTiers(ranked([80]), []);
    assert.deepEqual(tiersOf(none), [null]);
    assert.match(none.items[0].why.zh, /未设获奖等级/);
    assert.deepEqual(proposeTiers([], henan, { yideng: 1, erdeng: 1, sandeng: 1 }).items, []);
  });
});

describe('programAwardWinners', () => {
  // 河南: four tracks recommended by cities, the supplier track entered directly.
  const tracks = [
    { id: 'qingjie', entry: 'recommendation', name: '清洁能源' }, { id: 'jieneng', entry: 'recommendation', name: '节能降碳' },
    { id: 'ziyuan', entry: 'recommendation', name: '资源利用' }, { id: 'lvse-sheji', entry: 'recommendation', name: '绿色设计' },
    { id: 'gongyingshang', entry: 'direct', name: '供应商' },
  ];
  let n = 0;
  const p = (unitId: string, unitName: string, trackId: string, stage: Participation['stage'] = 'screened', awarded = false): Participation => ({ unitId, unitName, trackId, applicationId: `app${n++}`, stage, awarded });
  const four = ['qingjie', 'jieneng', 'ziyuan', 'lvse-sheji'];
  const participations = [
    ...four.map((t) => p('zz', '郑州市', t)),
    ...four.map((t) => p('ly', '洛阳市', t)),
    p('ly', '洛阳市', 'qingjie'),
    // 开封 misses 绿色设计; 新乡's 绿色设计 application was only endorsed (failed screening).
    ...four.slice(0, 3).map((t) => p('kf', '开封市', t)),
    ...four.slice(0, 3).map((t) => p('xx', '新乡市', t)),
    p('xx', '新乡市', 'lvse-sheji', 'endorsed'),
  ];

  test('unitsInEveryTrack: every recommended track, past screening; the direct track does not count', () => {
    const winners = programAwardWinners({ kind: 'unitsInEveryTrack', stage: 'screened' }, participations, tracks);
    assert.deepEqual(winners.map((w) => w.unitName), ['洛阳市', '郑州市']);
    assert.deepEqual(winners[0].tracksCovered, four);
    assert.match(winners[0].why.zh, /全部 4 个赛道（清洁能源、节能降碳、资源利用、绿色设计）均有通过初筛的项目/);
  });

  test('unitsInEveryTrack: stage endorsed counts an endorsed application; named tracks narrow it', () => {
    const endorsed = programAwardWinners({ kind: 'unitsInEveryTrack', stage: 'endorsed' }, participations, tracks);
    assert.deepEqual(endorsed.map((w) => w.unitId), ['ly', 'xx', 'zz']);
    const named = programAwardWinners({ kind: 'unitsInEveryTrack', stage: 'screened', tracks: ['qingjie', 'jieneng', 'ziyuan'] }, participations, tracks);
    assert.deepEqual(named.map((w) => w.unitId), ['kf', 'ly', 'xx', 'zz']);
    assert.deepEqual(programAwardWinners({ kind: 'unitsInEveryTrack', stage: 'screened' }, participations, tracks.filter((t) => t.entry === 'direct')), []);
    assert.deepEqual(programAwardWinners({ kind: 'unitsInEveryTrack', stage: 'screened' }, [], tracks), []);
  });

  test('topUnitsByCount: ties at the cut are all in and said so; awarded counts only tiered', () => {
    const entered = programAwardWinners({ kind: 'topUnitsByCount', n: 2, count: 'entered' }, participations, tracks);
    // 洛阳 5; 郑州 4 and 新乡 4 tied at place 2.
    assert.deepEqual(entered.map((w) => [w.unitName, w.why.zh]), [
      ['洛阳市', '参评项目 5 项，第 1 名；取前 2 名'],
      ['新乡市', '参评项目 4 项，第 2 名（并列）；取前 2 名，与第 2 名并列者均入选'],
      ['郑州市', '参评项目 4 项，第 2 名（并列）；取前 2 名，与第 2 名并列者均入选'],
    ]);
    const awarded = programAwardWinners({ kind: 'topUnitsByCount', n: 1, count: 'awarded' }, [p('a', '甲', 'qingjie', 'screened', true), p('a', '甲', 'jieneng', 'screened', true), p('b', '乙', 'qingjie', 'screened', true), p('c', '丙', 'qingjie')], tracks);
    assert.deepEqual(awarded.map((w) => [w.unitId, w.tracksCovered]), [['a', ['qingjie', 'jieneng']]]);
    assert.deepEqual(programAwardWinners({ kind: 'topUnitsByCount', n: 3, count: 'awarded' }, [p('c', '丙', 'qingjie')], tracks), [], 'no unit with an award');
    // n larger than the units: everyone with one.
    assert.equal(programAwardWinners({ kind: 'topUnitsByCount', n: 50, count: 'entered' }, participations, tracks).length, 4);
  });

  test('manual: the rule gives none', () => {
    assert.deepEqual(programAwardWinners({ kind: 'manual' }, participations, tracks), []);
  });
});
