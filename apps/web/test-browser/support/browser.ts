import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

// CHROMIUM_PATH exists to point at another build (or at nothing, to check the skip path).
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why browser tests cannot run here, or null when they can. REQUIRE_BROWSER=1 turns a skip into a failure. */
export function browserUnavailable(): string | null {
  if (existsSync(CHROMIUM)) return null;
  const why = `chromium not installed: ${CHROMIUM} is missing (apt-get install -y --no-install-recommends chromium fonts-wqy-microhei)`;
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`${why}; REQUIRE_BROWSER=1 demands browser tests`);
  return why;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Waits until some element with exactly this visible text shows (playwright-core has no expect()). */
export async function seeText(page: Page, text: string | RegExp, timeout = 10_000): Promise<void> {
  await page.getByText(text).first().waitFor({ state: 'visible', timeout });
}

export async function seeTestId(page: Page, id: string, timeout = 10_000): Promise<void> {
  await page.getByTestId(id).first().waitFor({ state: 'visible', timeout });
}

/** Collects uncaught page errors and console errors so a test can assert the app ran clean. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** The errors watchErrors collected but for failed loads: a refused request (a 4xx the test provokes) is logged by the browser too. */
export const appErrors = (errors: string[]) => errors.filter((e) => !e.includes('Failed to load resource'));
