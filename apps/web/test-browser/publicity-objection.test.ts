// 公示 and 异议 in a real Chromium against the real server: 创蓝 (demo edition) carried through its
// review rounds, decided and approved by the committee through the product API; then in the
// browser the organizer opens the results 公示 (its computed end shown first), a member of the
// public — not signed in, on a phone-sized screen — reads the list and files a real-name objection
// with evidence (a missing field is named under the field first), sees the receipt and looks up
// its status; the organizer opens the objection, rules it upheld (removed), and the public status
// shows the ruling.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { decodeMail, startSmtpServer } from '../../server/test/support/smtp.ts';
import { appErrors, browserUnavailable, seeTestId, watchErrors } from './support/browser.ts';
import { sampleFiles, type SampleFiles } from './support/files.ts';
import { signedIn } from './support/http-client.ts';
import { DEMO_ORGANIZER, DEMO_PASSWORD, logIn, newChinesePage, withScreenshot } from './support/journey.ts';
import { liveServer } from './support/live-app.ts';
import { cnblueThroughReview, DEMO_COMMITTEE } from './support/outcome-journey.ts';
import type { RunningServer } from './support/server.ts';

const skip = browserUnavailable();
const SLUG = 'cnblue-2022-demo';
const RULING = '经核实，该项目减排数据引用的检测报告已过有效期，异议成立。';

let server: RunningServer;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let files: SampleFiles;

async function choose(p: Page, select: ReturnType<Page['locator']>, text: string) {
  await select.click();
  const dropdown = p.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
  await dropdown.waitFor({ state: 'visible' });
  await dropdown.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
}

describe('公示 and objections in Chromium', { skip: skip ?? false, timeout: 600_000 }, () => {
  before(async () => {
    smtp = await startSmtpServer();
    files = sampleFiles();
  });
  const live = liveServer(() => ({ SMTP_URL: smtp.url }));
  before(() => ({ server, browser } = live));
  after(async () => {
    files?.remove();
    await smtp?.close();
  });

  test('the organizer opens the 公示, the public objects and gets a receipt, the organizer rules on it', async () => {
    const seeded = await cnblueThroughReview(server.baseUrl, smtp.mails);
    const api = seeded.organizer;
    for (const tr of seeded.ranking.tracks) await api.ok(api.post(`/api/programs/${seeded.programId}/decisions/tracks/${tr.trackId}/propose`, {}));
    await api.ok(api.post(`/api/programs/${seeded.programId}/decisions/submit`));
    const committee = await signedIn(server.baseUrl, DEMO_COMMITTEE, DEMO_PASSWORD);
    await committee.ok(committee.post(`/api/committee/programs/${seeded.programId}/approve`, {}));
    const target = seeded.apps.find((a) => a.number === seeded.ranking.tracks[0].items[0].number)!;

    const organizer = await newChinesePage(browser);
    const errors = watchErrors(organizer);
    await withScreenshot(() => organizer, 'publicity-open', async () => {
      await logIn(organizer, server.baseUrl, DEMO_ORGANIZER, DEMO_PASSWORD);
      await organizer.goto(`${server.baseUrl}/organizer/programs/${seeded.programId}?tab=publicity`);
      await seeTestId(organizer, 'publicity-tab', 20_000);
      assert.match(await organizer.getByTestId('open-results-end').innerText(), /5 个工作日，截止 \d{4}-\d{2}-\d{2} 24:00/);
      await organizer.getByTestId('open-results').click();
      await organizer.getByTestId('open-results-confirm').click();
      await seeTestId(organizer, 'admin-publicity-results', 15_000);
      assert.match(await organizer.getByTestId('outcome-status').innerText(), /公示中/);
    });

    // The public, not signed in, on a phone.
    const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
    const pub = await ctx.newPage();
    const pubErrors = watchErrors(pub);
    let receipt = '';
    await withScreenshot(() => pub, 'publicity-public', async () => {
      await pub.goto(`${server.baseUrl}/programs/${SLUG}`);
      await seeTestId(pub, 'publicity-link', 20_000);
      await pub.getByTestId('publicity-link').locator('a').click();
      await seeTestId(pub, 'publicity-page');
      assert.match(await pub.getByTestId('publicity-ends-at').innerText(), /异议截止：\d{4}-\d{2}-\d{2} 24:00（北京时间）/);
      assert.ok((await pub.getByTestId('publicity-items').innerText()).includes(target.number));
      const form = pub.getByTestId('objection-form');
      await pub.getByTestId('obj-name').fill('李四');
      await pub.getByTestId('obj-organization').fill('北京某某节能技术有限公司');
      await pub.getByTestId('obj-email').fill('public.objector@example.com');
      await pub.getByTestId('obj-reasons').fill('该项目申报的减排数据所依据的检测报告已超过有效期，详见附件。');
      await choose(pub, pub.getByTestId('obj-application'), target.number);
      // Missing phone: named under its field, nothing sent.
      await pub.getByTestId('obj-submit').click();
      await form.locator('.ant-form-item-explain-error').first().waitFor();
      assert.match(await form.locator('.ant-form-item-explain-error').first().innerText(), /必填|电话/);
      await pub.getByTestId('obj-phone').fill('0371-65509953');
      await form.locator('input[type=file]').setInputFiles(files.pdf('检测报告.pdf'));
      await seeTestId(pub, 'obj-file', 15_000);
      await pub.getByTestId('obj-submit').click();
      await seeTestId(pub, 'objection-receipt', 15_000);
      receipt = (await pub.getByTestId('receipt-no').innerText()).trim();
      assert.match(receipt, /^GS-\d{8}-[A-Z2-7]{8}$/);
      await pub.getByTestId('receipt-status-link').click();
      await seeTestId(pub, 'status-result', 15_000);
      assert.equal(await pub.getByTestId('status-value').getAttribute('data-status'), 'received');
      const width = await pub.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 400, `no horizontal scroll on a phone (${width}px)`);
    });

    await withScreenshot(() => organizer, 'publicity-rule', async () => {
      await organizer.reload();
      await seeTestId(organizer, 'objections-table', 15_000);
      await organizer.getByTestId(`objection-view-${receipt}`).click();
      await seeTestId(organizer, 'objection-drawer');
      assert.ok((await organizer.getByTestId('objection-drawer').innerText()).includes('李四'));
      await seeTestId(organizer, 'objection-file');
      await organizer.getByTestId('action-rule').click();
      await choose(organizer, organizer.getByTestId('rule-ruling'), '异议成立');
      await organizer.getByTestId('action-body').fill(RULING);
      await organizer.getByTestId('action-submit').click();
      await organizer.locator('[data-testid="drawer-status"][data-status="ruled"]').waitFor({ timeout: 15_000 });
      assert.match(await organizer.getByTestId('drawer-ruling').innerText(), /异议成立 · 取消入选资格/);
    });

    await pub.goto(`${server.baseUrl}/objections/status?receipt=${receipt}`);
    await seeTestId(pub, 'status-ruling', 15_000);
    assert.equal(await pub.getByTestId('status-ruling').innerText(), '异议成立');
    assert.ok((await pub.getByTestId('status-result').innerText()).includes(RULING));
    assert.ok(!(await pub.getByTestId('status-result').innerText()).includes('李四'));
    await pub.goto(`${server.baseUrl}/programs/${SLUG}/publicity`);
    await seeTestId(pub, 'publicity-items');
    assert.ok(!(await pub.getByTestId('publicity-items').innerText()).includes(target.number), 'the removed project is off the public list');
    const mail = smtp.mails.find((m) => m.to.includes('public.objector@example.com') && decodeMail(m.raw).subject.includes(receipt));
    assert.ok(mail, 'the objector was emailed');
    assert.deepEqual(appErrors(errors), []);
    assert.deepEqual(appErrors(pubErrors), []);
    await ctx.close();
  });
});
