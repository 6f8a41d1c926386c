import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { renderApplicationPdf, renderBlankFormPdf, type ApplicationPdfInput } from '../../src/features/documents/application-pdf.ts';
import { readProgramTemplates } from '../../src/features/programs/program-templates.ts';
import { template, validAnswers } from '../../../../packages/domain/test/form/fixtures.ts';
import { embeddedFonts, pdfText } from './pdf-text.ts';

// The printable 申报书 read back with pdfjs: what a reviewer sees on paper must be the answers,
// in Chinese, with names instead of codes and the derived 平均值.

const SUBMITTED = Date.UTC(2022, 9, 20, 18, 30); // 2022-10-21 02:30 in Shanghai: the date rolls over

function input(overrides: Partial<ApplicationPdfInput> = {}): ApplicationPdfInput {
  const answers = validAnswers();
  answers.basic.highTechCertNo = 'GR-HIDDEN-001'; // hidden: isHighTech is 'no'
  return {
    programName: '2022年“科创中国”新锐企业榜',
    trackName: '绿色低碳赛道',
    form: template,
    answers,
    organization: { name: '福建绿能科技有限公司', creditCode: '91350100M000100Y43', regionCode: '350102', contactName: '林工' },
    number: 'KCZG-2022-XR-000123',
    submittedAt: SUBMITTED,
    status: 'submitted',
    ...overrides,
  };
}

describe('renderApplicationPdf', () => {
  test('is a valid, compact PDF of several pages that embeds the CJK font', async () => {
    const pdf = await renderApplicationPdf(input());
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(pdf.subarray(-8).toString('latin1'), /%%EOF/);
    const { pages } = await pdfText(pdf);
    assert.ok(pages.length >= 2, `${pages.length} pages`);
    assert.deepEqual(embeddedFonts(pdf).sort(), ['NotoSerifSC-Bold', 'NotoSerifSC-Regular']);
    assert.ok(pdf.includes('/FontFile2'), 'the TrueType font program is embedded');
    assert.ok(pdf.length < 400_000, `subsetted fonts keep it small: ${pdf.length} bytes`);
  });

  test('the cover names the applicant, its code, the number and the Shanghai date', async () => {
    const { pages } = await pdfText(await renderApplicationPdf(input()));
    for (const s of ['2022年“科创中国”新锐企业榜', '福建绿能科技有限公司', '91350100M000100Y43', 'KCZG-2022-XR-000123', '福建省福州市鼓楼区', '绿色低碳赛道', '2022年10月21日']) {
      assert.ok(pages[0].includes(s), `cover shows ${s}`);
    }
  });

  test('answers print as people read them: labels, names, units, averages, tables, files', async () => {
    const { all } = await pdfText(await renderApplicationPdf(input()));
    const expected = [
      '2022年“科创中国”新锐企业榜申报表', // form title
      '一、基本情况', // numbered section title
      '申报企业名称',
      '2015年6月18日', // date
      '1200.5 万元', // number with unit
      '福建省福州市', // region name, not 350100
      '锂离子电池制造（3841）', // industry name and code
      '民营', // single choice label
      '新能源及应用、其他：储能', // multiple choice with 其他
      '7级', // TRL
      '团队由十二名成员组成', // long text
      '2022年1-6月', // year label
      '平均值',
      '1433.33', // average of 1000, 1500, 1800 (computeDerived)
      '10.47 %', // computed ratio
      '林工', // group item
      'p1.pdf、p2.pdf', // file names
      '我单位申报的所有材料', // declaration text
      '申报单位（盖章）',
      '2022 年 10 月 20 日', // signature date
      '推荐单位（盖章）', // empty recommender opinion box
      '第 1 页',
      '第 2 页 共',
    ];
    for (const s of expected) assert.ok(all.includes(s), `the PDF shows ${s}`);
    assert.ok(!all.includes('GR-HIDDEN-001'), 'a hidden field is not printed');
    assert.ok(!all.includes('高新技术企业证明'), 'a hidden section is not printed');
  });

  test('every page says 第 N 页 共 M 页', async () => {
    const { pages } = await pdfText(await renderApplicationPdf(input()));
    pages.forEach((text, i) => assert.ok(text.includes(`第 ${i + 1} 页 共 ${pages.length} 页`), `page ${i + 1}`));
  });

  test('a long text flows over pages without losing a word', async () => {
    const answers = validAnswers();
    const long = Array.from({ length: 200 }, (_, i) => `第${i + 1}句：退役动力电池经检测分选后用于储能系统。`).join('');
    answers.basic.intro = long;
    const { pages, all } = await pdfText(await renderApplicationPdf(input({ answers })));
    assert.ok(pages.length >= 6, `${pages.length} pages`); // the short version has 4
    assert.ok(all.includes('第1句') && all.includes('第200句：退役动力电池经检测分选后用于储能系统。'));
  });

  test('a draft just created (no answers yet) prints the form with empty boxes', async () => {
    const pdf = await renderApplicationPdf(input({ answers: {}, status: 'draft', submittedAt: null }));
    const { all } = await pdfText(pdf);
    for (const s of ['申报企业名称', '平均值', '主要成员', '（无）', '推荐单位（盖章）']) assert.ok(all.includes(s), `shows ${s}`);
  });

  test('a draft is watermarked, and an unsubmitted one has an empty date line', async () => {
    const { pages } = await pdfText(await renderApplicationPdf(input({ status: 'draft', submittedAt: null })));
    assert.ok(pages[0].includes('草稿'));
    assert.ok(!pages[0].includes('2022年10月21日'));
  });
});

describe('renderBlankFormPdf', () => {
  test('the same form with empty boxes, limits, units and options', async () => {
    const pdf = await renderBlankFormPdf({ programName: '2022年“科创中国”新锐企业榜', trackName: '绿色低碳赛道', form: template });
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const { pages, all } = await pdfText(pdf);
    assert.ok(pages.length >= 2);
    const expected = ['申报书（空白稿）', '一、基本情况', '（不超过50字）', '（20-200字）', '万元', '□是', '□否', '□其他，具体为', '可多选，选2-3项', '填至地市级', '2022年1-6月', '平均值', '（“是否高新技术企业”为“是”时填写）', '申报单位（盖章）', '推荐单位（盖章）', '（本部分由推荐单位填写）', '第 1 页'];
    for (const s of expected) assert.ok(all.includes(s), `the blank form shows ${s}`);
    assert.ok(!all.includes('福建绿能'), 'no answers on a blank form');
  });

  test('every form of the seed programs renders', async () => {
    const forms = readProgramTemplates().flatMap((def) => def.forms.map((form) => ({ def, form })));
    assert.ok(forms.length >= 3);
    for (const { def, form } of forms) {
      const { all } = await pdfText(await renderBlankFormPdf({ programName: def.name, trackName: form.title, form }), 2);
      assert.ok(all.includes(form.sections[0].title), `${def.slug}/${form.id}`);
    }
  });
});
