// The matchmaking journey in a real Chromium against the real server: a winner's
// technology is published in the catalog; an investor finds it by a Chinese search; the catalog
// organizer runs an 对接会 and invites both; the investor requests a meeting, the owner accepts,
// the scheduler places it and both have it on their schedule; the investor records the deal, the
// owner confirms it (with its 交易佣金), and it appears on the organizer's dashboard.
//
// Through the API, not the browser (and why):
// - the program's result: one application decided 一等奖 in the live server's SQLite file and
//   published by the organizer's endpoint, as catalog.test.ts does (the review is not under test);
// - the catalog entry: the catalog organizer's import of the winners, the owner's opt-in and
//   submission of the catalog fields, and the approval (features/catalog's endpoints). Publishing
//   through the catalog's editor and review queue is catalog.test.ts's own browser journey; here
//   the entry only has to be published;
// - the investor's profile: applied for and approved through features/match's endpoints (its
//   form is match's to test), which grants the investor role;
// - the catalog organizer's platform role: written into the grants table (as catalog.test.ts does).
// Everything from the search on is clicked in the browser.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startSmtpServer } from '../../server/test/support/smtp.ts';
import { appErrors, browserUnavailable, seeTestId, watchErrors } from './support/browser.ts';
import { registered } from './support/http-client.ts';
import { logIn, newChinesePage, withScreenshot } from './support/journey.ts';
import { liveServer } from './support/live-app.ts';
import { invitedWinner } from './support/catalog-seed.ts';
import type { RunningServer } from './support/server.ts';

const skip = browserUnavailable();
const OWNER = { email: 'mm.owner@example.com', password: 'mm owner 2026', name: '光电持有人' };
const CURATOR = { email: 'mm.curator@example.com', password: 'mm curator 2026', name: '对接运营方' };
const INVESTOR = { email: 'mm.investor@example.com', password: 'mm investor 2026', name: '赵投资' };
const ADMIN_PASSWORD = 'mm admin 2026';
const OWNER_ORG = '郑州光电科技有限公司';

let server: RunningServer;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

/** A published winner's catalog entry and an approved investor; returns the entry's id and the program's name. */
async function seed(): Promise<{ entryId: string; programName: string }> {
  const { owner, curator: cur, entryId, programName } = await invitedWinner(server, { slug: 'matchmaking-browser', adminPassword: ADMIN_PASSWORD, owner: OWNER, orgName: OWNER_ORG, ownerContact: '刘总', curator: CURATOR });
  await owner.ok(owner.post(`/api/catalog/entries/${entryId}/opt-in`, {}));
  const submitted = await owner.ok(owner.post(`/api/catalog/entries/${entryId}/submit`, { fields: {
    name: '退役光伏组件绿色回收技术', fieldId: 'glt2024-4', scope: '适用于光伏电站退役晶硅光伏组件的集中拆解与资源化回收。', process: '热解除胶结合物理分选，回收玻璃、铝框、银和铜。',
    parameters: '处理能力≥2万吨/年，材料回收率≥95%。', benefits: { energySavedTce: 8000, co2ReducedT: 21000, others: [] },
    cases: [{ name: '某光伏电站组件回收示范', place: '河南省郑州市', year: 2024, description: '' }], ip: { kind: 'granted_patents', detail: 'ZL202310000001.1' }, trl: 8,
    contact: { name: '周工', phone: '13712345678', email: 'hidden-contact@example.com' },
  } }));
  await cur.ok(cur.post(`/api/catalog/entries/${entryId}/versions/${submitted.submittedVersion}/approve`, {}));

  const investor = await registered(server.baseUrl, INVESTOR.email, INVESTOR.password, INVESTOR.name);
  const profile = await investor.ok(investor.post('/api/match/profiles', {
    kind: 'investor', orgName: '绿能创投', contact: { name: '赵投', phone: '13911112222', email: INVESTOR.email }, fieldIds: ['glt2024-4'], regions: [],
    description: '关注光伏组件回收与储能', stages: ['A', 'B'], ticketMin: 100, ticketMax: 5000,
  }));
  await cur.ok(cur.post(`/api/match/profiles/${profile.id}/review`, { decision: 'approve' }));
  return { entryId, programName };
}

/** An antd Select by its test id: open it, wait for the pop-up to settle, click the option. */
async function choose(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
  await dropdown.waitFor({ state: 'visible' });
  await dropdown.page().waitForFunction((el) => !!el && el.getAnimations({ subtree: true }).every((a) => a.playState !== 'running'), await dropdown.elementHandle());
  await dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
}

describe('对接: catalog search → 对接会 request → schedule → deal → dashboard, in Chromium', { skip: skip ?? false, timeout: 300_000 }, () => {
  before(async () => {
    smtp = await startSmtpServer();
  });
  const live = liveServer(() => ({ SMTP_URL: smtp.url }));
  before(() => ({ server } = live));
  after(async () => {
    await smtp?.close();
  });

  let entryId = '';
  let programName = '';
  let eventUrl = '';

  const asUser = async (who: { email: string; password: string }, name: string, body: (page: Page) => Promise<void>) => {
    const page = await newChinesePage(live.browser);
    const errors = watchErrors(page);
    await withScreenshot(() => page, name, async () => {
      await logIn(page, server.baseUrl, who.email, who.password);
      await body(page);
    });
    assert.deepEqual(appErrors(errors), []);
    await page.context().close();
  };

  test('an investor finds the published technology by a Chinese search', async () => {
    ({ entryId, programName } = await seed());
    await asUser(INVESTOR, 'mm-search', async (page) => {
      await page.goto(`${server.baseUrl}/catalog`);
      await seeTestId(page, 'public-catalog', 20_000);
      await page.getByTestId('catalog-search').locator('input').fill('光伏组件回收');
      await page.getByTestId('catalog-search').locator('input').press('Enter');
      await page.getByTestId(`catalog-result-${entryId}`).waitFor();
      assert.match(await page.getByTestId(`catalog-result-${entryId}`).innerText(), /退役光伏组件绿色回收技术/);
    });
  });

  test('the catalog organizer creates an 对接会 and invites the owner and the investor', async () => {
    await asUser(CURATOR, 'mm-event', async (page) => {
      await page.goto(`${server.baseUrl}/meetings`);
      await page.getByTestId('meeting-create').click();
      await page.getByTestId('meeting-f-name').fill('绿色技术投融资对接会');
      await page.getByTestId('meeting-f-place').fill('郑州国际会展中心 B 厅');
      await page.getByTestId('meeting-f-date').fill('2026-12-18');
      await page.getByTestId('meeting-f-end').fill('10:00');
      await page.getByTestId('meeting-create-submit').click();
      await seeTestId(page, 'meeting-event', 20_000);
      eventUrl = page.url();
      await page.getByTestId(`meeting-candidate-${OWNER.email}`).check();
      await page.getByTestId(`meeting-candidate-${INVESTOR.email}`).check();
      await page.getByTestId('meeting-invite').click();
      await page.getByTestId('meeting-participants').filter({ hasText: OWNER_ORG }).waitFor();
      await page.getByTestId('meeting-participants').filter({ hasText: '绿能创投' }).waitFor();
    });
  });

  test('the investor requests a meeting; the owner accepts', async () => {
    await asUser(INVESTOR, 'mm-request', async (page) => {
      await page.goto(eventUrl);
      await seeTestId(page, 'meeting-participants', 20_000);
      await page.getByTestId('meeting-participants').locator('.ant-list-item', { hasText: OWNER_ORG }).getByTestId('meeting-ask').click();
      await page.getByTestId('meeting-ask-note').fill('希望了解退役光伏组件回收技术的产业化和许可合作方式');
      await page.getByTestId('meeting-ask-send').click();
      await page.getByTestId('meeting-requests').getByTestId('meeting-request-status').filter({ hasText: '待答复' }).waitFor();
    });
    await asUser(OWNER, 'mm-accept', async (page) => {
      await page.goto(eventUrl);
      await seeTestId(page, 'meeting-requests', 20_000);
      assert.match(await page.getByTestId('meeting-requests').innerText(), /产业化和许可合作/);
      await page.getByTestId('meeting-accept').click();
      await page.getByTestId('meeting-request-status').filter({ hasText: '已接受' }).waitFor();
    });
  });

  test('the organizer runs the scheduler; both sides have the meeting on their schedule', async () => {
    await asUser(CURATOR, 'mm-schedule', async (page) => {
      await page.goto(eventUrl);
      await page.getByTestId('meeting-run-schedule').click();
      await page.getByTestId('meeting-report').filter({ hasText: '1 场已安排，0 场未能安排；已证明为最多场次' }).waitFor();
      await page.getByTestId('meeting-request-slot').filter({ hasText: '09:00–09:30 · 1 号桌' }).waitFor();
    });
    for (const who of [INVESTOR, OWNER]) {
      await asUser(who, `mm-my-${who === OWNER ? 'owner' : 'investor'}`, async (page) => {
        await page.goto(eventUrl);
        await page.getByTestId('meeting-my-schedule').filter({ hasText: '09:00–09:30 · 1 号桌' }).waitFor();
        await page.getByTestId('meeting-ics').waitFor();
      });
    }
    const mails = smtp.mails.filter((m) => m.to.includes(OWNER.email) || m.to.includes(INVESTOR.email)).filter((m) => /text\/calendar/i.test(m.raw));
    assert.equal(mails.length, 2, 'both received the schedule with a calendar file');
  });

  test('the investor records the deal, the owner confirms it, and it shows on the dashboard', async () => {
    await asUser(INVESTOR, 'mm-deal', async (page) => {
      await page.goto(`${server.baseUrl}/deals`);
      await page.getByTestId('deal-record').click();
      await choose(page, 'deal-f-counterpart', OWNER_ORG);
      await choose(page, 'deal-f-kind', '技术许可');
      await page.getByTestId('deal-f-amount').fill('300');
      await page.getByTestId('deal-f-date').fill('2026-12-20');
      await page.getByTestId('deal-submit').click();
      await page.getByTestId('deal-status').filter({ hasText: '待对方确认' }).waitFor();
    });
    await asUser(OWNER, 'mm-confirm', async (page) => {
      await page.goto(`${server.baseUrl}/deals`);
      await page.getByTestId('deal-confirm').click();
      await page.getByTestId('deal-status').filter({ hasText: '已确认' }).waitFor();
      // The default license rule: 5% of the first 100万元, 3% above.
      await page.getByTestId('deal-commission').filter({ hasText: '11 万元' }).waitFor();
    });
    await asUser(CURATOR, 'mm-dashboard', async (page) => {
      await page.goto(`${server.baseUrl}/deals/dashboard`);
      await seeTestId(page, 'match-dashboard', 20_000);
      assert.match(await page.getByTestId('dashboard-deals').innerText(), /1/);
      assert.match(await page.getByTestId('dashboard-amount').innerText(), /300/);
      assert.match(await page.getByTestId('dashboard-meetings').innerText(), /已排期 1/);
      assert.match(await page.getByTestId('table-byProgram').innerText(), new RegExp(`${programName}：1 · 300`));
      assert.match(await page.getByTestId('table-byField').innerText(), /能源绿色低碳转型：1 · 300/);
      assert.match(await page.getByTestId('table-byRegion').innerText(), /河南省：1 · 300/);
      await page.getByTestId('chart-byProgram').locator('canvas').waitFor();
    });
  });
});
