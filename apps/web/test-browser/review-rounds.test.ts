// 评审 (review rounds) on the organizer's side, in a real Chromium against the real server. Six
// applications to 创蓝 (demo edition, track 新能源) pass screening through the API; four experts
// with accounts (the demo expert and three invited from the pool) are pinned to three per
// application, and round 入围评估 is solved and published. Three experts confirm and submit
// every sheet; the fourth starts one and submits none, and the round's phase is moved into the
// past so that expert is late. Then the organizer, in the browser: reads the progress, reminds
// (the mail reaches the late expert, and only them), schedules a reminder, reads the ranking
// (switches method, expands the explanation), unlocks a sheet with a reason, advances the top 5
// to 现场考察 with one changed and the reason, and finds exactly the entrants in 评审分配 of that
// round; publishes it, and watches the two reviewers of one application score it at once, each
// in their own browser page (the expert workspace).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Locator, Page } from 'playwright-core';
import { formatShanghai, shanghaiToEpoch } from '@lvping/domain/program/shanghai-time.ts';
import { mailText, startSmtpServer } from '../../server/test/support/smtp.ts';
import { appErrors, browserUnavailable, seeTestId, watchErrors } from './support/browser.ts';
import { typeInPicker } from './support/form-fill.ts';
import { signedIn, type HttpClient } from './support/http-client.ts';
import { jobResult } from './support/job-wait.ts';
import { DEMO_EXPERT, DEMO_ORGANIZER, DEMO_PASSWORD, logIn, newChinesePage, withScreenshot } from './support/journey.ts';
import { liveServer } from './support/live-app.ts';
import { acceptedExperts, cnblueSheet, demoExpert, EXPERT_PASSWORD, moveIntoPast, myAssignments, scoreAs, sheetTotal, waitFor, type ExpertAccount } from './support/review-seed.ts';
import { programBySlug, screenedCnblue } from './support/seed-applications.ts';
import type { RunningServer } from './support/server.ts';

const skip = browserUnavailable();
const PROGRAM = 'cnblue-2022-demo';
const TRACK = 'xinnengyuan';
const APPLICANT = { email: 'rounds.applicant@example.com', password: 'review rounds 2026', name: '轮次测试申报人' };
const ORGS = ['上海蓝碳储能科技有限公司', '苏州氢途能源科技有限公司', '杭州光合新能源有限公司', '成都风语者电力科技有限公司', '武汉绿岸热能科技有限公司', '西安秦储电池有限公司'];
// How good each application is (share of every criterion's maximum), and how lenient each expert.
const QUALITY = [0.93, 0.88, 0.83, 0.77, 0.71, 0.65];
const BIAS = [0, -0.04, 0.03, 0];
// Who reviews which application; expert 3 is the late one (assigned four, submits none).
const PANELS = [[0, 1, 2], [0, 1, 3], [0, 2, 3], [1, 2, 3], [0, 1, 2], [0, 2, 3]];
const LATE = 3;
const POOL = [
  { name: '沈储能', orgName: '上海交通大学', email: 'shen.chuneng@example.com', keywords: ['储能', '液流电池'], bio: '液流电池与长时储能系统。', fields: [TRACK] },
  { name: '贺光伏', orgName: '南京航空航天大学', email: 'he.guangfu@example.com', keywords: ['光伏', '电堆'], bio: '光伏与电化学储能。', fields: [TRACK] },
  { name: '龚氢能', orgName: '武汉理工大学', email: 'gong.qingneng@example.com', keywords: ['氢能', '燃料电池'], bio: '氢燃料电池。', fields: [TRACK] },
];
const UNLOCK_REASON = '“绿色低碳效益”得分与评语不一致，请复核后重新提交';
// The two 现场考察 reviewers' scores (each above its criterion's comment threshold): 88 and 80.
const PANEL_SCORES = [{ lvse: 22, chuangxin: 18, tuandui: 17, chengzhang: 18, ip: 13 }, { lvse: 20, chuangxin: 16, tuandui: 16, chengzhang: 16, ip: 12 }];
const sumOf = (s: Record<string, number>) => Object.values(s).reduce((a, b) => a + b, 0);
const ADVANCE_REASON = '第5名与第6名得分接近，第6名已有示范工程，经评审组讨论调整';

let server: RunningServer;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

const attr = async (l: Locator, name: string) => (await l.getAttribute(name)) ?? '';
const numbersOf = async (rows: Locator) => Promise.all((await rows.all()).map((r) => attr(r, 'data-number')));

/** A message key on screen means a text missing from the dictionary of the current language. */
async function noRawKeys(page: Page) {
  const text = await page.locator('body').innerText();
  const raw = /\b(rd|as|tab)\.[a-z][A-Za-z.]*/.exec(text);
  assert.equal(raw, null, `a message key on screen: ${raw?.[0]}`);
}

type App = { id: string; number: string };

/** Six screened applications, four experts who can sign in, round 入围评估 pinned, solved, published and (mostly) scored. */
async function seed(api: HttpClient, programId: string): Promise<{ apps: App[]; experts: ExpertAccount[] }> {
  const apps: App[] = await screenedCnblue(server.baseUrl, api, programId, TRACK, APPLICANT, ORGS);
  await moveIntoPast(api, programId, 'ruwei');
  const experts = [await demoExpert(server.baseUrl, api, programId, DEMO_EXPERT, DEMO_PASSWORD), ...(await acceptedExperts(server.baseUrl, api, programId, smtp.mails, POOL))];

  const base = `/api/programs/${programId}/assignment`;
  for (const [a, panel] of PANELS.entries()) {
    for (const e of panel) await api.ok(api.post(`${base}/rules?round=ruwei`, { applicationId: apps[a].id, expertId: experts[e].id, kind: 'pin', reason: '按评审分组指定' }));
  }
  const solved = await jobResult(api, api.post(`${base}/solve?round=ruwei`, { loadCost: 0 }));
  assert.equal(solved.feasible, true, JSON.stringify(solved).slice(0, 500));
  assert.equal(solved.view.roundId, 'ruwei');
  assert.deepEqual(solved.view.rounds.map((r: { id: string }) => r.id), ['ruwei', 'kaocha', 'luyan']);
  const pairs = (items: { applicationId: string; expertId: string }[]) => items.map((i) => `${i.applicationId}:${i.expertId}`).sort();
  assert.deepEqual(pairs(solved.view.items), pairs(PANELS.flatMap((p, a) => p.map((e) => ({ applicationId: apps[a].id, expertId: experts[e].id })))));
  await api.ok(api.post(`${base}/publish?round=ruwei`));
  // Pair rules hold for the whole program, not one round: left in place, three pins per
  // application would also bind 现场考察 (two reviewers), whose solve then fails. Published
  // assignments stay as they are without them.
  for (const [a, panel] of PANELS.entries()) {
    for (const e of panel) await api.ok(api.post(`${base}/rules/delete?round=ruwei`, { applicationId: apps[a].id, expertId: experts[e].id }));
  }

  for (const [i, e] of experts.entries()) {
    const mine = await myAssignments(e.client, 'ruwei');
    assert.equal(mine.length, PANELS.filter((p) => p.includes(i)).length, e.name);
    for (const [k, m] of mine.entries()) {
      const a = apps.findIndex((x) => x.id === m.applicationId);
      const sheet = cnblueSheet(QUALITY[a] + BIAS[i], `${e.name}评${apps[a].number}`);
      if (i !== LATE) await scoreAs(e.client, m.id, sheet);
      else if (k === 0) await scoreAs(e.client, m.id, sheet, { draftOnly: true });
      else await e.client.ok(e.client.post(`/api/review-assignments/${m.id}/confirm`, {}));
    }
  }
  return { apps, experts };
}

describe('评审: progress, reminders, ranking, unlock, advance, and the next round, in Chromium', { skip: skip ?? false, timeout: 300_000 }, () => {
  before(async () => {
    smtp = await startSmtpServer();
  });
  const live = liveServer(() => ({ SMTP_URL: smtp.url }));
  before(() => ({ server, browser } = live));
  after(async () => {
    await smtp?.close();
  });

  test('the organizer watches, reminds, ranks, unlocks and advances; the next round holds exactly the entrants', async () => {
    const api = await signedIn(server.baseUrl, DEMO_ORGANIZER, DEMO_PASSWORD);
    const program = await programBySlug(api, PROGRAM);
    const { apps, experts } = await seed(api, program.id);
    const late = experts[LATE];
    const rounds = `/api/programs/${program.id}/review/rounds`;

    const organizer = await newChinesePage(browser);
    const errors = watchErrors(organizer);
    const tab = organizer.getByTestId('review-tab');
    let entrants: string[] = [];

    await withScreenshot(() => organizer, 'review-rounds', async () => {
      await logIn(organizer, server.baseUrl, DEMO_ORGANIZER);
      await organizer.goto(`${server.baseUrl}/organizer/programs/${program.id}`);
      await organizer.getByTestId('tab-review').click();
      await organizer.locator('[data-testid="review-tab"][data-round="ruwei"]').waitFor();
      // The round switch: every round by name, with its kind; ruwei first.
      for (const [id, kind] of [['ruwei', 'preliminary'], ['kaocha', 'site_visit'], ['luyan', 'roadshow']]) {
        assert.equal(await attr(organizer.getByTestId(`review-round-${id}`), 'data-kind'), kind);
      }
      assert.match((await tab.getByTestId('round-kind').textContent()) ?? '', /线上评审/);
      assert.match((await organizer.getByTestId('review-next-round').textContent()) ?? '', /现场考察与评估/);

      // 进度: 18 reviews assigned and confirmed, 15 started, 14 submitted; the late expert tagged 逾期.
      await seeTestId(organizer, 'review-totals');
      const totals = organizer.getByTestId('review-totals');
      assert.deepEqual(
        await Promise.all(['assigned', 'confirmed', 'started', 'submitted'].map((k) => attr(totals, `data-${k}`))),
        ['18', '18', '15', '14'],
      );
      assert.match((await organizer.getByTestId('review-progress-bar').textContent()) ?? '', /已提交 14\/18/);
      assert.match((await organizer.getByTestId('review-due').textContent()) ?? '', /截止时间/);
      await organizer.getByTestId('review-track-chart').locator('canvas').first().waitFor();
      const track = organizer.locator(`[data-testid="review-track-row"][data-track="${TRACK}"]`);
      assert.deepEqual(await Promise.all(['applications', 'assigned', 'started', 'submitted'].map((k) => attr(track, `data-${k}`))), ['6', '18', '15', '14']);
      const lateRow = organizer.locator(`[data-testid="review-expert-row"][data-email="${late.email}"]`);
      assert.equal(await attr(lateRow, 'data-late'), 'true');
      assert.match((await lateRow.getByTestId('review-expert-late').textContent()) ?? '', /逾期/);
      assert.equal(await organizer.getByTestId('review-expert-late').count(), 1, 'only the expert with sheets outstanding is late');
      // Sortable: 已提交 descending puts an expert with all five submitted first.
      const submittedHeader = organizer.getByTestId('review-experts').locator('th', { hasText: '已提交' });
      await submittedHeader.click();
      await submittedHeader.click();
      assert.equal(await attr(organizer.locator('[data-testid="review-expert-row"]').first(), 'data-submitted'), '5');
      assert.equal(await organizer.locator('[data-testid="review-sheet-row"][data-status="submitted"]').count(), 14);
      assert.equal(await organizer.locator('[data-testid="review-sheet-row"][data-status="draft"]').count(), 1);

      // 提醒: now — the late expert, and only they, get the mail.
      await organizer.getByTestId('review-view-reminders').click();
      await seeTestId(organizer, 'review-reminders');
      assert.equal(await attr(organizer.getByTestId('review-remind-behind'), 'data-count'), '1');
      assert.match((await organizer.getByTestId('review-remind-behind').textContent()) ?? '', new RegExp(late.name));
      await organizer.getByTestId('review-remind-now').click();
      await organizer.locator('[data-testid="review-remind-result"][data-sent="1"]').waitFor();
      const reminder = await waitFor(() => smtp.mails.find((m) => m.to.includes(late.email) && /评审提醒/.test(mailText(m.raw))) ?? null, 'the reminder mail');
      assert.match(mailText(reminder.raw), /还有4个项目的评分表未提交/);
      assert.ok(!smtp.mails.some((m) => experts.slice(0, LATE).some((e) => m.to.includes(e.email)) && /评审提醒/.test(mailText(m.raw))), 'nobody who is done is reminded');

      // 定时提醒 in Beijing time: a past time is refused on the field; tomorrow 09:00 is listed as scheduled.
      const now = Date.now();
      const todayStart = shanghaiToEpoch(formatShanghai(now, false));
      await typeInPicker(organizer, 'review-remind-at', formatShanghai(Math.max(todayStart, now - 3600_000)));
      await organizer.getByTestId('review-remind-schedule').click();
      await seeTestId(organizer, 'review-remind-at-error');
      assert.match((await organizer.getByTestId('review-remind-at-error').textContent()) ?? '', /晚于当前时间/);
      const tomorrow = `${formatShanghai(now + 86_400_000, false)} 09:00`;
      await typeInPicker(organizer, 'review-remind-at', tomorrow);
      await organizer.getByTestId('review-remind-schedule').click();
      await organizer.locator(`[data-testid="review-reminder-row"][data-status="scheduled"][data-due="${shanghaiToEpoch(tomorrow)}"]`).waitFor();

      // 排名: calibrated by default, the order the server computes, P(above the cut of the top 5).
      await organizer.getByTestId('review-view-ranking').click();
      await organizer.locator('[data-testid="review-ranking"][data-method="calibrated"]').waitFor();
      assert.match((await organizer.getByTestId('review-method-text-calibrated').textContent()) ?? '', /Kendall τ/);
      assert.match((await organizer.getByTestId('review-method-text-trimmed').textContent()) ?? '', /去掉一个最高分和一个最低分/);
      assert.match((await organizer.getByTestId('review-cut-rule').textContent()) ?? '', /每个赛道前 5 名进入/);
      const calibrated = await api.ok(api.get(`${rounds}/ruwei/ranking`));
      const rows = organizer.locator('[data-testid="review-rank-row"]');
      assert.deepEqual(await numbersOf(rows), calibrated.tracks[0].items.map((i: { number: string }) => i.number));
      assert.ok((await attr(organizer.getByTestId('review-cut'), 'data-cut')) !== '');
      assert.match((await rows.first().getByTestId('review-p-above').textContent()) ?? '', /^\d+(\.\d)?%$/);
      assert.equal(await organizer.getByTestId('review-tiebreak').locator('li').count(), calibrated.tieBreak.length);
      assert.equal(await organizer.locator('[data-testid="review-rank-expert"]').count(), 3, 'the three experts who submitted');

      // The explanation of the best: three reviews, each expert's leniency and adjusted score.
      const best = organizer.locator(`[data-testid="review-rank-row"][data-number="${apps[0].number}"]`);
      await best.getByTestId('review-rank-expand').click();
      const explain = organizer.locator(`[data-testid="review-explain"][data-number="${apps[0].number}"]`);
      await explain.waitFor();
      assert.equal(await explain.locator('[data-testid="review-explain-review"]').count(), 3);
      assert.equal(await explain.getByTestId('review-explain-offset').count(), 3);
      assert.equal(await explain.getByTestId('review-explain-adjusted').count(), 3);
      assert.equal(await explain.getByTestId('review-explain-part').count(), 15, 'five weighted parts per review');
      assert.match((await explain.getByTestId('review-explain-formula').textContent()) ?? '', /调整分/);
      const demoTotal = sheetTotal(cnblueSheet(QUALITY[0] + BIAS[0], ''));
      assert.equal(await attr(explain.locator(`[data-testid="review-explain-review"][data-expert="${experts[0].name}"]`), 'data-total'), String(demoTotal));

      // 去掉最高最低分: the order follows, and the dropped scores are struck through.
      await organizer.getByTestId('review-method-trimmed').click();
      await organizer.locator('[data-testid="review-ranking"][data-method="trimmed"][data-busy="false"]').waitFor();
      const trimmed = await api.ok(api.get(`${rounds}/ruwei/ranking?method=trimmed`));
      assert.deepEqual(await numbersOf(rows), trimmed.tracks[0].items.map((i: { number: string }) => i.number));
      const row = organizer.locator(`[data-testid="review-rank-row"][data-number="${apps[0].number}"]`);
      if (!(await explain.isVisible())) await row.getByTestId('review-rank-expand').click();
      await explain.locator('[data-testid="review-explain-review"][data-dropped="highest"]').waitFor();
      assert.equal(await explain.locator('[data-testid="review-explain-review"][data-dropped="lowest"]').count(), 1);
      assert.equal(await explain.locator('del').count(), 2);
      assert.match((await explain.getByTestId('review-explain-formula').textContent()) ?? '', /去掉最高分和最低分后/);

      // 解锁 one submitted sheet (the demo expert's of the best application): a reason is required.
      await organizer.getByTestId('review-view-progress').click();
      const sheet = organizer.locator(`[data-testid="review-sheet-row"][data-number="${apps[0].number}"][data-expert="${experts[0].name}"]`);
      await sheet.getByTestId('review-sheet-unlock').click();
      await seeTestId(organizer, 'review-unlock-reason');
      await organizer.getByTestId('review-unlock-confirm').click();
      await organizer.getByText('请填写原因').first().waitFor();
      await organizer.getByTestId('review-unlock-reason').fill(UNLOCK_REASON);
      await organizer.getByTestId('review-unlock-confirm').click();
      await organizer.locator(`[data-testid="review-sheet-row"][data-number="${apps[0].number}"][data-expert="${experts[0].name}"][data-status="draft"]`).waitFor();
      assert.equal(await attr(organizer.getByTestId('review-totals'), 'data-submitted'), '13');
      const assignmentId = await attr(sheet, 'data-assignment');
      const unlocked = await experts[0].client.ok(experts[0].client.get(`/api/review-assignments/${assignmentId}/sheet`));
      assert.equal(unlocked.status, 'draft');
      assert.equal(unlocked.unlockReason, UNLOCK_REASON);

      // 晋级 to 现场考察: the top 5 proposed; the 5th out and the 6th in, which needs a reason.
      await organizer.getByTestId('review-view-advance').click();
      await seeTestId(organizer, 'review-advance');
      assert.match((await organizer.getByTestId('review-advance-rule').textContent()) ?? '', /现场考察与评估[\s\S]*每个赛道前 5 名进入/);
      const preview = await api.ok(api.get(`${rounds}/ruwei/advance`));
      const items: { applicationId: string; number: string; rank: number | null; proposed: boolean }[] = preview.tracks[0].items;
      const proposed = items.filter((i) => i.proposed);
      assert.equal(proposed.length, 5);
      assert.equal(await organizer.locator('[data-testid="review-advance-row"][data-proposed="true"][data-selected="true"]').count(), 5);
      const out = proposed[proposed.length - 1];
      const into = items.find((i) => !i.proposed)!;
      const check = (n: string) => organizer.locator(`[data-testid="review-advance-row"][data-number="${n}"] .ant-checkbox-input`).click();
      await check(out.number);
      await check(into.number);
      const diff = organizer.locator('[data-testid="review-advance-diff"][data-added="1"][data-removed="1"]');
      await diff.waitFor();
      assert.match((await diff.textContent()) ?? '', new RegExp(`\\+ ${into.number}[\\s\\S]*− ${out.number}`));
      await organizer.getByTestId('review-advance-submit').click();
      await organizer.getByText('请填写原因（至少 2 个字）').waitFor();
      await organizer.getByTestId('review-advance-reason').fill(ADVANCE_REASON);
      await organizer.getByTestId('review-advance-submit').click();
      const summary = organizer.getByTestId('review-advance-summary');
      await summary.waitFor();
      assert.deepEqual([await attr(summary, 'data-entered'), await attr(summary, 'data-eliminated')], ['5', '1']);
      assert.match((await summary.textContent()) ?? '', /5 项进入“现场考察与评估”，1 项不再进入/);
      await organizer.getByTestId('review-advance-confirm').click();
      const result = organizer.getByTestId('review-advance-result');
      await result.waitFor();
      assert.deepEqual([await attr(result, 'data-entered'), await attr(result, 'data-eliminated')], ['5', '1']);
      entrants = items.filter((i) => i.applicationId !== out.applicationId && (i.proposed || i.applicationId === into.applicationId)).map((i) => i.number).sort();
      const done = organizer.locator('[data-testid="review-advance-done-row"][data-entered="true"]');
      assert.deepEqual((await numbersOf(done)).sort(), entrants);
      assert.equal(await organizer.locator('.ant-checkbox-input').count(), 0, 'once decided the list is read-only');
      assert.equal((await api.ok(api.get(`${rounds}/ruwei/advance`))).done, true);
      assert.equal((await api.post(`${rounds}/ruwei/advance`, { include: [into.applicationId], reason: '再来一次' })).status, 409);

      // 评审分配 of 现场考察: exactly the five entrants, and they can be assigned.
      await organizer.goto(`${server.baseUrl}/organizer/programs/${program.id}?tab=assignment`);
      await organizer.getByTestId('assignment-round-kaocha').click();
      await organizer.locator('[data-testid="assignment-tab"][data-round="kaocha"]').waitFor();
      assert.match((await organizer.getByTestId('assignment-summary').textContent()) ?? '', /待评审项目 5 个/);
      await organizer.getByTestId('solve-run').click();
      await seeTestId(organizer, 'assignment-quality', 60_000);
      assert.deepEqual((await numbersOf(organizer.locator('[data-testid="assignment-row"]'))).sort(), entrants);
      const kaocha = await api.ok(api.get(`/api/programs/${program.id}/assignment?round=kaocha`));
      assert.equal(kaocha.applications, 5);
      assert.deepEqual([...new Set(kaocha.items.map((i: { applicationNumber: string }) => i.applicationNumber))].sort(), entrants);
      const ruwei = await api.ok(api.get(`/api/programs/${program.id}/assignment?round=ruwei`));
      assert.equal(ruwei.items.length, 18, 'the first round keeps its own assignment');
    });

    // Panel scores live: the two reviewers of one 现场考察 application score it at the same time in
    // two browser pages, while the organizer watches the round's progress.
    const target = apps.find((a) => a.number === entrants[0])!;
    const panel = [experts[1], experts[2]];
    await withScreenshot(() => organizer, 'review-rounds-panel', async () => {
      const base = `/api/programs/${program.id}/assignment`;
      let view = await api.ok(api.get(`${base}?round=kaocha`));
      for (const e of panel) {
        const mine = view.items.filter((i: { applicationId: string }) => i.applicationId === target.id);
        if (mine.some((i: { expertId: string }) => i.expertId === e.id)) continue;
        const other = mine.find((i: { expertId: string }) => !panel.some((p) => p.id === i.expertId));
        view = await api.ok(api.post(`${base}/edit?round=kaocha`, { op: 'swap', assignmentId: other.id, expertId: e.id }));
      }
      await organizer.reload();
      await organizer.locator('[data-testid="assignment-tab"][data-round="kaocha"]').waitFor();
      await organizer.getByTestId('assignment-publish').click();
      await organizer.getByTestId('publish-confirm').click();
      await organizer.locator('[data-testid="assignment-publish"][data-drafts="0"]').waitFor();

      await organizer.goto(`${server.baseUrl}/organizer/programs/${program.id}?tab=review&round=kaocha`);
      await organizer.locator('[data-testid="review-tab"][data-round="kaocha"]').waitFor();
      const totals = organizer.getByTestId('review-totals');
      await totals.waitFor();
      assert.deepEqual([await attr(totals, 'data-assigned'), await attr(totals, 'data-submitted')], ['10', '0']);
      assert.equal(await tab.getByTestId('round-blind').count(), 0, 'this round is not blind');

      // Both reviewers open the application in their workspace and score it, side by side.
      const ids = await Promise.all(panel.map(async (e) => (await myAssignments(e.client, 'kaocha')).find((m) => m.applicationId === target.id)!.id));
      for (const [k, e] of panel.entries()) await e.client.ok(e.client.post(`/api/review-assignments/${ids[k]}/confirm`, {}));
      const pages = await Promise.all(panel.map(() => newChinesePage(browser)));
      const pageErrors = pages.map((p) => watchErrors(p));
      await Promise.all(pages.map(async (p, k) => {
        await logIn(p, server.baseUrl, panel[k].email, EXPERT_PASSWORD);
        await p.goto(`${server.baseUrl}/expert/assignments/${ids[k]}`);
        await seeTestId(p, 'score-sheet', 20_000);
        assert.equal((await p.getByTestId('workspace-number').textContent())?.trim(), target.number);
        for (const [id, value] of Object.entries(PANEL_SCORES[k])) {
          const input = p.getByTestId(`score-${id}`);
          await input.scrollIntoViewIfNeeded();
          await input.fill(String(value));
          await input.blur();
        }
        await p.getByTestId('overall-comment').fill(`${panel[k].name}：现场考察情况与申报材料一致。`);
        await p.waitForFunction(() => {
          const sheet = document.querySelector('[data-testid="score-sheet"]');
          return document.querySelector('[data-testid="save-status"]')?.getAttribute('data-state') === 'saved' && Number(sheet?.getAttribute('data-revision')) > 0;
        }, undefined, { timeout: 15_000 });
      }));
      // The organizer sees both started, nothing submitted yet…
      await organizer.getByTestId('review-refresh').click();
      await organizer.locator('[data-testid="review-totals"][data-started="2"][data-submitted="0"]').waitFor();
      // …both submit at once, and the round shows them.
      await Promise.all(pages.map(async (p) => {
        await p.getByTestId('submit-sheet').click();
        await p.getByTestId('submit-sheet-confirm').click();
        await seeTestId(p, 'sheet-locked', 15_000);
      }));
      await organizer.getByTestId('review-refresh').click();
      await organizer.locator('[data-testid="review-totals"][data-submitted="2"]').waitFor();
      assert.equal(await organizer.locator(`[data-testid="review-sheet-row"][data-number="${target.number}"][data-status="submitted"]`).count(), 2);
      for (const [k, p] of pages.entries()) {
        assert.deepEqual(appErrors(pageErrors[k]), []);
        await p.context().close();
      }
      await organizer.getByTestId('review-view-ranking').click();
      const ranked = organizer.locator(`[data-testid="review-rank-row"][data-number="${target.number}"]`);
      await ranked.waitFor();
      assert.equal(await organizer.locator('[data-testid="review-rank-row"]').count(), 1);
      assert.equal(await organizer.locator('[data-testid="review-unscored-item"]').count(), 4);
      await ranked.getByTestId('review-rank-expand').click();
      const reviews = organizer.locator(`[data-testid="review-explain"][data-number="${target.number}"] [data-testid="review-explain-review"]`);
      await reviews.first().waitFor();
      assert.deepEqual((await Promise.all((await reviews.all()).map((r) => attr(r, 'data-expert')))).sort(), panel.map((e) => e.name).sort());
      assert.deepEqual((await Promise.all((await reviews.all()).map((r) => attr(r, 'data-total')))).map(Number).sort(), PANEL_SCORES.map(sumOf).sort());
      await organizer.evaluate(() => window.scrollTo(0, 0));
      await organizer.screenshot({ path: '/tmp/lvping-review-rounds.png', fullPage: true });

      // Two reviewers 8 points apart: a warning, whose "add a reviewer" opens 评审分配 of this round.
      const flag = organizer.locator(`[data-testid="review-flag"][data-kind="app-disagreement"]`);
      assert.match((await flag.textContent()) ?? '', new RegExp(`申报 ${target.number} 的专家评分分歧大：最高 88，最低 80`));
      await flag.getByTestId('review-flag-add-reviewer').click();
      await organizer.locator('[data-testid="assignment-tab"][data-round="kaocha"]').waitFor();
      await organizer.locator(`[data-testid="assignment-row"][data-number="${target.number}"]`).waitFor();
      await organizer.goBack();
      await organizer.locator('[data-testid="review-ranking"][data-method="calibrated"]').waitFor();

      // In English every view reads in English: no message key shows in place of a text.
      await noRawKeys(organizer);
      await organizer.getByTestId('lang-switch').click();
      await organizer.getByTestId('review-view-ranking').getByText('Ranking').waitFor();
      assert.match((await organizer.getByTestId('review-method-calibrated').textContent()) ?? '', /Calibrated/);
      assert.match((await organizer.getByTestId('review-method-text-mean').textContent()) ?? '', /plain mean/);
      assert.match((await organizer.getByTestId('review-tiebreak').textContent()) ?? '', /Higher final score/);
      await noRawKeys(organizer);
      for (const v of ['progress', 'reminders']) {
        await organizer.getByTestId(`review-view-${v}`).click();
        await seeTestId(organizer, `review-${v}`);
        await noRawKeys(organizer);
      }
      assert.match((await organizer.getByTestId('review-remind-now').textContent()) ?? '', /Remind now/);
      await organizer.getByTestId('review-round-ruwei').click();
      await organizer.getByTestId('review-view-advance').click();
      await seeTestId(organizer, 'review-advance-done');
      assert.match((await organizer.getByTestId('review-advance-rule').textContent()) ?? '', /The top 5 of each track/);
      await noRawKeys(organizer);
    });

    assert.deepEqual(appErrors(errors), []);
    await organizer.context().close();
  });
});

if (skip) test(`browser tests skipped: ${skip}`, (t) => t.skip(skip));
