// Never lose an applicant's typing: a text over its 字 limit no longer stops autosave. In a real
// Chromium against the real server, on SQLite and on PostgreSQL: the applicant types past the
// limit, makes 20 more edits, and a fresh browser (no local copy) finds every one of them on the
// server, the over-limit text too, its problem shown beside the field.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { createTestDatabase, postgresProblem, type TestDatabase } from '../../server/test/support/engines.ts';
import { appErrors, browserUnavailable, seeTestId, watchErrors } from './support/browser.ts';
import { fillNumber, fillText, waitForSave } from './support/form-fill.ts';
import { registered } from './support/http-client.ts';
import { logIn, makeCreditCode, newChinesePage, withScreenshot } from './support/journey.ts';
import { liveServer } from './support/live-app.ts';
import { programBySlug } from './support/seed-applications.ts';

const skip = browserUnavailable();
const PROGRAM = 'cnblue-2022-demo';
const TRACK = 'xinnengyuan';
const OVER = '联系人职务写得太长'.repeat(4); // 36 字; the field takes 30

// Twenty edits to other fields, texts and numbers across the sections of the 创蓝 form.
const TEXTS: [string, string][] = [
  ['basic.nameEn', 'Beijing Storage Tech'], ['basic.intro', '专注液流电池长时储能。'], ['basic.products', '全钒液流电池储能系统。'],
  ['lowCarbon.otherBenefits', '年节水1万吨。'], ['innovation.coreTech', '高功率密度电堆'], ['innovation.techDescription', '新型复合电极。'],
  ['innovation.benchmark', '能量效率78%。'], ['innovation.applications', '已投运3个项目。'], ['innovation.honors', '省级专精特新。'],
  ['team.strategy', '面向电网侧市场。'], ['team.governance', '设董事会。'], ['growth.market', '市场超千亿元。'], ['growth.plan', '建成GWh级产线。'],
];
const NUMBERS: [string, number][] = [
  ['basic.teamSize', 86], ['basic.financingTotal', 8000], ['innovation.rdStaff', 32], ['innovation.corePatents', 6],
  ['growth.financingNeed', 20000], ['ip.inventionGranted', 12], ['ip.utilityGranted', 20],
];

const get = (answers: Record<string, Record<string, unknown>>, path: string) => {
  const [section, field] = path.split('.');
  return answers[section]?.[field];
};

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`autosave keeps a draft with an over-limit text [${engine}]`, { skip: skip ?? false, timeout: 300_000 }, () => {
    let db: TestDatabase | null = null;
    let pgSkip: string | null = null;
    before(async () => {
      if (engine !== 'postgres') return;
      pgSkip = await postgresProblem();
      if (!pgSkip) db = await createTestDatabase('postgres');
    });
    // PostgreSQL: a fresh database of its own (as the server tests make them), with the demo programs.
    const live = liveServer((): Record<string, string> => (db?.databaseUrl ? { DATABASE_URL: db.databaseUrl, DEMO_DATA: '1' } : {}));
    after(async () => {
      await db?.drop();
    });

    test('over the limit, then 20 edits; a fresh browser finds all of them', async (t) => {
      if (pgSkip) return t.skip(pgSkip);
      const email = `draft-${engine}@example.com`;
      const password = 'never lose typing 2026';
      const api = await registered(live.server.baseUrl, email, password, '储能申报人');
      const program = await programBySlug(api, PROGRAM);
      const org = await api.ok(api.post('/api/organizations', {
        name: '北京长时储能科技有限公司', creditCode: makeCreditCode('110108'), regionCode: '110108', kind: 'enterprise', address: '示例地址1号',
        contactName: '王工', contactPhone: '010-62345678', contactEmail: email,
      }));
      const app = await api.ok(api.post('/api/applications', { programId: program.id, trackId: TRACK, organizationId: org.id }));

      let page: Page | undefined;
      await withScreenshot(() => page, `draft-autosave-${engine}`, async () => {
        page = await newChinesePage(live.browser);
        const errors = watchErrors(page);
        await logIn(page, live.server.baseUrl, email, password);
        await page.goto(`${live.server.baseUrl}/applications/${app.id}`);
        await seeTestId(page, 'application-editor', 20_000);

        // Past the limit: saved all the same, the problem beside the field, the badge 已保存 with it.
        await fillText(page, 'basic.contactTitle', OVER);
        await page.locator('[data-testid="save-status"][data-state="saved"][data-problems="1"]').waitFor({ timeout: 20_000 });
        await waitForSave(page);
        assert.match((await page.getByTestId('save-status').textContent()) ?? '', /已保存.*1 处/);
        await seeTestId(page, 'error-basic.contactTitle');

        // Twenty more edits, each waited for: none is refused.
        for (const [path, text] of TEXTS) {
          await fillText(page, path, text);
          await waitForSave(page, 'saved', 20_000);
        }
        for (const [path, n] of NUMBERS) {
          await fillNumber(page, path, n);
          await waitForSave(page, 'saved', 20_000);
        }
        assert.equal(await page.getByTestId('save-status').getAttribute('data-problems'), '1');
        assert.deepEqual(appErrors(errors), []);
        await page.context().close();

        // A different browser: nothing in its storage, everything on the server.
        page = await newChinesePage(live.browser);
        const fresh = watchErrors(page);
        await logIn(page, live.server.baseUrl, email, password);
        await page.goto(`${live.server.baseUrl}/applications/${app.id}`);
        await seeTestId(page, 'application-editor', 20_000);
        assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('lvping.draft.')).length), 0);
        for (const [path, text] of TEXTS) assert.equal(await page.getByTestId(`field-${path}`).first().inputValue(), text, path);
        for (const [path, n] of NUMBERS) assert.equal(await page.getByTestId(`field-${path}`).first().inputValue(), String(n), path);
        assert.equal(await page.getByTestId('field-basic.contactTitle').first().inputValue(), OVER);
        await seeTestId(page, 'error-basic.contactTitle');
        assert.match((await page.getByTestId('error-basic.contactTitle').textContent()) ?? '', /30/);
        assert.deepEqual(appErrors(fresh), []);
      });
      await page?.context().close();

      // And the server has them, as typed.
      const stored = (await api.ok(api.get(`/api/applications/${app.id}`))).answers;
      for (const [path, value] of [...TEXTS, ...NUMBERS]) assert.deepEqual(get(stored, path), value, path);
      assert.equal(get(stored, 'basic.contactTitle'), OVER);
    });
  });
}

if (skip) test(`browser tests skipped: ${skip}`, (t) => t.skip(skip));
