// 2025河南省工业绿色低碳发展创新大赛, 节能降碳技术创新成果 (track jieneng, form jishu), end to end
// in a real Chromium against the real server: a new applicant signs up, registers a 郑州 enterprise
// from 在线申报, fills every required field of the five applicant sections (cover, the unit, the
// technology, the project, the pledge with its stamped page) and the attachments the form requires
// (real PDF and PNG files), submits, downloads the 申报书 PDF and gets the receipt email.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { appErrors, browserUnavailable, seeTestId, seeText, watchErrors } from './support/browser.ts';
import type { SampleFiles } from './support/files.ts';
import { liveApp } from './support/live-app.ts';
import { counter, fillNumber, fillText, pickCascader, pickChoice, pickIndustry, saveStatus, sign, tick, uploadFile, waitForSave } from './support/form-fill.ts';
import { createDraft, download, makeCreditCode, newChinesePage, registerApplicant, registerOrganizationInDialog, withScreenshot, type Org } from './support/journey.ts';
import { pdfPages } from './support/pdf-text.ts';
import type { RunningServer } from './support/server.ts';
import type { Inbox } from './support/smtp.ts';

const skip = browserUnavailable();

let server: RunningServer;
let browser: Browser;
let inbox: Inbox;
let files: SampleFiles;

const INTRO =
  '公司始建于1958年，年产钢800万吨，拥有省级企业技术中心和博士后科研工作站，先后获评国家级绿色工厂、河南省节能先进单位。' +
  '近三年研发投入占营业收入的百分之三点二，拥有授权发明专利四十余项。';

describe('河南省绿色低碳创新大赛 · 节能降碳技术创新成果: applying end to end in Chromium', { skip: skip ?? false, timeout: 240_000 }, () => {
  const app = liveApp();
  before(() => ({ server, browser, inbox, files } = app));

  test('sign up, register a 郑州 enterprise, fill every required field and the attachments, submit, PDF, receipt email', { timeout: 150_000 }, async () => {
    let page: Page | undefined;
    await withScreenshot(() => page, 'henan-jieneng', async () => {
      page = await newChinesePage(browser);
      const errors = watchErrors(page);
      const stamp = Date.now();
      const email = `henan.${stamp}@example.com`;
      const org: Org = {
        name: `河南豫钢${String(stamp).slice(-6)}集团有限公司`,
        creditCode: makeCreditCode('410105'),
        region: ['河南省', '郑州市', '金水区'],
        address: '河南省郑州市金水区某路1号',
        contactName: '李工',
        contactPhone: '13838000000',
        contactEmail: 'office@example.cn',
      };
      const techName = '高炉煤气余压余热梯级利用技术';

      await registerApplicant(page, server.baseUrl, { name: '李节能', email, password: 'henan-green-2025' });
      await page.goto(`${server.baseUrl}/programs/henan-green-2025-demo`);
      await seeTestId(page, 'track-jieneng');
      await page.getByTestId('apply-jieneng').click();
      await seeText(page, '在线申报：节能降碳技术创新成果');
      await registerOrganizationInDialog(page, org);
      await createDraft(page);
      const number = ((await page.getByTestId('application-number').textContent()) ?? '').trim();
      assert.match(number, /^HENAN-GREEN-2025-DEMO-\d{5}$/);
      assert.match((await page.getByTestId('application-header').textContent()) ?? '', /节能降碳技术创新成果/);
      await seeTestId(page, 'note-recommend'); // 推荐单位意见 is the city's, read-only here

      // 封面
      await fillText(page, 'cover.applicantName', org.name);
      await fillText(page, 'cover.techName', techName);
      await pickChoice(page, 'cover.trackDirection', '节能降碳技术创新成果');
      await fillText(page, 'cover.contactName', '李工');
      await fillText(page, 'cover.contactPhone', '13838000000');

      // 一、申报单位基本情况
      await fillText(page, 'basic.name', org.name);
      await pickCascader(page, 'basic.region', ['河南省', '郑州市', '金水区']);
      await fillText(page, 'basic.address', org.address);
      await pickIndustry(page, 'basic.industry', ['31']);
      await fillText(page, 'basic.products', '热轧板卷、冷轧薄板');
      await pickChoice(page, 'basic.ownership', '内资（民营）');
      await fillNumber(page, 'basic.output2024', 865000);
      await fillNumber(page, 'basic.staff', 3200);
      await fillText(page, 'basic.legalRepName', '张某');
      await fillText(page, 'basic.legalRepPhone', '0371-66000000');
      await fillText(page, 'basic.email', 'office@example.cn');
      await fillText(page, 'basic.fax', '0371-66000001');
      await fillText(page, 'basic.intro', INTRO);
      // No limit on 单位简介: the counter counts without a maximum.
      assert.match((await counter(page, 'basic.intro')).text, /^\d+字$/);

      // 二、申报技术基本情况; 共享知识产权 asks for the co-owner and its authorization, 完全自主 does not.
      await fillText(page, 'tech.techName', techName);
      await pickChoice(page, 'tech.category', '节能降碳技术');
      await pickChoice(page, 'tech.stage', '应用类');
      await fillText(page, 'tech.scope', '适用于钢铁行业1000立方米以上高炉煤气系统，要求煤气压力稳定。');
      await pickChoice(page, 'tech.ip', '共享知识产权');
      await seeTestId(page, 'field-tech.ipSharedWith');
      await seeTestId(page, 'field-attachments.ipAuthorization');
      await pickChoice(page, 'tech.ip', '完全自主知识产权');
      await page.getByTestId('field-tech.ipSharedWith').waitFor({ state: 'detached' });
      assert.equal(await page.getByTestId('field-attachments.ipAuthorization').count(), 0);
      await fillText(page, 'tech.principle', '采用干式TRT与余热锅炉梯级回收高炉煤气压力能和显热，配套智能调控系统，发电效率较湿式TRT提高百分之三十。');
      await fillText(page, 'tech.practicality', '解决煤气余压浪费与余热回收率低的问题，改造周期短，企业应用难度低。');
      await fillText(page, 'tech.replicability', '已在省内三家钢铁企业应用，可推广至有色、化工行业的同类工艺。');

      // 三、依托项目/案例情况
      await fillText(page, 'project.name', '2号高炉煤气余压余热回收改造项目');
      await fillText(page, 'project.content', '项目于2023年实施，新建干式TRT机组及余热锅炉，配套煤气管网改造与智能调控系统。');
      await fillText(page, 'project.benefits', '年节能量2.1万tce，减排二氧化碳5.6万tCO2，年节水量12万t。');

      // 四、承诺申明: the tick and the stamped page (an image) with its date.
      await tick(page, 'pledge.promise');
      await sign(page, 'pledge.stamp', files.png('承诺申明盖章页.png'), '2026-01-20');

      // 相关证明材料: the required ones, PDFs and an image, one field taking two files.
      await uploadFile(page, 'attachments.license', [files.pdf('营业执照.pdf')]);
      await uploadFile(page, 'attachments.ipProof', [files.pdf('发明专利证书.pdf'), files.png('检测报告.png')]);
      await uploadFile(page, 'attachments.effectReports', [files.pdf('节能降碳效果评价报告.pdf')]);
      await uploadFile(page, 'attachments.userReports', [files.pdf('用户使用报告.pdf')]);
      assert.equal(await page.getByTestId('file-attachments.ipProof').count(), 2);

      await waitForSave(page);
      assert.match((await saveStatus(page)).text, /^已保存 \d{2}:\d{2}:\d{2}$/);
      const progress = page.getByTestId('form-progress');
      assert.equal(await progress.getAttribute('data-filled'), await progress.getAttribute('data-total'));

      // What the server has survives a reload.
      await page.reload();
      await seeTestId(page, 'application-editor');
      assert.equal(await page.getByTestId('restored-notice').count(), 0);
      assert.equal(await page.getByTestId('field-cover.techName').inputValue(), techName);
      assert.match((await page.getByTestId('field-basic.region').textContent()) ?? '', /河南省.*郑州市.*金水区/);
      assert.match((await page.getByTestId('field-basic.industry').textContent()) ?? '', /31 黑色金属冶炼和压延加工业/);
      assert.equal(await page.getByTestId('field-basic.output2024').inputValue(), '865000');
      assert.equal(await page.getByTestId('field-pledge.promise').isChecked(), true);
      assert.equal(await page.getByTestId('field-pledge.stamp.date').inputValue(), '2026-01-20');
      assert.match((await page.getByTestId('file-pledge.stamp').textContent()) ?? '', /承诺申明盖章页\.png/);
      assert.equal(await page.getByTestId('file-attachments.ipProof').count(), 2);

      // Submit.
      await page.getByTestId('submit-application').click();
      await seeTestId(page, 'submit-confirm');
      await page.getByTestId('submit-confirm').click();
      await seeTestId(page, 'application-view', 20_000);
      assert.equal(await page.getByTestId('application-status').getAttribute('data-status'), 'submitted');
      assert.equal((await page.getByTestId('application-status').textContent())?.trim(), '已提交');
      const timeline = (await page.getByTestId('status-timeline').textContent()) ?? '';
      assert.match(timeline, /草稿/);
      assert.match(timeline, /已提交/);
      // The read-only view lists the uploads.
      assert.match((await page.getByTestId('field-attachments.license').textContent()) ?? '', /营业执照\.pdf/);

      // The 申报书 PDF.
      const pdf = await download(page, 'download-pdf');
      assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      const pages = await pdfPages(pdf.bytes);
      assert.ok(pages.length >= 2, `the PDF has ${pages.length} page(s)`);
      const text = pages.join('\n');
      assert.ok(text.includes(org.name), 'the PDF names the organization');
      assert.ok(text.includes(techName), 'the PDF has the technology name');
      assert.ok(text.includes(number), 'the PDF has the application number');

      // The receipt email.
      assert.equal(await inbox.waitForLink(email, /申报编号：[A-Z0-9-]+/, 15_000), `申报编号：${number}`);

      assert.deepEqual(appErrors(errors), []);
      await page.context().close();
    });
  });
});

if (skip) test(`browser tests skipped: ${skip}`, (t) => t.skip(skip));
