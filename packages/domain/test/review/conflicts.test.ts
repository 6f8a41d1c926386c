import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { conflictReasons, normalizeOrgName, type ConflictParty } from '../../src/review/conflicts.ts';

// 回避: every kind of conflict with the reason it gives, and the name normalization behind them.

test('normalizeOrgName: widths, brackets, spaces, punctuation and 有限责任公司 vs 有限公司', () => {
  const same = [
    ['国家电投集团（北京）新能源有限公司', '国家电投集团(北京)新能源有限公司'],
    ['中国华能集团有限公司', '中国华能集团 有限公司'],
    ['郑州宇通客车股份有限公司', '郑州宇通客车股份有限公司\u3000'],
    ['河南某某环保科技有限责任公司', '河南某某环保科技有限公司'],
    ['中国科学院·大连化学物理研究所', '中国科学院大连化学物理研究所'],
    ['ＡＢＣ新能源有限公司', 'abc新能源有限公司'],
    ['“绿源”节能技术有限公司', '绿源节能技术有限公司'],
    ['【华北】某某研究院', '华北某某研究院'],
    ['Green Power Co., Ltd.', 'GREEN POWER CO LTD'],
  ];
  for (const [a, b] of same) assert.equal(normalizeOrgName(a), normalizeOrgName(b), `${a} ≈ ${b}`);
  const different = [
    ['中国华能集团有限公司', '中国华电集团有限公司'],
    ['某某股份有限公司', '某某集团有限公司'],
    ['某某有限公司郑州分公司', '某某有限公司'],
  ];
  for (const [a, b] of different) assert.notEqual(normalizeOrgName(a), normalizeOrgName(b), `${a} ≠ ${b}`);
  assert.equal(normalizeOrgName('某某（集团）有限责任公司'), '某某集团有限公司');
});

test('normalizeOrgName is idempotent and ignores spaces anywhere', () => {
  fc.assert(fc.property(fc.string({ maxLength: 30 }), (s) => normalizeOrgName(normalizeOrgName(s)) === normalizeOrgName(s)));
  fc.assert(fc.property(fc.string({ maxLength: 20 }), fc.nat(20), (s, at) => {
    const i = Math.min(at, s.length);
    return normalizeOrgName(s.slice(0, i) + ' ' + s.slice(i)) === normalizeOrgName(s);
  }));
});

const appOrg: ConflictParty = { orgName: '河南绿能储能科技有限公司', creditCode: '91410100MA0000001X', regionCode: '410105', parentGroup: '河南能源集团有限公司' };
const app = { org: appOrg, unitName: '郑州市工业和信息化局', applicationId: 'app-1' };
const stranger: ConflictParty = { orgName: '清华大学', creditCode: null, regionCode: '110108' };

test('no conflict: an unrelated expert', () => {
  assert.deepEqual(conflictReasons(app, stranger, { sameRegion: 'province', sameParentGroup: true }), []);
});

test('same organization: by credit code when both are known, whatever the names say', () => {
  const r = conflictReasons(app, { orgName: '绿能储能（河南）', creditCode: '91410100ma0000001x' }, {});
  assert.deepEqual(r, [{ kind: 'same-organization', detail: '同一单位：河南绿能储能科技有限公司（统一社会信用代码 91410100MA0000001X）' }]);
  assert.deepEqual(conflictReasons(app, { orgName: '河南绿能储能科技有限公司', creditCode: '91410100MA00000022' }, {}), [], 'different codes: different organizations');
});

test('same organization: by normalized name when a code is missing', () => {
  const r = conflictReasons(app, { orgName: '河南绿能储能科技有限责任公司' }, {});
  assert.equal(r.length, 1);
  assert.equal(r[0].kind, 'same-organization');
  assert.match(r[0].detail, /^同一单位：专家工作单位“河南绿能储能科技有限责任公司”即申报单位“河南绿能储能科技有限公司”/);
});

test('recommending unit: the expert works at the unit that recommended the application', () => {
  const r = conflictReasons(app, { orgName: '郑州市工业和信息化局' }, {});
  assert.deepEqual(r, [{ kind: 'recommending-unit', detail: '推荐单位：专家工作单位“郑州市工业和信息化局”是本项目的推荐单位' }]);
  assert.deepEqual(conflictReasons({ ...app, unitName: null }, { orgName: '郑州市工业和信息化局' }, {}), []);
});

test('declared: the application itself, or its organization or unit by name', () => {
  assert.deepEqual(conflictReasons(app, { ...stranger, declaredApplicationIds: ['app-1'] }, {}), [{ kind: 'declared', detail: '声明回避：专家声明回避本项目' }]);
  assert.deepEqual(conflictReasons(app, { ...stranger, declaredApplicationIds: ['app-2'] }, {}), []);
  const byOrg = conflictReasons(app, { ...stranger, declaredOrgNames: ['河南绿能储能科技(有限公司)'] }, {});
  assert.deepEqual(byOrg, [{ kind: 'declared', detail: '声明回避：专家声明回避申报单位“河南绿能储能科技有限公司”' }]);
  const both = conflictReasons(app, { ...stranger, declaredApplicationIds: ['app-1'], declaredOrgNames: ['某某公司', '河南绿能储能科技有限责任公司'] }, {});
  assert.deepEqual(both, [{ kind: 'declared', detail: '声明回避：专家声明回避本项目；专家声明回避申报单位“河南绿能储能科技有限公司”' }]);
  assert.deepEqual(conflictReasons(app, { ...stranger, declaredOrgNames: ['其他公司'] }, {}), []);
});

test('same region: off by default; province compares the first two digits, city the first four', () => {
  const zhengzhou = { orgName: '郑州大学', regionCode: '410102' };
  const luoyang = { orgName: '河南科技大学', regionCode: '410300' };
  assert.deepEqual(conflictReasons(app, zhengzhou, {}), []);
  assert.deepEqual(conflictReasons(app, zhengzhou, { sameRegion: 'off' }), []);
  assert.deepEqual(conflictReasons(app, luoyang, { sameRegion: 'province' }), [{ kind: 'same-region', detail: '同地区：专家与申报单位同在河南省（同省回避）' }]);
  assert.deepEqual(conflictReasons(app, luoyang, { sameRegion: 'city' }), [], 'another city of the same province');
  assert.deepEqual(conflictReasons(app, zhengzhou, { sameRegion: 'city' }), [{ kind: 'same-region', detail: '同地区：专家与申报单位同在河南省郑州市（同地市回避）' }]);
  assert.deepEqual(conflictReasons(app, { orgName: '某大学', regionCode: null }, { sameRegion: 'province' }), [], 'an unknown region is no conflict');
  assert.deepEqual(conflictReasons(app, { orgName: '某大学', regionCode: '41' }, { sameRegion: 'province' }), [], 'not a 6-digit code: unknown');
  assert.deepEqual(conflictReasons({ ...app, org: { ...appOrg, regionCode: undefined } }, zhengzhou, { sameRegion: 'province' }), [], 'both must be known');
});

test('same parent group: when the program turns it on; either side may be the group itself', () => {
  const sibling = { orgName: '河南能源化工研究院', parentGroup: '河南能源集团有限公司' };
  assert.deepEqual(conflictReasons(app, sibling, {}), []);
  assert.deepEqual(conflictReasons(app, sibling, { sameParentGroup: true }), [{ kind: 'same-parent-group', detail: '同一集团：专家工作单位与申报单位同属“河南能源集团有限公司”' }]);
  const headquarters = conflictReasons(app, { orgName: '河南能源集团有限公司' }, { sameParentGroup: true });
  assert.deepEqual(headquarters.map((r) => r.kind), ['same-parent-group']);
  assert.match(headquarters[0].detail, /是申报单位的上级集团/);
});

test('several reasons at once, in a fixed order', () => {
  const r = conflictReasons(app, { orgName: '河南绿能储能科技有限公司', regionCode: '410105', parentGroup: '河南能源集团有限公司', declaredApplicationIds: ['app-1'] }, { sameRegion: 'city', sameParentGroup: true });
  assert.deepEqual(r.map((x) => x.kind), ['same-organization', 'declared', 'same-region', 'same-parent-group']);
});

test('same-organization detection is symmetric, for any pair of parties', () => {
  const names = ['河南绿能储能科技有限公司', '河南绿能储能科技有限责任公司', '河南绿能储能科技（有限公司）', '郑州大学', '清华大学', ''];
  const codes = [null, undefined, '', '91410100MA0000001X', ' 91410100ma0000001x ', '91410100MA00000022'];
  const party = fc.record({ orgName: fc.constantFrom(...names), creditCode: fc.constantFrom(...codes) });
  const sameOrg = (a: ConflictParty, e: ConflictParty) => conflictReasons({ org: a, applicationId: 'x' }, e, {}).some((r) => r.kind === 'same-organization');
  fc.assert(fc.property(party, party, (a, b) => sameOrg(a, b) === sameOrg(b, a)));
  fc.assert(fc.property(party, (a) => sameOrg(a, a) === (normalizeOrgName(a.orgName) !== '' || !!a.creditCode?.trim())));
});
