// 先导技术榜（绿色低碳领域） end to end in a real Chromium against the real server: a new applicant
// signs up, registers the organization from 在线申报, fills every section of the form through the
// UI (live 字 counters, choices, the industry tree, TRL, an award, the seal upload and its date),
// sees autosave, reloads, submits, downloads the 申报书 PDF and gets the receipt email. A second
// test walks the hard cases of saving: an over-long text (saved all the same with its problem, back
// after a reload) and the same draft saved from two tabs.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { xiandaoGreenTexts } from '../../../packages/domain/test/templates/samples.ts';
import { countChars } from '@lvping/domain/form/text-length.ts';
import { appErrors, browserUnavailable, seeTestId, seeText, watchErrors } from './support/browser.ts';
import type { SampleFiles } from './support/files.ts';
import { liveApp } from './support/live-app.ts';
import {
  addItem, counter, fillText, nextDraftSave, pickChoice, pickDate, pickIndustry, pickTrl, saveStatus, sign, waitForSave,
} from './support/form-fill.ts';
import { createDraft, download, makeCreditCode, newChinesePage, registerApplicant, registerOrganizationInDialog, withScreenshot, type Org } from './support/journey.ts';
import { pdfPages } from './support/pdf-text.ts';
import type { RunningServer } from './support/server.ts';
import type { Inbox } from './support/smtp.ts';

const skip = browserUnavailable();
const PROGRAM = 'kczg-2022-demo';
const TRACK = 'xiandao-green';

let server: RunningServer;
let browser: Browser;
let inbox: Inbox;
let files: SampleFiles;

// Expected noise: the refused draft (400) and the conflicting save (409) are logged by the browser.
function org(name: string): Org {
  return {
    name,
    creditCode: makeCreditCode('110108'),
    region: ['北京市', '市辖区', '海淀区'],
    address: '北京市海淀区中关村南大街5号',
    contactName: '王工',
    contactPhone: '010-62345678',
    contactEmail: 'ccus@example.cn',
  };
}

/** Signs up a new applicant, opens 在线申报 on 先导技术榜（绿色低碳领域）, registers `o`, creates the draft. */
async function startApplication(page: Page, who: { name: string; email: string }, o: Org): Promise<string> {
  await registerApplicant(page, server.baseUrl, { ...who, password: 'green-low-carbon-2026' });
  await page.goto(`${server.baseUrl}/programs/${PROGRAM}`);
  await seeTestId(page, `track-${TRACK}`);
  await page.getByTestId(`apply-${TRACK}`).click();
  await seeText(page, '在线申报：先导技术榜（绿色低碳领域）');
  await seeText(page, '您还没有登记申报单位');
  await registerOrganizationInDialog(page, o);
  return createDraft(page);
}

describe('先导技术榜（绿色低碳领域）: applying end to end in Chromium', { skip: skip ?? false, timeout: 300_000 }, () => {
  const app = liveApp();
  before(() => ({ server, browser, inbox, files } = app));

  test('sign up, register the organization, fill every section, autosave, reload, submit, PDF, receipt email', { timeout: 150_000 }, async () => {
    let page: Page | undefined;
    await withScreenshot(() => page, 'kczg-green', async () => {
      page = await newChinesePage(browser);
      const errors = watchErrors(page);
      const stamp = Date.now();
      const email = `green.${stamp}@example.com`;
      const o = org(`绿碳科技${String(stamp).slice(-6)}有限公司`);
      await startApplication(page, { name: '王绿碳', email }, o);

      // The header: a fresh draft of this organization on this track.
      const header = page.getByTestId('application-header');
      assert.match((await header.textContent()) ?? '', /先导技术榜（绿色低碳领域）/);
      assert.match((await header.textContent()) ?? '', new RegExp(o.name));
      assert.equal(await page.getByTestId('application-status').getAttribute('data-status'), 'draft');
      const number = ((await page.getByTestId('application-number').textContent()) ?? '').trim();
      assert.match(number, /^KCZG-2022-DEMO-\d{5}$/);
      await seeTestId(page, 'section-recommendation');
      await seeTestId(page, 'note-recommendation'); // 推荐单位意见: the recommender's, read-only here

      // 技术基本情况
      await fillText(page, 'basic.techName', '低能耗复合胺烟气二氧化碳捕集技术');
      await fillText(page, 'basic.unitName', '碳捕集技术研发团队');
      await pickChoice(page, 'basic.field', '绿色低碳');
      await pickIndustry(page, 'basic.industries', ['772', '4411']);
      await pickTrl(page, 'basic.trl', 7);
      await pickChoice(page, 'basic.transferForms', '可进行交易', '已经有合作');

      // 技术团队基本情况, with the 200 字 counter going red past the limit and back.
      await fillText(page, 'team.contact', '王工');
      await fillText(page, 'team.phone', '010-62345678');
      await fillText(page, 'team.address', '北京市海淀区中关村南大街5号');
      await fillText(page, 'team.email', 'ccus@example.cn');
      await fillText(page, 'team.intro', '碳'.repeat(201));
      assert.deepEqual(await counter(page, 'team.intro'), { text: '201/200字', over: true });
      await seeTestId(page, 'error-team.intro');
      assert.equal(await page.getByTestId('error-team.intro').textContent(), '不能超过 200 字（当前 201 字）');
      const intro = '团队共二十三人，其中博士九人、硕士十人，长期从事烟气污染物与二氧化碳协同治理研究，承担国家重点研发计划项目两项，在碳捕集吸收剂、工艺和装备方面形成完整技术体系。';
      await fillText(page, 'team.intro', intro);
      assert.deepEqual(await counter(page, 'team.intro'), { text: `${countChars(intro)}/200字`, over: false });
      await page.getByTestId('error-team.intro').waitFor({ state: 'detached' });

      // 一、二: 400–600 字 each, counted live.
      const { techIntro, scenarios } = xiandaoGreenTexts;
      await fillText(page, 'techIntro.text', techIntro);
      assert.deepEqual(await counter(page, 'techIntro.text'), { text: `${countChars(techIntro)}/600字`, over: false });
      await fillText(page, 'scenarios.text', scenarios);
      assert.deepEqual(await counter(page, 'scenarios.text'), { text: `${countChars(scenarios)}/600字`, over: false });

      // 三 to 六, with one award.
      await fillText(page, 'ip.text', '已获授权发明专利8项，包括“一种低能耗复合胺二氧化碳吸收剂及其制备方法”等；发表相关论文12篇。');
      assert.equal(await page.getByTestId('item-awards.items.0').count(), 0);
      const award = await addItem(page, 'awards.items');
      await fillText(page, `awards.items.${award}.name`, '环境保护科学技术奖');
      await pickChoice(page, `awards.items.${award}.level`, '全国学会奖');
      await pickDate(page, `awards.items.${award}.awardedOn`, '2021-11');
      await fillText(page, 'economic.text', '预计三年内占国内水泥行业碳捕集市场份额15%，实现技术许可及装备销售收入约3亿元，单位捕集成本较传统工艺降低30%。');
      await fillText(page, 'social.text', '解决高排放行业深度减排的关键技术瓶颈，助力国家碳达峰碳中和目标，带动吸收剂、压缩机等国产装备产业发展。');

      // 申报单位意见: the opinion, the stamped page (a real PDF) and its date.
      await fillText(page, 'applicantOpinion.opinion', '情况属实，同意申报。');
      await sign(page, 'applicantOpinion.seal', files.pdf('申报单位公章页.pdf'), '2026-01-20');

      // Autosave: 已保存 with the time; every required field filled.
      await waitForSave(page);
      assert.match((await saveStatus(page)).text, /^已保存 \d{2}:\d{2}:\d{2}$/);
      const progress = page.getByTestId('form-progress');
      assert.equal(await progress.getAttribute('data-filled'), await progress.getAttribute('data-total'));

      // A reload shows what the server has.
      await page.reload();
      await seeTestId(page, 'application-editor');
      assert.equal(await page.getByTestId('restored-notice').count(), 0, 'everything was saved: nothing to restore');
      assert.equal(await page.getByTestId('field-basic.techName').inputValue(), '低能耗复合胺烟气二氧化碳捕集技术');
      assert.equal(await page.getByTestId('field-techIntro.text').inputValue(), techIntro);
      assert.equal(await page.getByTestId('field-team.intro').inputValue(), intro);
      assert.equal(await page.getByTestId('field-basic.field').locator('input[type=radio]:checked').getAttribute('value'), 'green');
      const industries = (await page.getByTestId('field-basic.industries').textContent()) ?? '';
      assert.match(industries, /772 环境治理业/);
      assert.match(industries, /4411 火力发电/);
      assert.match((await page.getByTestId('field-basic.trl').textContent()) ?? '', /^7 — /);
      assert.equal(await page.getByTestId('field-awards.items.0.name').inputValue(), '环境保护科学技术奖');
      assert.equal(await page.getByTestId('field-awards.items.0.awardedOn').inputValue(), '2021-11');
      assert.equal(await page.getByTestId('field-applicantOpinion.seal.date').inputValue(), '2026-01-20');
      assert.match((await page.getByTestId('file-applicantOpinion.seal').textContent()) ?? '', /申报单位公章页\.pdf/);
      assert.equal((await saveStatus(page)).state, 'saved');

      // Submit, confirm, and the application turns read-only with its history.
      await page.getByTestId('submit-application').click();
      await seeTestId(page, 'submit-confirm');
      assert.match((await page.locator('.ant-modal-confirm').textContent()) ?? '', /确认提交申报书？.*提交后不能再修改/);
      await page.getByTestId('submit-confirm').click();
      await seeTestId(page, 'application-view', 20_000);
      const status = page.getByTestId('application-status');
      assert.equal(await status.getAttribute('data-status'), 'submitted');
      assert.equal((await status.textContent())?.trim(), '已提交');
      const timeline = (await page.getByTestId('status-timeline').textContent()) ?? '';
      assert.match(timeline, /草稿/);
      assert.match(timeline, /已提交/);
      assert.equal(await page.getByTestId('submit-application').count(), 0);
      await seeTestId(page, 'withdraw-application');

      // The 申报书 PDF through the page's button.
      const pdf = await download(page, 'download-pdf');
      assert.match(pdf.name, /\.pdf$/);
      assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      const pages = await pdfPages(pdf.bytes);
      assert.ok(pages.length >= 2, `the PDF has ${pages.length} page(s)`);
      const text = pages.join('\n');
      assert.ok(text.includes(o.name), 'the PDF names the organization');
      assert.ok(text.includes('低能耗复合胺烟气二氧化碳捕集技术'), 'the PDF has the technology name');
      assert.ok(text.includes(number), 'the PDF has the application number');

      // The receipt email.
      const receipt = await inbox.waitForLink(email, /申报编号：[A-Z0-9-]+/, 15_000);
      assert.equal(receipt, `申报编号：${number}`);

      assert.deepEqual(appErrors(errors), []);
      await page.context().close();
    });
  });

  test('an over-long text is refused and kept in this browser; two tabs saving the same draft', { timeout: 150_000 }, async () => {
    let page: Page | undefined;
    let other: Page | undefined;
    await withScreenshot(() => other ?? page, 'kczg-green-negative', async () => {
      page = await newChinesePage(browser);
      const errors = watchErrors(page);
      const stamp = Date.now();
      const id = await startApplication(page, { name: '李反例', email: `negative.${stamp}@example.com` }, org(`反例环保${String(stamp).slice(-6)}有限公司`));

      await fillText(page, 'basic.techName', '烟气余热深度回收技术');
      await waitForSave(page);

      // 601+ 字: the counter goes red, the field says why in Chinese, and the draft is saved all the
      // same (a draft may hold it; submission will not), the badge counting the problem.
      const tooLong = xiandaoGreenTexts.techIntro + xiandaoGreenTexts.scenarios.slice(0, 200);
      const n = countChars(tooLong);
      assert.ok(n > 600);
      const kept = nextDraftSave(page, id);
      await fillText(page, 'techIntro.text', tooLong);
      assert.deepEqual(await counter(page, 'techIntro.text'), { text: `${n}/600字`, over: true });
      assert.equal(await page.getByTestId('error-techIntro.text').textContent(), `不能超过 600 字（当前 ${n} 字）`);
      const reply = await kept;
      assert.equal(reply.status(), 200);
      assert.deepEqual(((await reply.json()) as { problems: { path: string }[] }).problems.map((p) => p.path), ['techIntro.text']);
      await waitForSave(page);
      assert.match((await saveStatus(page)).text, /已保存.*有 1 处待修改，提交前请改正/);

      // A reload brings the typed text back from the server, its problem beside it.
      await page.reload();
      await seeTestId(page, 'application-editor');
      assert.equal(await page.getByTestId('field-techIntro.text').inputValue(), tooLong);
      assert.equal(await page.getByTestId('field-basic.techName').inputValue(), '烟气余热深度回收技术');
      assert.equal(await page.getByTestId('error-techIntro.text').textContent(), `不能超过 600 字（当前 ${n} 字）`);
      const stored = await page.evaluate(async (appId) => (await (await fetch(`/api/applications/${appId}`)).json()) as { answers: Record<string, Record<string, unknown>> }, id);
      assert.equal(stored.answers.techIntro?.text, tooLong, 'the over-limit text is on the server');

      // Cut to the limit: saved.
      await fillText(page, 'techIntro.text', xiandaoGreenTexts.techIntro);
      assert.equal((await counter(page, 'techIntro.text')).over, false);
      await waitForSave(page);

      // The same draft in a second tab; each saves a different 技术名称.
      other = await newChinesePage(browser, page.context());
      const otherErrors = watchErrors(other);
      await other.goto(page.url());
      await seeTestId(other, 'application-editor');
      assert.equal(await other.getByTestId('field-techIntro.text').inputValue(), xiandaoGreenTexts.techIntro);

      const firstSave = nextDraftSave(page, id);
      await fillText(page, 'basic.techName', '第一个窗口的技术名称');
      assert.equal((await firstSave).status(), 200);
      await waitForSave(page);
      const secondSave = nextDraftSave(other, id);
      await fillText(other, 'basic.techName', '第二个窗口的技术名称');
      assert.equal((await secondSave).status(), 409, 'the second tab saved on top of an older revision');
      await seeTestId(other, 'stale-notice');
      assert.match((await other.getByTestId('stale-notice').textContent()) ?? '', /此申报书已在其他窗口修改/);
      await waitForSave(other, 'stale');
      assert.equal((await saveStatus(other)).text, '已暂停自动保存');
      assert.equal(await other.getByTestId('submit-application').isDisabled(), true);
      // The first tab is unaffected.
      assert.equal((await saveStatus(page)).state, 'saved');

      // 加载服务器版本: the second tab drops its edit and shows the first tab's.
      await other.getByTestId('stale-reload').click();
      await other.waitForFunction(() => (document.querySelector('[data-testid="field-basic.techName"]') as HTMLInputElement | null)?.value === '第一个窗口的技术名称');
      assert.equal(await other.getByTestId('stale-notice').count(), 0);
      assert.equal((await saveStatus(other)).state, 'saved');

      assert.deepEqual(appErrors(errors), []);
      assert.deepEqual(appErrors(otherErrors), []);
      await page.context().close();
    });
  });
});

if (skip) test(`browser tests skipped: ${skip}`, (t) => t.skip(skip));
