// 评审安排 (site visits and roadshow slots) in a real Chromium against the real server, on 创蓝
// (demo edition): 入围评估 → 现场考察与评估 (site_visit) → 线下路演与专家评审 (roadshow). Four
// applications pass screening through the API; the demo expert is pinned to each in 入围评估, the
// round is solved and published, the demo expert submits every sheet, and all four advance to
// 现场考察 (the demo expert pinned, solved, published, confirmed). In the browser, on the schedule
// page (/organizer/programs/:pid/rounds/:rid/schedule): 入围评估 has nothing to schedule; in 现场考察
// the organizer schedules a visit, first refused on a field by the server, then saved. The expert
// uploads the visit report (through the workspace when it mounts AssignmentScheduleInfo, else
// through the API, refusals included), and the organizer downloads it from the schedule. The
// demo expert scores 现场考察 and its top 3 advance to 路演; a 回避 of 陈光明 with one of them is
// declared. In the browser the organizer lays out the timetable (two panels, the panel name
// picked from the suggestions, a room and an online link) and adds 陈光明 and 刘储能 to 第一组:
// three draft assignments, the declared pair skipped with its reason. The applicant's page
// shows both the visit and the slot.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Locator, Page } from 'playwright-core';
import { shanghaiToEpoch } from '@lvping/domain/program/shanghai-time.ts';
import { appErrors, browserUnavailable, seeTestId, watchErrors } from './support/browser.ts';
import { pdfBytes } from './support/files.ts';
import { chooseTypedOption, typeInPicker } from './support/form-fill.ts';
import { signedIn, type HttpClient } from './support/http-client.ts';
import { jobResult } from './support/job-wait.ts';
import { DEMO_EXPERT, DEMO_ORGANIZER, DEMO_PASSWORD, download, logIn, newChinesePage, withScreenshot } from './support/journey.ts';
import { liveServer } from './support/live-app.ts';
import { cnblueSheet, myAssignments, type MyAssignment } from './support/review-seed.ts';
import { programBySlug, screenedCnblue } from './support/seed-applications.ts';
import type { RunningServer } from './support/server.ts';

const skip = browserUnavailable();
const PROGRAM = 'cnblue-2022-demo';
const TRACK = 'xinnengyuan';
const APPLICANT = { email: 'schedule.applicant@example.com', password: 'review schedule 2026', name: '评审安排测试申报人' };
const ORGS = ['北京蓝碳储能科技有限公司', '天津氢途能源科技有限公司', '河北光合新能源有限公司', '山西风语者电力科技有限公司'];
// How good each application is, as the demo expert scores it (share of every criterion's maximum).
const QUALITY = [0.92, 0.85, 0.78, 0.7];
const VISIT = { date: '2022-05-06', team: '王教授（组长）、李研究员、工作人员张某', address: '北京市海淀区中关村南大街5号储能示范基地' };
const ROOM = '第一会议室（A座3层）';
const LINK = 'https://meeting.tencent.com/dm/lvping2022';
const CONFLICT_REASON = '近三年曾与该单位合作承担储能研发项目';

let server: RunningServer;
let browser: Browser;

type App = { id: string; number: string };
type Expert = { id: string; client: HttpClient };

/** The demo expert reviews every application of the round (pinned), the solver picks the rest; published. */
async function assignRound(api: HttpClient, programId: string, roundId: string, apps: App[], demo: Expert): Promise<MyAssignment[]> {
  const base = `/api/programs/${programId}/assignment`;
  for (const a of apps) await api.ok(api.post(`${base}/rules?round=${roundId}`, { applicationId: a.id, expertId: demo.id, kind: 'pin', reason: '演示专家评审本轮全部项目' }));
  const solved = await jobResult(api, api.post(`${base}/solve?round=${roundId}`, { loadCost: 0 }));
  assert.equal(solved.feasible, true, JSON.stringify(solved).slice(0, 500));
  await api.ok(api.post(`${base}/publish?round=${roundId}`));
  const mine = await myAssignments(demo.client, roundId);
  assert.deepEqual(mine.map((m) => m.applicationId).sort(), apps.map((a) => a.id).sort());
  for (const m of mine) await demo.client.ok(demo.client.post(`/api/review-assignments/${m.id}/confirm`, {}));
  return mine;
}

/** The demo expert fills and submits every sheet of the round, each application at its quality. */
async function scoreRound(demo: Expert, roundId: string, apps: App[]): Promise<void> {
  for (const m of await myAssignments(demo.client, roundId)) {
    const a = apps.findIndex((x) => x.id === m.applicationId);
    const current = await demo.client.ok(demo.client.get(`/api/review-assignments/${m.id}/sheet`));
    const saved = await demo.client.ok(demo.client.put(`/api/review-assignments/${m.id}/sheet`, { sheet: cnblueSheet(QUALITY[a], `评${apps[a].number}`), baseRevision: current.revision }));
    assert.deepEqual(saved.problems, []);
    await demo.client.ok(demo.client.post(`/api/review-assignments/${m.id}/sheet/submit`, { baseRevision: saved.revision }));
  }
}

/** Confirms who enters the next round: the rule's proposal, or `include` with a reason when it differs. */
async function advance(api: HttpClient, programId: string, roundId: string, include?: string[]): Promise<string[]> {
  const path = `/api/programs/${programId}/review/rounds/${roundId}/advance`;
  const preview = await api.ok(api.get(path));
  const proposed: string[] = preview.tracks.flatMap((t: { items: { applicationId: string; proposed: boolean }[] }) => t.items.filter((i) => i.proposed).map((i) => i.applicationId));
  const chosen = include ?? proposed;
  const same = chosen.length === proposed.length && chosen.every((id) => proposed.includes(id));
  await api.ok(api.post(path, { include: chosen, ...(same ? {} : { reason: '全部进入下一轮，便于安排' }) }));
  return chosen;
}

/** Four screened applications; 入围评估 scored and advanced (all four); 现场考察 assigned to the demo expert, confirmed. */
async function seed(api: HttpClient, programId: string) {
  const apps: App[] = await screenedCnblue(server.baseUrl, api, programId, TRACK, APPLICANT, ORGS);
  const panel: { expertId: string; expert: { name: string; email: string } }[] = (await api.ok(api.get(`/api/programs/${programId}/experts`))).items;
  const idOf = (pred: (e: { name: string; email: string }) => boolean) => panel.find((x) => pred(x.expert))!.expertId;
  const demo: Expert = { id: idOf((e) => e.email === DEMO_EXPERT), client: await signedIn(server.baseUrl, DEMO_EXPERT, DEMO_PASSWORD) };
  await assignRound(api, programId, 'ruwei', apps, demo);
  await scoreRound(demo, 'ruwei', apps);
  await advance(api, programId, 'ruwei', apps.map((a) => a.id));
  const kaocha = await assignRound(api, programId, 'kaocha', apps, demo);
  return { apps, demo, kaocha, chen: idOf((e) => e.name === '陈光明'), liu: idOf((e) => e.name === '刘储能') };
}

const attr = async (l: Locator, name: string) => (await l.getAttribute(name)) ?? '';
const visitRow = (p: Page, number: string) => p.locator(`[data-testid="sched-visit-row"][data-number="${number}"]`);
const slotRow = (p: Page, number: string) => p.locator(`[data-testid="sched-slot-row"][data-number="${number}"]`);
const panelCard = (p: Page, panel: string) => p.locator(`[data-testid="sched-panel-card"][data-panel="${panel}"]`);
/** The error antd shows under the form item holding this input. */
const fieldError = (p: Page, inputTestId: string) => p.locator('.ant-form-item').filter({ has: p.getByTestId(inputTestId) }).locator('.ant-form-item-explain-error');

/** Closes the open Select's list by clicking beside it, in the dialog (Escape could close the dialog too). */
async function closeDropdown(page: Page) {
  await page.getByTestId('sched-members-explain').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
}

/** One roadshow slot through its dialog; `panel` typed, or picked from the suggestions after typing `suggest`. */
async function scheduleSlot(page: Page, number: string, slot: { panel: string; suggest?: string; at: string; place: string }) {
  const unscheduled = page.locator(`[data-testid="sched-unscheduled-row"][data-number="${number}"]`);
  await unscheduled.getByTestId('sched-slot-edit').click();
  await seeTestId(page, 'sched-slot-modal');
  const panel = page.getByTestId('sched-slot-panel');
  await panel.fill('');
  if (slot.suggest) {
    await panel.pressSequentially(slot.suggest);
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
    await dropdown.waitFor({ state: 'visible' });
    await dropdown.locator(`[data-testid="sched-panel-option"][data-panel="${slot.panel}"]`).click();
    assert.equal(await panel.inputValue(), slot.panel);
  } else {
    await panel.fill(slot.panel);
  }
  await typeInPicker(page, 'sched-slot-starts', slot.at);
  await page.getByTestId('sched-slot-place-input').fill(slot.place);
  await page.getByTestId('sched-slot-save').click();
  await slotRow(page, number).and(page.locator(`[data-panel="${slot.panel}"][data-starts="${shanghaiToEpoch(slot.at)}"]`)).waitFor();
  await page.getByTestId('sched-slot-modal').waitFor({ state: 'hidden' });
}

describe('评审安排: site visits, the visit report, the roadshow timetable and panel members, in Chromium', { skip: skip ?? false, timeout: 300_000 }, () => {
  after(() => {
    if (process.env.DEBUG_SERVER_LOG) console.log(server?.output());
  });
  const live = liveServer();
  before(() => ({ server, browser } = live));

  test('the organizer schedules visits and slots and adds a panel; the expert uploads the report; the applicant is told', async (t) => {
    const api = await signedIn(server.baseUrl, DEMO_ORGANIZER, DEMO_PASSWORD);
    const program = await programBySlug(api, PROGRAM);
    const { apps, demo, kaocha, chen, liu } = await seed(api, program.id);
    const [A, B] = apps;
    const schedulePage = (round: string) => `${server.baseUrl}/organizer/programs/${program.id}/rounds/${round}/schedule`;

    const organizer = await newChinesePage(browser);
    const errors = watchErrors(organizer);
    let page: Page | undefined = organizer;

    await withScreenshot(() => page, 'review-schedule', async () => {
      await logIn(organizer, server.baseUrl, DEMO_ORGANIZER);

      // 入围评估 is an online round: nothing to schedule.
      await organizer.goto(schedulePage('ruwei'));
      await organizer.locator('[data-testid="sched-panel"][data-round="ruwei"][data-mode="none"]').waitFor();
      assert.match((await organizer.getByTestId('sched-none').textContent()) ?? '', /无需安排时间地点/);

      // 现场考察与评估, through the round switch: all four applications, none scheduled.
      await organizer.getByTestId('sched-round-kaocha').click();
      await organizer.waitForURL(/\/rounds\/kaocha\/schedule$/);
      await organizer.locator('[data-testid="sched-panel"][data-round="kaocha"][data-mode="visit"]').waitFor();
      assert.equal(await attr(organizer.getByTestId('sched-round-kind'), 'data-kind'), 'site_visit');
      assert.equal(await organizer.getByTestId('sched-visit-row').count(), 4);
      assert.equal(await attr(organizer.getByTestId('sched-visit-summary'), 'data-done'), '0');

      // The visit of A: an address of one character passes the browser but the server refuses it, on that field.
      await visitRow(organizer, A.number).getByTestId('sched-visit-edit').click();
      await seeTestId(organizer, 'sched-visit-modal');
      await typeInPicker(organizer, 'sched-visit-date', VISIT.date);
      await organizer.getByTestId('sched-visit-team').fill(VISIT.team);
      await organizer.getByTestId('sched-visit-address').fill('厂');
      await organizer.getByTestId('sched-visit-save').click();
      await fieldError(organizer, 'sched-visit-address').waitFor();
      assert.match((await fieldError(organizer, 'sched-visit-address').textContent()) ?? '', /至少需要 2 个字符/);
      assert.equal(await fieldError(organizer, 'sched-visit-team').count(), 0, 'only the refused field shows an error');
      assert.equal(await attr(organizer.getByTestId('sched-visit-summary'), 'data-done'), '0', 'nothing saved');
      await organizer.getByTestId('sched-visit-address').fill(VISIT.address);
      await fieldError(organizer, 'sched-visit-address').waitFor({ state: 'detached' }); // editing the field clears its error
      await organizer.getByTestId('sched-visit-save').click();
      await organizer.locator(`[data-testid="sched-visit-row"][data-number="${A.number}"][data-date="${VISIT.date}"]`).waitFor();
      await organizer.getByTestId('sched-visit-modal').waitFor({ state: 'hidden' });
      const rowA = visitRow(organizer, A.number);
      assert.match((await rowA.textContent()) ?? '', new RegExp(`${VISIT.team}.*${VISIT.address}`));
      assert.match((await rowA.textContent()) ?? '', /未上传/);
      assert.equal(await attr(organizer.getByTestId('sched-visit-summary'), 'data-done'), '1');
      // What the server keeps is what was typed.
      const stored = await api.ok(api.get(`/api/programs/${program.id}/review/rounds/kaocha/schedule`));
      assert.deepEqual(stored.items.find((i: { applicationId: string }) => i.applicationId === A.id).visit, { ...VISIT, report: null });
    });

    // The expert of the visit: the reading view carries the visit; the report goes up.
    const mineA = kaocha.find((m) => m.applicationId === A.id)!;
    const mineB = kaocha.find((m) => m.applicationId === B.id)!;
    const reading = await demo.client.ok(demo.client.get(`/api/review-assignments/${mineA.id}/application`));
    assert.deepEqual(reading.visit, { ...VISIT, report: null });
    assert.equal(reading.slot, null);
    const expertPage = await newChinesePage(browser);
    const expertErrors = watchErrors(expertPage);
    page = expertPage;
    let reportId = '';
    await withScreenshot(() => page, 'review-schedule-expert', async () => {
      await logIn(expertPage, server.baseUrl, DEMO_EXPERT);
      await expertPage.goto(`${server.baseUrl}/expert/assignments/${mineA.id}`);
      await seeTestId(expertPage, 'review-workspace', 20_000);
      await seeTestId(expertPage, 'reading', 20_000);
      const mounted = (await expertPage.getByTestId('sched-info').count()) > 0;
      if (mounted) {
        // The workspace shows AssignmentScheduleInfo: the visit, and the upload with the server's refusal.
        assert.equal((await expertPage.getByTestId('sched-info-visit-date').textContent())?.trim(), VISIT.date);
        assert.equal((await expertPage.getByTestId('sched-info-address').textContent())?.trim(), VISIT.address);
        await expertPage.setInputFiles('[data-testid="sched-report-upload"] input[type=file]', { name: '现场考察报告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('这不是PDF文件') });
        await seeTestId(expertPage, 'sched-report-error');
        assert.equal(await attr(expertPage.getByTestId('sched-report-error'), 'data-code'), 'FILE_TYPE_MISMATCH');
        assert.match((await expertPage.getByTestId('sched-report-error').textContent()) ?? '', /与扩展名 \.pdf 不符/);
        await expertPage.setInputFiles('[data-testid="sched-report-upload"] input[type=file]', { name: '现场考察报告.pdf', mimeType: 'application/pdf', buffer: pdfBytes('Site visit report') });
        await seeTestId(expertPage, 'sched-info-report', 20_000);
        assert.equal(await expertPage.getByTestId('sched-report-error').count(), 0);
        reportId = await attr(expertPage.getByTestId('sched-info-report'), 'data-file');
      } else {
        t.diagnostic('the expert workspace does not mount AssignmentScheduleInfo yet: the visit report is uploaded through the API');
        const path = `/api/review-assignments/${mineA.id}/visit-report`;
        const wrong = await demo.client.upload(path, '现场考察报告.pdf', Buffer.from('这不是PDF文件'), 'application/pdf');
        assert.equal(wrong.status, 415, JSON.stringify(wrong.json));
        assert.equal(wrong.json.error.code, 'FILE_TYPE_MISMATCH');
        const exe = await demo.client.upload(path, '报告.exe', Buffer.from('MZ'), 'application/octet-stream');
        assert.equal(exe.status, 415, JSON.stringify(exe.json));
        const unscheduled = await demo.client.upload(`/api/review-assignments/${mineB.id}/visit-report`, '现场考察报告.pdf', pdfBytes('B'), 'application/pdf');
        assert.equal(unscheduled.status, 409, JSON.stringify(unscheduled.json));
        assert.match(unscheduled.json.error.message['zh-CN'], /尚未安排该项目的现场考察/);
        const ruwei = (await myAssignments(demo.client, 'ruwei')).find((m) => m.applicationId === A.id)!;
        const online = await demo.client.upload(`/api/review-assignments/${ruwei.id}/visit-report`, '现场考察报告.pdf', pdfBytes('A'), 'application/pdf');
        assert.equal(online.status, 400, JSON.stringify(online.json));
        assert.match(online.json.error.message['zh-CN'], /只有现场考察轮次有考察报告/);
        const ref = await demo.client.ok(demo.client.upload(path, '现场考察报告.pdf', pdfBytes('Site visit report'), 'application/pdf'));
        assert.equal(ref.name, '现场考察报告.pdf');
        reportId = ref.id;
      }
      assert.ok(reportId);
      const after = await demo.client.ok(demo.client.get(`/api/review-assignments/${mineA.id}/application`));
      assert.deepEqual(after.visit.report, { id: reportId, name: '现场考察报告.pdf' });
      const file = await demo.client.get(`/api/review-assignments/${mineA.id}/files/${reportId}`);
      assert.equal(file.status, 200);
      assert.equal(String(file.json).slice(0, 5), '%PDF-');
      assert.deepEqual(appErrors(expertErrors), []);
    });
    await expertPage.context().close();

    // The organizer finds the report on the schedule and downloads it.
    page = organizer;
    await withScreenshot(() => page, 'review-schedule', async () => {
      await organizer.reload();
      await organizer.locator(`[data-testid="sched-visit-row"][data-number="${A.number}"][data-report="${reportId}"]`).waitFor();
      const report = await download(organizer, 'sched-visit-report');
      assert.equal(report.name, '现场考察报告.pdf');
      assert.equal(report.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    });

    // 现场考察 scored; its top 3 enter the roadshow; 陈光明 declares a 回避 with B (through the organizer).
    await scoreRound(demo, 'kaocha', apps);
    const entrants = await advance(api, program.id, 'kaocha');
    assert.deepEqual(entrants.sort(), apps.slice(0, 3).map((a) => a.id).sort(), 'the three best of the visits');
    await api.ok(api.post(`/api/programs/${program.id}/expert-conflicts`, { expertId: chen, applicationId: B.id, reason: CONFLICT_REASON }));
    const C = apps[2];

    await withScreenshot(() => page, 'review-schedule', async () => {
      await organizer.getByTestId('sched-round-luyan').click();
      await organizer.waitForURL(/\/rounds\/luyan\/schedule$/);
      await organizer.locator('[data-testid="sched-panel"][data-round="luyan"][data-mode="slot"]').waitFor();
      assert.equal(await attr(organizer.getByTestId('sched-round-kind'), 'data-kind'), 'roadshow');
      assert.equal(await attr(organizer.getByTestId('sched-unscheduled'), 'data-count'), '3');
      assert.equal(await organizer.getByTestId('sched-panel-card').count(), 0);

      // A in a new panel 第一组, in a room; B after it in 第一组 (picked from the suggestions), online; C alone in 第二组.
      await scheduleSlot(organizer, A.number, { panel: '第一组', at: '2022-05-20 09:00', place: ROOM });
      await scheduleSlot(organizer, B.number, { panel: '第一组', suggest: '第', at: '2022-05-20 09:20', place: LINK });
      await scheduleSlot(organizer, C.number, { panel: '第二组', at: '2022-05-20 09:00', place: '第二会议室' });
      const summary = organizer.getByTestId('sched-slot-summary');
      assert.deepEqual([await attr(summary, 'data-done'), await attr(summary, 'data-panels')], ['3', '2']);
      assert.equal(await attr(organizer.getByTestId('sched-unscheduled'), 'data-count'), '0');
      const first = panelCard(organizer, '第一组');
      assert.deepEqual(await first.getByTestId('sched-slot-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number'))), [A.number, B.number], 'in time order');
      assert.equal((await slotRow(organizer, A.number).getByTestId('sched-slot-time').textContent())?.trim(), '2022-05-20 09:00');
      const online = slotRow(organizer, B.number).getByTestId('sched-slot-place');
      assert.equal(await attr(online, 'data-link'), 'true');
      assert.equal(await attr(online, 'href'), LINK);
      assert.equal(await attr(slotRow(organizer, A.number).getByTestId('sched-slot-place'), 'data-link'), '', 'a room is not a link');
      assert.equal(await panelCard(organizer, '第二组').getByTestId('sched-slot-row').count(), 1);

      // Editing a slot opens with what it holds (the Beijing time as scheduled).
      await slotRow(organizer, B.number).getByTestId('sched-slot-edit').click();
      await seeTestId(organizer, 'sched-slot-modal');
      assert.equal(await organizer.getByTestId('sched-slot-panel').inputValue(), '第一组');
      assert.equal(await organizer.getByTestId('sched-slot-starts').inputValue(), '2022-05-20 09:20');
      assert.equal(await organizer.getByTestId('sched-slot-place-input').inputValue(), LINK);
      await organizer.getByTestId('sched-slot-cancel').click();
      await organizer.getByTestId('sched-slot-modal').waitFor({ state: 'hidden' });

      // 第一组's members: 陈光明 and 刘储能 review A and B — except 陈光明 × B, the declared 回避.
      await first.getByTestId('sched-members-open').click();
      await seeTestId(organizer, 'sched-members-modal');
      await organizer.getByTestId('sched-members-select').click();
      await chooseTypedOption(organizer, '陈光明');
      await chooseTypedOption(organizer, '刘储能');
      await closeDropdown(organizer);
      await organizer.getByTestId('sched-members-save').click();
      const result = organizer.getByTestId('sched-members-result');
      await result.waitFor();
      assert.deepEqual([await attr(result, 'data-added'), await attr(result, 'data-skipped')], ['3', '1']);
      const skipped = organizer.getByTestId('sched-members-skipped-row');
      assert.deepEqual([await attr(skipped, 'data-application'), await attr(skipped, 'data-expert')], [B.id, chen]);
      // The server says which 回避 (declared, same unit…), not the expert's own words.
      assert.equal((await skipped.getByTestId('sched-members-skipped-reason').textContent())?.trim(), '声明回避：专家声明回避本项目');
      assert.match((await skipped.textContent()) ?? '', new RegExp(`${B.number}.*陈光明`));
      assert.match((await organizer.getByTestId('sched-members-hint').textContent()) ?? '', /草稿.*评审分配/);
      assert.equal(await attr(organizer.getByTestId('sched-members-to-assignment'), 'href'), `/organizer/programs/${program.id}?tab=assignment&round=luyan`);
      await organizer.getByTestId('sched-members-close').click();
      await first.locator('[data-testid="sched-panel-members"][data-count="2"]').waitFor();
      assert.deepEqual((await first.getByTestId('sched-panel-member').evaluateAll((ts) => ts.map((x) => x.getAttribute('data-expert')))).sort(), [chen, liu].sort());
      assert.equal(await panelCard(organizer, '第二组').locator('[data-testid="sched-panel-members"][data-count="0"]').count(), 1);

      // Adding them again adds nothing and skips the same pair.
      await first.getByTestId('sched-members-open').click();
      await seeTestId(organizer, 'sched-members-modal');
      await organizer.getByTestId('sched-members-select').click();
      await chooseTypedOption(organizer, '刘储能');
      await closeDropdown(organizer);
      await organizer.getByTestId('sched-members-save').click();
      await organizer.locator('[data-testid="sched-members-result"][data-added="0"][data-skipped="0"]').waitFor();
      await organizer.getByTestId('sched-members-close').click();
      assert.deepEqual(appErrors(errors), []);
    });

    // The drafts wait in 评审分配 of 路演 to be published.
    const assignment = await api.ok(api.get(`/api/programs/${program.id}/assignment?round=luyan`));
    const drafts = (assignment.items as { applicationId: string; expertId: string; status: string; source: string }[]).filter((i) => i.source === 'panel');
    assert.deepEqual(drafts.map((d) => `${d.applicationId}:${d.expertId}:${d.status}`).sort(), [`${A.id}:${chen}:draft`, `${A.id}:${liu}:draft`, `${B.id}:${liu}:draft`].sort());

    // The applicant sees A's visit and slot, and only those.
    const applicantPage = await newChinesePage(browser);
    page = applicantPage;
    await withScreenshot(() => page, 'review-schedule-applicant', async () => {
      await logIn(applicantPage, server.baseUrl, APPLICANT.email, APPLICANT.password);
      await applicantPage.goto(`${server.baseUrl}/applications/${A.id}`);
      await seeTestId(applicantPage, 'review-schedule', 20_000);
      const items = await applicantPage.getByTestId('review-schedule-item').allTextContents();
      assert.equal(items.length, 2, items.join(' | '));
      assert.match(items[0], new RegExp(`现场考察与评估.*现场考察：${VISIT.date}，地点：${VISIT.address}`));
      assert.match(items[1], new RegExp(`线下路演与专家评审.*路演时间：2022-05-20 09:00（北京时间），第一组，${ROOM.replace(/[()（）]/g, '.')}`));
      assert.doesNotMatch(items.join(' '), new RegExp(VISIT.team), 'the visit team is not told to the applicant');
      await applicantPage.goto(`${server.baseUrl}/applications/${B.id}`);
      await seeTestId(applicantPage, 'review-schedule', 20_000);
      assert.match((await applicantPage.getByTestId('review-schedule').textContent()) ?? '', /路演时间：2022-05-20 09:20（北京时间），第一组，https:\/\/meeting\.tencent\.com/);
    });
    await applicantPage.context().close();
  });
});
