// The ways in, shared by the end-to-end tests: log in through /login (the demo accounts share
// one password); the applicant's sign up, registering the applying organization from the 在线申报
// dialog, creating the draft; and the download and screenshot plumbing around them.
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CREDIT_CODE_CHARSET, creditCodeCheckChar } from '@lvping/domain/form/credit-code.ts';
import { seeTestId } from './browser.ts';
import { pickCascader } from './form-fill.ts';

export type Org = {
  name: string;
  creditCode: string;
  /** Province, city, county names as the cascader shows them. */
  region: string[];
  address: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
};

/**
 * A valid, unique 统一社会信用代码 (GB 32100): 9 工商, 1 企业, the region's six digits, a random
 * 主体标识码, and the check character creditCodeCheckChar computes.
 */
export function makeCreditCode(regionCode: string): string {
  let body = '';
  for (let i = 0; i < 9; i++) body += CREDIT_CODE_CHARSET[Math.floor(Math.random() * CREDIT_CODE_CHARSET.length)];
  const first17 = `91${regionCode}${body}`;
  return first17 + creditCodeCheckChar(first17);
}

export async function newChinesePage(browser: Browser, context?: BrowserContext): Promise<Page> {
  const ctx = context ?? (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1360, height: 900 }, acceptDownloads: true }));
  const page = await ctx.newPage();
  // A reload with unsaved edits asks "leave the page?" (beforeunload): say yes, as a person would.
  page.on('dialog', (d) => void (d.type() === 'beforeunload' ? d.accept() : d.dismiss()));
  return page;
}

/** The password of every demo account (organizer@, expert@, institution@, recommender@… demo.lvping.local). */
export const DEMO_PASSWORD = 'lvping-demo-2026';
/** The demo program organizer and the demo review expert. */
export const DEMO_ORGANIZER = 'organizer@demo.lvping.local';
export const DEMO_EXPERT = 'expert@demo.lvping.local';

/** Fills the /login form and submits it, without waiting for the outcome (for a test of a refusal). */
export async function submitLogIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Logs in through /login (with the demo password unless told another) and waits until the header greets the user. */
export async function logIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await submitLogIn(page, baseUrl, email, password);
  await seeTestId(page, 'user-name');
}

/** Signs up through /register and waits until the header greets the new user. */
export async function registerApplicant(page: Page, baseUrl: string, who: { name: string; email: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/register`);
  await page.getByTestId('register-name').fill(who.name);
  await page.getByTestId('register-email').fill(who.email);
  await page.getByTestId('register-password').fill(who.password);
  await page.getByTestId('register-submit').click();
  await seeTestId(page, 'user-name');
}

/** In the open 在线申报 dialog: 登记新单位, fill the organization form, and come back with it chosen. */
export async function registerOrganizationInDialog(page: Page, org: Org): Promise<void> {
  await page.getByTestId('apply-add-org').click();
  await page.getByTestId('org-name').fill(org.name);
  await page.getByTestId('org-creditCode').fill(org.creditCode.toLowerCase());
  // The code is upper-cased as typed and checked live (GB 32100 check character).
  await page.locator('[data-testid="org-creditCode-check"][data-valid="true"]').waitFor({ state: 'visible' });
  await pickCascader(page, 'org-region', org.region);
  await page.getByTestId('org-address').fill(org.address);
  await page.getByTestId('org-contactName').fill(org.contactName);
  await page.getByTestId('org-contactPhone').fill(org.contactPhone);
  await page.getByTestId('org-contactEmail').fill(org.contactEmail);
  await page.getByTestId('org-submit').click();
  // Back in the list, the new organization is the chosen one.
  await page.waitForFunction((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    const radio = el instanceof HTMLInputElement ? el : el?.querySelector('input[type=radio]');
    return radio instanceof HTMLInputElement && radio.checked;
  }, `apply-org-${org.creditCode}`);
}

/** 创建申报书并开始填写: lands on /applications/:id with the editor; returns the id. */
export async function createDraft(page: Page): Promise<string> {
  await page.getByTestId('apply-create').click();
  await page.waitForURL(/\/applications\/[^/]+$/);
  await seeTestId(page, 'application-editor', 20_000);
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** Clicks a download button and returns the file the browser saved, with its suggested name. */
export async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId(testId).click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: await readFile(path) };
}

/** Runs a test body; on failure saves a screenshot of what is on screen to /tmp/lvping-e2e-<name>.png first. */
export async function withScreenshot(page: () => Page | undefined, name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    const p = page();
    const file = `/tmp/lvping-e2e-${name}.png`;
    if (p && !p.isClosed()) await p.screenshot({ path: file }).catch(() => undefined);
    if (e instanceof Error) e.message += `\n(screenshot: ${file})`;
    throw e;
  }
}
