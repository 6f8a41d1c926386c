// The expert's side of a review round in a real Chromium against the real server. Three
// applications to 创蓝 (demo edition) are submitted and passed screening through the API; the
// organizer solves and publishes the first round (入围评估, the 5-criterion rubric) so that the
// demo expert reviews all three. The expert, in the browser: declares a conflict on one (it is
// skipped), confirms no conflict on the other two and scores them — an over-max value shows its
// problem beside the field, a low score demands a comment, the draft survives reloads (saved, and
// unsaved in this browser), submitting locks the sheet — and the server's totals are the
// hand-computed Σ weight × score / max. The workspace stacks on a 390 px phone without horizontal
// scroll, and the roadshow timer counts down, turns amber and red, and moves on to Q&A.
import { readFile } from 'node:fs/promises';
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Locator, Page } from 'playwright-core';
import { appErrors, browserUnavailable, seeTestId, watchErrors } from './support/browser.ts';
import { signedIn, type HttpClient } from './support/http-client.ts';
import { jobResult } from './support/job-wait.ts';
import { DEMO_EXPERT, DEMO_ORGANIZER, DEMO_PASSWORD, logIn, newChinesePage, withScreenshot } from './support/journey.ts';
import { liveServer } from './support/live-app.ts';
import { pdfPages } from './support/pdf-text.ts';
import { programBySlug, screenedCnblue } from './support/seed-applications.ts';
import type { RunningServer } from './support/server.ts';

const skip = browserUnavailable();
const EXPERT_NAME = '演示评审专家';
const PROGRAM = 'cnblue-2022-demo';
const TRACK = 'xinnengyuan';
const APPLICANT = { email: 'review.applicant@example.com', password: 'expert review 2026', name: '评审测试申报人' };
const ORGS = ['上海绿源储能科技有限公司', '杭州碳汇环境技术有限公司', '深圳光合新能源有限公司'];
const REASON = '本人近三年曾为该单位提供有偿技术咨询';

// templates/cnblue-2022.yaml review.rubrics.zonghe: each criterion scored 0–max, max = weight.
const RUBRIC = [
  { id: 'lvse', name: '绿色低碳效益', weight: 25, max: 25, commentBelow: 15 },
  { id: 'chuangxin', name: '科技创新性', weight: 20, max: 20, commentBelow: 12 },
  { id: 'tuandui', name: '团队与战略', weight: 20, max: 20, commentBelow: 12 },
  { id: 'chengzhang', name: '成长潜力', weight: 20, max: 20, commentBelow: 12 },
  { id: 'ip', name: 'IP 竞争力', weight: 15, max: 15, commentBelow: 9 },
];
const handTotal = (scores: Record<string, number>) => RUBRIC.reduce((sum, c) => sum + (c.weight * scores[c.id]) / c.max, 0);

let server: RunningServer;
let browser: Browser;

type Item = { id: string; applicationId: string; expertId: string; status: string };

/** Solve with some load balancing, then make sure the demo expert reviews every application (swap, else add), and publish. */
async function assignDemoExpert(api: HttpClient, programId: string, apps: { id: string }[]): Promise<void> {
  const base = `/api/programs/${programId}/assignment`;
  const solved = await jobResult(api, api.post(`${base}/solve`, { loadCost: 1 }));
  assert.equal(solved.feasible, true, JSON.stringify(solved).slice(0, 400));
  const panel = (await api.ok(api.get(`/api/programs/${programId}/experts`))).items as { expertId: string; expert: { name: string } }[];
  const demoId = panel.find((x) => x.expert.name === EXPERT_NAME)!.expertId;
  for (const app of apps) {
    let items = (await api.ok(api.get(base))).items as Item[];
    if (items.some((i) => i.applicationId === app.id && i.expertId === demoId)) continue;
    // Swap one of its reviewers for the demo expert; the server refuses a pair under 回避 or over capacity.
    let placed = false;
    for (const i of items.filter((x) => x.applicationId === app.id && x.status !== 'declined')) {
      const r = await api.post(`${base}/edit`, { op: 'swap', assignmentId: i.id, expertId: demoId });
      if (r.status === 200) {
        placed = true;
        break;
      }
      assert.equal(r.status, 409, JSON.stringify(r.json));
    }
    if (!placed) await api.ok(api.post(`${base}/edit`, { op: 'add', applicationId: app.id, expertId: demoId }));
    items = (await api.ok(api.get(base))).items as Item[];
    assert.ok(items.some((i) => i.applicationId === app.id && i.expertId === demoId));
  }
  const published = await api.ok(api.post(`${base}/publish`));
  assert.ok(published.published >= 9, JSON.stringify(published));
}

const row = (page: Page, number: string): Locator => page.locator(`[data-testid="my-assignment"][data-number="${number}"]`);
const criterion = (page: Page, id: string): Locator => page.locator(`[data-testid="criterion"][data-criterion="${id}"]`);

/** The revision the workspace shows once autosave says 已保存 with a revision past `after`. */
async function savedPast(page: Page, after: number): Promise<number> {
  await page.waitForFunction((rev) => {
    const sheet = document.querySelector('[data-testid="score-sheet"]');
    const status = document.querySelector('[data-testid="save-status"]');
    return !!sheet && status?.getAttribute('data-state') === 'saved' && Number(sheet.getAttribute('data-revision')) > rev;
  }, after, { timeout: 15_000 });
  return Number(await page.getByTestId('score-sheet').getAttribute('data-revision'));
}

async function score(page: Page, id: string, value: number) {
  const input = page.getByTestId(`score-${id}`);
  await input.scrollIntoViewIfNeeded();
  await input.fill(String(value));
  await input.blur();
}

async function confirmNoConflict(page: Page, number: string) {
  await row(page, number).getByTestId('my-assignment-confirm').click();
  await page.getByTestId('confirm-no-conflict-ok').click();
  await page.locator(`[data-testid="my-assignment"][data-number="${number}"][data-confirmed="true"]`).waitFor();
}

async function openWorkspace(page: Page, number: string): Promise<string> {
  await row(page, number).getByTestId('my-assignment-score').click();
  await page.waitForURL(/\/expert\/assignments\/[^/]+$/);
  await seeTestId(page, 'score-sheet', 20_000);
  assert.equal((await page.getByTestId('workspace-number').textContent())?.trim(), number);
  return new URL(page.url()).pathname.split('/').pop()!;
}

async function submitSheet(page: Page, expectedTotal: string) {
  await page.getByTestId('submit-sheet').click();
  const total = page.getByTestId('submit-sheet-total');
  await total.waitFor();
  assert.match((await total.textContent()) ?? '', new RegExp(`加权总分 ${expectedTotal} 分`));
  await page.getByTestId('submit-sheet-confirm').click();
  await seeTestId(page, 'sheet-locked', 15_000);
  assert.match((await page.getByTestId('sheet-locked').textContent()) ?? '', /已提交（已锁定）/);
  assert.equal(await page.getByTestId('submit-sheet').count(), 0);
  assert.equal(await page.getByTestId('score-lvse').getAttribute('readonly'), '');
}

/** The PNG's width in pixels (IHDR). */
const pngWidth = (png: Buffer) => png.readUInt32BE(16);

describe('评审专家: confirm or declare 回避, score with autosave, submit and lock, in Chromium', { skip: skip ?? false, timeout: 300_000 }, () => {
  const live = liveServer();
  before(() => ({ server, browser } = live));

  test('the demo expert declares one conflict and scores two applications; totals are Σ weight × score / max', async () => {
    const organizer = await signedIn(server.baseUrl, DEMO_ORGANIZER, DEMO_PASSWORD);
    const program = await programBySlug(organizer, PROGRAM);
    const apps = (await screenedCnblue(server.baseUrl, organizer, program.id, TRACK, APPLICANT, ORGS)).map((app, i) => ({ ...app, org: ORGS[i] }));
    await assignDemoExpert(organizer, program.id, apps);

    // Through the API first: the expert's three assignments, in the first round, unconfirmed; nothing readable yet.
    const expertApi = await signedIn(server.baseUrl, DEMO_EXPERT, DEMO_PASSWORD);
    const mine = (await expertApi.ok(expertApi.get('/api/review-assignments/mine'))).items as { id: string; applicationNumber: string; roundId: string; confirmed: boolean; status: string; orgName: string | null }[];
    assert.equal(mine.length, 3);
    assert.ok(mine.every((m) => m.roundId === 'ruwei' && !m.confirmed && m.status === 'published'));
    const byNumber = new Map(mine.map((m) => [m.applicationNumber, m]));
    const numbers = apps.map((a) => a.number).sort();
    assert.deepEqual([...byNumber.keys()].sort(), numbers);
    assert.equal((await expertApi.get(`/api/review-assignments/${mine[0].id}/application`)).status, 403);
    const [declined, first, second] = numbers;
    const orgOf = (n: string) => apps.find((a) => a.number === n)!.org;

    const page = await newChinesePage(browser);
    const errors = watchErrors(page);
    let current: Page = page;
    const firstScores = { lvse: 22, chuangxin: 10, tuandui: 16, chengzhang: 18, ip: 12 };
    const secondScores = { lvse: 20, chuangxin: 15, tuandui: 11, chengzhang: 14, ip: 8 };
    let firstId = '';
    let secondId = '';

    await withScreenshot(() => current, 'expert-review', async () => {
      // 我的评审: one card for 创蓝 · 入围评估 with its progress, three rows by number.
      await logIn(page, server.baseUrl, DEMO_EXPERT);
      await page.getByTestId('nav-expert').click();
      await page.waitForURL(`${server.baseUrl}/expert/assignments`);
      const group = page.locator('[data-testid="my-review-group"][data-round="ruwei"]');
      await group.waitFor();
      const progress = group.getByTestId('round-progress');
      assert.equal(await progress.getAttribute('data-assigned'), '3');
      assert.equal(await progress.getAttribute('data-submitted'), '0');
      assert.match((await progress.textContent()) ?? '', /已提交 0 \/ 3/);
      assert.deepEqual(await group.getByTestId('my-assignment').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number'))), numbers);
      assert.match((await row(page, first).textContent()) ?? '', new RegExp(`${orgOf(first)}.*新能源.*入围评估.*未开始`));
      assert.equal(await row(page, first).getByTestId('my-assignment-score').count(), 0, 'no 评分 before confirming');

      // 声明回避 on the first by number: it is skipped, and the round counts two.
      await row(page, declined).getByTestId('my-assignment-declare').click();
      await page.getByTestId('conflict-reason').fill(REASON);
      await page.getByTestId('conflict-confirm').click();
      await page.locator(`[data-testid="my-assignment"][data-number="${declined}"][data-status="declined"]`).waitFor();
      assert.match((await row(page, declined).textContent()) ?? '', /已回避/);
      assert.equal(await row(page, declined).getByTestId('my-assignment-confirm').count(), 0);
      assert.equal(await progress.getAttribute('data-assigned'), '2');

      // 确认无需回避 on the next, then 评分 opens the workspace: the application on the left.
      await confirmNoConflict(page, first);
      firstId = await openWorkspace(page, first);
      assert.equal(firstId, byNumber.get(first)!.id);
      assert.match((await page.getByTestId('workspace-org').textContent()) ?? '', new RegExp(orgOf(first)));
      const reading = page.getByTestId('reading');
      await reading.getByText('高功率密度液流电池电堆').first().waitFor();
      assert.equal(await page.getByTestId('reading-files').getAttribute('data-count'), '3');
      const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-review-pdf').click()]);
      const pdfText = (await pdfPages(new Uint8Array(await readFile(await pdf.path())))).join('');
      assert.match(pdfText, new RegExp(first));
      assert.match(pdf.suggestedFilename(), /评审用申报书\.pdf$/);
      const [file] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="reading-file"][data-name="商业计划书.pdf"]').click()]);
      assert.equal(file.suggestedFilename(), '商业计划书.pdf');
      assert.equal(await page.getByTestId('open-timer').count(), 0, '入围评估 has no roadshow timing');

      // The sheet: five criteria with their weights and guidance, nothing flagged before anything is typed.
      assert.deepEqual(await page.getByTestId('criterion').evaluateAll((els) => els.map((e) => e.getAttribute('data-criterion'))), RUBRIC.map((c) => c.id));
      for (const c of RUBRIC) {
        const text = (await criterion(page, c.id).textContent()) ?? '';
        assert.ok(text.includes(c.name) && text.includes(`权重 ${c.weight}%`) && text.includes(`0–${c.max} 分`), text);
        assert.match((await page.getByTestId(`comment-rule-${c.id}`).textContent()) ?? '', new RegExp(`低于 ${c.commentBelow} 分须填写评语`));
      }
      assert.equal(await page.locator('[data-testid^="problem-"]').count(), 0);

      // Over the maximum: the problem shows beside that field, and it is not added into the total.
      await score(page, 'lvse', 30);
      const over = criterion(page, 'lvse').getByTestId('problem-scores.lvse');
      await over.waitFor();
      assert.match((await over.textContent()) ?? '', /0–25/);
      assert.match((await page.getByTestId('weighted-lvse').textContent()) ?? '', /折合 — \/ 25/);
      await score(page, 'lvse', firstScores.lvse);
      await over.waitFor({ state: 'detached' });
      assert.match((await page.getByTestId('weighted-lvse').textContent()) ?? '', /折合 22 \/ 25/);

      // A low score (below 12) demands a comment, beside the comment; writing one clears it.
      await score(page, 'chuangxin', firstScores.chuangxin);
      const needComment = criterion(page, 'chuangxin').getByTestId('problem-comments.chuangxin');
      await needComment.waitFor();
      assert.match((await needComment.textContent()) ?? '', /低于 12 分时须填写评语/);
      await page.getByTestId('comment-chuangxin').fill('技术路线与同类产品差异不大，缺少第三方测试数据。');
      await needComment.waitFor({ state: 'detached' });
      for (const id of ['tuandui', 'chengzhang', 'ip'] as const) await score(page, id, firstScores[id]);
      await page.getByTestId('overall-comment').fill('储能技术路线清晰，减排量经第三方核查。');
      const total = handTotal(firstScores);
      assert.equal(total, 78);
      await page.locator(`[data-testid="sheet-total"][data-total="${total}"]`).waitFor();
      await savedPast(page, 0);

      // Saved on the server: a reload shows the same sheet, from the server (nothing to restore).
      const saved = await expertApi.ok(expertApi.get(`/api/review-assignments/${firstId}/sheet`));
      assert.equal(saved.status, 'draft');
      assert.deepEqual(saved.sheet.scores, firstScores);
      assert.equal(saved.total, total);
      await page.reload();
      await seeTestId(page, 'score-sheet', 20_000);
      assert.equal(await page.getByTestId('score-lvse').inputValue(), '22');
      assert.equal(await page.getByTestId('score-ip').inputValue(), '12');
      assert.match(await page.getByTestId('comment-chuangxin').inputValue(), /缺少第三方测试数据/);
      await page.locator(`[data-testid="sheet-total"][data-total="${total}"]`).waitFor();
      assert.equal(await page.getByTestId('restored-notice').count(), 0);

      // Typed and reloaded at once, before autosave ran: this browser's copy comes back and is then saved.
      const rev = Number(await page.getByTestId('score-sheet').getAttribute('data-revision'));
      const overall = '储能技术路线清晰，减排量经第三方核查；建议补充长期运行数据。';
      await page.getByTestId('overall-comment').fill(overall);
      await page.reload();
      await seeTestId(page, 'restored-notice', 20_000);
      assert.equal(await page.getByTestId('overall-comment').inputValue(), overall);
      await savedPast(page, rev);
      assert.equal((await expertApi.ok(expertApi.get(`/api/review-assignments/${firstId}/sheet`))).sheet.overallComment, overall);

      // 提交评分: the confirmation shows the total; then the sheet is locked and read-only.
      await page.screenshot({ path: '/tmp/lvping-expert-workspace.png' });
      await submitSheet(page, '78');
      assert.match((await page.getByTestId('sheet-locked').textContent()) ?? '', /加权总分 78 分/);
      await page.reload();
      await seeTestId(page, 'sheet-locked', 20_000);
      assert.equal(await page.getByTestId('submit-sheet').count(), 0);

      // Back in 我的评审: 已提交 with the total, and the round at 1 of 2.
      await page.getByTestId('back-to-assignments').click();
      await row(page, first).locator('[data-testid="my-assignment-sheet"][data-sheet="submitted"]').waitFor();
      assert.match((await row(page, first).getByTestId('my-assignment-sheet').textContent()) ?? '', /已提交 · 78 分/);
      assert.equal(await progress.getAttribute('data-submitted'), '1');
      assert.equal(await progress.getAttribute('data-assigned'), '2');

      // The last one, on a 390 px phone first: the sheet stacks under the application, no horizontal scroll.
      await confirmNoConflict(page, second);
      secondId = byNumber.get(second)!.id;
      const phoneCtx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
      const phone = await phoneCtx.newPage();
      const phoneErrors = watchErrors(phone);
      current = phone;
      await logIn(phone, server.baseUrl, DEMO_EXPERT);
      await phone.goto(`${server.baseUrl}/expert/assignments/${secondId}`);
      await seeTestId(phone, 'score-sheet', 20_000);
      await phone.getByTestId('reading').getByText('高功率密度液流电池电堆').first().waitFor();
      // What sticks out (with its ancestors), for the failure message. A string: no helpers of the test's compiler in the page.
      const widths = (await phone.evaluate(`(() => {
        const client = document.documentElement.clientWidth;
        const up = (el) => { const out = []; for (let e = el; e && out.length < 6; e = e.parentElement) out.push(e.tagName.toLowerCase() + '.' + String(e.className).split(' ').slice(0, 2).join('.')); return out.join(' < '); };
        const wide = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > client + 0.5).slice(0, 3).map((el) => Math.round(el.getBoundingClientRect().right) + ' ' + up(el));
        return { scroll: document.documentElement.scrollWidth, client, wide };
      })()`)) as { scroll: number; client: number; wide: string[] };
      assert.ok(widths.scroll <= widths.client, `horizontal scroll on a phone: ${JSON.stringify(widths)}`);
      const readBox = (await phone.getByTestId('reading').boundingBox())!;
      const sheetBox = (await phone.getByTestId('score-sheet').boundingBox())!;
      assert.ok(sheetBox.y >= readBox.y + readBox.height - 1, `stacked: ${JSON.stringify({ readBox, sheetBox })}`);
      assert.ok(readBox.width <= 390 && sheetBox.width <= 390 && sheetBox.width > 300, JSON.stringify({ readBox, sheetBox }));
      assert.ok(await phone.getByTestId('to-sheet').isVisible(), '去评分 shows on a phone');
      await phone.getByTestId('to-sheet').click();
      // 去评分 brings the sheet to the top of the screen.
      await phone.waitForFunction(() => {
        const top = document.getElementById('score-sheet')?.getBoundingClientRect().top;
        return top !== undefined && top >= 0 && top < 120;
      }, undefined, { timeout: 10_000 });
      await phone.screenshot({ path: '/tmp/lvping-expert-review-phone-sheet.png' });
      const shot = await phone.screenshot({ path: '/tmp/lvping-expert-review-phone.png', fullPage: true });
      assert.equal(pngWidth(shot), 390, 'the full-page screenshot is no wider than the phone');
      assert.deepEqual(appErrors(phoneErrors), []);
      await phoneCtx.close();
      current = page;

      // Scored on the desktop: submitting it empty lists everything missing, beside each field.
      await page.goto(`${server.baseUrl}/expert/assignments/${secondId}`);
      await seeTestId(page, 'score-sheet', 20_000);
      assert.equal(await page.getByTestId('to-sheet').isVisible(), false, '去评分 is for narrow screens only');
      await page.getByTestId('submit-sheet').click();
      await page.getByText('评分表还有 6 处需要完善').first().waitFor();
      for (const c of RUBRIC) await criterion(page, c.id).getByTestId(`problem-scores.${c.id}`).waitFor();
      await page.getByTestId('problem-overallComment').waitFor();
      assert.equal(await page.getByTestId('submit-sheet-confirm').count(), 0, 'no confirmation while incomplete');
      for (const c of RUBRIC) await score(page, c.id, secondScores[c.id as keyof typeof secondScores]);
      await criterion(page, 'tuandui').getByTestId('problem-comments.tuandui').waitFor();
      await criterion(page, 'ip').getByTestId('problem-comments.ip').waitFor();
      assert.equal(await page.getByTestId('problem-comments.lvse').count(), 0, '20 is not below 15');
      await page.getByTestId('comment-tuandui').fill('团队缺少市场与运营方面的核心成员。');
      await page.getByTestId('comment-ip').fill('核心专利数量少，海外布局不足。');
      await page.getByTestId('overall-comment').fill('技术有一定基础，商业化路径尚需验证。');
      await page.locator('[data-testid="sheet-total"][data-total="68"]').waitFor();
      // Every problem is gone (antd lets a field's message fade out first).
      await page.waitForFunction(() => document.querySelectorAll('[data-testid^="problem-"]').length === 0);
      await savedPast(page, 0);
      await submitSheet(page, '68');

      await page.getByTestId('back-to-assignments').click();
      await row(page, second).locator('[data-testid="my-assignment-sheet"][data-sheet="submitted"]').waitFor();
      assert.equal(await progress.getAttribute('data-submitted'), '2');
      assert.equal(await progress.getAttribute('data-assigned'), '2');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: '/tmp/lvping-expert-review.png', fullPage: true });
    });

    // The server's totals are the hand-computed Σ weight × score / max, and the sheets are locked.
    for (const [id, scores] of [[firstId, firstScores], [secondId, secondScores]] as const) {
      const view = await expertApi.ok(expertApi.get(`/api/review-assignments/${id}/sheet`));
      assert.deepEqual(view.rubric.criteria.map((c: { id: string; weight: number; max: number }) => ({ id: c.id, weight: c.weight, max: c.max })), RUBRIC.map(({ id, weight, max }) => ({ id, weight, max })));
      assert.equal(view.status, 'submitted');
      assert.deepEqual(view.sheet.scores, scores);
      assert.ok(Math.abs(view.total - handTotal(scores)) < 1e-9, `${view.total} ≠ ${handTotal(scores)}`);
      const locked = await expertApi.put(`/api/review-assignments/${id}/sheet`, { sheet: view.sheet, baseRevision: view.revision });
      assert.equal(locked.status, 409);
      assert.equal(locked.json.error.code, 'CONFLICT');
    }
    assert.equal(handTotal(secondScores), 68);
    const after = (await expertApi.ok(expertApi.get('/api/review-assignments/mine'))).items as { applicationNumber: string; status: string; sheet: string; total: number | null }[];
    assert.deepEqual(after.filter((m) => m.applicationNumber === declined).map((m) => m.status), ['declined']);
    assert.deepEqual(after.filter((m) => m.sheet === 'submitted').map((m) => m.total).sort(), [68, 78]);
    assert.deepEqual(appErrors(errors), []);
    await page.context().close();
  });

  test('the roadshow timer counts down the presentation, turns amber then red, and moves on to Q&A', async () => {
    // 入围评估 has no roadshow: its sheet is served with the timing of one (河南's rounds have 8 + 7);
    // the browser's clock is driven by hand.
    const expertApi = await signedIn(server.baseUrl, DEMO_EXPERT, DEMO_PASSWORD);
    const mine = (await expertApi.ok(expertApi.get('/api/review-assignments/mine'))).items as { id: string; confirmed: boolean; status: string }[];
    const id = mine.find((m) => m.confirmed && m.status === 'published')!.id;
    const page = await newChinesePage(browser);
    const errors = watchErrors(page);
    await withScreenshot(() => page, 'roadshow-timer', async () => {
      await logIn(page, server.baseUrl, DEMO_EXPERT);
      // Without timing the page says there is nothing to time.
      await page.goto(`${server.baseUrl}/expert/assignments/${id}/timer`);
      await seeTestId(page, 'timer-none');

      await page.route('**/api/review-assignments/*/sheet', async (route) => {
        const res = await route.fetch();
        const body = await res.json();
        await route.fulfill({ response: res, json: { ...body, timing: { presentMinutes: 2, qaMinutes: 1 } } });
      });
      await page.clock.install();
      await page.goto(`${server.baseUrl}/expert/assignments/${id}`);
      await seeTestId(page, 'open-timer', 20_000);
      await page.goto(`${server.baseUrl}/expert/assignments/${id}/timer`);
      const timer = page.getByTestId('roadshow-timer');
      await timer.waitFor();
      // From here the page's time moves only when the test says so.
      await page.clock.pauseAt(Date.now() + 60_000);
      const clock = page.getByTestId('timer-clock');
      assert.equal((await clock.textContent())?.trim(), '02:00');
      assert.equal(await timer.getAttribute('data-level'), 'normal');
      assert.match((await page.getByTestId('timer-phase').textContent()) ?? '', /项目陈述/);

      await page.getByTestId('timer-toggle').click();
      await page.locator('[data-testid="roadshow-timer"][data-running="true"]').waitFor();
      await page.clock.runFor(30_000);
      await page.locator('[data-testid="timer-clock"]', { hasText: '01:30' }).waitFor();
      // Paused, time does not count.
      await page.getByTestId('timer-toggle').click();
      await page.clock.runFor(20_000);
      assert.equal((await clock.textContent())?.trim(), '01:30');
      assert.equal(await timer.getAttribute('data-running'), 'false');
      await page.keyboard.press('Space');
      await page.locator('[data-testid="roadshow-timer"][data-running="true"]').waitFor();
      // The last minute is amber; past zero red, counting up.
      await page.clock.runFor(31_000);
      await page.locator('[data-testid="roadshow-timer"][data-level="warning"]').waitFor();
      assert.match((await page.getByTestId('timer-state').textContent()) ?? '', /最后 1 分钟/);
      await page.clock.runFor(64_000);
      await page.locator('[data-testid="roadshow-timer"][data-level="over"]').waitFor();
      await page.locator('[data-testid="timer-clock"]', { hasText: '+00:05' }).waitFor();
      assert.match((await page.getByTestId('timer-state').textContent()) ?? '', /已超时/);
      const red = await clock.evaluate((el) => getComputedStyle(el).color);
      assert.equal(red, 'rgb(255, 77, 79)');

      // On to Q&A: its own minute, from the top.
      await page.getByTestId('timer-skip').click();
      await page.locator('[data-testid="roadshow-timer"][data-phase="qa"]').waitFor();
      assert.match((await page.getByTestId('timer-phase').textContent()) ?? '', /答辩问答/);
      await page.clock.runFor(10_000);
      await page.locator('[data-testid="timer-clock"]', { hasText: '00:50' }).waitFor();
      assert.equal(await page.getByTestId('timer-skip').count(), 0);

      // Reset (after confirming) goes back to the presentation, stopped.
      await page.getByTestId('timer-reset').click();
      await page.getByTestId('timer-reset-ok').click();
      await page.locator('[data-testid="roadshow-timer"][data-phase="present"][data-running="false"]').waitFor();
      assert.equal((await clock.textContent())?.trim(), '02:00');
      await page.screenshot({ path: '/tmp/lvping-roadshow-timer.png' });
    });
    assert.deepEqual(appErrors(errors), []);
    await page.context().close();
  });
});

if (skip) test(`browser tests skipped: ${skip}`, (t) => t.skip(skip));
