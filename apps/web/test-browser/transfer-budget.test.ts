// Issue 14, "load fast", as Chromium sees it: each page opened cold (a fresh context, empty cache)
// against the real server, the JavaScript bytes that crossed the wire counted (Playwright's
// responseBodySize: the encoded body) until the network is idle, so chunks fetched after the
// first render (the bell, a lazy form) count too. Prints the figures against the targets and
// checks the ceilings of support/js-budget.ts; every script above 1 KiB must arrive brotli-compressed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { browserUnavailable } from './support/browser.ts';
import { httpClient, registered } from './support/http-client.ts';
import { logIn, makeCreditCode, newChinesePage } from './support/journey.ts';
import { liveServer } from './support/live-app.ts';
import { pageBudgets, kib, readManifest } from './support/js-budget.ts';

const skip = browserUnavailable();
const APPLICANT = { email: 'transfer.applicant@example.com', password: 'transfer budget 2026', name: '传输测试申报人' };

type Transfer = { scripts: number; bytes: number; uncompressed: string[] };

/** Opens url in a fresh context (optionally signed in first) and adds up the scripts it received. */
async function measure(browser: Browser, url: string, pageChunk: string, signIn?: (page: import('playwright-core').Page) => Promise<void>): Promise<Transfer> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1360, height: 900 } });
  try {
    const page = await newChinesePage(browser, context);
    if (signIn) {
      await signIn(page);
      // The sign-in pages' scripts are not this page's: start counting afresh, with the cache
      // dropped, so the page's own chunks are counted as a first visit would fetch them.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.clearBrowserCache');
    }
    const seen: Promise<{ bytes: number; encoding?: string; url: string }>[] = [];
    let pending = 0;
    let chunkDone = false;
    page.on('request', () => void pending++);
    page.on('requestfailed', () => void pending--);
    page.on('requestfinished', (req) => {
      pending--;
      if (req.url().endsWith(`/${pageChunk}`)) chunkDone = true;
      if (req.resourceType() !== 'script') return;
      seen.push((async () => {
        const [sizes, res] = await Promise.all([req.sizes(), req.response()]);
        return { bytes: sizes.responseBodySize, encoding: res?.headers()['content-encoding'], url: req.url() };
      })());
    });
    await page.goto(url);
    // Until the page's own chunk has arrived and nothing has been in flight for a second: what the
    // page fetches after rendering counts. (Not Playwright's networkidle: it fires once, and on a
    // loaded machine parsing the entry alone can outlast its 500 ms of quiet.)
    const deadline = Date.now() + 60_000;
    for (let quietSince = 0; Date.now() < deadline; await page.waitForTimeout(100)) {
      if (!chunkDone || pending > 0) quietSince = 0;
      else if (!quietSince) quietSince = Date.now();
      else if (Date.now() - quietSince >= 1000) break;
    }
    assert.ok(chunkDone, `${url}: ${pageChunk} loaded`);
    const scripts = await Promise.all(seen);
    if (process.env.TRANSFER_DEBUG) console.log(url, scripts.map((x) => `${x.url.split('/').pop()} ${x.bytes} ${x.encoding}`).join('\n  '));
    return {
      scripts: scripts.length,
      bytes: scripts.reduce((n, s) => n + s.bytes, 0),
      uncompressed: scripts.filter((s) => s.bytes > 1024 && s.encoding !== 'br').map((s) => `${s.url} (${s.encoding ?? 'none'})`),
    };
  } finally {
    await context.close();
  }
}

describe('JavaScript transferred per page in Chromium', { skip: skip ?? undefined }, () => {
  const live = liveServer();

  test('home, a call page, 公示, results, the catalog and the application form stay within their ceilings', { timeout: 240_000 }, async () => {
    const base = live.server.baseUrl;
    // An open demo call (each seed program has a -demo edition whose call is open).
    const anon = await httpClient(base);
    const { programs } = (await anon.ok(anon.get('/api/programs'))) as { programs: { slug: string }[] };
    const slug = programs.map((p) => p.slug).find((s) => s.endsWith('-demo'));
    assert.ok(slug, 'a demo call is open');
    const program = await anon.ok(anon.get(`/api/programs/by-slug/${slug}`));

    // The application form: a draft of the applicant's own, made through the API.
    const c = await registered(base, APPLICANT.email, APPLICANT.password, APPLICANT.name);
    const org = await c.ok(c.post('/api/organizations', {
      name: '传输预算测试有限公司', creditCode: makeCreditCode('110108'), regionCode: '110108', kind: 'enterprise', address: '示例地址1号',
      contactName: '王工', contactPhone: '010-62345678', contactEmail: APPLICANT.email,
    }));
    const draft = await c.ok(c.post('/api/applications', { programId: program.id, trackId: program.definition.tracks[0].id, organizationId: org.id }));

    const urls: Record<string, string> = {
      home: `${base}/`,
      'call page': `${base}/programs/${slug}`,
      公示: `${base}/programs/${slug}/publicity`,
      results: `${base}/programs/${slug}/results`,
      catalog: `${base}/catalog`,
      'application form': `${base}/applications/${draft.id}`,
    };
    const manifest = readManifest();
    const rows: string[] = [];
    const over: string[] = [];
    for (const b of pageBudgets) {
      const signIn = b.page === 'application form' ? (page: import('playwright-core').Page) => logIn(page, base, APPLICANT.email, APPLICANT.password) : undefined;
      const t = await measure(live.browser, urls[b.page]!, manifest[b.sources.at(-1)!]!.file, signIn);
      rows.push(`${b.page.padEnd(18)} ${String(t.scripts).padStart(3)} scripts  ${kib(t.bytes).padStart(11)} transferred  (target ${b.budgetKiB} KiB, ceiling ${b.ceilingKiB} KiB)`);
      assert.deepEqual(t.uncompressed, [], `${b.page}: every script above 1 KiB arrives brotli-compressed`);
      assert.ok(t.scripts > 0, `${b.page}: scripts were loaded`);
      if (t.bytes > b.ceilingKiB * 1024) over.push(`${b.page}: ${kib(t.bytes)} > ${b.ceilingKiB} KiB`);
    }
    console.log(`\nJavaScript transferred per page (Chromium, cold cache):\n${rows.join('\n')}\n`);
    assert.deepEqual(over, [], 'pages past their JavaScript ceiling');
  });

});
