// The account journey in a real Chromium against the real server: sign up, log out, a refused
// password, log in, English and back, plus each role's navigation and the forced password change.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { appErrors, browserUnavailable, seeTestId, seeText, watchErrors } from './support/browser.ts';
import { DEMO_PASSWORD, logIn, submitLogIn } from './support/journey.ts';
import { liveServer } from './support/live-app.ts';
import { firstAdminCredentials, type RunningServer } from './support/server.ts';
import { startInbox, type Inbox } from './support/smtp.ts';

const skip = browserUnavailable();

let server: RunningServer;
let browser: Browser;
let inbox: Inbox;

// A failed login is a 401 the browser logs on its own; that is expected, not an app error.
async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  return { page, errors: watchErrors(page) };
}

async function logOut(page: Page) {
  // A click on an antd dropdown item while it is still animating open can be lost: try again.
  for (let attempt = 1; ; attempt++) {
    const item = page.getByTestId('logout');
    // Open the menu unless it is still open from a lost click (a second click would close it).
    if (!(await item.isVisible())) await page.getByTestId('user-menu').click();
    await item.waitFor({ state: 'visible' });
    await page.waitForTimeout(300); // let the opening animation finish
    await item.click({ timeout: 5000 });
    try {
      await page.getByTestId('nav-login').first().waitFor({ state: 'visible', timeout: 4000 });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

async function menuKeys(page: Page): Promise<string[]> {
  const ids = await page.locator('[data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  return ids.filter((id) => id !== 'nav-login' && id !== 'nav-register').sort();
}

describe('web app in Chromium', { skip: skip ?? false, timeout: 180_000 }, () => {
  before(async () => {
    inbox = await startInbox();
  });
  const live = liveServer(() => ({ SMTP_URL: inbox.url }));
  before(() => ({ server, browser } = live));
  after(async () => {
    await inbox?.close();
  });

  test('home page lists the programs in Chinese (screenshot at /tmp/lvping-home.png)', async () => {
    const { page, errors } = await newPage();
    await page.goto(server.baseUrl);
    await seeText(page, '评选活动');
    await seeTestId(page, 'program-card');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.equal(await page.title(), '绿评 lvping');
    assert.ok((await page.getByTestId('program-card').count()) >= 1);
    assert.equal((await page.getByTestId('lang-switch').textContent())?.trim(), 'English');
    await page.screenshot({ path: '/tmp/lvping-home.png', fullPage: true });
    assert.deepEqual(appErrors(errors), []);
    await page.context().close();
  });

  test('sign up, log out, wrong password refused, log in, English survives a reload, back to Chinese', async () => {
    const { page, errors } = await newPage();
    const email = `zhang.${Date.now()}@example.com`;
    const password = '绿色低碳 passphrase 2026';
    const name = '张三测试';

    await page.goto(`${server.baseUrl}/register`);
    // Client-side validation with the shared schema, in Chinese, before anything is sent.
    await page.getByTestId('register-email').fill('not-an-email');
    await page.getByTestId('register-password').fill('short');
    await page.getByTestId('register-submit').click();
    await seeText(page, '邮箱格式不正确');
    await seeText(page, '至少需要 8 个字符');

    await page.getByTestId('register-name').fill(name);
    await page.getByTestId('register-email').fill(email);
    await page.getByTestId('register-password').fill(password);
    await page.getByTestId('register-submit').click();
    await seeTestId(page, 'user-name');
    assert.equal((await page.getByTestId('user-name').textContent())?.trim(), name);
    // A sign-up asked for by no page lands in the applicant's workspace.
    await seeTestId(page, 'my-applications');
    assert.equal(new URL(page.url()).pathname, '/my/applications');
    await page.goto(`${server.baseUrl}/`);
    await seeText(page, `您好，${name}`);
    assert.deepEqual(await menuKeys(page), ['nav-my']);

    await logOut(page);
    assert.equal(await page.getByTestId('user-name').count(), 0);

    await submitLogIn(page, server.baseUrl, email, 'definitely-wrong-password');
    await seeTestId(page, 'form-error');
    assert.match((await page.getByTestId('form-error').textContent()) ?? '', /邮箱或密码错误/);

    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await seeTestId(page, 'user-name');
    assert.equal(new URL(page.url()).pathname, '/my/applications');
    await page.goto(`${server.baseUrl}/`);

    await page.getByTestId('lang-switch').click();
    await seeText(page, 'Programs');
    assert.equal((await page.getByTestId('lang-switch').textContent())?.trim(), '中文');
    await page.getByTestId('user-menu').click();
    await seeText(page, 'Log out');
    await page.keyboard.press('Escape');

    await page.reload();
    await seeText(page, 'Programs');
    await seeText(page, `Hello, ${name}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal((await page.getByTestId('lang-switch').textContent())?.trim(), '中文');
    assert.equal(await page.evaluate(() => localStorage.getItem('lvping.lang')), 'en');

    await page.getByTestId('lang-switch').click();
    await seeText(page, '评选活动');
    assert.equal((await page.getByTestId('lang-switch').textContent())?.trim(), 'English');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');

    await logOut(page);
    assert.deepEqual(appErrors(errors), []);
    await page.context().close();
  });

  test('a server field error shows on its field in the current language (email taken)', async () => {
    const { page } = await newPage();
    const email = `taken.${Date.now()}@example.com`;
    await page.goto(`${server.baseUrl}/register`);
    await page.getByTestId('register-name').fill('先注册的人');
    await page.getByTestId('register-email').fill(email);
    await page.getByTestId('register-password').fill('first-password-1');
    await page.getByTestId('register-submit').click();
    await seeTestId(page, 'user-name');
    await logOut(page);

    await page.goto(`${server.baseUrl}/register`);
    await page.getByTestId('register-name').fill('后注册的人');
    await page.getByTestId('register-email').fill(email);
    await page.getByTestId('register-password').fill('second-password-2');
    await page.getByTestId('register-submit').click();
    await seeText(page, '该邮箱已注册');
    await page.getByTestId('lang-switch').click();
    await seeText(page, 'This email is already registered');
    await page.getByTestId('lang-switch').click();
    await page.context().close();
  });

  test('forgotten password: the emailed link sets a new one, the old one stops working', async () => {
    const { page, errors } = await newPage();
    const email = `forgetful.${Date.now()}@example.com`;
    await page.goto(`${server.baseUrl}/register`);
    await page.getByTestId('register-name').fill('健忘的人');
    await page.getByTestId('register-email').fill(email);
    await page.getByTestId('register-password').fill('the-old-password');
    await page.getByTestId('register-submit').click();
    await seeTestId(page, 'user-name');
    await logOut(page);

    await page.goto(`${server.baseUrl}/login`);
    await page.getByText('忘记密码？').click();
    await page.getByTestId('forgot-email').fill(email);
    await page.getByTestId('forgot-submit').click();
    await seeTestId(page, 'forgot-sent');

    const link = await inbox.waitForLink(email, /https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_\-.%]+/);
    assert.ok(link.startsWith(server.baseUrl), link);
    await page.goto(link);
    await page.getByTestId('reset-password').fill('a-new-password-2026');
    await page.getByTestId('reset-submit').click();
    await page.getByTestId('reset-to-login').click();

    await submitLogIn(page, server.baseUrl, email, 'the-old-password');
    await seeText(page, '邮箱或密码错误');
    await page.getByTestId('login-password').fill('a-new-password-2026');
    await page.getByTestId('login-submit').click();
    await seeTestId(page, 'user-name');
    await logOut(page);

    // The link works once.
    await page.goto(link);
    await page.getByTestId('reset-password').fill('yet-another-password');
    await page.getByTestId('reset-submit').click();
    await seeText(page, '链接无效或已过期');
    await page.goto(`${server.baseUrl}/reset-password`);
    await seeText(page, '重置链接不完整');
    assert.deepEqual(appErrors(errors), []);
    await page.context().close();
  });

  test('each role sees its own areas; an area not granted is refused', async () => {
    const { page, errors } = await newPage();
    const cases: [string, string[]][] = [
      ['applicant@demo.lvping.local', ['nav-my']],
      ['organizer@demo.lvping.local', ['nav-my', 'nav-organizer']],
      ['institution@demo.lvping.local', ['nav-my', 'nav-review']],
      ['recommender@demo.lvping.local', ['nav-my', 'nav-recommender']],
      ['expert@demo.lvping.local', ['nav-my', 'nav-expert']],
      ['committee@demo.lvping.local', ['nav-my', 'nav-committee']],
    ];
    for (const [email, expected] of cases) {
      await logIn(page, server.baseUrl, email);
      assert.deepEqual(await menuKeys(page), [...expected].sort(), email);
      await logOut(page);
    }

    await logIn(page, server.baseUrl, 'organizer@demo.lvping.local');
    await page.getByTestId('nav-organizer').click();
    await seeTestId(page, 'organizer-home');
    await page.goto(`${server.baseUrl}/admin`);
    await seeText(page, '无权访问');
    await page.getByTestId('nav-my').click();
    await seeTestId(page, 'my-applications');
    await page.goto(`${server.baseUrl}/no-such-page`);
    await seeTestId(page, 'not-found');
    await logOut(page);

    // Signed out, an area sends you to log in, and back to it afterwards.
    await page.goto(`${server.baseUrl}/organizer`);
    await seeTestId(page, 'login-email');
    await page.getByTestId('login-email').fill('organizer@demo.lvping.local');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await seeTestId(page, 'organizer-home');
    assert.equal(new URL(page.url()).pathname, '/organizer');
    await logOut(page);
    assert.deepEqual(appErrors(errors), []);
    await page.context().close();
  });

  test('the first admin must replace the one-time password, then sees 平台管理', async () => {
    const admin = firstAdminCredentials(server.output());
    assert.ok(admin, `the server printed no first-admin credentials:\n${server.output()}`);
    const { page, errors } = await newPage();
    await submitLogIn(page, server.baseUrl, admin.email, admin.password);
    await seeTestId(page, 'change-forced');
    assert.equal(new URL(page.url()).pathname, '/change-password');
    assert.deepEqual(await menuKeys(page), [], 'no areas before the password is changed');
    // Any other page sends the admin back until the password is changed.
    await page.goto(`${server.baseUrl}/admin`);
    await seeTestId(page, 'change-forced');

    await page.getByTestId('change-current').fill(admin.password);
    await page.getByTestId('change-new').fill('a brand new admin passphrase');
    await page.getByTestId('change-submit').click();
    await page.waitForURL(`${server.baseUrl}/`);
    await seeTestId(page, 'nav-admin');
    assert.equal(new URL(page.url()).pathname, '/');
    assert.deepEqual(await menuKeys(page), ['nav-admin', 'nav-my']);
    await page.getByTestId('nav-admin').click();
    await seeText(page, '平台管理 即将上线');
    await logOut(page);
    assert.deepEqual(appErrors(errors), []);
    await page.context().close();
  });
});

if (skip) test(`browser tests skipped: ${skip}`, (t) => t.skip(skip));
