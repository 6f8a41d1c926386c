import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { diffAnswers, displayAnswerAt } from '../../src/screening/diff-answers.ts';
import { pdf, template, validAnswers } from '../form/fixtures.ts';

// diffAnswers on the 新锐企业榜-shaped fixture form: what a screener reads when comparing a
// returned version with its resubmission.

const clone = <T>(v: T): T => structuredClone(v);

describe('diffAnswers', () => {
  test('identical versions: no changes, whatever the key order', () => {
    const a = validAnswers();
    const b = Object.fromEntries(Object.entries(clone(a)).reverse());
    assert.deepEqual(diffAnswers(template, a, b), []);
  });

  test('changed text, number, choice, region, date: paths with old and new values in words', () => {
    const a = validAnswers();
    const b = clone(a);
    b.basic.companyName = '福建绿能储能科技有限公司';
    b.basic.capital = 2000;
    b.basic.ownership = 'state';
    b.basic.region = '350200';
    b.basic.founded = '2016-01-01';
    const changes = diffAnswers(template, a, b);
    assert.deepEqual(changes.map((c) => c.path), ['basic.companyName', 'basic.region', 'basic.founded', 'basic.capital', 'basic.ownership'], 'in the form’s order');
    const at = (p: string) => changes.find((c) => c.path === p)!;
    assert.deepEqual([at('basic.capital').before, at('basic.capital').after], ['1200.5 万元', '2000 万元']);
    assert.deepEqual([at('basic.ownership').before, at('basic.ownership').after], ['民营', '国有']);
    assert.deepEqual([at('basic.region').before, at('basic.region').after], ['福建省福州市', '福建省厦门市']);
    assert.equal(at('basic.companyName').label, '基本情况 / 申报企业名称');
    assert.equal(at('basic.companyName').labelEn, '基本情况 / Company name', 'English where the form has it');
    assert.equal(at('basic.capital').labelEn, undefined, 'no half-English trail where it has none');
  });

  test('multiple choice is a set; 其他 shows what was written', () => {
    const a = validAnswers();
    const b = clone(a);
    b.basic.fields = [{ other: '储能' }, 'newEnergy'];
    assert.deepEqual(diffAnswers(template, a, b), [], 'same options in another order');
    b.basic.fields = ['newEnergy', { other: '氢能' }];
    const [c] = diffAnswers(template, a, b);
    assert.deepEqual([c.path, c.before, c.after], ['basic.fields', '新能源及应用、其他：储能', '新能源及应用、其他：氢能']);
  });

  test('year table cells, group items added and removed, files replaced, computed fields skipped', () => {
    const a = validAnswers();
    const b = clone(a);
    (b.innovation.rd as Record<string, Record<string, number>>).revenue['2022'] = 2100; // also moves the computed growth rate
    (b.team.members as unknown[]).push({ name: '陈工', share: 5 });
    b.attachments.license = pdf('license-2.pdf', 2048);
    const changes = diffAnswers(template, a, b);
    const paths = changes.map((c) => c.path);
    assert.deepEqual(paths, ['innovation.rd.revenue.2022', 'team.members.1.name', 'team.members.1.share', 'attachments.license']);
    assert.equal(changes[0].label, '企业技术研发投入 / 近三年 / 营业收入总额 / 2022年1-6月', 'the year column’s own heading');
    assert.deepEqual([changes[0].before, changes[0].after], ['1800 万元', '2100 万元']);
    assert.equal(changes[1].label, '核心团队 / 主要成员 / 成员 2 / 姓名');
    assert.deepEqual([changes[1].before, changes[1].after], ['', '陈工']);
    assert.deepEqual([changes[3].before, changes[3].after], ['license.pdf（1024 KB）', 'license-2.pdf（2 KB）']);

    const removed = diffAnswers(template, b, a);
    assert.deepEqual(removed.find((c) => c.path === 'team.members.1.name')?.after, '', 'a removed item empties its fields');
  });

  test('empty and missing are the same; a first answer is a change from empty', () => {
    const a = validAnswers();
    const b = clone(a);
    b.basic.email = '';
    delete (a.basic as Record<string, unknown>).email;
    assert.deepEqual(diffAnswers(template, a, b), []);
    const [c] = diffAnswers(template, {}, { basic: { trl: 6 } });
    assert.deepEqual([c.path, c.before, c.after], ['basic.trl', '', 'TRL 6']);
  });

  test('malformed stored values are shown as stored, not dropped', () => {
    const [c] = diffAnswers(template, { basic: { capital: 'lots' } }, { basic: { capital: 100 } });
    assert.deepEqual([c.before, c.after], ['lots', '100 万元']);
    assert.deepEqual(diffAnswers(template, { basic: 'not an object' } as never, {}), []);
  });

  test('displayAnswerAt reads one top-level answer in words', () => {
    const a = validAnswers();
    assert.equal(displayAnswerAt(template, a, 'basic.isHighTech'), '否');
    assert.match(displayAnswerAt(template, a, 'basic.industry')!, /^[^（]+（3841）$/, 'the industry’s name and code');
    assert.equal(displayAnswerAt(template, a, 'pledge.promise'), '已承诺');
    assert.equal(displayAnswerAt(template, a, 'basic.nothing'), undefined);
    assert.equal(displayAnswerAt(template, a, 'team.members'), undefined, 'a group is not one value');
  });
});
