import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateDefinition } from '../../src/program/definition-text.ts';
import { feedSourceProblems, mapFeedAnswers, ProgramFeedSchema } from '../../src/program/program-feeds.schema.ts';

// The feeds block of a target program: every problem named at its path, in zh-CN and English.

const target = (feeds: unknown[], entry = 'recommendation') => ({
  slug: 'nat-2026', name: '全国评选', year: 2026, organizers: ['部委'],
  phases: [{ id: 'call', kind: 'call', name: '征集', startsAt: '2026-03-01', endsAt: '2026-03-31' }],
  tracks: [{ id: 'nat', name: '国赛道', formId: 'g', entry }],
  forms: [{ id: 'g', version: 1, title: '表', sections: [{ id: 'basic', title: '概况', fields: [{ id: 'title', kind: 'text', label: '名称' }] }] }],
  recommendation: { units: [{ id: 'henan', name: '河南省' }] },
  feeds,
});
const feed = (over: Record<string, unknown> = {}) => ({ id: 'f1', from: 'prov-2026', unit: 'henan', tracks: [{ from: 'rec', to: 'nat', fields: { 'basic.title': 's.name' } }], ...over });

const problems = (def: unknown) => {
  const r = validateDefinition(def);
  return r.ok ? [] : r.problems.map((p) => ({ path: p.path, zh: p.message['zh-CN'], en: p.message.en }));
};

test('a good feed validates, with the default statuses', () => {
  const r = validateDefinition(target([feed()]));
  assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
  assert.deepEqual(r.definition.feeds![0]!.statuses, ['awarded']);
});

test('each problem of the feeds block, in both languages', () => {
  const cases: [unknown, string, RegExp, RegExp][] = [
    [feed({ unit: 'shanxi' }), 'feeds.0.unit', /推荐单位 shanxi 须列在本活动的 recommendation.units 中/, /unit shanxi must be one of this program's recommendation.units/],
    [feed({ from: 'nat-2026' }), 'feeds.0.from', /活动不能由自身推送/, /a program cannot feed itself/],
    [feed({ tracks: [{ from: 'rec', to: 'nowhere' }] }), 'feeds.0.tracks.0.to', /未定义的赛道：nowhere/, /no track nowhere/],
    [feed({ tracks: [{ from: 'rec', to: 'nat', fields: { 'basic.missing': 's.name' } }] }), 'feeds.0.tracks.0.fields.basic.missing', /申报表 g 中没有字段 basic.missing/, /form g has no field basic.missing/],
    [feed({ tracks: [{ from: 'rec', to: 'nat' }, { from: 'rec', to: 'nat' }] }), 'feeds.0.tracks.1.from', /来源赛道 rec 已对应过一个赛道/, /source track rec is mapped twice/],
    [feed({ tracks: [{ from: 'rec', to: 'nat', fields: { title: 's.name' } }] }), 'feeds.0.tracks.0.fields.title', /字段须写作“节 id.字段 id”/, /write a field as section id.field id/],
  ];
  for (const [f, path, zh, en] of cases) {
    const found = problems(target([f])).find((p) => p.path === path);
    assert.ok(found, `${path} in ${JSON.stringify(problems(target([f])))}`);
    assert.match(found.zh, zh);
    assert.match(found.en, en);
  }
  const dup = problems(target([feed(), feed()])).find((p) => p.path === 'feeds.1.id');
  assert.match(dup!.zh, /重复的 id：f1/);
  assert.match(dup!.en, /duplicate id: f1/);
  const direct = problems(target([feed()], 'direct')).find((p) => p.path === 'feeds.0.tracks.0.to');
  assert.match(direct!.zh, /不经推荐单位推荐/);
  assert.match(direct!.en, /takes no recommendations/);
});

test('against the source: its tracks and fields must exist', () => {
  const f = ProgramFeedSchema.parse(feed({ tracks: [{ from: 'rec', to: 'nat', fields: { 'basic.title': 's.gone' } }, { from: 'other', to: 'nat' }] }));
  const source = { tracks: [{ id: 'rec', formId: 'f' }], forms: [{ id: 'f', version: 1, title: '省表', sections: [{ id: 's', title: 's', fields: [{ id: 'name', kind: 'text', label: '名称' }] }] }] } as never;
  assert.deepEqual(feedSourceProblems(f, source).map((p) => [p.path.join('.'), p.zh, p.en]), [
    ['tracks.0.fields.basic.title', '来源申报表 f 中没有字段 s.gone', 'the source form f has no field s.gone'],
    ['tracks.1.from', '来源活动 prov-2026 没有赛道 other', 'the source program prov-2026 has no track other'],
  ]);
});

test('answers are mapped field by field; empty source values are left out', () => {
  const out = mapFeedAnswers({ 'basic.title': 's.name', 'basic.note': 's.empty', 'more.file': 's.file' }, { s: { name: '储能', empty: '', file: { id: 'x', name: 'a.pdf', size: 1 } } });
  assert.deepEqual(out, { basic: { title: '储能' }, more: { file: { id: 'x', name: 'a.pdf', size: 1 } } });
});
