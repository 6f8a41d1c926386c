// 创蓝碳中和先锋奖 (cnblue-2022-demo) from the call to published results, against the real server
// and in a real Chromium. The seed (support/outcome-journey.ts) takes three 新能源 applications
// through the real API: submitted with complete answers, passed at screening, then 入围评估 (three
// experts each), 现场考察与评估 (visits scheduled, two each) and 线下路演 (a panel of five), every
// sheet on the call's five criteria 25/20/20/20/15. The organizer then reads the roadshow's
// ranking in the browser: every application, in the order the scores give. Then, in the browser
// (support/outcome-finish.ts): the one tier 创蓝碳中和先锋 from the ranking, the third taken off
// the list with the organizer's reason; 评选顾问委员会 approves; the 公示, where an objection
// filed on a phone is rejected (no change); the period ended, the 公示 closed and the results
// published; the applicant's 获奖证书 downloaded and verified.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startSmtpServer } from '../../server/test/support/smtp.ts';
import { appErrors, browserUnavailable, watchErrors } from './support/browser.ts';
import { DEMO_ORGANIZER, logIn, newChinesePage, withScreenshot } from './support/journey.ts';
import { liveServer } from './support/live-app.ts';
import { finishOutcome } from './support/outcome-finish.ts';
import { assertFinalRanking, cnblueThroughReview, rankingOnScreen } from './support/outcome-journey.ts';

const skip = browserUnavailable();

describe('创蓝碳中和先锋奖 end to end: call, screening, 入围评估, 现场考察, 路演, decision, committee, 公示, publication', { skip: skip ?? false, timeout: 600_000 }, () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  before(async () => {
    smtp = await startSmtpServer();
  });
  const live = liveServer(() => ({ SMTP_URL: smtp.url }));
  after(async () => {
    await smtp?.close();
  });

  test('three applications through every review round; the roadshow ranks them all; decided, approved, announced, objected to, published, certified', async () => {
    const seeded = await cnblueThroughReview(live.server.baseUrl, smtp.mails);
    assert.equal(seeded.apps.length, 3);
    assert.deepEqual(seeded.rounds, ['ruwei', 'kaocha', 'luyan']);
    assertFinalRanking(seeded, 5);

    let page: Page | undefined;
    await withScreenshot(() => page, 'journey-cnblue', async () => {
      page = await newChinesePage(live.browser);
      const errors = watchErrors(page);
      await logIn(page, live.server.baseUrl, DEMO_ORGANIZER);
      assert.deepEqual(await rankingOnScreen(page, live.server.baseUrl, seeded), seeded.expected);
      assert.deepEqual(appErrors(errors), []);
    });
    await page?.context().close();

    const [first, second, third] = seeded.expected.xinnengyuan;
    await finishOutcome(live.server, live.browser, smtp.mails, seeded, {
      proposed: { [first]: 'pioneer', [second]: 'pioneer', [third]: 'pioneer' },
      change: { number: third, tierId: null, reason: '经现场考察核实，该企业叠层组件尚处中试阶段，未实现商业化应用，暂不列入名单' },
      objection: {
        number: first,
        reasons: '该企业申报的减排量依据的核查报告出具机构不具备相应资质，减排数据不可信，请予核查。',
        ruling: 'rejected', consequence: 'no_change',
        reason: '经核实，减排量核查报告由具备资质的第三方机构出具且在有效期内，异议不成立，维持原结果。',
      },
      phone: true,
      english: false,
      // 创蓝 honours the company: its certificate names the organization, the track and the tier, not the project.
      certificate: { number: first, printsProject: false },
    });
  });
});

if (skip) test(`browser tests skipped: ${skip}`, (t) => t.skip(skip));
