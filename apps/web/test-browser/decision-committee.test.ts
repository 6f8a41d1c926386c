// 获奖决定 and 委员会审定 in a real Chromium against the real server: 创蓝 (demo edition) carried
// through its three review rounds by the product API (support/outcome-journey.ts); then in the
// browser the organizer proposes the tiers from the ranking (创蓝碳中和先锋: one catch-all tier),
// takes one application off the list — refused without a reason, saved with one — and submits
// the list to 评选顾问委员会; the demo committee member finds it awaiting, reads it with the
// organizer's reason, and approves; the organizer sees the outcome approved and the decided
// applications are candidates.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startSmtpServer } from '../../server/test/support/smtp.ts';
import { appErrors, browserUnavailable, seeTestId, watchErrors } from './support/browser.ts';
import { DEMO_ORGANIZER, DEMO_PASSWORD, logIn, newChinesePage, withScreenshot } from './support/journey.ts';
import { liveServer } from './support/live-app.ts';
import { cnblueThroughReview, DEMO_COMMITTEE, type ReviewedProgram } from './support/outcome-journey.ts';
import type { RunningServer } from './support/server.ts';

const skip = browserUnavailable();
const REASON = '经核查该项目减排量核查报告存在问题，暂不列入名单';

let server: RunningServer;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

/** Chooses an option of an antd Select by its text. */
async function choose(p: Page, select: ReturnType<Page['locator']>, text: string) {
  await select.click();
  const dropdown = p.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
  await dropdown.waitFor({ state: 'visible' });
  await dropdown.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
}

async function waitAttr(p: Page, selector: string, name: string, value: string, timeout = 15_000) {
  await p.waitForFunction(([s, n, v]) => document.querySelector(s)?.getAttribute(n) === v, [selector, name, value] as const, { timeout });
}

describe('获奖决定 and 委员会审定 in Chromium', { skip: skip ?? false, timeout: 600_000 }, () => {
  before(async () => {
    smtp = await startSmtpServer();
  });
  const live = liveServer(() => ({ SMTP_URL: smtp.url }));
  before(() => ({ server, browser } = live));
  after(async () => {
    await smtp?.close();
  });

  test('the organizer proposes, changes one with a reason and submits; the committee member approves', async () => {
    const seeded: ReviewedProgram = await cnblueThroughReview(server.baseUrl, smtp.mails);
    const last = seeded.ranking.tracks[0].items;
    assert.ok(last.length >= 2, 'at least two applications reach the last round');
    const removed = last[last.length - 1].number;

    const organizer = await newChinesePage(browser);
    const errors = watchErrors(organizer);
    await withScreenshot(() => organizer, 'decision-organizer', async () => {
      await logIn(organizer, server.baseUrl, DEMO_ORGANIZER, DEMO_PASSWORD);
      await organizer.goto(`${server.baseUrl}/organizer/programs/${seeded.programId}?tab=decisions`);
      await seeTestId(organizer, 'decision-tab', 20_000);
      assert.equal(await organizer.getByTestId('decision-status').getAttribute('data-status'), 'deciding');
      await seeTestId(organizer, 'decision-blockers');
      await organizer.getByTestId('decision-propose').click();
      await organizer.locator('[data-testid="decision-row"][data-tier="pioneer"]').first().waitFor({ timeout: 15_000 });
      const tiers = await organizer.locator('[data-testid="decision-row"]').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-number'), r.getAttribute('data-tier')]));
      assert.deepEqual(tiers, last.map((i) => [i.number, 'pioneer']), 'the catch-all tier takes every ranked application');

      // Taken off the list: refused without a reason, saved with one.
      const row = organizer.locator(`[data-testid="decision-row"][data-number="${removed}"]`);
      await choose(organizer, row.getByTestId('decision-tier-select'), '未获奖');
      await row.getByTestId('decision-save').click();
      await seeTestId(organizer, 'decision-reason-error');
      assert.match(await row.getByTestId('decision-reason-error').innerText(), /理由/);
      await row.getByTestId('decision-reason').fill(REASON);
      await row.getByTestId('decision-save').click();
      await waitAttr(organizer, `[data-testid="decision-row"][data-number="${removed}"]`, 'data-tier', '');

      await organizer.getByTestId('decision-submit').click();
      await waitAttr(organizer, '[data-testid="decision-status"]', 'data-status', 'with_committee');
    });

    const member = await newChinesePage(browser);
    const memberErrors = watchErrors(member);
    await withScreenshot(() => member, 'decision-committee', async () => {
      await logIn(member, server.baseUrl, DEMO_COMMITTEE, DEMO_PASSWORD);
      await member.goto(`${server.baseUrl}/committee`);
      const entry = member.locator(`[data-testid="committee-program"][data-program="${seeded.programId}"]`);
      await entry.waitFor({ timeout: 15_000 });
      assert.equal(await entry.getAttribute('data-awaiting'), 'true');
      await entry.getByTestId('committee-open').click();
      await seeTestId(member, 'committee-list');
      const row = member.locator(`[data-testid="committee-row"][data-number="${removed}"]`);
      await row.waitFor();
      assert.equal(await row.getAttribute('data-tier'), '');
      assert.match(await row.innerText(), new RegExp(REASON));
      await member.getByTestId('committee-approve').click();
      await member.getByTestId('committee-approve-ok').click();
      await waitAttr(member, '[data-testid="committee-list"]', 'data-status', 'approved');
      await seeTestId(member, 'committee-closed');
    });

    await organizer.reload();
    await waitAttr(organizer, '[data-testid="decision-status"]', 'data-status', 'approved');
    const approvals = await organizer.getByTestId('committee-review').evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')));
    assert.deepEqual(approvals, ['approve']);
    const statuses = await Promise.all(seeded.apps.filter((a) => last.some((i) => i.applicationId === a.id)).map(async (a) => [a.number, (await seeded.organizer.ok(seeded.organizer.get(`/api/applications/${a.id}`))).status]));
    assert.deepEqual(statuses.sort(), last.map((i) => [i.number, i.number === removed ? 'advanced' : 'candidate']).sort());
    assert.deepEqual(appErrors(errors), []);
    assert.deepEqual(appErrors(memberErrors), []);
  });
});
