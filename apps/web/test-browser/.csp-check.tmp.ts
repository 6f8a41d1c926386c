// Ad-hoc (not committed): visits pages under the real CSP and prints every violation.
import { startServer } from './support/server.ts';
import { launchBrowser } from './support/browser.ts';
import { logIn, DEMO_ORGANIZER } from './support/journey.ts';

const server = await startServer({ DEMO_DATA: '1' });
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || /Content.Security.Policy|Refused/i.test(m.text())) problems.push(`${page.url()} console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`${page.url()} pageerror: ${e.message}`));
  const csp = (await fetch(server.baseUrl + '/')).headers.get('content-security-policy');
  console.log('CSP:', csp);
  await page.goto(server.baseUrl + '/');
  await page.waitForTimeout(3000);
  await page.goto(server.baseUrl + '/api/docs/');
  await page.waitForTimeout(8000);
  console.log('docs info blocks:', await page.locator('.swagger-ui .info').count(), 'problems so far:', problems);
  await logIn(page, server.baseUrl, DEMO_ORGANIZER);
  const programs = await page.evaluate(async () => (await fetch('/api/programs')).json());
  const list = programs.programs as { id: string; slug: string }[];
  const p = list.find((x) => x.slug.endsWith('-demo')) ?? list[0];
  for (const tab of ['overview', 'definition', 'stats', 'applications']) {
    await page.goto(`${server.baseUrl}/organizer/programs/${p.id}?tab=${tab}`);
    await page.waitForTimeout(6000);
    if (tab === 'stats') console.log('charts on stats:', await page.locator('[_echarts_instance_]').count(), await page.locator('canvas, svg').count());
  }
  await page.goto(`${server.baseUrl}/programs/${p.slug}`);
  await page.waitForTimeout(3000);
  await page.goto(`${server.baseUrl}/verify`);
  await page.waitForTimeout(3000);
  console.log('problems:', problems.length ? problems.join('\n') : 'none');
} finally {
  await browser.close();
  await server.stop();
}
