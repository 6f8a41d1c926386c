import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { industryByCode, industryChildren, industryCodeStatus, industryMatches, industryPath, isValidIndustryCode, type Industry } from '../../src/reference/industry.ts';

// GB/T 4754-2017 (with 第1号修改单) complete to the 小类: each level counted, every code reachable
// from its 门类, and the picker's search finding codes the way its hint promises.

const all = (): Industry[] => {
  const out: Industry[] = [];
  const walk = (code?: string) => {
    for (const i of industryChildren(code)) {
      out.push(i);
      walk(i.code);
    }
  };
  walk();
  return out;
};

describe('GB/T 4754-2017 complete to the 小类', () => {
  test('20 门类, 97 大类, 473 中类, 1381 小类, each under its parent', () => {
    const rows = all();
    const count = (level: Industry['level']) => rows.filter((i) => i.level === level).length;
    assert.deepEqual(
      { section: count('section'), division: count('division'), group: count('group'), class: count('class') },
      { section: 20, division: 97, group: 473, class: 1381 },
    );
    // No code is listed twice and every one hangs off the tree.
    assert.equal(new Set(rows.map((i) => i.code)).size, rows.length);
    for (const i of rows) {
      assert.equal(industryPath(i.code).length, ['section', 'division', 'group', 'class'].indexOf(i.level) + 1, i.code);
      assert.ok(i.name.length > 0 && i.name === i.name.trim(), i.code);
    }
  });

  test('per 门类: manufacturing has 31 大类, 179 中类 and 609 小类', () => {
    const under = (letter: string) => all().filter((i) => industryPath(i.code)[0].code === letter);
    const c = under('C');
    assert.equal(c.filter((i) => i.level === 'division').length, 31);
    assert.equal(c.filter((i) => i.level === 'group').length, 179);
    assert.equal(c.filter((i) => i.level === 'class').length, 609);
  });

  test('names and codes across the standard, including single-小类 中类 and the 2019 amendment', () => {
    assert.equal(industryByCode('0111')?.name, '稻谷种植');
    assert.equal(industryByCode('0511')?.name, '种子种苗培育活动');
    assert.equal(industryByCode('022')?.name, '造林和更新');
    assert.equal(industryByCode('0220')?.parentCode, '022');
    assert.equal(industryByCode('1200')?.name, '其他采矿业');
    assert.equal(industryByCode('3612')?.name, '新能源车整车制造');
    assert.equal(industryByCode('6532')?.name, '物联网技术服务');
    assert.equal(industryByCode('7517')?.name, '三维（3D）打印技术推广服务');
    assert.equal(industryByCode('9700')?.name, '国际组织');
    assert.deepEqual(industryPath('5111').map((i) => i.code), ['F', '51', '511', '5111']);
    assert.equal(isValidIndustryCode('5111'), true);
    assert.equal(isValidIndustryCode('5118'), false, 'well formed, not in the standard');
    assert.equal(industryCodeStatus('0100'), 'invalid');
  });

  test('the picker search: a code prefix, the 门类 letter form, or part of the name', () => {
    const is = (code: string, q: string) => industryMatches(industryByCode(code)!, q);
    assert.equal(is('2614', '2614'), true);
    assert.equal(is('2614', '26'), true);
    assert.equal(is('26', 'C26'), true);
    assert.equal(is('2614', 'c2614'), true);
    assert.equal(is('2614', ' C26 '), true);
    assert.equal(is('C', 'C'), true);
    assert.equal(is('26', 'D26'), false, '26 is in 门类 C, not D');
    assert.equal(is('4416', 'C44'), false);
    assert.equal(is('4416', 'D44'), true);
    assert.equal(is('3825', '光伏'), true);
    assert.equal(is('3825', '3826'), false);
    assert.equal(is('3825', ''), true);
    // What the search finds among all entries for "C26": 26 and everything under it, nothing else.
    const hits = all().filter((i) => industryMatches(i, 'C26'));
    assert.ok(hits.length > 1 && hits.every((i) => i.code.startsWith('26')));
    assert.equal(hits.length, 1 + industryChildren('26').length + industryChildren('26').flatMap((g) => industryChildren(g.code)).length);
  });
});
