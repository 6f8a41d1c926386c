import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  counterpartFromNeed, counterpartFromProfile, matchesForCounterpart, matchesForTechnology, nextInterest, pairStatus, regionCheck, regionCovers, stageCheck, stagesForTrl, technologyFromCatalog,
  MatchProfileInputSchema, type MatchCounterpart, type MatchTechnology,
} from '../../src/index.ts';

// 供需匹配 on a small Chinese set: three published technologies (光伏 in 郑州, 储能 in 深圳, 污水处理
// in 郑州) and five counterparts (two investors, a 河南 bank with two products, a 河南 water
// buyer, a need about 钙钛矿 modules). The topically right side must come first, the hard
// filters must exclude exactly the pairs they should, and every match must say why.

const contact = { name: '李四', phone: '13900000000', email: 'li@example.cn' };
const t1 = technologyFromCatalog('t1', { name: '钙钛矿叠层光伏组件', fieldId: 'glt2024-4', trl: 7, scope: '适用于分布式光伏电站和建筑光伏一体化', process: '钙钛矿与晶硅叠层电池封装工艺', contact: { phone: '13800000000' } }, '410105');
const t2 = technologyFromCatalog('t2', { name: '储能电站热失控预警系统', fieldId: 'glt2024-4', trl: 9, scope: '适用于锂离子电池储能电站', process: '多传感器融合的热失控预警' }, '440305');
const t3 = technologyFromCatalog('t3', { name: 'MBR膜生物反应器污水处理工艺', fieldId: 'glt2024-2', trl: 5, scope: '适用于工业园区污水处理提标改造', process: '膜生物反应器与脱氮除磷组合工艺' }, '410105');
const techs = [t1, t2, t3];
const i1 = counterpartFromProfile('i1', 'investor', '绿能创投', { contact, fieldIds: ['glt2024-4'], regions: [], description: '关注光伏、钙钛矿电池与新型储能项目', stages: ['A', 'B'], ticketMin: 500, ticketMax: 5000 });
const i2 = counterpartFromProfile('i2', 'investor', '早期基金', { contact, fieldIds: ['glt2024-4'], regions: [], description: '投资光伏早期项目', stages: ['seed', 'angel'], ticketMin: 50, ticketMax: 500 });
const b1 = counterpartFromProfile('b1', 'bank', '中原银行', {
  contact, fieldIds: [], regions: ['410000'], description: '服务河南绿色企业',
  products: [
    { name: '光伏贷', kind: 'green_credit', amountMin: 100, amountMax: 3000, rateNote: 'LPR减20BP', regions: [], fieldIds: ['glt2024-4'] },
    { name: '知识产权质押贷', kind: 'ip_pledge', amountMin: 50, amountMax: 1000, rateNote: '', regions: [], fieldIds: [] },
  ],
});
const u1 = counterpartFromProfile('u1', 'buyer', '郑州水务', { contact, fieldIds: ['glt2024-2'], regions: ['410000'], description: '', needText: '需要污水处理膜工艺，用于提标改造，脱氮除磷' });
const n1 = counterpartFromNeed('n1', { problem: '钙钛矿光伏组件稳定性提升', description: '提高钙钛矿组件在湿热环境下的寿命', fieldId: 'glt2024-4', indicators: [{ name: '衰减率', target: 1 }], contact }, '某能源集团');
const all = [i1, i2, b1, u1, n1];

const ids = (r: { matches: { item: { id: string } }[] }) => r.matches.map((m) => m.item.id);
const filter = (m: { explanation: { filters: { filter: string; result: string; values: string[] }[] } }, name: string) => m.explanation.filters.find((f) => f.filter === name)!;

test('a catalog version is read by meaning, its contact never becomes a matched text', () => {
  assert.equal(t1.name, '钙钛矿叠层光伏组件');
  assert.deepEqual(t1.fieldIds, ['glt2024-4']);
  assert.equal(t1.trl, 7);
  assert.equal(t1.regionCode, '410105', 'the owner organization’s region when the version names none');
  assert.ok(!t1.texts.some((t) => t.includes('13800000000')));
  assert.ok(t1.texts.includes('适用于分布式光伏电站和建筑光伏一体化'));
  assert.equal(technologyFromCatalog('x', { name: 'a', regionCode: '440300', trl: 'TRL 4' }, '410105').regionCode, '440300');
  assert.equal(technologyFromCatalog('x', { trl: 12 }, null).trl, null);
});

test('for the 光伏 technology: the 钙钛矿 need first, then the investor, then the bank; the early-stage investor and the water buyer are filtered out', () => {
  const r = matchesForTechnology(t1, all);
  assert.deepEqual(ids(r), ['n1', 'i1', 'b1']);
  const [need, investor, bank] = r.matches;
  assert.ok(need.explanation.sharedTerms.includes('钙钛矿') && need.explanation.sharedTerms.includes('光伏组件'), need.explanation.sharedTerms.join());
  assert.deepEqual(filter(need, 'field'), { filter: 'field', result: 'matched', values: ['glt2024-4'] });
  assert.equal(filter(need, 'stage').result, 'not_applicable', 'a need has no investment stage');
  assert.equal(filter(need, 'region').result, 'not_applicable', 'a need may be solved from anywhere');
  assert.deepEqual(filter(investor, 'stage'), { filter: 'stage', result: 'matched', values: ['A', 'B'] }, 'TRL 7 is financed at A/B');
  assert.equal(filter(investor, 'region').result, 'not_applicable', 'no regions: 全国');
  assert.deepEqual(filter(bank, 'region'), { filter: 'region', result: 'matched', values: ['410000'] });
  assert.deepEqual(bank.explanation.products, ['光伏贷', '知识产权质押贷']);
  assert.ok(r.matches.every((m, i) => i === 0 || r.matches[i - 1].explanation.score >= m.explanation.score), 'best first');
  assert.ok(r.matches.every((m) => m.explanation.score === m.explanation.textScore + m.explanation.fieldBonus));
  assert.deepEqual(r.excluded, [{ id: 'i2', failed: ['stage'] }, { id: 'u1', failed: ['field'] }]);
});

test('filters: the 深圳 储能 technology is outside the 河南 bank’s region; TRL 9 still fits a B-round investor', () => {
  const r = matchesForTechnology(t2, all);
  assert.deepEqual(ids(r), ['i1', 'n1']);
  assert.deepEqual(filter(r.matches[0], 'stage').values, ['B']);
  assert.deepEqual(r.excluded.find((e) => e.id === 'b1'), { id: 'b1', failed: ['region'] });
  assert.deepEqual(r.excluded.find((e) => e.id === 'u1'), { id: 'u1', failed: ['field', 'region'] });
});

test('the other way: the water buyer finds the MBR technology, with the shared terms that say why', () => {
  const r = matchesForCounterpart(u1, techs);
  assert.deepEqual(ids(r), ['t3']);
  for (const term of ['污水处理', '提标改造', '脱氮除磷']) assert.ok(r.matches[0].explanation.sharedTerms.includes(term), term);
  assert.deepEqual(r.excluded, [{ id: 't1', failed: ['field'] }, { id: 't2', failed: ['field', 'region'] }]);
  assert.deepEqual(ids(matchesForCounterpart(i1, techs)), ['t1', 't2']);
  assert.deepEqual(ids(matchesForCounterpart(n1, techs)), ['t1', 't2']);
  assert.deepEqual(ids(matchesForCounterpart(i2, techs)), [], 'TRL 5–9 technologies are beyond seed/angel, or another field');
});

test('a bank fits through any one product: the IP pledge loan (no field of its own) takes the 污水 technology in 河南', () => {
  const r = matchesForCounterpart(b1, techs);
  assert.deepEqual(ids(r), ['t1']);
  // t3 passes the filters through 知识产权质押贷 but shares nothing with the bank's text: not a match.
  assert.deepEqual(r.excluded, [{ id: 't2', failed: ['region'] }, { id: 't3', failed: [] }]);
  const viaPledge = matchesForTechnology(t3, [b1]);
  assert.deepEqual(viaPledge.matches.map((m) => m.explanation.products), [['知识产权质押贷']]);
  assert.equal(filter(viaPledge.matches[0], 'field').result, 'not_applicable');
});

test('the filters one by one', () => {
  assert.deepEqual(stagesForTrl(2), ['seed', 'angel']);
  assert.deepEqual(stagesForTrl(6), ['angel', 'A']);
  assert.deepEqual(stagesForTrl(8), ['A', 'B']);
  assert.deepEqual(stagesForTrl(9), ['B', 'C+', 'pre-IPO']);
  assert.equal(stageCheck(['seed'], { stage: 'seed', trl: 9 }).result, 'matched', 'a stated financing stage wins over the TRL');
  assert.equal(stageCheck(['A'], { stage: null, trl: null }).result, 'not_applicable');
  assert.equal(stageCheck(null, { stage: null, trl: 3 }).result, 'not_applicable');
  assert.ok(regionCovers('410000', '410105') && regionCovers('410100', '410105') && !regionCovers('410200', '410105') && !regionCovers('440000', '410105'));
  assert.equal(regionCheck(['410000'], null).result, 'not_applicable');
  assert.equal(regionCheck(['440000', '410100'], '410105').values.join(), '410100');
  const none: MatchCounterpart = { id: 'z', kind: 'buyer', name: '无关', texts: ['纺织印染'], stages: null, facets: [{ name: null, fieldIds: [], regions: [] }] };
  const tech: MatchTechnology = { ...t1, fieldIds: [] };
  assert.deepEqual(matchesForTechnology(tech, [none]), { matches: [], excluded: [{ id: 'z', failed: [] }] }, 'nothing in common is no match');
});

test('interest: either side first, mutual when both, either may withdraw; refusals say why', () => {
  const none = { technology: false, counterpart: false };
  const a = nextInterest(none, { kind: 'express', side: 'counterpart' });
  assert.ok(a.ok && a.status === 'counterpart_interested' && !a.becameMutual);
  const b = nextInterest(a.ok ? a.state : none, { kind: 'express', side: 'technology' });
  assert.ok(b.ok && b.status === 'mutual' && b.becameMutual);
  const again = nextInterest(b.ok ? b.state : none, { kind: 'express', side: 'technology' });
  assert.ok(!again.ok && again.reason['zh-CN'].includes('已表达'));
  const w = nextInterest(b.ok ? b.state : none, { kind: 'withdraw', side: 'counterpart' });
  assert.ok(w.ok && w.status === 'technology_interested' && w.endedMutual);
  assert.ok(!nextInterest(none, { kind: 'withdraw', side: 'technology' }).ok);
  assert.equal(pairStatus({ technology: true, counterpart: true }), 'mutual');
});

test('profiles: each kind’s fields are checked, with the field that is wrong', () => {
  const ok = MatchProfileInputSchema.safeParse({ kind: 'investor', orgName: '绿能创投', contact, fieldIds: ['glt2024-4'], regions: ['410000'], stages: ['A'], ticketMin: 100, ticketMax: 1000 });
  assert.ok(ok.success);
  const bad = MatchProfileInputSchema.safeParse({ kind: 'investor', orgName: '绿能创投', contact, fieldIds: ['nope'], regions: ['999999'], stages: [], ticketMin: 1000, ticketMax: 100 });
  assert.ok(!bad.success);
  const paths = bad.error.issues.map((i) => i.path.join('.')).sort();
  assert.deepEqual(paths, ['fieldIds.0', 'regions.0', 'stages', 'ticketMax']);
  const bank = MatchProfileInputSchema.safeParse({ kind: 'bank', orgName: '中原银行', contact, products: [{ name: '光伏贷', kind: 'green_credit', amountMin: 500, amountMax: 100 }] });
  assert.ok(!bank.success && bank.error.issues.some((i) => i.path.join('.') === 'products.0.amountMax'));
  const ticket = MatchProfileInputSchema.safeParse({ kind: 'investor', orgName: '绿能创投', contact, stages: ['A'], ticketMin: 1000, ticketMax: 100 });
  assert.ok(!ticket.success && ticket.error.issues[0].path.join('.') === 'ticketMax');
});
