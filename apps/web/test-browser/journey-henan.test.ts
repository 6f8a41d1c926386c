// 2025河南省工业绿色低碳发展创新大赛 (henan-green-2025-demo) from the call to published results,
// against the real server and in a real Chromium. The seed (support/outcome-journey.ts) takes five
// 郑州市 entries — one in each city-recommended track and a second in 节能降碳, so 郑州市 entered every
// track (优秀组织奖) — through the real API: submitted with complete 附件1 answers, endorsed by the
// city, screened, then 初赛 (three experts each; the 基本要求 gates passed), 复赛 (a roadshow panel
// of five) and 决赛 (seven), each track on its own 评比细则. The organizer then reads the 决赛
// ranking in the browser: every application, each track in the order the scores give. Then, in
// the browser (support/outcome-finish.ts): the organizer types the places of 一等奖/二等奖/三等奖
// (the plan gives none; 优秀奖 takes the rest), proposes each track from the ranking, changes
// one with its reason, and computes the 优秀组织奖 (郑州市 entered every track); the 专家委员会
// approves; the required results 公示, where an objection is answered by the applicant in the
// platform and upheld with the tier changed; the period ended, closed, published; the applicant's
// 荣誉证书 downloaded and verified.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startSmtpServer } from '../../server/test/support/smtp.ts';
import { appErrors, browserUnavailable, watchErrors } from './support/browser.ts';
import { DEMO_ORGANIZER, logIn, newChinesePage, withScreenshot } from './support/journey.ts';
import { liveServer } from './support/live-app.ts';
import { finishOutcome } from './support/outcome-finish.ts';
import { assertFinalRanking, henanThroughReview, rankingOnScreen } from './support/outcome-journey.ts';

const skip = browserUnavailable();

describe('河南省绿色低碳创新大赛 end to end: call, 推荐, screening, 初赛, 复赛, 决赛, decision, committee, 公示, publication', { skip: skip ?? false, timeout: 600_000 }, () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  before(async () => {
    smtp = await startSmtpServer();
  });
  const live = liveServer(() => ({ SMTP_URL: smtp.url }));
  after(async () => {
    await smtp?.close();
  });

  test('five 郑州市 entries through every round; the 决赛 ranks each track; tiers and 优秀组织奖 decided, approved, announced, objected to, published, certified', async () => {
    const seeded = await henanThroughReview(live.server.baseUrl, smtp.mails);
    assert.equal(seeded.apps.length, 5);
    assert.deepEqual(seeded.rounds, ['chusai', 'fusai', 'juesai']);
    assert.deepEqual(Object.keys(seeded.expected).sort(), ['jieneng', 'lvse-sheji', 'qingjie', 'ziyuan']);
    assert.equal(seeded.expected.jieneng.length, 2);
    assertFinalRanking(seeded, 7);

    let page: Page | undefined;
    await withScreenshot(() => page, 'journey-henan', async () => {
      page = await newChinesePage(live.browser);
      const errors = watchErrors(page);
      await logIn(page, live.server.baseUrl, DEMO_ORGANIZER);
      assert.deepEqual(await rankingOnScreen(page, live.server.baseUrl, seeded), seeded.expected);
      assert.deepEqual(appErrors(errors), []);
    });
    await page?.context().close();

    const { qingjie: [qingjie], jieneng: [yugang, yutong], ziyuan: [chini], 'lvse-sheji': [dianji] } = seeded.expected;
    const places = { yideng: 1, erdeng: 1, sandeng: 1 };
    await finishOutcome(live.server, live.browser, smtp.mails, seeded, {
      counts: { qingjie: places, jieneng: places, ziyuan: places, 'lvse-sheji': places },
      proposed: { [qingjie]: 'yideng', [yugang]: 'yideng', [yutong]: 'erdeng', [chini]: 'yideng', [dianji]: 'yideng' },
      change: { number: chini, tierId: 'erdeng', reason: '本赛道仅1项进入决赛，经评审委员会研究，按决赛得分授予二等奖' },
      award: { id: 'youxiu-zuzhi', unit: seeded.city.name },
      objection: {
        number: yutong,
        reasons: '该项目申报的年节电量3200万千瓦时明显偏高，其中包含同期减产带来的用电下降，请予核查。',
        askApplicant: {
          request: '请说明年节电量3200万千瓦时的测算依据，并提供第三方检测报告。',
          answer: '年节电量依据改造前后各12个月的电能计量数据测算，第三方检测报告见附件。经复核，其中约800万千瓦时来自同期减产，扣除后年节电量为2400万千瓦时。',
        },
        ruling: 'upheld', consequence: 'tier_changed', newTierId: 'sandeng',
        reason: '经核实，申报单位确认部分节电量系同期减产所致，实际节能效益低于申报值，获奖等级由二等奖调整为三等奖。',
      },
      phone: false,
      english: false,
      certificate: { number: yutong, printsProject: true },
    });
  });
});

if (skip) test(`browser tests skipped: ${skip}`, (t) => t.skip(skip));
