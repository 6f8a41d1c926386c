// “科创中国”系列榜单 (kczg-2022-demo) from the call to the published list, against the real server
// and in a real Chromium. The seed (support/outcome-journey.ts) takes three 先导技术榜（绿色低碳领域）
// entries through the real API: submitted with complete answers naming the demo recommending unit
// (a 全国学会 channel unit), endorsed within its quota, screened by the review institution (初评机构),
// which also runs 初评 (three experts each); the organizer puts them all into 终评 (a manual entry,
// with the reason), scored by five. The organizer then reads the 终评 ranking in the browser.
// Then, in the browser (support/outcome-finish.ts): 入榜 for all three from the ranking; the 终评
// 综合评议 (committee) approves; the 公示, where an objection filed on a phone is upheld and the
// entry removed from the list; the period ended, closed, published; the list read in Chinese and
// English; the applicant's 入榜证书 downloaded and verified.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startSmtpServer } from '../../server/test/support/smtp.ts';
import { appErrors, browserUnavailable, watchErrors } from './support/browser.ts';
import { DEMO_ORGANIZER, logIn, newChinesePage, withScreenshot } from './support/journey.ts';
import { liveServer } from './support/live-app.ts';
import { finishOutcome } from './support/outcome-finish.ts';
import { assertFinalRanking, kczgThroughReview, rankingOnScreen } from './support/outcome-journey.ts';

const skip = browserUnavailable();

describe('科创中国 先导技术榜 end to end: call, 推荐, screening, 初评, 终评, 入榜, committee, 公示, publication', { skip: skip ?? false, timeout: 600_000 }, () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  before(async () => {
    smtp = await startSmtpServer();
  });
  const live = liveServer(() => ({ SMTP_URL: smtp.url }));
  after(async () => {
    await smtp?.close();
  });

  test('three entries through 初评 and 终评; the 终评 ranks them all; 入榜 decided, approved, announced, objected to, published, certified', async () => {
    const seeded = await kczgThroughReview(live.server.baseUrl, smtp.mails);
    assert.equal(seeded.apps.length, 3);
    assert.deepEqual(seeded.rounds, ['chuping', 'zhongping']);
    assertFinalRanking(seeded, 5);

    let page: Page | undefined;
    await withScreenshot(() => page, 'journey-kczg', async () => {
      page = await newChinesePage(live.browser);
      const errors = watchErrors(page);
      await logIn(page, live.server.baseUrl, DEMO_ORGANIZER);
      assert.deepEqual(await rankingOnScreen(page, live.server.baseUrl, seeded), seeded.expected);
      assert.deepEqual(appErrors(errors), []);
    });
    await page?.context().close();

    const [first, second, third] = seeded.expected['xiandao-green'];
    await finishOutcome(live.server, live.browser, smtp.mails, seeded, {
      proposed: { [first]: 'listed', [second]: 'listed', [third]: 'listed' },
      objection: {
        number: third,
        reasons: '该技术的核心发明专利已于2021年转让给其他单位，申报单位已不拥有相关自主知识产权，详见所附专利登记簿副本。',
        ruling: 'upheld', consequence: 'removed',
        reason: '经核实，申报单位已不持有该技术的核心发明专利，不符合先导技术榜“拥有自主知识产权”的要求，取消入榜资格。',
      },
      phone: true,
      english: true,
      certificate: { number: first, printsProject: true },
    });
  });
});

if (skip) test(`browser tests skipped: ${skip}`, (t) => t.skip(skip));
