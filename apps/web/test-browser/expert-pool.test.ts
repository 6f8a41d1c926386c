// 专家库 in a real Chromium against the real server. The organizer downloads the import template,
// fills it (exceljs, under the template's own header row), and imports it: a sheet with mistakes is
// refused row by row and column by column with nothing imported; the corrected sheet adds the
// experts, who then show in the table and its search, and go out again in the Excel export. Then
// one of them is invited to a program, accepts from the emailed link (signing up with the invited
// address, declaring a 回避), and the program's expert list shows the answer.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { appErrors, browserUnavailable, seeTestId, watchErrors } from './support/browser.ts';
import { signedIn } from './support/http-client.ts';
import { DEMO_ORGANIZER, DEMO_PASSWORD, download, logIn, newChinesePage, withScreenshot } from './support/journey.ts';
import { liveServer } from './support/live-app.ts';
import { programBySlug } from './support/seed-applications.ts';
import type { RunningServer } from './support/server.ts';
import { startInbox, type Inbox } from './support/smtp.ts';

const skip = browserUnavailable();
const PROGRAM = 'kczg-2022-demo';

let server: RunningServer;
let browser: Browser;
let inbox: Inbox;
let dir: string;
let page: Page | undefined;
let template: Buffer;

// The refused sheet is a 400, which the browser logs; that is expected.
type Row = Record<string, string>;
const good: Row[] = [
  { 姓名: '秦测评', 工作单位: '绿评测试储能研究院', 所在地区代码: '410100', 职称: '研究员', 专业领域: 'glt2024-4、chuneng', 关键词: '储能、液流电池', 个人简介: '从事液流电池储能系统研究。', 邮箱: 'qin.ceping@example.com', 电话: '0371-12345678' },
  { 姓名: '邵测评', 工作单位: '绿评测试节能中心', 上级集团: '绿评测试集团', 职称: '教授级高级工程师', 专业领域: 'jieneng', 关键词: '余热回收', 邮箱: 'shao.ceping@example.com' },
];

/** The downloaded template with rows filled in under its header (whatever order its columns are in). */
async function sheetFromTemplate(name: string, rows: Row[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const columns = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => columns.set(String(cell.text).replace(/[*＊]$/, ''), col));
  assert.ok(columns.has('姓名') && columns.has('邮箱'), `template header: ${[...columns.keys()].join(',')}`);
  rows.forEach((r, i) => {
    const row = ws.getRow(2 + i);
    for (const [header, value] of Object.entries(r)) {
      const col = columns.get(header);
      assert.ok(col, `no column ${header} in the template`);
      row.getCell(col).value = value;
    }
    row.commit();
  });
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

async function sheetRows(bytes: Buffer): Promise<Row[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const headers: string[] = [];
  ws.getRow(1).eachCell((cell, col) => (headers[col] = String(cell.text).replace(/[*＊]$/, '')));
  const out: Row[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row: Row = {};
    ws.getRow(r).eachCell((cell, col) => (row[headers[col]] = String(cell.text)));
    if (Object.keys(row).length) out.push(row);
  }
  return out;
}

const rowsShown = (p: Page) => p.locator('[data-testid="experts-table"] [data-testid="expert-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-email')));

/** Chooses an option of an antd Select by its text. */
async function choose(p: Page, testId: string, text: string) {
  await p.getByTestId(testId).click();
  const dropdown = p.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
  await dropdown.waitFor({ state: 'visible' });
  await dropdown.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
}

describe('专家库: import, table, export and an invitation in Chromium', { skip: skip ?? false, timeout: 240_000 }, () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lvping-experts-'));
    inbox = await startInbox();
  });
  const live = liveServer(() => ({ SMTP_URL: inbox.url }));
  before(() => ({ server, browser } = live));
  after(async () => {
    await inbox?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the organizer imports experts from the template (a bad sheet refused row by row), finds them, and exports', async () => {
    page = await newChinesePage(browser);
    const errors = watchErrors(page);
    await withScreenshot(() => page, 'expert-pool', async () => {
      const p = page!;
      await logIn(p, server.baseUrl, DEMO_ORGANIZER);
      await p.getByTestId('nav-organizer').click();
      await p.getByTestId('open-expert-pool').click();
      await seeTestId(p, 'experts-table');
      await p.locator('[data-testid="expert-row"]').first().waitFor();
      const before = await rowsShown(p);
      assert.ok(before.length > 0, 'the demo pool shows');

      const tpl = await download(p, 'experts-template');
      assert.equal(tpl.name, '专家库导入模板.xlsx');
      template = tpl.bytes;

      // A sheet with mistakes: every problem by row and column, and nothing imported.
      await p.getByTestId('experts-import').click();
      await p.setInputFiles('[data-testid="experts-import-input"] input[type=file]', await sheetFromTemplate('bad.xlsx', [
        good[0],
        { ...good[1], 专业领域: '不存在的领域', 邮箱: 'not-an-email' },
        { 姓名: '', 工作单位: '某单位', 邮箱: 'qin.ceping@example.com' },
      ]));
      await seeTestId(p, 'import-problems');
      const problems = await p.getByTestId('import-problem').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-row')}:${e.getAttribute('data-column')}`));
      assert.ok(problems.includes('3:专业领域'), problems.join(' '));
      assert.ok(problems.includes('3:邮箱'), problems.join(' '));
      assert.ok(problems.includes('4:姓名'), problems.join(' '));
      assert.ok(problems.every((x) => !x.startsWith('2:')), `row 2 is fine: ${problems.join(' ')}`);
      assert.match((await p.getByTestId('import-problems').textContent()) ?? '', /未导入任何专家/);

      // The corrected sheet goes in whole.
      await p.setInputFiles('[data-testid="experts-import-input"] input[type=file]', await sheetFromTemplate('good.xlsx', good));
      const done = p.getByTestId('experts-import-done');
      await done.waitFor();
      assert.equal(await done.getAttribute('data-created'), '2');
      assert.equal(await p.getByTestId('import-problems').count(), 0);
      await p.keyboard.press('Escape');

      // Both in the table, and the search finds just them.
      await p.getByTestId('expert-q').fill('测评');
      await p.getByTestId('expert-q').press('Enter');
      await p.waitForURL(/[?&]q=/);
      await p.waitForFunction(() => document.querySelectorAll('[data-testid="experts-table"] [data-testid="expert-row"]').length === 2);
      assert.deepEqual((await rowsShown(p)).sort(), ['qin.ceping@example.com', 'shao.ceping@example.com']);
      const qin = p.locator('[data-testid="expert-row"][data-email="qin.ceping@example.com"]');
      assert.match((await qin.textContent()) ?? '', /绿评测试储能研究院/);
      assert.match((await qin.textContent()) ?? '', /液流电池/);

      // The export holds the filtered pool in the template's columns.
      const exported = await download(p, 'experts-export');
      assert.equal(exported.name, '专家库.xlsx');
      const rows = await sheetRows(exported.bytes);
      assert.deepEqual(rows.map((r) => r['邮箱']).sort(), ['qin.ceping@example.com', 'shao.ceping@example.com']);
      const q = rows.find((r) => r['邮箱'] === 'qin.ceping@example.com')!;
      assert.equal(q['工作单位'], '绿评测试储能研究院');
      assert.equal(q['所在地区代码'], '410100');
      await p.screenshot({ path: '/tmp/lvping-expert-pool.png' });

      // Adding one by hand: each problem shows on its field, the browser's and the server's alike.
      await p.getByTestId('experts-create').click();
      await p.getByTestId('expert-form-name').fill('秦手填');
      await p.getByTestId('expert-form-orgName').fill('绿评手填研究院');
      await p.getByTestId('expert-form-orgCreditCode').fill('123');
      await p.getByTestId('expert-form-email').fill('qin.ceping@example.com');
      await p.getByTestId('expert-save').click();
      await p.locator('.ant-form-item-has-error [data-testid="expert-form-orgCreditCode"]').waitFor();
      await p.getByTestId('expert-form-orgCreditCode').fill('');
      await p.getByTestId('expert-save').click();
      // The address is taken: the server says so on the email field.
      await p.locator('.ant-form-item-has-error [data-testid="expert-form-email"]').waitFor();
      await p.getByText('专家库中已有使用此邮箱的专家').waitFor();
      await p.screenshot({ path: '/tmp/lvping-expert-edit.png' });
      await p.getByTestId('expert-form-email').fill('qin.shoutian@example.com');
      await p.getByTestId('expert-save').click();
      await p.getByTestId('expert-q').fill('秦手填');
      await p.getByTestId('expert-q').press('Enter');
      await p.locator('[data-testid="expert-row"][data-email="qin.shoutian@example.com"]').waitFor();
    });
    assert.deepEqual(appErrors(errors), []);
    await page.context().close();
  });

  test('an imported expert is invited, accepts from the emailed link with a 回避, and the program shows it', async () => {
    const program = await programBySlug(await signedIn(server.baseUrl, DEMO_ORGANIZER, DEMO_PASSWORD), PROGRAM);
    const programName = String(program.definition.name);
    page = await newChinesePage(browser);
    const errors = watchErrors(page);
    await withScreenshot(() => page, 'expert-invite', async () => {
      const p = page!;
      await logIn(p, server.baseUrl, DEMO_ORGANIZER);
      await p.goto(`${server.baseUrl}/organizer/experts?q=${encodeURIComponent('秦测评')}`);
      const row = p.locator('[data-testid="expert-row"][data-email="qin.ceping@example.com"]');
      await row.waitFor();
      await row.locator('input[type=checkbox]').check();
      await p.getByTestId('experts-invite').click();
      await choose(p, 'experts-invite-program', programName);
      await p.getByTestId('experts-invite-maxload').fill('8');
      await p.getByTestId('experts-invite-send').click();
      await p.locator('[data-testid="experts-invite-result"][data-invited="1"]').waitFor();
      await p.getByTestId('experts-invite-close').click();
      // The table now shows the row's standing on that program.
      await p.waitForURL(/[?&]program=/);
      await row.locator('[data-testid="expert-status-tag"][data-status="invited"]').waitFor();
      const link = await inbox.waitForLink('qin.ceping@example.com', /http:\/\/127\.0\.0\.1:\d+\/expert\/invitation\?token=[A-Za-z0-9_-]+/);
      await p.context().close();

      // The expert opens the link signed out, signs up with the invited address, and accepts.
      page = await newChinesePage(browser);
      errors.push(...watchErrors(page));
      const e = page;
      await e.goto(link);
      await seeTestId(e, 'expert-invitation');
      assert.equal(await e.getByTestId('invitation-program').textContent(), programName);
      await e.screenshot({ path: '/tmp/lvping-expert-invitation.png' });
      await e.getByTestId('invitation-register').click();
      await e.getByTestId('register-name').fill('秦测评');
      await e.getByTestId('register-email').fill('qin.ceping@example.com');
      await e.getByTestId('register-password').fill('expert review passphrase');
      await e.getByTestId('register-submit').click();
      await seeTestId(e, 'invitation-accept-form');
      await e.getByTestId('invitation-availability').fill('十一月下旬可参加评审');
      // A 回避 without a reason is refused on its field, before anything is sent.
      await e.getByTestId('invitation-conflict-add').click();
      await e.getByTestId('invitation-conflict-org-0').fill('绿评测试储能科技有限公司');
      await e.getByTestId('invitation-accept').click();
      await e.locator('.ant-form-item-has-error [data-testid="invitation-conflict-reason-0"]').waitFor();
      await e.locator('.ant-form-item-explain-error').first().waitFor();
      await e.screenshot({ path: '/tmp/lvping-expert-accept.png', fullPage: true });
      await e.getByTestId('invitation-conflict-reason-0').fill('近三年曾在该单位兼职');
      await e.getByTestId('invitation-accept').click();
      await e.locator('[data-testid="invitation-done"][data-status="accepted"]').waitFor();
      assert.match((await e.getByTestId('invitation-declared').textContent()) ?? '', /绿评测试储能科技有限公司/);
      await e.context().close();

      // The organizer's program tab: accepted, with the note and the declared conflict.
      page = await newChinesePage(browser);
      errors.push(...watchErrors(page));
      const o = page;
      await logIn(o, server.baseUrl, DEMO_ORGANIZER);
      await o.goto(`${server.baseUrl}/organizer/programs/${program.id}?tab=experts`);
      const mine = o.locator('[data-testid="program-expert-row"][data-email="qin.ceping@example.com"]');
      await mine.waitFor();
      assert.equal(await mine.getAttribute('data-status'), 'accepted');
      const text = (await mine.textContent()) ?? '';
      assert.match(text, /十一月下旬可参加评审/);
      assert.match(text, /8/);
    });
    assert.deepEqual(appErrors(errors), []);
    await page.context().close();
  });
});

if (skip) test(`browser tests skipped: ${skip}`, (t) => t.skip(skip));
