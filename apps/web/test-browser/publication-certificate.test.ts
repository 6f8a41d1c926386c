// 发布 in a real Chromium against the real server. A small program (one scored round, tiers
// 一等奖 / 二等奖, no committee) is taken through the API to an approved outcome: two applications
// of one applicant submitted, passed at screening, scored by an invited expert, tiers proposed
// from the ranking and finalized. Then in the browser: the organizer publishes in the 发布 tab
// and downloads every certificate as a ZIP made by a job, its progress bar counting to 100%; the
// applicant sees the result on the application page and downloads the certificate; a signed-out
// visitor confirms it on the verification page, reads the public results on a phone-sized
// screen, and is told an unknown serial is unknown.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { ZipEntryCounter } from '@lvping/domain/publication/zip-entries.ts';
import { isWellFormedSerial } from '@lvping/domain/publication/certificate-serial.ts';
import { startSmtpServer } from '../../server/test/support/smtp.ts';
import { testProgram } from '../../server/test/support/program-fixture.ts';
import { appErrors, browserUnavailable, seeTestId, watchErrors } from './support/browser.ts';
import { pdfBytes } from './support/files.ts';
import { registered, signedIn, type HttpClient } from './support/http-client.ts';
import { jobResult } from './support/job-wait.ts';
import { download, logIn, makeCreditCode, newChinesePage, withScreenshot } from './support/journey.ts';
import { liveServer } from './support/live-app.ts';
import { pdfPages } from './support/pdf-text.ts';
import { acceptedExperts, myAssignments, scoreAs } from './support/review-seed.ts';
import { firstAdminCredentials, type RunningServer } from './support/server.ts';

const skip = browserUnavailable();
const SLUG = 'pub-browser';
const ADMIN_PASSWORD = 'publication admin 2026';
const APPLICANT = { email: 'pub.applicant@example.com', password: 'publication applicant 2026', name: '发布测试申报人' };
const ORGS = [{ name: '郑州绿源节能科技有限公司', project: '余热梯级利用', score: 9 }, { name: '洛阳储能装备有限公司', project: '飞轮储能调频', score: 6 }];

let server: RunningServer;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

function definition() {
  const def = testProgram(SLUG, Date.now());
  def.nameEn = 'Publication browser test';
  def.tracks[0] = { ...def.tracks[0], nameEn: 'Green and low-carbon', awardTiers: [{ id: 'first', name: '一等奖', nameEn: 'First prize', count: 1 }, { id: 'second', name: '二等奖', nameEn: 'Second prize', count: 1 }] };
  def.review = {
    reviewsPerApplication: 1,
    // Where the project's name is: what certificates and the results print as its title.
    affinityFields: [{ form: 'main', fields: ['basic.projectName', 'basic.summary'] }],
    rubrics: [{ id: 'r', name: '评分标准', criteria: [{ id: 'tech', name: '技术先进性', weight: 100, max: 10 }] }],
    rounds: [{ id: 'zp', phase: 'review', rubric: 'r' }],
  };
  def.decision = { approval: { by: 'none' }, certificate: { title: '获奖证书', text: '{organization}：\n你单位“{project}”在{program}中荣获{track}{tier}。\n特发此证。', serialPrefix: 'PUBB' } };
  return def;
}

/** Everything up to an approved outcome, through the API. */
async function seed(): Promise<{ programId: string; apps: { id: string; org: string }[] }> {
  const first = firstAdminCredentials(server.output());
  assert.ok(first, 'the server printed no first-admin credentials');
  const once = await signedIn(server.baseUrl, first.email, first.password);
  await once.ok(once.post('/api/auth/password/change', { currentPassword: first.password, newPassword: ADMIN_PASSWORD }));
  const admin = await signedIn(server.baseUrl, first.email, ADMIN_PASSWORD);
  const created = await admin.ok(admin.post('/api/programs', { from: 'text', format: 'json', text: JSON.stringify(definition()) }));
  const programId = created.id as string;
  await admin.ok(admin.post(`/api/programs/${programId}/status`, { status: 'open' }));

  const applicant = await registered(server.baseUrl, APPLICANT.email, APPLICANT.password, APPLICANT.name);
  const apps: { id: string; org: string }[] = [];
  for (const o of ORGS) apps.push({ id: await submitted(applicant, admin, programId, o), org: o.name });

  const [expert] = await acceptedExperts(server.baseUrl, admin, programId, smtp.mails, [{ name: '发布测试专家', orgName: '郑州大学', email: 'pub.expert@example.com', keywords: ['节能'], bio: '工业节能。', fields: ['green'] }]);
  await jobResult(admin, admin.post(`/api/programs/${programId}/assignment/solve`, { loadCost: 0 }));
  await admin.ok(admin.post(`/api/programs/${programId}/assignment/publish`, {}));
  for (const a of await myAssignments(expert.client, 'zp')) {
    const score = ORGS[apps.findIndex((x) => x.id === a.applicationId)].score;
    await scoreAs(expert.client, a.id, { scores: { tech: score }, gates: {}, comments: {}, overallComment: '评审意见' });
  }
  await admin.ok(admin.post(`/api/programs/${programId}/decisions/tracks/green/propose`, {}));
  await admin.ok(admin.post(`/api/programs/${programId}/decisions/finalize`, {}));
  return { programId, apps };
}

/** The names of a ZIP's files, walked by their local headers (yazl stores each PDF with its sizes). */
function zipNames(zip: Buffer): string[] {
  const names: string[] = [];
  for (let o = 0; zip.readUInt32LE(o) === 0x04034b50;) {
    const nameLen = zip.readUInt16LE(o + 26);
    names.push(zip.subarray(o + 30, o + 30 + nameLen).toString('utf8'));
    o += 30 + nameLen + zip.readUInt16LE(o + 28) + zip.readUInt32LE(o + 18);
  }
  return names;
}

async function submitted(applicant: HttpClient, admin: HttpClient, programId: string, o: (typeof ORGS)[number]): Promise<string> {
  const org = await applicant.ok(applicant.post('/api/organizations', {
    name: o.name, creditCode: makeCreditCode('410100'), regionCode: '410105', kind: 'enterprise', address: '河南省郑州市', contactName: '王工', contactPhone: '0371-12345678', contactEmail: APPLICANT.email,
  }));
  const app = await applicant.ok(applicant.post('/api/applications', { programId, trackId: 'green', organizationId: org.id }));
  const license = await applicant.ok(applicant.upload(`/api/applications/${app.id}/files?field=basic.license`, '营业执照.pdf', pdfBytes('license'), 'application/pdf'));
  const saved = await applicant.ok(applicant.put(`/api/applications/${app.id}/draft`, {
    answers: { basic: { projectName: o.project, summary: `${o.project}技术。`, revenue: 2000, license }, pledge: { declaration: true } }, baseRevision: 0,
  }));
  const sub = await applicant.ok(applicant.post(`/api/applications/${app.id}/submit`, { baseRevision: saved.revision }));
  await admin.ok(admin.post(`/api/applications/${app.id}/screening/decision`, { outcome: 'pass', baseRevision: sub.revision }));
  return app.id;
}

describe('发布: publish, certificates as a ZIP with progress, the applicant’s certificate, public verification, in Chromium', { skip: skip ?? false, timeout: 300_000 }, () => {
  before(async () => {
    smtp = await startSmtpServer();
  });
  const live = liveServer(() => ({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://lvping.example.org' }));
  before(() => ({ server, browser } = live));
  after(async () => {
    await smtp?.close();
  });

  let seeded: Awaited<ReturnType<typeof seed>>;
  let serial = '';

  test('the organizer publishes and downloads every certificate as a ZIP, the bar counting to 100%', async () => {
    seeded = await seed();
    const page = await newChinesePage(browser);
    const errors = watchErrors(page);
    await withScreenshot(() => page, 'publication-organizer', async () => {
      const first = firstAdminCredentials(server.output())!;
      await logIn(page, server.baseUrl, first.email, ADMIN_PASSWORD);
      await page.goto(`${server.baseUrl}/organizer/programs/${seeded.programId}?tab=publication`);
      await seeTestId(page, 'publication-tab', 20_000);
      assert.equal(await page.getByTestId('publication-tier').count(), 2);
      await page.getByTestId('publication-publish').click();
      await page.getByTestId('publication-publish-confirm').click();
      await page.locator('[data-testid="publication-tab"][data-status="published"]').waitFor({ timeout: 20_000 });
      await page.getByTestId('publication-cert-count').filter({ hasText: '有效证书 2 份' }).waitFor();

      // Every value the bar shows, recorded in the page as it changes.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { seen: string[] }).seen = seen;
        new MutationObserver(() => {
          const bar = document.querySelector('[data-testid="publication-zip"] [data-testid="job-progress"]');
          const v = bar?.getAttribute('data-percent');
          if (v && seen[seen.length - 1] !== v) seen.push(v);
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      // A job renders the ZIP (export.certificates); when it is done the browser downloads the file.
      const zip = await download(page, 'publication-zip-start');
      await page.locator('[data-testid="publication-zip"] [data-testid="job-progress"][data-status="succeeded"][data-percent="100"]').waitFor();
      const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
      assert.equal(seen[seen.length - 1], '100', seen.join(','));
      assert.ok(seen.map(Number).every((v, i, a) => i === 0 || v >= a[i - 1]), `never goes back: ${seen.join(',')}`);
      assert.match(zip.name, /证书\.zip$/);
      // One PDF per certificate, named by serial and organization.
      const counter = new ZipEntryCounter();
      counter.push(new Uint8Array(zip.bytes));
      assert.deepEqual([counter.done, counter.complete], [2, true]);
      const names = zipNames(zip.bytes);
      assert.equal(names.length, 2);
      for (const o of ORGS) assert.ok(names.some((n) => n.startsWith('PUBB-') && isWellFormedSerial(n.split('-').slice(0, 4).join('-')) && n.endsWith(`-${o.name}.pdf`)), `${o.name}: ${names.join(', ')}`);
      // The file stays offered: the link downloads the same bytes again.
      const again = await download(page, 'publication-zip-file');
      assert.equal(again.bytes.length, zip.bytes.length);
    });
    assert.deepEqual(appErrors(errors), []);
    await page.context().close();
  });

  test('the applicant sees the result and downloads the certificate', async () => {
    const page = await newChinesePage(browser);
    const errors = watchErrors(page);
    await withScreenshot(() => page, 'publication-applicant', async () => {
      await logIn(page, server.baseUrl, APPLICANT.email, APPLICANT.password);
      await page.goto(`${server.baseUrl}/applications/${seeded.apps[0].id}`);
      await seeTestId(page, 'result-card', 20_000);
      assert.match(await page.getByTestId('result-tier').innerText(), /绿色低碳一等奖/);
      serial = (await page.getByTestId('result-serial').innerText()).trim();
      assert.match(serial, /^PUBB-\d{4}-000\d-[0-9A-Z]{6}$/);
      const pdf = await download(page, 'result-download');
      assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
      const text = (await pdfPages(pdf.bytes)).join('').replace(/\s+/g, '');
      for (const s of ['获奖证书', ORGS[0].name, ORGS[0].project, '一等奖', serial, `https://lvping.example.org/verify/${serial}`]) assert.ok(text.includes(s), `the certificate lacks ${s}`);
    });
    assert.deepEqual(appErrors(errors), []);
    await page.context().close();
  });

  test('a visitor confirms the certificate, reads the results on a phone, and an unknown serial is said to be unknown', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await newChinesePage(browser, ctx);
    const errors = watchErrors(page);
    await withScreenshot(() => page, 'publication-visitor', async () => {
      await page.goto(`${server.baseUrl}/verify/${serial}`);
      await page.locator('[data-testid="verify-status"][data-status="valid"]').waitFor({ timeout: 20_000 });
      assert.equal(await page.getByTestId('verify-organization').innerText(), ORGS[0].name);
      assert.equal(await page.getByTestId('verify-project').innerText(), ORGS[0].project);
      assert.equal(await page.getByTestId('verify-tier').innerText(), '一等奖');

      await page.getByTestId('verify-input').fill('PUBB-2026-9999');
      await page.getByTestId('verify-submit').click();
      await page.locator('[data-testid="verify-status"][data-status="unknown"]').waitFor();
      assert.match(await page.getByTestId('verify-unknown').innerText(), /格式或校验位/);

      await page.goto(`${server.baseUrl}/programs/${SLUG}/results`);
      await seeTestId(page, 'results-page', 20_000);
      const entries = await page.getByTestId('results-entry').allInnerTexts();
      assert.deepEqual(entries.map((e) => e.includes(ORGS[0].name) || e.includes(ORGS[1].name)), [true, true]);
      assert.ok(!(await page.locator('body').innerText()).includes('得分'), 'no scores on the public page');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
      await page.goto(`${server.baseUrl}/programs/${SLUG}`);
      await seeTestId(page, 'results-link', 20_000);
    });
    assert.deepEqual(appErrors(errors), []);
    await ctx.close();
  });
});
