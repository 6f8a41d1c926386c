// 初筛 in a real Chromium against the real server: a screener (the demo review institution) ticks
// the checklist and returns an application with comments; the applicant hears of it through the
// bell, fixes the application and resubmits it; the screener sees the two versions compared and
// passes it. The application itself is submitted through the API: its filling is not the point.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { appErrors, browserUnavailable, seeTestId, seeText, watchErrors } from './support/browser.ts';
import { registered, signedIn } from './support/http-client.ts';
import { logIn, newChinesePage, withScreenshot } from './support/journey.ts';
import { programBySlug, submitCnblue } from './support/seed-applications.ts';
import { liveServer } from './support/live-app.ts';
import type { RunningServer } from './support/server.ts';

const skip = browserUnavailable();
const PROGRAM = 'cnblue-2022-demo';
const TRACK = 'xinnengyuan';
const APPLICANT = { email: 'storage@example.com', password: 'long duration storage 2026', name: '储能申报人' };
const COMMENTS = '请在企业简介中补充融资情况与2021年营业收入，以便核对成长潜力。';
const NEW_INTRO = '公司专注于液流电池长时储能系统的研发与制造，已完成A轮融资8000万元，2021年营业收入5000万元。';

let server: RunningServer;
let browser: Browser;
let pages: Page[] = [];

describe('初筛: return for revision, resubmission, pass in Chromium', { skip: skip ?? false, timeout: 240_000 }, () => {
  const live = liveServer();
  before(() => ({ server, browser } = live));

  test('a screener returns an application, the applicant fixes and resubmits it, the screener passes it', async () => {
    const applicant = await registered(server.baseUrl, APPLICANT.email, APPLICANT.password, APPLICANT.name);
    const program = await programBySlug(applicant, PROGRAM);
    const app = await submitCnblue(applicant, program.id, TRACK, '北京长时储能科技有限公司', APPLICANT.email);

    const screener = await newChinesePage(browser);
    const applicantPage = await newChinesePage(browser);
    pages = [screener, applicantPage];
    const errors = [...watchErrors(screener)];
    const applicantErrors = watchErrors(applicantPage);
    let current: Page = screener;

    await withScreenshot(() => current, 'screening-return', async () => {
      // The review institution finds it in the track's queue, waiting.
      await logIn(screener, server.baseUrl, 'institution@demo.lvping.local');
      await screener.getByTestId('nav-review').click();
      await screener.getByTestId(`review-open-${PROGRAM}`).click();
      await seeTestId(screener, 'queue-table');
      await screener.locator(`[data-testid="queue-open-${app.number}"]`).click();
      await seeTestId(screener, 'screening-page');
      assert.equal(await screener.getByTestId('screening-page').getAttribute('data-status'), 'submitted');
      assert.equal(await screener.locator('[data-testid="screening-rule"]').first().getAttribute('data-status'), 'pass');

      // Checklist marks are saved as the screener goes: reload and they are still there.
      await screener.getByTestId('check-tiaojian1-yes').click();
      await screener.locator('[data-testid="checklist-item"][data-item="tiaojian1"][data-checked="true"]').waitFor();
      await screener.getByTestId('check-note-tiaojian4').fill('简介未说明融资与营收');
      await screener.getByTestId('check-tiaojian4-no').click();
      await screener.locator('[data-testid="checklist-item"][data-item="tiaojian4"][data-checked="false"]').waitFor();
      await screener.reload();
      await screener.locator('[data-testid="checklist-item"][data-item="tiaojian4"][data-checked="false"]').waitFor();
      assert.equal(await screener.getByTestId('check-note-tiaojian4').inputValue(), '简介未说明融资与营收');

      // 退回修改: comments of fewer than 5 characters are refused on the field, then it goes back.
      await screener.getByTestId('decide-return').click();
      await screener.getByTestId('decision-comments').fill('补充');
      await screener.getByTestId('decision-confirm').click();
      await seeText(screener, '至少需要 5 个字符');
      await screener.getByTestId('decision-comments').fill(COMMENTS);
      await screener.getByTestId('decision-confirm').click();
      await screener.locator('[data-testid="screening-current"] [data-testid="screening-outcome"][data-outcome="return"]').waitFor();
      assert.equal(await screener.getByTestId('screening-status').getAttribute('data-status'), 'returned');

      // The applicant: the bell counts it; the drawer opens it and marks it read.
      current = applicantPage;
      await logIn(applicantPage, server.baseUrl, APPLICANT.email, APPLICANT.password);
      await applicantPage.locator('[data-testid="notification-count"][data-count="1"]').waitFor();
      await applicantPage.getByTestId('notification-bell').click();
      const note = applicantPage.locator('[data-testid="notification-item"][data-kind="screening.returned"]');
      await note.waitFor();
      assert.equal(await note.getAttribute('data-read'), 'false');
      await note.getByTestId('notification-open').click();
      await applicantPage.waitForURL(`${server.baseUrl}/applications/${app.id}`);
      await applicantPage.locator('[data-testid="notification-count"][data-count="0"]').waitFor();
      await seeTestId(applicantPage, 'application-editor');
      await seeText(applicantPage, COMMENTS);

      // Fix the introduction; autosave; resubmit.
      await applicantPage.getByTestId('field-basic.intro').fill(NEW_INTRO);
      await applicantPage.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
      await applicantPage.getByTestId('submit-application').click();
      await applicantPage.getByTestId('submit-confirm').click();
      await applicantPage.locator('[data-testid="application-status"][data-status="submitted"]').waitFor();

      // The screener: version 2 of 2, the change compared old → new, and 通过.
      current = screener;
      await screener.reload();
      await screener.locator('[data-testid="screening-page"][data-status="submitted"]').waitFor();
      assert.equal((await screener.getByTestId('screening-version').textContent())?.trim(), '第 2 版（共 2 版）');
      const change = screener.locator('[data-testid="compare-table"] tr[data-path="basic.intro"]');
      await change.waitFor();
      assert.match((await change.getByTestId('diff-before').textContent()) ?? '', /核心团队来自高校/);
      assert.equal((await change.getByTestId('diff-after').textContent())?.trim(), NEW_INTRO);
      await screener.locator('[data-testid="history-record"]').first().waitFor();
      await screener.getByTestId('decide-pass').click();
      await screener.getByTestId('decision-confirm').click();
      await screener.locator('[data-testid="screening-current"] [data-testid="screening-outcome"][data-outcome="pass"]').waitFor();
      assert.equal(await screener.getByTestId('screening-status').getAttribute('data-status'), 'eligible');
      await screener.evaluate(() => window.scrollTo(0, 0));
      await screener.screenshot({ path: '/tmp/lvping-screening-return.png' });

      // The queue agrees, and the applicant's application now reads 初筛通过.
      await screener.getByTestId('back-to-queue').click();
      await screener.getByTestId('queue-state-eligible').click();
      await screener.locator(`[data-testid="queue-open-${app.number}"]`).waitFor();
      current = applicantPage;
      await applicantPage.reload();
      await applicantPage.locator('[data-testid="application-status"][data-status="eligible"]').waitFor();
      await applicantPage.locator('[data-testid="notification-count"][data-count="1"]').waitFor();
    });
    const mine = await signedIn(server.baseUrl, APPLICANT.email, APPLICANT.password);
    const versions = await mine.ok(mine.get(`/api/applications/${app.id}/versions`));
    assert.deepEqual(versions.items.map((v: { versionNo: number; outcome: string }) => [v.versionNo, v.outcome]), [[1, 'return'], [2, 'pass']]);
    // A refused request (the too-short comments are caught before sending; a 4xx would be logged) is not an app error.
    assert.deepEqual(appErrors(errors), []);
    assert.deepEqual(appErrors(applicantErrors), []);
    for (const p of pages) await p.context().close();
  });
});

if (skip) test(`browser tests skipped: ${skip}`, (t) => t.skip(skip));
