// 绿色技术推广目录 in a real Chromium against the real server. A small program's result is
// published through the API (its one application decided 一等奖 in the live server's SQLite file,
// the way support/outcome-finish.ts fast-forwards, then published by the organizer's own
// endpoint) and the catalog organizer invites the winner. In the browser: the owner opts in,
// completes the catalog fields and submits; the catalog organizer approves in the review queue;
// a signed-out visitor finds the technology by a Chinese search with a field filter, sees the
// matched words highlighted, opens its page and sees no contact.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startSmtpServer } from '../../server/test/support/smtp.ts';
import { appErrors, browserUnavailable, seeTestId, watchErrors } from './support/browser.ts';
import { logIn, newChinesePage, withScreenshot } from './support/journey.ts';
import { liveServer } from './support/live-app.ts';
import { invitedWinner } from './support/catalog-seed.ts';
import type { RunningServer } from './support/server.ts';

const skip = browserUnavailable();
const OWNER = { email: 'catalog.owner@example.com', password: 'catalog owner 2026', name: '目录测试持有人' };
const CURATOR = { email: 'catalog.curator@example.com', password: 'catalog curator 2026', name: '目录运营方' };
const ADMIN_PASSWORD = 'catalog admin 2026';
const CONTACT = { name: '周工', phone: '13712345678', email: 'hidden-contact@example.com' };

let server: RunningServer;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

/** A published result with one winner, invited into the catalog; returns the entry's id. */
async function seed(): Promise<string> {
  const { entryId } = await invitedWinner(server, { slug: 'catalog-browser', adminPassword: ADMIN_PASSWORD, owner: OWNER, orgName: '郑州绿循环科技有限公司', ownerContact: '周工', curator: CURATOR });
  return entryId;
}

/** An antd Select by its test id: open it, wait for the pop-up to settle, click the option. */
async function choose(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
  await dropdown.waitFor({ state: 'visible' });
  await dropdown.page().waitForFunction((el) => !!el && el.getAnimations({ subtree: true }).every((a) => a.playState !== 'running'), await dropdown.elementHandle());
  await dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
}

const fill = async (page: Page, testId: string, text: string) => {
  const input = page.getByTestId(testId);
  await input.scrollIntoViewIfNeeded();
  await input.fill(text);
};

describe('绿色技术推广目录: the owner opts in and publishes, the curator approves, the public finds it, in Chromium', { skip: skip ?? false, timeout: 300_000 }, () => {
  before(async () => {
    smtp = await startSmtpServer();
  });
  const live = liveServer(() => ({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://lvping.example.org' }));
  before(() => ({ server } = live));
  after(async () => {
    await smtp?.close();
  });

  let entryId = '';

  test('the owner opts in, completes the catalog fields and submits them for review', async () => {
    entryId = await seed();
    const page = await newChinesePage(live.browser);
    const errors = watchErrors(page);
    await withScreenshot(() => page, 'catalog-owner', async () => {
      await logIn(page, server.baseUrl, OWNER.email, OWNER.password);
      await page.goto(`${server.baseUrl}/catalog/mine`);
      await page.getByTestId(`catalog-open-${entryId}`).click();
      await seeTestId(page, 'catalog-editor', 20_000);
      assert.equal(await page.getByTestId('entry-status').getAttribute('data-status'), 'invited');
      assert.equal(await page.getByTestId('entry-name').inputValue(), '光伏组件回收', 'prefilled from the application');
      await page.getByTestId('entry-opt-in').click();
      await page.locator('[data-testid="entry-status"][data-status="draft"]').waitFor();

      await fill(page, 'entry-name', '退役光伏组件绿色回收技术');
      await choose(page, 'entry-field', '资源循环利用产业');
      await fill(page, 'entry-scope', '适用于光伏电站退役晶硅光伏组件的集中拆解与资源化回收。');
      await fill(page, 'entry-process', '热解除胶结合物理分选，回收玻璃、铝框、银和铜。');
      await fill(page, 'entry-parameters', '处理能力≥2万吨/年，材料回收率≥95%。');
      await fill(page, 'entry-co2', '21000');
      await fill(page, 'entry-energy', '8000');
      await fill(page, 'entry-case-name-0', '某光伏电站组件回收示范');
      await fill(page, 'entry-case-place-0', '河南省郑州市');
      await fill(page, 'entry-case-year-0', '2024');
      await fill(page, 'entry-ip-detail', 'ZL202310000001.1');
      await choose(page, 'entry-trl', 'TRL 8');
      await fill(page, 'entry-contact-name', CONTACT.name);
      await fill(page, 'entry-contact-phone', 'not a phone');
      await fill(page, 'entry-contact-email', CONTACT.email);
      await page.getByTestId('entry-submit').click();
      // The server names the bad field; nothing is stored.
      await page.locator('.ant-form-item-explain-error', { hasText: '电话号码格式不正确' }).waitFor();
      assert.equal(await page.getByTestId('entry-status').getAttribute('data-status'), 'draft');
      await fill(page, 'entry-contact-phone', CONTACT.phone);
      await page.getByTestId('entry-submit').click();
      await page.locator('[data-testid="entry-status"][data-status="pending"]').waitFor();
    });
    assert.deepEqual(appErrors(errors), []);
    await page.context().close();
  });

  test('the catalog organizer approves the version in the review queue', async () => {
    const page = await newChinesePage(live.browser);
    const errors = watchErrors(page);
    await withScreenshot(() => page, 'catalog-curator', async () => {
      await logIn(page, server.baseUrl, CURATOR.email, CURATOR.password);
      await page.goto(`${server.baseUrl}/catalog/review`);
      await seeTestId(page, 'catalog-review', 20_000);
      await page.getByTestId(`catalog-open-${entryId}`).click();
      await seeTestId(page, 'review-fields');
      assert.match(await page.getByTestId('review-fields').innerText(), /周工.*13712345678/s, 'the curator sees the contact');
      await page.getByTestId('review-approve').click();
      await page.locator('[data-testid="review-entry-status"][data-status="published"]').waitFor();
    });
    assert.deepEqual(appErrors(errors), []);
    await page.context().close();
  });

  test('a visitor finds it by a Chinese search with a field filter, highlighted, and its page shows no contact', async () => {
    const page = await newChinesePage(live.browser);
    const errors = watchErrors(page);
    await withScreenshot(() => page, 'catalog-public', async () => {
      await page.goto(`${server.baseUrl}/catalog`);
      await seeTestId(page, 'public-catalog', 20_000);
      await choose(page, 'catalog-filter-field', '能源绿色低碳转型');
      await page.getByTestId('catalog-search').locator('input').fill('光伏组件回收');
      await page.getByTestId('catalog-search').locator('input').press('Enter');
      await page.getByTestId('catalog-total').filter({ hasText: '共 0 项' }).waitFor();

      await choose(page, 'catalog-filter-field', '资源循环利用产业');
      await page.getByTestId('catalog-total').filter({ hasText: '共 1 项' }).waitFor();
      const result = page.getByTestId(`catalog-result-${entryId}`);
      assert.deepEqual(await result.locator('mark').allInnerTexts(), ['光伏组件', '回收'], 'the words of the query the name holds');
      assert.doesNotMatch(await page.getByTestId('public-catalog').innerText(), /13712345678|hidden-contact/);

      await result.click();
      await seeTestId(page, 'catalog-entry-fields');
      assert.equal(await page.getByTestId('catalog-entry-name').innerText(), '退役光伏组件绿色回收技术');
      const text = await page.getByTestId('catalog-entry').innerText();
      assert.match(text, /资源循环利用产业/);
      assert.match(text, /年减排 CO₂ 21000 吨/);
      assert.match(text, /审核通过/);
      assert.doesNotMatch(text, /13712345678|hidden-contact|周工/);
    });
    assert.deepEqual(appErrors(errors), []);
    await page.context().close();
  });
});
