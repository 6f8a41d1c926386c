import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { validateDefinition } from '../../src/program/definition-text.ts';
import { parseUnitRow, parseUnitSheet } from '../../src/recommendation/unit-sheet.ts';

// The recommendation block is validated with the program: quotas only on recommended tracks,
// channels that exist; and the organizer's spreadsheet is checked row by row.

function program(recommendation: unknown) {
  return {
    slug: 'rec-test', name: '测试', year: 2026, organizers: ['主办方'],
    phases: [{ id: 'call', kind: 'call', name: '征集', startsAt: '2026-01-01', endsAt: '2026-12-31' }],
    tracks: [
      { id: 'a', name: 'A', formId: 'f', entry: 'recommendation' },
      { id: 'b', name: 'B', formId: 'f', entry: 'recommendation' },
      { id: 'direct', name: '直接', formId: 'f', entry: 'direct' },
    ],
    forms: [{ id: 'f', version: 1, title: '表', sections: [{ id: 's', title: '节', fields: [{ id: 'x', kind: 'text', label: 'X' }] }] }],
    recommendation,
  };
}

const problems = (rec: unknown) => {
  const r = validateDefinition(program(rec));
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message.en}`);
};

describe('recommendation block of a program definition', () => {
  test('a valid block, with defaults filled in', () => {
    const r = validateDefinition(program({ channels: [{ id: 'c1', name: '渠道一' }], quotas: [{ id: 'q', tracks: ['a', 'b'], kind: 'max', count: 3 }], units: [{ id: 'u', name: '郑州市', regionCode: '410100', channels: ['c1'] }] }));
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
    assert.deepEqual({ stacking: r.definition.recommendation!.stacking, unitKind: r.definition.recommendation!.unitKind }, { stacking: false, unitKind: 'unit' });
    assert.equal(validateDefinition(program(undefined)).ok, true, 'the block is optional');
  });

  test('every mistake at its path', () => {
    assert.deepEqual(problems({ quotas: [{ id: 'q', tracks: ['nope'], kind: 'max', count: 3 }] }), ['recommendation.quotas.0.tracks.0: no track nope']);
    assert.deepEqual(problems({ quotas: [{ id: 'q', tracks: ['direct'], kind: 'max', count: 3 }] }), ['recommendation.quotas.0.tracks.0: track direct takes direct applications and has no recommendation quota']);
    assert.deepEqual(problems({ units: [{ id: 'u', name: 'U', regionCode: '410100', channels: ['ghost'] }] }), ['recommendation.units.0.channels.0: no channel ghost']);
    assert.deepEqual(problems({ units: [{ id: 'u', name: 'U', regionCode: '999999' }] }), ['recommendation.units.0.regionCode: Not a valid GB/T 2260 region code']);
    assert.deepEqual(
      problems({ quotas: [{ id: 'q1', tracks: ['a'], kind: 'max', count: 2 }, { id: 'q2', tracks: ['a'], kind: 'max', count: 3 }, { id: 'q3', tracks: ['a'], kind: 'min', count: 5 }] }),
      ['recommendation.quotas.1.tracks.0: track a already has a max rule', 'recommendation.quotas: track a: the minimum exceeds the maximum'],
    );
    assert.deepEqual(problems({ channels: [{ id: 'c', name: '一' }, { id: 'c', name: '二' }] }), ['recommendation.channels.1.id: duplicate id: c']);
    assert.equal(problems({ quotas: [{ id: 'q', tracks: ['a'], kind: 'max', count: 0 }] }).length, 1);
    assert.equal(problems({ extra: true }).length, 1, 'strict: unknown keys are refused');
  });
});

describe('the unit spreadsheet', () => {
  const channels = [
    { id: 'national-society', name: '全国学会/协会/研究会', aliases: ['全国学会'] },
    { id: 'central-soe-cast', name: '中央企业科协', aliases: ['央企科协'] },
  ];

  test('a good row: channels by name, alias or id, several separated by 、 or a comma', () => {
    const r = parseUnitRow({
      name: '中国某某学会', channels: '全国学会、央企科协,national-society', regionCode: '110000', leaderName: '张三', leaderPhone: '010-12345678',
      liaisonName: '李四', liaisonPhone: '13800000000', adminEmails: 'A@Example.com；b@example.com',
    }, 2, channels);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.unit, {
      name: '中国某某学会', regionCode: '110000', channels: ['national-society', 'central-soe-cast'],
      contacts: [{ role: 'leader', name: '张三', phone: '010-12345678' }, { role: 'liaison', name: '李四', phone: '13800000000' }],
      adminEmails: ['a@example.com', 'b@example.com'],
    });
  });

  test('a bad row names its row and column, every problem at once', () => {
    const r = parseUnitRow({ name: '', channels: '学会联盟', regionCode: '12', leaderPhone: 'abc', adminEmails: 'not-an-email' }, 7, channels);
    assert.deepEqual(r.problems.map((p) => p.path), ['rows.7.单位名称', 'rows.7.推荐渠道', 'rows.7.所在地区代码', 'rows.7.负责人电话', 'rows.7.组织负责人', 'rows.7.管理员邮箱']);
    assert.match(r.problems[1].message['zh-CN'], /^第 7 行「推荐渠道」：“学会联盟”不是本活动的推荐渠道/);
  });

  test('the sheet: duplicates and emptiness', () => {
    const r = parseUnitSheet([{ rowNumber: 2, cells: { name: '甲', channels: '全国学会' } }, { rowNumber: 3, cells: { name: '甲', channels: '全国学会' } }], channels);
    assert.deepEqual(r.problems.map((p) => p.message['zh-CN']), ['第 3 行「单位名称」：与第 2 行重复']);
    assert.equal(parseUnitSheet([], channels).problems.length, 1);
    assert.deepEqual(parseUnitSheet([{ rowNumber: 2, cells: { name: '郑州市' } }], []).problems, [], 'a program without channels needs none');
  });
});
