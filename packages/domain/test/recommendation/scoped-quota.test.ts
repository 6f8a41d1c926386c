import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { validateDefinition } from '../../src/program/definition-text.ts';
import { quotaTakes, scopedQuotaStatuses, trackQuota } from '../../src/recommendation/quota.ts';
import { reachMiss, regionPrefix, routingRefusal, type ReachSubject, type UnitReach } from '../../src/recommendation/reach.ts';
import type { RecommendationBlock } from '../../src/recommendation/recommendation-definition.schema.ts';

// Issue 13: a national catalog selection (省级发展改革委, 计划单列市, 兵团 and 国务院国资委 recommending;
// a per-unit quota across all fields and at most 2 in any one field) expressed in the definition
// alone — scoped quotas, routing by region / ownership / list, units without a region, and the
// columns of each unit's 推荐汇总表 — with every mistake explained in Chinese and English.

const fields = ['energy', 'water', 'waste', 'building'];

function program(recommendation: unknown) {
  return {
    slug: 'catalog-2026', name: '国家绿色低碳先进技术目录', year: 2026, organizers: ['国家发展改革委'],
    phases: [{ id: 'call', kind: 'call', name: '征集', startsAt: '2026-01-01', endsAt: '2026-12-31' }],
    tracks: [...fields.map((id) => ({ id, name: `领域 ${id}`, formId: 'f', entry: 'recommendation' })), { id: 'direct', name: '直接', formId: 'f', entry: 'direct' }],
    forms: [{ id: 'f', version: 1, title: '技术申报表', sections: [{ id: 'tech', title: '技术', fields: [{ id: 'name', kind: 'text', label: '技术名称' }, { id: 'cases', kind: 'text', label: '应用案例' }] }] }],
    recommendation,
  };
}

/** The real program, as an organizer writes it. */
const catalog = {
  channels: [
    { id: 'provincial', name: '省级发展改革委', reach: { regions: 'own', excludeOwnership: ['central_soe'] } },
    { id: 'sasac', name: '国务院国资委', reach: { ownership: ['central_soe'] } },
    { id: 'association', name: '行业协会' },
  ],
  quotas: [
    { id: 'total', scope: 'program', kind: 'max', count: 6, description: '每个推荐单位推荐总数不超过6项' },
    { id: 'per-field', tracks: fields, kind: 'max', count: 2, description: '每个领域不超过2项' },
    { id: 'sasac-total', scope: 'program', channels: ['sasac'], kind: 'max', count: 10 },
  ],
  units: [
    { id: 'henan', name: '河南省发展改革委', regionCode: '410000', channels: ['provincial'] },
    { id: 'qingdao', name: '青岛市发展改革委', regionCode: '370200', channels: ['provincial'] },
    { id: 'bingtuan', name: '新疆生产建设兵团发展改革委', channels: ['provincial'], reach: { regions: ['659001', '659002'] } },
    { id: 'sasac', name: '国务院国资委', channels: ['sasac'] },
    { id: 'assoc', name: '中国环境保护产业协会', channels: ['association'], reach: { organizations: ['91410100MA0000001X'] } },
  ],
  summary: { columns: [{ field: 'tech.name' }, { field: 'tech.cases', header: '应用案例（一年以上）' }] },
};

const problems = (rec: unknown) => {
  const r = validateDefinition(program(rec));
  return r.ok ? [] : r.problems.map((p) => ({ path: p.path, zh: p.message['zh-CN'], en: p.message.en }));
};
const withQuotas = (quotas: unknown[]) => ({ ...catalog, quotas });

describe('scoped quotas, routing and summaries in the definition', () => {
  test('the national catalog program validates; the old per-track syntax means scope: track', () => {
    const r = validateDefinition(program(catalog));
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
    const rec = r.definition.recommendation!;
    assert.deepEqual(rec.quotas.map((q) => q.scope), ['program', 'track', 'program']);
    assert.equal(rec.units.find((u) => u.id === 'sasac')!.regionCode, undefined, 'a unit without a region has none, not a made-up code');
    assert.deepEqual(rec.summary.columns.map((c) => c.field), ['tech.name', 'tech.cases']);
  });

  test('a program quota lists no tracks; a track or group quota must; a group has two or more', () => {
    assert.deepEqual(problems(withQuotas([{ id: 'q', scope: 'program', tracks: ['energy'], kind: 'max', count: 6 }])), [{
      path: 'recommendation.quotas.0.tracks', zh: '全活动名额（scope: program）覆盖全部推荐赛道，不要列出赛道', en: 'a program-wide quota (scope: program) covers every recommended track; list no tracks',
    }]);
    assert.deepEqual(problems(withQuotas([{ id: 'q', scope: 'group', kind: 'max', count: 6 }])).map((p) => [p.path, p.zh, p.en]), [[
      'recommendation.quotas.0.tracks', '请列出名额规则适用的赛道（或设 scope: program 覆盖全部赛道）', 'list the tracks the rule applies to (or use scope: program for all of them)',
    ]]);
    assert.deepEqual(problems(withQuotas([{ id: 'q', scope: 'group', tracks: ['energy'], kind: 'max', count: 6 }])).map((p) => p.en), ['a group quota needs at least two tracks; use scope: track for one']);
    assert.deepEqual(problems(withQuotas([{ id: 'q', scope: 'group', tracks: ['energy', 'direct'], kind: 'max', count: 6 }])).map((p) => [p.zh, p.en]), [[
      '赛道 direct 为直接申报，没有推荐名额', 'track direct takes direct applications and has no recommendation quota',
    ]]);
    assert.equal(problems(withQuotas([{ id: 'q', scope: 'everywhere', kind: 'max', count: 6 }])).length, 1, 'an unknown scope is refused');
  });

  test('several quotas hold at once; a group or program max below the minimums inside it is caught', () => {
    assert.deepEqual(problems(withQuotas([
      { id: 'min', tracks: fields, kind: 'min', count: 2 },
      { id: 'total', scope: 'program', kind: 'max', count: 6 },
    ])), [{ path: 'recommendation.quotas.1.count', zh: '上限 6 小于其范围内各赛道最少推荐数之和 8，无法同时满足', en: 'the max 6 is below the 8 the per-track minimums inside it require' }]);
    // The same track may carry a max for everyone and another for one channel's units.
    assert.deepEqual(problems(withQuotas([{ id: 'a', tracks: ['energy'], kind: 'max', count: 2 }, { id: 'b', tracks: ['energy'], channels: ['sasac'], kind: 'max', count: 5 }])), []);
    assert.deepEqual(problems(withQuotas([{ id: 'a', tracks: ['energy'], kind: 'max', count: 2 }, { id: 'b', tracks: ['energy'], kind: 'max', count: 5 }])).map((p) => p.en), ['track energy already has a max rule']);
    assert.deepEqual(problems(withQuotas([{ id: 'a', scope: 'program', channels: ['ghost'], kind: 'max', count: 2 }])).map((p) => [p.path, p.zh, p.en]), [['recommendation.quotas.0.channels.0', '未定义的推荐渠道：ghost', 'no channel ghost']]);
  });

  test('reach: own-region units need a region, ownership and regions are checked, summary columns must exist', () => {
    const units = [{ id: 'x', name: '某省发展改革委', channels: ['provincial'] }];
    assert.deepEqual(problems({ ...catalog, units }), [{
      path: 'recommendation.units.0.regionCode',
      zh: '某省发展改革委按所在地区推荐（regions: own），请填写其行政区划代码，或为其单独设定推荐范围',
      en: '某省发展改革委 recommends by its own region (regions: own): give its region code, or give the unit a reach of its own',
    }]);
    assert.deepEqual(problems({ ...catalog, channels: [{ id: 'provincial', name: '省', reach: { ownership: ['state'] } }], quotas: [], units: [] }).length, 1);
    assert.deepEqual(problems({ ...catalog, channels: [{ id: 'provincial', name: '省', reach: { regions: ['999999'] } }], quotas: [], units: [] }).map((p) => [p.zh, p.en]), [['不是有效的行政区划代码', 'Not a valid GB/T 2260 region code']]);
    assert.deepEqual(problems({ ...catalog, channels: [{ id: 'provincial', name: '省', reach: { organizations: ['123'] } }], quotas: [], units: [] }).map((p) => [p.zh, p.en]), [['统一社会信用代码无效', 'Not a valid unified social credit code']]);
    assert.deepEqual(problems({ ...catalog, summary: { columns: [{ field: 'tech.price' }] } }).map((p) => [p.path, p.zh, p.en]), [['recommendation.summary.columns.0.field', '推荐赛道的申报表中没有字段 tech.price', 'no form of a recommended track has the field tech.price']]);
    assert.ok(problems({ ...catalog, summary: { columns: [{ field: 'no-dot' }] } }).some((p) => p.zh === '字段须写作“节 id.字段 id”，如 tech.name' && p.en === 'write the field as section id.field id, e.g. tech.name'));
  });
});

describe('scoped quota arithmetic', () => {
  const block = validateDefinition(program(catalog));
  assert.ok(block.ok);
  const rec: RecommendationBlock = block.definition.recommendation!;

  test('an endorsement takes its track row and each binding program row, in key order', () => {
    assert.deepEqual(quotaTakes(rec, 'water', ['provincial'], fields).map((t) => [t.key, t.limit, t.ruleId]), [['@total', 6, 'total'], ['water', 2, 'per-field']]);
    assert.deepEqual(quotaTakes(rec, 'water', ['sasac'], fields).map((t) => [t.key, t.limit]), [['@sasac-total', 10], ['@total', 6], ['water', 2]]);
    assert.deepEqual(trackQuota(rec, 'water', ['provincial']), { max: 2, min: null });
  });

  test('standing per program rule, counted over its tracks', () => {
    const used = new Map([['energy', 2], ['water', 2], ['waste', 1]]);
    assert.deepEqual(scopedQuotaStatuses(rec, ['provincial'], used, fields).map((s) => [s.ruleId, s.used, s.limit, s.left]), [['total', 5, 6, 1]]);
    assert.deepEqual(scopedQuotaStatuses(rec, ['sasac'], used, fields).map((s) => s.ruleId), ['total', 'sasac-total']);
  });
});

describe('routing', () => {
  const channelReach = new Map<string, UnitReach>([['provincial', { regions: 'own', excludeOwnership: ['central_soe'] }], ['sasac', { ownership: ['central_soe'] }]]);
  const zhengzhouPrivate: ReachSubject = { regionCode: '410102', kind: 'enterprise', ownership: 'private', creditCode: '91410100MA0000001X' };
  const beijingSoe: ReachSubject = { regionCode: '110108', kind: 'enterprise', ownership: 'central_soe', creditCode: '91110000100000000R' };
  const henan = { name: '河南省发展改革委', regionCode: '410000', channels: ['provincial'] };
  const sasac = { name: '国务院国资委', regionCode: null, channels: ['sasac'] };

  test('a province reaches what lies under it, except central SOEs; 国资委 reaches central SOEs anywhere', () => {
    assert.equal(regionPrefix('410000'), '41');
    assert.equal(regionPrefix('370200'), '3702');
    assert.equal(routingRefusal(henan, channelReach, zhengzhouPrivate), null);
    assert.equal(routingRefusal(sasac, channelReach, beijingSoe), null);
    assert.deepEqual(routingRefusal(henan, channelReach, { ...zhengzhouPrivate, regionCode: '110108' }), {
      'zh-CN': '河南省发展改革委不负责推荐注册在北京市海淀区的单位，请选择所在地区的推荐单位',
      en: '河南省发展改革委 does not recommend organizations registered in 北京市海淀区; choose the unit for your region',
    });
    assert.deepEqual(routingRefusal(sasac, channelReach, zhengzhouPrivate), {
      'zh-CN': '国务院国资委不负责推荐民营企业，请选择对应的推荐单位',
      en: '国务院国资委 does not recommend organizations of this ownership (Private enterprise); choose the unit responsible for them',
    });
    assert.match(routingRefusal({ ...henan, regionCode: '410000' }, channelReach, { ...beijingSoe, regionCode: '410102' })!['zh-CN'], /不负责推荐中央企业/);
  });

  test('an explicit list, a unit without a region, and a unit in no routed channel', () => {
    assert.equal(reachMiss({ organizations: ['91410100MA0000001X'] }, null, zhengzhouPrivate), null);
    assert.equal(reachMiss({ organizations: ['91410100MA0000001X'] }, null, beijingSoe), 'region');
    assert.equal(reachMiss({ regions: 'own' }, null, zhengzhouPrivate), 'no_region');
    assert.equal(routingRefusal({ name: '协会', regionCode: null, channels: ['association'] }, channelReach, beijingSoe), null, 'no reach declared: open to everyone');
  });
});
