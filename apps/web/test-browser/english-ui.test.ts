// English that is English: in English mode every page of the three seed programs shows the
// definition's English texts, and a text that has none (a notice's body, a region name, an
// organization's name as entered) shows in Chinese marked lang="zh-CN" with its "中文" tag — never
// mixed in silently. This walks, for each seed program's demo edition, the home page, the call page
// (with a document opened), every application form (each section) as the demo applicant, and the
// organizer's program page, and fails listing every visible CJK text outside such a mark.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { appErrors, browserUnavailable, seeTestId, watchErrors } from './support/browser.ts';
import { signedIn, type HttpClient } from './support/http-client.ts';
import { DEMO_ORGANIZER, DEMO_PASSWORD, logIn, makeCreditCode, withScreenshot } from './support/journey.ts';
import { liveServer } from './support/live-app.ts';

const skip = browserUnavailable();
const SEEDS = ['cnblue-2022', 'henan-green-2025', 'kczg-2022'];
const DEMO_APPLICANT = 'applicant@demo.lvping.local';

/** Visible text nodes with CJK characters that no lang="zh-CN" element (the marker's) holds. */
async function unmarkedChinese(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? '';
      if (!/[\u3400-\u9fff\uf900-\ufaff]/.test(text)) continue;
      const el = n.parentElement;
      if (!el || el.closest('[lang="zh-CN"], script, style, noscript, template')) continue;
      // Only what a reader sees: hidden menus, collapsed panels and off-screen measuring copies do not count.
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      if (el.closest('[aria-hidden="true"]')) continue;
      const where = el.closest('[data-testid]')?.getAttribute('data-testid') ?? el.tagName.toLowerCase();
      out.push(`${where}: ${text.trim().slice(0, 80)}`);
    }
    return out;
  });
}

/** Fields whose 字 counter (hung below a textarea) overlaps their help text. */
async function countersOverHelp(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const field of document.querySelectorAll<HTMLElement>('.lv-field')) {
      const count = field.querySelector('.ant-input-data-count');
      const help = field.querySelector('.ant-form-item-extra');
      if (!count || !help) continue;
      const a = count.getBoundingClientRect();
      const b = help.getBoundingClientRect();
      const apart = a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5 || a.right <= b.left || b.right <= a.left;
      if (!apart) out.push(field.dataset.path ?? '?');
    }
    return out;
  });
}

async function englishPage(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 900 } });
  // The language switch remembers the choice in localStorage; start every page in English.
  await ctx.addInitScript(() => localStorage.setItem('lvping.lang', 'en'));
  return ctx.newPage();
}

/** A draft of each form of the program (the first track using it), made by the demo applicant. */
async function draftsPerForm(c: HttpClient, slug: string): Promise<{ programId: string; drafts: { formId: string; id: string }[] }> {
  const program = await c.ok(c.get(`/api/programs/by-slug/${slug}`));
  const tracks = program.definition.tracks as { id: string; formId: string; entry: string }[];
  const drafts: { formId: string; id: string }[] = [];
  for (const formId of [...new Set(tracks.map((t) => t.formId))]) {
    const track = tracks.find((t) => t.formId === formId)!;
    const org = await c.ok(c.post('/api/organizations', {
      // User data, seeded in Chinese on purpose: the walk expects it marked, not translated.
      name: `英文界面测试单位${formId}${String(Date.now()).slice(-5)}`, creditCode: makeCreditCode('410105'), regionCode: '410105', kind: 'enterprise',
      address: '河南省郑州市金水区某路1号', contactName: '王工', contactPhone: '0371-62345678', contactEmail: `english.${formId}@example.com`,
    }));
    let reply = await c.post('/api/applications', { programId: program.id, trackId: track.id, organizationId: org.id });
    if (reply.status >= 400 && track.entry === 'recommendation') {
      const choices = await c.ok(c.get(`/api/programs/${program.id}/recommending-units/choices`));
      reply = await c.post('/api/applications', { programId: program.id, trackId: track.id, organizationId: org.id, unitId: choices.units[0].id });
    }
    assert.ok(reply.status < 300, `draft of ${slug}/${track.id}: ${JSON.stringify(reply.json)}`);
    drafts.push({ formId, id: reply.json.id });
  }
  return { programId: program.id, drafts };
}

describe('English UI of the seed programs: no unmarked Chinese', { skip: skip ?? false, timeout: 600_000 }, () => {
  const live = liveServer();

  test('home, call page, every form and the organizer page of each seed program', { timeout: 540_000 }, async () => {
    const { server, browser } = live;
    const applicant = await signedIn(server.baseUrl, DEMO_APPLICANT, DEMO_PASSWORD);
    const found: string[] = [];
    const check = async (page: Page, what: string) => {
      for (const s of await unmarkedChinese(page)) found.push(`${what} — ${s}`);
    };

    let page: Page | undefined;
    await withScreenshot(() => page, 'english-ui', async () => {
      page = await englishPage(browser);
      const errors = watchErrors(page);
      await page.goto(`${server.baseUrl}/`);
      await seeTestId(page, 'program-card');
      await page.getByTestId(`program-link-${SEEDS[0]}-demo`).waitFor();
      await check(page, 'home');

      for (const seed of SEEDS) {
        const slug = `${seed}-demo`;
        await page.goto(`${server.baseUrl}/programs/${slug}`);
        await seeTestId(page, 'tracks');
        // Open the first document: its Chinese body (the official notice) must come marked.
        await page.getByTestId('documents').locator('.ant-collapse-header').first().click();
        await page.locator('.lv-document-body').first().waitFor();
        await check(page, `call ${slug}`);
      }

      await logIn(page, server.baseUrl, DEMO_APPLICANT);
      for (const seed of SEEDS) {
        const { drafts } = await draftsPerForm(applicant, `${seed}-demo`);
        for (const d of drafts) {
          await page.goto(`${server.baseUrl}/applications/${d.id}`);
          await seeTestId(page, 'application-header');
          await page.locator('[data-testid^="section-"]').first().waitFor();
          await check(page, `form ${seed}/${d.formId}`);
          for (const path of await countersOverHelp(page)) found.push(`form ${seed}/${d.formId} — the 字 counter overlaps the help of ${path}`);
        }
      }
      await page.context().close();

      page = await englishPage(browser);
      errors.push(...watchErrors(page));
      await logIn(page, server.baseUrl, DEMO_ORGANIZER);
      const organizer = await signedIn(server.baseUrl, DEMO_ORGANIZER, DEMO_PASSWORD);
      for (const seed of SEEDS) {
        const program = await organizer.ok(organizer.get(`/api/programs/by-slug/${seed}-demo`));
        await page.goto(`${server.baseUrl}/organizer/programs/${program.id}`);
        await seeTestId(page, 'overview-tab');
        await check(page, `organizer ${seed}`);
        await page.getByTestId('tab-applications').click();
        await seeTestId(page, 'applications-tab');
        await page.locator('.ant-table').first().waitFor();
        await check(page, `organizer ${seed} applications`);
      }
      assert.deepEqual(appErrors(errors), []);
    });
    assert.deepEqual(found, [], `Chinese shown in English mode without the 中文 mark:\n${found.join('\n')}`);
  });

  test('switching language shows no errors on fields nobody touched', { timeout: 120_000 }, async () => {
    const { server, browser } = live;
    let page: Page | undefined;
    await withScreenshot(() => page, 'lang-switch-untouched', async () => {
      const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1360, height: 900 } });
      page = await ctx.newPage();
      for (const path of ['/login', '/register', '/forgot-password']) {
        await page.goto(`${server.baseUrl}${path}`);
        await page.locator('form input').first().waitFor();
        // The first field has the focus (autoFocus) and is empty: switching must not blur-validate it.
        assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'INPUT');
        await page.getByTestId('lang-switch').click();
        await page.waitForFunction(() => document.documentElement.lang === 'en');
        await page.getByTestId('lang-switch').click();
        await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
        assert.equal(await page.locator('.ant-form-item-explain-error').count(), 0, `${path}: an error appeared on an untouched field`);
      }
      // A field that was touched and is wrong still says so, in the new language.
      await page.goto(`${server.baseUrl}/login`);
      await page.getByTestId('login-email').fill('not-an-email');
      await page.getByTestId('login-password').focus();
      await page.locator('.ant-form-item-explain-error').first().waitFor();
      await page.getByTestId('lang-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      // The message is rewritten in English (the Chinese one fades out first).
      await page.waitForFunction(() => {
        const shown = [...document.querySelectorAll('.ant-form-item-explain-error')].filter((e) => !e.closest('.ant-form-item-explain-leave, [class*="-leave"]'));
        return shown.length === 1 && !/[\u4e00-\u9fff]/.test(shown[0].textContent ?? '');
      });
      // The focused, untouched password field got none.
      assert.equal(await page.getByTestId('login-password').evaluate((e) => !!e.closest('.ant-form-item')?.querySelector('.ant-form-item-explain-error')), false);
      await ctx.close();
    });
  });
});
