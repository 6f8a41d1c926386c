// 评审分配 in a real Chromium against the real server. Three applications to 创蓝 (demo edition)
// are submitted and passed screening through the API; the demo experts are accepted on every demo
// edition. The organizer runs the assignment, reads the quality report (the percentage of the
// upper bound, the certificate), swaps a reviewer by hand in the table and publishes. The demo
// expert signs in, opens 我的评审 and declares a conflict with one application; the organizer then
// sees that reviewer declined and the slot refilled by another expert.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Locator, Page } from 'playwright-core';
import { appErrors, browserUnavailable, seeTestId, watchErrors } from './support/browser.ts';
import { chooseTypedOption } from './support/form-fill.ts';
import { signedIn } from './support/http-client.ts';
import { DEMO_EXPERT, DEMO_ORGANIZER, DEMO_PASSWORD, logIn, newChinesePage, withScreenshot } from './support/journey.ts';
import { liveServer } from './support/live-app.ts';
import { programBySlug, screenedCnblue } from './support/seed-applications.ts';
import type { RunningServer } from './support/server.ts';

const skip = browserUnavailable();
const EXPERT_NAME = '演示评审专家';
const PROGRAM = 'cnblue-2022-demo';
const TRACK = 'xinnengyuan';
const APPLICANT = { email: 'assign.applicant@example.com', password: 'review assignment 2026', name: '分配测试申报人' };
// The second applicant is the employer of the demo expert 赵风: 同一单位, a 回避 the server enforces.
const ORGS = ['北京液流储能科技有限公司', '金风科技股份有限公司', '北京氢能动力科技有限公司'];
const SAME_ORG_EXPERT = '赵风';
const REASON = '本人曾担任该单位技术顾问，存在利害关系';

type Item = { id: string; applicationId: string; applicationNumber: string; expertId: string; expertName: string; status: string; source: string };

let server: RunningServer;
let browser: Browser;

const row = (page: Page, number: string): Locator => page.locator(`[data-testid="assignment-row"][data-number="${number}"]`);

describe('评审分配: solve, quality report, hand swap, publish, declared conflict refilled, in Chromium', { skip: skip ?? false, timeout: 240_000 }, () => {
  const live = liveServer();
  before(() => ({ server, browser } = live));

  test('the organizer assigns and swaps; the expert declares a conflict; the slot is refilled', async () => {
    const api = await signedIn(server.baseUrl, DEMO_ORGANIZER, DEMO_PASSWORD);
    const program = await programBySlug(api, PROGRAM);
    // Submitted and passed screening: the applications the assignment is for.
    const apps = await screenedCnblue(server.baseUrl, api, program.id, TRACK, APPLICANT, ORGS);
    const base = `/api/programs/${program.id}/assignment`;

    const organizer = await newChinesePage(browser);
    const expert = await newChinesePage(browser);
    const errors = watchErrors(organizer);
    const expertErrors = watchErrors(expert);
    let current: Page = organizer;
    let declinedNumber = '';

    await withScreenshot(() => current, 'assignment', async () => {
      // The assignment tab: nothing assigned yet; run it with some load balancing.
      await logIn(organizer, server.baseUrl, DEMO_ORGANIZER);
      await organizer.goto(`${server.baseUrl}/organizer/programs/${program.id}?tab=assignment`);
      await seeTestId(organizer, 'assignment-tab');
      assert.match((await organizer.getByTestId('assignment-summary').textContent()) ?? '', /待评审项目 3 个/);
      await organizer.getByTestId('solve-require-strong').waitFor();
      // The solve is a job: its progress bar shows while it runs (recorded, as it may be brief).
      await organizer.evaluate(() => {
        const w = window as unknown as { solveStates: string[] };
        w.solveStates = [];
        new MutationObserver(() => {
          const s = document.querySelector('[data-testid="solve-job"] [data-testid="job-progress"]')?.getAttribute('data-status');
          if (s && w.solveStates[w.solveStates.length - 1] !== s) w.solveStates.push(s);
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      await organizer.getByTestId('solve-run').click();
      await seeTestId(organizer, 'assignment-quality', 60_000);
      const states = await organizer.evaluate(() => (window as unknown as { solveStates: string[] }).solveStates);
      assert.equal(states[states.length - 1], 'succeeded', states.join(','));

      // The report: the share of the upper bound as a percentage, certified optimal, nobody short.
      const percent = (await organizer.getByTestId('quality-percent').textContent()) ?? '';
      assert.match(percent, /\d+(\.\d)?%/, percent);
      assert.equal(await organizer.getByTestId('certificate').getAttribute('data-optimal'), 'true');
      assert.match((await organizer.getByTestId('certificate').textContent()) ?? '', /已证明最优/);
      assert.equal(await organizer.getByTestId('quality-short').getAttribute('data-count'), '0');
      await seeTestId(organizer, 'assignment-load-chart');
      for (const a of apps) assert.equal(await row(organizer, a.number).locator('[data-testid="reviewer"]').count(), 3);

      // A swap by hand, chosen so the demo expert reviews at least one application afterwards.
      const solved: Item[] = (await api.ok(api.get(base))).items;
      const demoExpertId = (await api.ok(api.get(`/api/programs/${program.id}/experts`))).items.find((x: { expert: { name: string } }) => x.expert.name === EXPERT_NAME).expertId;
      const without = apps.find((a) => !solved.some((i) => i.applicationId === a.id && i.expertId === demoExpertId));
      const target = without ?? apps[0];
      const onTarget = solved.filter((i) => i.applicationId === target.id && i.expertId !== demoExpertId);
      const replaced = onTarget[0];
      const taken = new Set(solved.filter((i) => i.applicationId === target.id).map((i) => i.expertName));
      const newName = without ? EXPERT_NAME : (await api.ok(api.get(`/api/programs/${program.id}/experts`))).items.map((x: { expert: { name: string } }) => x.expert.name).find((n: string) => !taken.has(n));
      await row(organizer, target.number).locator(`[data-testid="reviewer"][data-expert="${replaced.expertId}"] [data-testid="reviewer-swap"]`).click();
      await seeTestId(organizer, 'pick-expert');
      await organizer.getByTestId('pick-expert').click();
      await chooseTypedOption(organizer, newName);
      await organizer.getByTestId('pick-confirm').click();
      await organizer.getByTestId('pick-confirm').waitFor({ state: 'hidden' });
      const swapped = row(organizer, target.number).locator('[data-testid="reviewer"][data-source="manual"]');
      await swapped.waitFor();
      assert.equal((await swapped.getByTestId('reviewer-name').textContent())?.trim(), newName);
      assert.equal(await row(organizer, target.number).locator(`[data-testid="reviewer"][data-expert="${replaced.expertId}"]`).count(), 0);
      await seeTestId(organizer, 'quality-percent');

      // The pair explanation of a reviewer opens in a popover.
      await swapped.getByTestId('reviewer-affinity').click();
      await seeTestId(organizer, 'pair-explain');
      await organizer.getByTestId('assignment-summary').click();
      await organizer.getByTestId('pair-explain').waitFor({ state: 'hidden' });

      // 赵风 works for the second applicant: the swap is refused with the reason, until the
      // organizer overrides that 回避 with a reason of their own; then it goes through.
      const goldwind = row(organizer, apps[1].number);
      await goldwind.locator(`[data-testid="reviewer"]:not([data-expert="${demoExpertId}"])`).first().getByTestId('reviewer-swap').click();
      await seeTestId(organizer, 'pick-expert');
      await organizer.getByTestId('pick-expert').click();
      await chooseTypedOption(organizer, SAME_ORG_EXPERT);
      await organizer.getByTestId('pick-confirm').click();
      await seeTestId(organizer, 'edit-error');
      assert.match((await organizer.getByTestId('edit-error').textContent()) ?? '', /同一单位/);
      assert.equal(await organizer.getByTestId('edit-error').getAttribute('data-code'), 'CONFLICT');
      await organizer.getByTestId('pick-override').click();
      await organizer.getByTestId('rule-reason').fill('专家已于三年前调离该单位，经秘书处核实');
      await organizer.getByTestId('rule-confirm').click();
      await organizer.getByTestId('rule-reason').waitFor({ state: 'hidden' });
      await organizer.getByTestId('pick-confirm').click();
      await organizer.getByTestId('pick-confirm').waitFor({ state: 'hidden' });
      const overridden = goldwind.locator('[data-testid="reviewer"][data-source="manual"]').filter({ hasText: SAME_ORG_EXPERT });
      await overridden.waitFor();
      assert.equal(await overridden.getByTestId('reviewer-rule').getAttribute('data-kind'), 'override');
      await seeTestId(organizer, 'assignment-rules');

      // Publish to the experts, after the confirmation.
      await organizer.getByTestId('assignment-publish').click();
      await organizer.getByTestId('publish-confirm').click();
      await organizer.locator('[data-testid="assignment-publish"][data-drafts="0"]').waitFor();
      assert.equal(await organizer.locator('[data-testid="reviewer-status"][data-status="draft"]').count(), 0);
      await organizer.evaluate(() => window.scrollTo(0, 0));
      await organizer.screenshot({ path: '/tmp/lvping-assignment.png', fullPage: true });

      // The demo expert: 评审任务 → 我的评审, and 声明回避 on one application with the reason.
      current = expert;
      await logIn(expert, server.baseUrl, DEMO_EXPERT);
      await expert.getByTestId('nav-expert').click();
      await expert.waitForURL(`${server.baseUrl}/expert/assignments`);
      await seeTestId(expert, 'my-assignments-table');
      const mine = expert.locator('[data-testid="my-assignment"][data-status="published"]');
      await mine.first().waitFor();
      declinedNumber = (await mine.first().getAttribute('data-number')) ?? '';
      assert.ok(apps.some((a) => a.number === declinedNumber), declinedNumber);
      await mine.first().getByTestId('my-assignment-declare').click();
      await seeTestId(expert, 'conflict-reason');
      // No reason, no declaration: the field says so and the modal stays.
      await expert.getByTestId('conflict-confirm').click();
      await expert.getByText('请填写回避原因').first().waitFor();
      await expert.getByTestId('conflict-reason').fill(REASON);
      await expert.getByTestId('conflict-confirm').click();
      await expert.locator(`[data-testid="my-assignment"][data-number="${declinedNumber}"][data-status="declined"]`).waitFor();
      assert.match((await expert.locator(`[data-testid="my-assignment"][data-number="${declinedNumber}"]`).textContent()) ?? '', /已回避/);
      await expert.reload();
      await expert.locator(`[data-testid="my-assignment"][data-number="${declinedNumber}"][data-status="declined"]`).waitFor();

      // The organizer: the expert shows declined with the reason, and another expert fills the slot.
      current = organizer;
      await organizer.reload();
      await seeTestId(organizer, 'assignment-table');
      const declinedRow = row(organizer, declinedNumber);
      const declined = declinedRow.locator(`[data-testid="reviewer"][data-expert="${demoExpertId}"][data-status="declined"]`);
      await declined.waitFor();
      assert.match((await declined.textContent()) ?? '', new RegExp(REASON));
      await declinedRow.locator('[data-testid="reviewer"][data-source="refill"][data-status="published"]').waitFor();
      assert.equal(await declinedRow.locator('[data-testid="reviewer"]:not([data-status="declined"])').count(), 3);
      assert.equal(await organizer.getByTestId('quality-short').getAttribute('data-count'), '0');
    });

    const after = (await api.ok(api.get(base))).items as Item[];
    const slot = after.filter((i) => i.applicationNumber === declinedNumber);
    assert.equal(slot.filter((i) => i.status === 'published').length, 3);
    assert.equal(slot.filter((i) => i.source === 'refill').length, 1);
    assert.deepEqual(appErrors(errors), []);
    assert.deepEqual(appErrors(expertErrors), []);
    await organizer.context().close();
    await expert.context().close();
  });
});

if (skip) test(`browser tests skipped: ${skip}`, (t) => t.skip(skip));
