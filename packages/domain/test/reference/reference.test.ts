import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  childRegions,
  formatRegion,
  industryByCode,
  industryChildren,
  industryCodeStatus,
  industryLevelOf,
  industryPath,
  isValidIndustryCode,
  isValidRegionCode,
  regionByCode,
  regionPath,
  regionSatisfiesLevel,
} from '../../src/reference/index.ts';

describe('regions (GB/T 2260)', () => {
  test('looks up provinces, cities and counties by six-digit code', () => {
    assert.deepEqual(regionByCode('410105'), {
      code: '410105', name: '金水区', level: 'county', provinceCode: '410000', cityCode: '410100', leaf: true,
    });
    assert.equal(regionByCode('410000')?.name, '河南省');
    assert.equal(regionByCode('410100')?.level, 'city');
    assert.equal(regionByCode('350100')?.name, '福州市');
    assert.equal(regionByCode('810000')?.name, '香港特别行政区');
    assert.equal(regionByCode('41010'), undefined);
    assert.equal(regionByCode('999999'), undefined);
  });

  test('isValidRegionCode checks existence and, when asked, the level', () => {
    assert.equal(isValidRegionCode('110101'), true);
    assert.equal(isValidRegionCode('110101', 'county'), true);
    assert.equal(isValidRegionCode('110101', 'city'), false);
    assert.equal(isValidRegionCode('110199'), false);
    assert.equal(isValidRegionCode('abcdef'), false);
  });

  test('a coarser region with nothing below it answers a finer question', () => {
    assert.equal(regionSatisfiesLevel('441900', 'county'), true, '东莞市 has no counties');
    assert.equal(regionSatisfiesLevel('810000', 'city'), true);
    assert.equal(regionSatisfiesLevel('410100', 'county'), false);
    assert.equal(regionSatisfiesLevel('410105', 'city'), false, 'finer than asked is not the asked level');
  });

  test('formats full names without placeholder levels', () => {
    assert.equal(formatRegion('410105'), '河南省郑州市金水区');
    assert.equal(formatRegion('110101'), '北京市东城区');
    assert.equal(formatRegion('419001'), '河南省济源市');
    assert.equal(formatRegion('410000'), '河南省');
    assert.equal(formatRegion('000000'), undefined);
    assert.deepEqual(regionPath('500101').map((r) => r.name), ['重庆市', '万州区']);
  });

  test('every province of the mainland and 18 cities of Henan are listed', () => {
    const provinces = childRegions();
    assert.equal(provinces.length, 34);
    assert.ok(provinces.every((p) => p.level === 'province'));
    const henan = childRegions('410000').map((c) => c.name);
    assert.equal(henan.length, 18);
    for (const city of ['郑州市', '洛阳市', '南阳市', '省直辖县级行政区划']) assert.ok(henan.includes(city), city);
    assert.ok(childRegions('410100').some((c) => c.name === '金水区'));
    assert.deepEqual(childRegions('410105'), []);
  });
});

describe('industry codes (GB/T 4754-2017, 战略性新兴产业分类 2018)', () => {
  test('20 门类 and all 97 大类', () => {
    const sections = industryChildren();
    assert.equal(sections.length, 20);
    assert.deepEqual(sections.map((s) => s.code).join(''), 'ABCDEFGHIJKLMNOPQRST');
    const divisions = sections.flatMap((s) => industryChildren(s.code));
    assert.equal(divisions.length, 97);
    assert.equal(industryChildren('C').length, 31);
    assert.equal(industryByCode('13')?.name, '农副食品加工业');
    assert.equal(industryByCode('13')?.parentCode, 'C');
    assert.equal(industryByCode('97')?.parentCode, 'T');
  });

  test('中类 of manufacturing and energy, 小类 of the green-relevant ones', () => {
    assert.equal(industryByCode('384')?.name, '电池制造');
    assert.equal(industryByCode('3841')?.name, '锂离子电池制造');
    assert.equal(industryByCode('4416')?.name, '太阳能发电');
    assert.equal(industryByCode('3825')?.name, '光伏设备及元器件制造');
    assert.equal(industryByCode('7723')?.name, '固体废物治理');
    assert.equal(industryChildren('44').length, 3);
    assert.equal(industryChildren('441').length, 8);
    assert.deepEqual(industryPath('3841').map((i) => i.code), ['C', '38', '384', '3841']);
  });

  test('GB/T 4754 is listed in full: a code is listed or invalid', () => {
    assert.equal(industryCodeStatus('3841'), 'listed');
    assert.equal(industryCodeStatus('1311'), 'listed');
    assert.equal(industryCodeStatus('511'), 'listed');
    assert.equal(industryCodeStatus('1200'), 'listed', 'a 中类 with a single 小类 ends in 0');
    assert.equal(industryCodeStatus('3848'), 'invalid', 'well formed, but 384 has no 3848');
    assert.equal(industryCodeStatus('138'), 'invalid');
    assert.equal(industryCodeStatus('98'), 'invalid');
    assert.equal(industryCodeStatus('130'), 'invalid');
    assert.equal(industryCodeStatus('C38'), 'invalid');
    assert.equal(isValidIndustryCode('4420'), true);
    assert.equal(isValidIndustryCode('U'), false);
  });

  test('levels are read from the shape of the code', () => {
    assert.equal(industryLevelOf('C'), 'section');
    assert.equal(industryLevelOf('38'), 'division');
    assert.equal(industryLevelOf('384'), 'group');
    assert.equal(industryLevelOf('3841'), 'class');
    assert.equal(industryLevelOf('38411'), undefined);
    assert.equal(industryLevelOf('7.1', 'strategic-emerging-2018'), 'division');
  });

  test('战略性新兴产业分类: 9 industries and their second level', () => {
    const top = industryChildren(undefined, 'strategic-emerging-2018');
    assert.equal(top.length, 9);
    assert.equal(top[6].name, '节能环保产业');
    assert.deepEqual(industryChildren('7', 'strategic-emerging-2018').map((i) => i.name), ['高效节能产业', '先进环保产业', '资源循环利用产业']);
    assert.equal(industryByCode('6.3', 'strategic-emerging-2018')?.name, '太阳能产业');
    assert.equal(industryCodeStatus('1.2.1', 'strategic-emerging-2018'), 'unlisted');
    assert.equal(industryCodeStatus('7.9', 'strategic-emerging-2018'), 'invalid');
    assert.equal(industryCodeStatus('7.9.1', 'strategic-emerging-2018'), 'invalid');
  });
});
