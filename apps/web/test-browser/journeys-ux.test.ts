// The journeys as new users feel them (issue 14), in Chromium at 1366×800 and on a 390×844 phone:
// a visitor's 在线申报 says why it needs a sign-in and comes back to that track with the draft
// prefilled from the organization; each role lands in its workspace; program cards say 征集中
// only while the call is open and mark demo editions in both languages; a resubmission reads
// 已重新提交 with its own timeline step, the applicant sees the checklist items found wanting, and
// the page brings the new status into view; a recommending unit's minimum is a progress line, and
// endorsing asks for what the call requires, inside the phone's window, with a success message.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { appErrors, browserUnavailable, seeTestId, seeText, watchErrors } from './support/browser.ts';
import { pdfBytes } from './support/files.ts';
import { registered, signedIn } from './support/http-client.ts';
import { DEMO_PASSWORD, makeCreditCode, registerOrganizationInDialog, createDraft, submitLogIn, withScreenshot, type Org } from './support/journey.ts';
import { liveServer } from './support/live-app.ts';
import { programBySlug, submitCnblue, submitXiandaoGreen } from './support/seed-applications.ts';

const skip = browserUnavailable();
const DESKTOP = { width: 1366, height: 800 };
const PHONE = { width: 390, height: 844 };

async function newPage(browser: Browser, viewport = DESKTOP, locale = 'zh-CN'): Promise<Page> {
  const ctx = await browser.newContext({ locale, viewport, acceptDownloads: true });
  const page = await ctx.newPage();
  page.on('dialog', (d) => void (d.type() === 'beforeunload' ? d.accept() : d.dismiss()));
  return page;
}

/** Whether the element is wholly inside the window (what "placed inside the window" means). */
async function insideWindow(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight;
  });
}

describe('journeys as users feel them, in Chromium', { skip: skip ?? false, timeout: 480_000 }, () => {
  const live = liveServer();

  test('在线申报 signed out says why, sign-up comes back to the track, the draft starts with the organization', async () => {
    const page = await newPage(live.browser);
    const errors = watchErrors(page);
    await withScreenshot(() => page, 'journeys-apply', async () => {
      const base = live.server.baseUrl;
      await page.goto(`${base}/programs/henan-green-2025-demo`);
      await page.getByTestId('apply-jieneng').click();
      await seeTestId(page, 'sign-in-reason');
      assert.match((await page.getByTestId('sign-in-reason').textContent()) ?? '', /在线申报“节能降碳技术创新成果”需要先登录/);
      // A new person signs up from there: the reason stays, and so does the way back.
      await page.getByRole('link', { name: '立即注册' }).click();
      await seeTestId(page, 'sign-in-reason');
      await page.getByTestId('register-name').fill('王预填');
      await page.getByTestId('register-email').fill(`prefill-${Date.now()}@example.com`);
      await page.getByTestId('register-password').fill('prefill journey 2026');
      await page.getByTestId('register-submit').click();
      await seeText(page, '在线申报：节能降碳技术创新成果');
      assert.equal(new URL(page.url()).pathname, '/programs/henan-green-2025-demo');

      const org: Org = {
        name: '河南预填节能科技有限公司', creditCode: makeCreditCode('410105'), region: ['河南省', '郑州市', '金水区'],
        address: '河南省郑州市金水区花园路8号', contactName: '王预填', contactPhone: '13838001234', contactEmail: 'office@example.cn',
      };
      await registerOrganizationInDialog(page, org);
      await createDraft(page);
      const value = (path: string) => page.getByTestId(`field-${path}`).first().inputValue();
      assert.equal(await value('cover.applicantName'), org.name);
      assert.equal(await value('cover.contactName'), org.contactName);
      assert.equal(await value('cover.contactPhone'), org.contactPhone);
      assert.equal(await value('basic.name'), org.name);
      assert.equal(await value('basic.address'), org.address);
      assert.match((await page.getByTestId('field-basic.region').first().textContent()) ?? '', /金水区/);
      // Still the applicant's to change.
      await page.getByTestId('field-basic.address').first().fill('河南省郑州市金水区花园路9号');
      assert.equal(await value('basic.address'), '河南省郑州市金水区花园路9号');
    });
    assert.deepEqual(appErrors(errors), []);
    await page.context().close();
  });

  test('each role lands in its workspace after signing in', async () => {
    const page = await newPage(live.browser);
    const cases: [string, RegExp, string][] = [
      ['applicant@demo.lvping.local', /\/my\/applications$/, 'my-applications'],
      ['organizer@demo.lvping.local', /\/organizer$/, 'organizer-home'],
      ['recommender@demo.lvping.local', /\/recommender$/, 'recommender-home'],
      ['expert@demo.lvping.local', /\/expert(\/assignments)?$/, 'nav-expert'],
    ];
    for (const [email, path, landmark] of cases) {
      await submitLogIn(page, live.server.baseUrl, email, DEMO_PASSWORD);
      await page.waitForURL(path);
      await seeTestId(page, landmark, 20_000);
      await page.context().clearCookies();
    }
    await page.context().close();
  });

  test('cards say 征集中 only while the call is open; demo editions are marked in both languages', async () => {
    const page = await newPage(live.browser);
    const errors = watchErrors(page);
    await page.goto(live.server.baseUrl);
    const card = (slug: string) => page.getByTestId(`program-link-${slug}`);
    await card('henan-green-2025-demo').waitFor();
    assert.equal(await card('henan-green-2025-demo').getByTestId('program-status').getAttribute('data-status'), 'open');
    assert.equal((await card('henan-green-2025-demo').getByTestId('program-demo').textContent())?.trim(), '演示');
    // The 2025 call closed in June 2025: the stored status is still 'open', the card must not say so.
    assert.equal(await card('henan-green-2025').getByTestId('program-status').getAttribute('data-status'), 'reviewing');
    assert.equal(await card('henan-green-2025').getByTestId('program-demo').count(), 0);
    await page.goto(`${live.server.baseUrl}/programs/henan-green-2025`);
    assert.equal(await page.getByTestId('program-status').getAttribute('data-status'), 'reviewing');
    assert.equal(await page.getByTestId('apply-jieneng').isDisabled(), true, 'no 在线申报 after the call');

    await page.goto(live.server.baseUrl);
    await page.getByTestId('lang-switch').click();
    await seeText(page, 'Demo');
    const demo = card('henan-green-2025-demo');
    assert.equal((await demo.getByTestId('program-demo').textContent())?.trim(), 'Demo');
    assert.match((await demo.textContent()) ?? '', /\(Demo\)/);
    await page.evaluate(() => localStorage.removeItem('lvping.lang'));
    assert.deepEqual(appErrors(errors), []);
    await page.context().close();
  });

  test('a resubmission reads 已重新提交, is the applicant\'s own step, and shows the checklist items found wanting', async () => {
    const base = live.server.baseUrl;
    const who = { email: 'resubmit-ux@example.com', password: 'resubmit journey 2026', name: '重新提交人' };
    const applicant = await registered(base, who.email, who.password, who.name);
    const program = await programBySlug(applicant, 'cnblue-2022-demo');
    const app = await submitCnblue(applicant, program.id, 'xinnengyuan', '北京重新提交科技有限公司', who.email);
    const institution = await signedIn(base, 'institution@demo.lvping.local', DEMO_PASSWORD);
    await institution.ok(institution.put(`/api/applications/${app.id}/screening/checklist/tiaojian4`, { checked: false, note: '简介未说明融资与营收' }));
    const { revision } = await institution.ok(institution.get(`/api/applications/${app.id}`));
    await institution.ok(institution.post(`/api/applications/${app.id}/screening/decision`, { outcome: 'return', baseRevision: revision, comments: '请在企业简介中补充融资情况与营业收入。' }));

    const page = await newPage(live.browser);
    const errors = watchErrors(page);
    await withScreenshot(() => page, 'journeys-resubmit', async () => {
      await submitLogIn(page, base, who.email, who.password);
      await seeTestId(page, 'my-applications');
      await page.goto(`${base}/applications/${app.id}`);
      await seeTestId(page, 'application-editor', 20_000);
      await seeText(page, '请在企业简介中补充融资情况与营业收入。');
      const check = page.locator('[data-testid="feedback-failed-check"][data-item="tiaojian4"]');
      await check.waitFor();
      assert.match((await check.textContent()) ?? '', /简介未说明融资与营收/);

      await page.getByTestId('field-basic.intro').fill('公司专注于液流电池长时储能，已完成A轮融资8000万元，2021年营业收入5000万元。');
      await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
      await page.getByTestId('submit-application').click();
      await page.getByTestId('submit-confirm').click();
      const status = page.locator('[data-testid="application-status"][data-resubmitted="true"]');
      await status.waitFor();
      assert.equal((await status.textContent())?.trim(), '已重新提交');
      assert.equal(await status.getAttribute('data-status'), 'submitted', 'back in screening');
      // The page brings the new status into view (the submit button was far below it).
      await page.waitForFunction(() => {
        const el = document.querySelector('[data-testid="application-status"]');
        const r = el?.getBoundingClientRect();
        return !!r && r.top >= 0 && r.bottom <= window.innerHeight;
      });
      const step = page.locator('[data-testid="timeline-step"][data-kind="resubmitted"]');
      await step.waitFor();
      assert.equal((await step.textContent())?.trim(), '重新提交');
      assert.equal(await page.locator('[data-testid="timeline-step"][data-status="endorsed"]').count(), 0, 'never 已推荐 by the applicant');
    });
    assert.deepEqual(appErrors(errors), []);
    await page.context().close();
  });

  test('on a phone: the minimum is a progress line; endorsing asks for what is required, inside the window, and says it worked', async () => {
    const base = live.server.baseUrl;
    const dir = mkdtempSync(join(tmpdir(), 'lvping-journeys-'));
    const stamped = join(dir, '推荐意见（盖章）.pdf');
    writeFileSync(stamped, pdfBytes('stamped recommendation'));
    const applicant = await registered(base, 'endorse-ux@example.com', 'endorse journey 2026', '推荐申报人');
    const henan = await programBySlug(applicant, 'henan-green-2025-demo');
    const henanUnits = (await applicant.ok(applicant.get(`/api/programs/${henan.id}/recommending-units/choices`))).units as { id: string; name: string }[];
    const zhengzhou = henanUnits.find((u) => u.name === '郑州市')!;
    const kczg = await programBySlug(applicant, 'kczg-2022-demo');
    const kczgUnit = ((await applicant.ok(applicant.get(`/api/programs/${kczg.id}/recommending-units/choices`))).units as { id: string; name: string }[]).find((u) => u.name === '演示推荐单位')!;
    const candidate = await submitXiandaoGreen(applicant, kczg.id, kczgUnit.id, '推荐体验科技有限公司', 'endorse-ux@example.com');

    const page = await newPage(live.browser, PHONE);
    const errors = watchErrors(page);
    await withScreenshot(() => page, 'journeys-endorse', async () => {
      await submitLogIn(page, base, 'recommender@demo.lvping.local', DEMO_PASSWORD);
      await page.waitForURL(/\/recommender$/);
      await page.goto(`${base}/recommender/units/${zhengzhou.id}`);
      const min = page.locator('[data-testid="quota-jieneng"] [data-testid="quota-min"]');
      await min.waitFor();
      assert.equal(await min.getAttribute('data-met'), 'false');
      assert.match((await min.textContent()) ?? '', /最少推荐 3 个：已推荐 0 个/);
      assert.equal(await page.locator('.ant-alert-warning').count(), 0, 'a minimum is no warning');

      await page.goto(`${base}/recommender/candidates/${candidate.id}`);
      await seeTestId(page, 'decision-panel', 20_000);
      assert.equal(await page.getByTestId('quota-min').count(), 0, 'nothing about the minimum on a candidate');
      await page.getByTestId('endorse').click();
      await page.getByTestId('endorse-confirm').waitFor();
      assert.ok(await insideWindow(page, '.ant-popover:not(.ant-popover-hidden) .ant-popover-container, .ant-popover:not(.ant-popover-hidden) .ant-popover-inner'), 'the confirmation fits the phone');
      await page.getByTestId('endorse-confirm').click();
      await seeText(page, '请填写推荐意见');
      await seeText(page, '请先上传加盖推荐单位公章的推荐意见页');

      await page.getByTestId('endorse-opinion').fill('该技术在绿色低碳领域具有推广价值，同意推荐。');
      await page.setInputFiles('[data-testid="stamped"] input[type=file]', stamped);
      await seeTestId(page, 'stamped-file', 30_000);
      await page.getByTestId('endorse').click();
      await page.getByTestId('endorse-confirm').click();
      await seeText(page, `已推荐 ${candidate.number}`, 60_000);
      await page.locator('[data-testid="decision-result"][data-status="endorsed"]').waitFor({ timeout: 60_000 });
    });
    rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(appErrors(errors), []);
    await page.context().close();
  });
});

if (skip) test(`browser tests skipped: ${skip}`, (t) => t.skip(skip));
