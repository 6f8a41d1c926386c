// 推荐 in a real Chromium against the real server. A unit administrator endorses two candidates
// (opinion and stamped page) and is stopped by the quota on the third: the server's QUOTA_EXHAUSTED
// message shows prominently and nothing changes. Before that, the organizer imports units from
// Excel (a sheet with mistakes is refused row by row, nothing imported), invites a unit's
// administrator, who accepts from the emailed link. Setup that is not the point goes through the API.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { appErrors, browserUnavailable, seeTestId, watchErrors } from './support/browser.ts';
import { pdfBytes } from './support/files.ts';
import { registered, signedIn, type HttpClient } from './support/http-client.ts';
import { DEMO_ORGANIZER, DEMO_PASSWORD, logIn, newChinesePage, withScreenshot } from './support/journey.ts';
import { liveServer } from './support/live-app.ts';
import { programBySlug, submitXiandaoGreen } from './support/seed-applications.ts';
import type { RunningServer } from './support/server.ts';
import { startInbox, type Inbox } from './support/smtp.ts';

const skip = browserUnavailable();
const PROGRAM = 'kczg-2022-demo';
const TRACK = 'xiandao-green';

let server: RunningServer;
let browser: Browser;
let inbox: Inbox;
let dir: string;
let page: Page | undefined;

/** The organizer lowers the 先导技术榜 per-field quota from 3 to 2, as the definition editor would save it. */
async function setXiandaoQuota(organizer: HttpClient, count: number): Promise<string> {
  const program = await programBySlug(organizer, PROGRAM);
  const def = program.definition;
  const quotas = def.recommendation.quotas.map((q: { tracks: string[]; kind: string }) => (q.kind === 'max' && q.tracks.includes(TRACK) ? { ...q, count } : q));
  const text = JSON.stringify({ ...def, recommendation: { ...def.recommendation, quotas } });
  await organizer.ok(organizer.put(`/api/programs/${program.id}/definition`, { format: 'json', text, baseUpdatedAt: program.updatedAt }));
  return program.id;
}

async function sheet(name: string, rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('推荐单位');
  ws.addRow(['单位名称', '推荐渠道', '所在地区代码', '组织负责人', '负责人电话', '联络员', '联络员电话', '管理员邮箱']);
  rows.forEach((r) => ws.addRow(r));
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

async function quotaOf(p: Page | Locator): Promise<{ used: string | null; limit: string | null; left: string | null }> {
  const q = p.getByTestId(`quota-${TRACK}`).first();
  return { used: await q.getAttribute('data-used'), limit: await q.getAttribute('data-limit'), left: await q.getAttribute('data-left') };
}

/** On a candidate's page: 推荐意见, the stamped page, 推荐, and the confirmation. */
async function endorse(p: Page, stamped: string) {
  await p.getByTestId('endorse-opinion').fill('该技术在碳捕集领域具有创新性和推广价值，同意推荐。');
  await p.setInputFiles('[data-testid="stamped"] input[type=file]', stamped);
  await seeTestId(p, 'stamped-file');
  await p.getByTestId('endorse').click();
  await p.getByTestId('endorse-confirm').click();
}

describe('推荐: quota, endorsements, units and invitations in Chromium', { skip: skip ?? false, timeout: 240_000 }, () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lvping-recommend-'));
    inbox = await startInbox();
  });
  const live = liveServer(() => ({ SMTP_URL: inbox.url }));
  before(() => ({ server, browser } = live));
  after(async () => {
    await inbox?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a unit administrator endorses two candidates and is stopped by the quota', async () => {
    const organizer = await signedIn(server.baseUrl, DEMO_ORGANIZER, DEMO_PASSWORD);
    const programId = await setXiandaoQuota(organizer, 2);
    // The demo recommender acts for 演示推荐单位; three applicants name it.
    const applicant = await registered(server.baseUrl, 'ccus-applicant@example.com', 'green low carbon 2026', '碳捕集申报人');
    const { units } = await applicant.ok(applicant.get(`/api/programs/${programId}/recommending-units/choices`));
    const unit = units.find((u: { name: string }) => u.name === '演示推荐单位');
    assert.ok(unit, 'the demo unit exists');
    const apps: { id: string; number: string }[] = [];
    for (const n of [1, 2, 3]) apps.push(await submitXiandaoGreen(applicant, programId, unit.id, `碳捕集科技${n}号有限公司`, 'ccus-applicant@example.com'));
    const stamped = join(dir, '推荐意见（盖章）.pdf');
    writeFileSync(stamped, pdfBytes('stamped recommendation'));

    page = await newChinesePage(browser);
    const errors = watchErrors(page);
    await withScreenshot(() => page, 'recommend-quota', async () => {
      const p = page!;
      await logIn(p, server.baseUrl, 'recommender@demo.lvping.local');
      await p.getByTestId('nav-recommender').click();
      const card = p.locator('[data-testid="my-unit"][data-unit="演示推荐单位"]');
      await card.waitFor();
      assert.deepEqual(await quotaOf(card), { used: '0', limit: '2', left: '2' });
      await card.getByTestId(`open-unit-${unit.id}`).click();
      await seeTestId(p, 'candidates-table');

      for (const [i, a] of apps.slice(0, 2).entries()) {
        await p.getByTestId(`candidate-${a.number}`).click();
        await seeTestId(p, 'decision-panel');
        await endorse(p, stamped);
        // The endorsement uploads the stamped page first: on a loaded machine that can take a while.
        await p.locator('[data-testid="decision-result"][data-status="endorsed"]').waitFor({ timeout: 60_000 });
        await p.locator(`[data-testid="quota-${TRACK}"][data-used="${i + 1}"]`).waitFor();
        await p.getByTestId('back-to-unit').click();
        await seeTestId(p, 'candidates-table');
      }

      // The third: the quota is used up, the server refuses, and says so prominently.
      await p.getByTestId(`candidate-${apps[2].number}`).click();
      await seeTestId(p, 'decision-panel');
      assert.deepEqual(await quotaOf(p), { used: '2', limit: '2', left: '0' });
      await endorse(p, stamped);
      const refusal = p.getByTestId('quota-exhausted');
      await refusal.waitFor();
      assert.equal(await refusal.getAttribute('data-code'), 'QUOTA_EXHAUSTED');
      const said = await refusal.textContent();
      assert.match(said ?? '', /推荐名额已用完/);
      assert.match(said ?? '', /先导技术榜（绿色低碳领域）.*2\/2/);
      assert.equal(await p.getByTestId('candidate-page').getAttribute('data-status'), 'pending', 'still undecided');
      await p.evaluate(() => window.scrollTo(0, 0));
      await p.screenshot({ path: '/tmp/lvping-recommend-quota.png' });

      await p.getByTestId('back-to-unit').click();
      await seeTestId(p, 'candidates-table');
      const statuses = await p.locator('[data-testid="candidates-table"] [data-testid="nomination-status"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')).sort());
      assert.deepEqual(statuses, ['endorsed', 'endorsed', 'pending']);
    });
    // The applicant sees the unit's decision on its application.
    const rec = await applicant.ok(applicant.get(`/api/applications/${apps[0].id}/recommendation`));
    assert.deepEqual([rec.unit.name, rec.nomination.status, rec.canChange], ['演示推荐单位', 'endorsed', false]);
    // The quota's refusal (409) is logged by the browser; that is expected.
    assert.deepEqual(appErrors(errors), []);
    await page.context().close();
  });

  test('the organizer imports units (a bad sheet refused row by row), invites, and the new administrator accepts', async () => {
    page = await newChinesePage(browser);
    const errors = watchErrors(page);
    await withScreenshot(() => page, 'recommend-units', async () => {
      const p = page!;
      await logIn(p, server.baseUrl, DEMO_ORGANIZER);
      const { id } = await programBySlug(await signedIn(server.baseUrl, DEMO_ORGANIZER, DEMO_PASSWORD), PROGRAM);
      await p.goto(`${server.baseUrl}/organizer/programs/${id}?tab=units`);
      await seeTestId(p, 'units-table');
      await p.getByTestId('units-import').click();
      await p.setInputFiles('[data-testid="units-import-input"] input[type=file]', await sheet('bad.xlsx', [
        ['中国环境科学学会', '全国学会', '110000', '张三', '010-12345678', '李四', '13800000000', 'unit-admin@example.com'],
        ['某省科协', '不存在的渠道', '999999', '王五', 'abc', '', '', 'not-an-email'],
      ]));
      await seeTestId(p, 'import-problems');
      const rows = await p.getByTestId('import-problem').evaluateAll((els) => els.map((e) => e.getAttribute('data-row')));
      assert.deepEqual(rows, ['3', '3', '3', '3'], 'every problem of row 3: channel, region, phone, email');
      assert.equal(await p.locator('[data-testid="unit-row"][data-unit="中国环境科学学会"]').count(), 0, 'nothing imported');
      await p.setInputFiles('[data-testid="units-import-input"] input[type=file]', await sheet('good.xlsx', [
        ['中国环境科学学会', '全国学会', '110000', '张三', '010-12345678', '李四', '13800000000', 'unit-admin@example.com'],
      ]));
      await p.locator('[data-testid="unit-row"][data-unit="中国环境科学学会"]').waitFor();

      await p.getByTestId('units-invite').click();
      await p.getByTestId('units-invite-send').click();
      await p.locator('[data-testid="invite-result"][data-sent="1"]').waitFor();
      const link = await inbox.waitForLink('unit-admin@example.com', /http:\/\/127\.0\.0\.1:\d+\/recommendation\/accept\?token=[A-Za-z0-9_-]+/);
      await p.context().close();

      // The administrator opens the emailed link, signs up with the invited address, and accepts.
      page = await newChinesePage(browser);
      errors.push(...watchErrors(page));
      const q = page;
      await q.goto(link);
      await q.getByTestId('accept-register').click();
      await q.getByTestId('register-name').fill('学会推荐管理员');
      await q.getByTestId('register-email').fill('unit-admin@example.com');
      await q.getByTestId('register-password').fill('society admin passphrase');
      await q.getByTestId('register-submit').click();
      await q.getByTestId('accept-invitation-button').click();
      await seeTestId(q, 'accept-done');
      await q.getByTestId('accept-to-area').click();
      await q.locator('[data-testid="my-unit"][data-unit="中国环境科学学会"]').waitFor();
      assert.equal((await quotaOf(q)).used, '0');
    });
    // The refused sheet (400) is logged by the browser; that is expected.
    assert.deepEqual(appErrors(errors), []);
    await page.context().close();
  });
});

if (skip) test(`browser tests skipped: ${skip}`, (t) => t.skip(skip));
