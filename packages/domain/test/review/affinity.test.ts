import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { affinityTerms, buildAffinity, type AffinityApplication, type AffinityExpert } from '../../src/review/affinity.ts';

// 匹配度 on a small Chinese example: four experts (光伏, 储能, 氢能, 污水处理), applications in
// each topic. The topically right expert must come first, and the explanation must name why.

const experts: AffinityExpert[] = [
  { fieldIds: ['xinnengyuan', 'glt2024-4'], fieldTexts: ['新能源', '能源绿色低碳转型'], keywords: ['光伏', '钙钛矿电池', '光伏组件'], bio: '长期从事晶硅与钙钛矿叠层太阳电池、光伏组件可靠性和光伏电站设计研究。' },
  { fieldIds: ['chuneng', 'glt2024-4'], fieldTexts: ['储能', '能源绿色低碳转型'], keywords: ['储能', '锂离子电池', '电池管理系统'], bio: '研究电化学储能、锂离子电池热失控防护与储能电站系统集成。' },
  { fieldIds: ['glt2024-4'], fieldTexts: ['能源绿色低碳转型'], keywords: ['氢能', '电解水制氢', '燃料电池'], bio: '从事PEM电解水制氢、碱性电解槽与氢燃料电池系统的研发。' },
  { fieldIds: ['glt2024-2'], fieldTexts: ['环境保护产业'], keywords: ['污水处理', '膜生物反应器', '脱氮除磷'], bio: '长期从事城镇与工业污水处理、MBR膜工艺和污泥资源化研究。' },
];
const apps: AffinityApplication[] = [
  { texts: ['高效钙钛矿/晶硅叠层光伏组件', '新能源', '本项目研制了转换效率达到30%的钙钛矿叠层太阳电池，并完成光伏组件量产验证。', '光伏、钙钛矿'], fieldIds: ['xinnengyuan', 'glt2024-4'] },
  { texts: ['长寿命储能电站用磷酸铁锂电池系统', '储能', '开发了具有热失控预警功能的电池管理系统，用于电网侧储能电站。', '储能、锂离子电池'], fieldIds: ['chuneng', 'glt2024-4'] },
  { texts: ['兆瓦级PEM电解水制氢装备', '氢能', '研制兆瓦级质子交换膜电解槽，制氢能耗降低至4.3kWh/Nm3。', '电解水制氢'], fieldIds: ['glt2024-4'] },
  { texts: ['高排放标准工业污水处理成套技术', '环境保护', '采用改良型MBR膜生物反应器与深度脱氮除磷工艺，出水达到地表水IV类标准。', '污水处理、MBR'], fieldIds: ['glt2024-2'] },
];

test('each application ranks the expert of its own topic first', () => {
  const a = buildAffinity(apps, experts);
  for (let i = 0; i < apps.length; i++) {
    const scores = experts.map((_, e) => a.score(i, e));
    const best = scores.indexOf(Math.max(...scores));
    assert.equal(best, i, `application ${i}: scores ${scores.join(', ')}`);
    assert.ok(scores[i] > 2 * Math.max(...scores.filter((_, e) => e !== i)), `a clear margin for application ${i}: ${scores.join(', ')}`);
  }
});

test('explain: the shared terms as readable phrases, the field match, and the same integer as score()', () => {
  const a = buildAffinity(apps, experts);
  const x = a.explain(0, 0);
  assert.equal(x.score, a.score(0, 0));
  assert.equal(x.score, x.textScore + x.fieldBonus);
  assert.equal(x.fieldBonus, 200);
  assert.deepEqual(x.fieldMatch, ['xinnengyuan', 'glt2024-4']);
  const terms = x.sharedTerms.map((t) => t.term);
  for (const want of ['钙钛矿', '光伏组件']) assert.ok(terms.some((t) => t.includes(want)), `${want} in ${terms.join('、')}`);
  assert.ok(x.sharedTerms.every((t, i, all) => i === 0 || all[i - 1].weight >= t.weight), 'heaviest first');
  assert.ok(x.sharedTerms.length > 0 && x.sharedTerms.length <= 8, 'at most the top 8');
  const hydrogen = a.explain(2, 2);
  assert.ok(hydrogen.sharedTerms.some((t) => t.term === 'pem'), 'Latin words match too');
  assert.ok(hydrogen.sharedTerms.some((t) => t.term.includes('电解水制氢')));
  // Water treatment and PV share nothing but perhaps a stray bigram: little or nothing.
  assert.ok(a.explain(3, 0).score < 100, JSON.stringify(a.explain(3, 0)));
});

test('the field bonus counts once, on the track or catalogue ids, and can be turned off', () => {
  const onlyField = buildAffinity([{ texts: [], fieldIds: ['chuneng', 'glt2024-4'] }], experts);
  assert.deepEqual(experts.map((_, e) => onlyField.score(0, e)), [200, 200, 200, 0]);
  const noBonus = buildAffinity([{ texts: [], fieldIds: ['chuneng'] }], experts, { fieldBonus: 0 });
  assert.deepEqual(experts.map((_, e) => noBonus.score(0, e)), [0, 0, 0, 0]);
  assert.deepEqual(buildAffinity([{ texts: [], fieldIds: ['chuneng'] }], experts, { fieldBonus: 50 }).explain(0, 1), { score: 50, textScore: 0, fieldBonus: 50, sharedTerms: [], fieldMatch: ['chuneng'] });
});

test('sparse(): every pair with a positive score, sorted by application then expert, matching score()', () => {
  const a = buildAffinity(apps, experts);
  const s = a.sparse();
  assert.ok(s.app instanceof Int32Array && s.expert instanceof Int32Array && s.score instanceof Int32Array);
  const listed = new Set<string>();
  for (let k = 0; k < s.app.length; k++) {
    assert.ok(s.score[k] > 0);
    assert.equal(s.score[k], a.score(s.app[k], s.expert[k]));
    if (k) assert.ok(s.app[k - 1] < s.app[k] || (s.app[k - 1] === s.app[k] && s.expert[k - 1] < s.expert[k]));
    listed.add(`${s.app[k]}:${s.expert[k]}`);
  }
  for (let i = 0; i < apps.length; i++) for (let e = 0; e < experts.length; e++) if (!listed.has(`${i}:${e}`)) assert.equal(a.score(i, e), 0);
});

test('deterministic and integer on random input; an expert listed twice scores the same twice', () => {
  const chars = '光伏储能氢电池污水处理膜钙钛矿风电节能碳捕集利用回收资源化技术系统研究工艺设备智能制造';
  const text = fc.array(fc.constantFrom(...chars.split(''), '，', ' ', 'PEM', 'MBR', '3.5MW'), { maxLength: 60 }).map((a) => a.join(''));
  const expert = fc.record({ fieldIds: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 2 }), keywords: fc.array(text, { maxLength: 3 }), bio: text });
  const app = fc.record({ texts: fc.array(text, { maxLength: 3 }), fieldIds: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 2 }) });
  fc.assert(fc.property(fc.array(app, { minLength: 1, maxLength: 6 }), fc.array(expert, { minLength: 1, maxLength: 6 }), (as, es) => {
    const one = buildAffinity(as, [...es, es[0]]);
    const two = buildAffinity(as, [...es, es[0]]);
    assert.deepEqual(one.sparse(), two.sparse());
    for (let i = 0; i < as.length; i++) {
      assert.equal(one.score(i, 0), one.score(i, es.length));
      for (let e = 0; e <= es.length; e++) {
        const s = one.score(i, e);
        assert.ok(Number.isInteger(s) && s >= 0);
        assert.equal(one.explain(i, e).score, s);
      }
    }
  }), { numRuns: 150 });
});

test('terms: bigrams for what the segmenter splits, Latin words, no function words', () => {
  const t = affinityTerms('高效光伏组件与钙钛矿叠层电池，ＰＥＭ电解水制氢的技术');
  for (const want of ['光伏', '组件', '钙钛', '钛矿', '叠层', '电池', 'pem', '制氢']) assert.ok(t.includes(want), want);
  for (const never of ['件与', '与钙', '氢的', '的技', '，', '与', '的']) assert.ok(!t.includes(never), never);
  assert.deepEqual(affinityTerms('储能储能').filter((x) => x === '储能'), ['储能', '储能'], 'counted as often as they occur');
  assert.deepEqual(affinityTerms('2024 年 a 的'), [], 'no pure digits, one-letter words or function words');
  assert.deepEqual(affinityTerms('光伏组件'), affinityTerms('光伏组件'));
});

test('2,000 applications × 600 experts: completes, only matching pairs, each app on its own topic', (t) => {
  const topics = ['光伏组件 钙钛矿 叠层电池 逆变器', '储能 锂离子电池 液流电池 电池管理系统', '氢能 电解水制氢 燃料电池 储氢', '污水处理 膜生物反应器 脱氮除磷 污泥', '余热回收 工业节能 电机系统 变频', '固废 资源化 再生 回收 废旧动力电池'];
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = (t: string) => t.split(' ').filter(() => rnd() < 0.6).join('，');
  const es = Array.from({ length: 600 }, (_, i) => ({ fieldIds: [`f${i % 6}`], keywords: topics[i % 6].split(' ').slice(0, 3), bio: `长期从事${pick(topics[i % 6])}等方向研究，主持${pick(topics[(i * 5) % 6])}项目。`.repeat(3) }));
  const as = Array.from({ length: 2000 }, (_, i) => ({ fieldIds: [`f${i % 6}`], texts: [`一种${pick(topics[i % 6])}技术`, `本项目研发了${pick(topics[i % 6])}关键技术，实现了${pick(topics[(i * 7) % 6])}的规模化应用，降低能耗${i}%。`.repeat(6)] }));
  const t0 = performance.now();
  const a = buildAffinity(as, es);
  const s = a.sparse();
  t.diagnostic(`${s.app.length} pairs in ${(performance.now() - t0).toFixed(0)} ms`);
  assert.ok(s.app.length > 0 && s.app.length < as.length * es.length);
  assert.equal(s.app[s.app.length - 1], as.length - 1);
  // No timing assertion (CI machines vary); the topical expert outranks every other topic's.
  for (const i of [0, 1, 2, 3, 4, 5, 1234, 1999]) {
    const own = Math.max(...es.map((_, e) => (e % 6 === i % 6 ? a.score(i, e) : 0)));
    const other = Math.max(...es.map((_, e) => (e % 6 !== i % 6 ? a.score(i, e) : 0)));
    assert.ok(own > other, `application ${i}: ${own} vs ${other}`);
  }
});
