// The second half of the end-to-end journeys (journey-*.test.ts): from a program's final ranking
// (support/outcome-journey.ts) to its published results, every step in Chromium as the person
// whose step it is would take it. The organizer decides the tiers in 获奖决定 (counts typed where
// the plan gives none, one change against the ranking with its reason, a program award computed
// by its rule) and submits the list; the demo committee member reads it with its explanations and
// approves; the organizer opens the results 公示; a member of the public files a real-name
// objection with evidence and looks it up by its receipt; the organizer rules on it (first asking
// the applicant, who answers in the platform, where the plan says so) and the objector reads the
// ruling; the 公示 period is made to have ended (see endPublicityPeriod); the organizer closes the
// 公示 and publishes; the public reads the results (no scores), the applicant downloads the
// certificate and a visitor verifies it.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Locator, Page } from 'playwright-core';
import { decodeMail, type ReceivedMail } from '../../../server/test/support/smtp.ts';
import { appErrors, seeTestId, watchErrors } from './browser.ts';
import { sampleFiles, type SampleFiles } from './files.ts';
import { DEMO_ORGANIZER, download, logIn, newChinesePage, withScreenshot } from './journey.ts';
import { APPLICANT_PASSWORD, DEMO_COMMITTEE, type JourneyApp, type ReviewedProgram } from './outcome-journey.ts';
import { pdfPages } from './pdf-text.ts';
import { programBySlug } from './seed-applications.ts';
import type { RunningServer } from './server.ts';

/** Application number → tier id; null: no tier. */
export type Tiers = Record<string, string | null>;

export type OutcomePlan = {
  /** The places per tier the organizer types in before 按排名生成, per track (河南's plan gives none). */
  counts?: Record<string, Record<string, number>>;
  /** What 按排名生成 must propose for every ranked application. */
  proposed: Tiers;
  /** One decision against the ranking, saved with its reason. */
  change?: { number: string; tierId: string | null; reason: string };
  /** A program award (优秀组织奖) computed by its rule, and the unit it must name. */
  award?: { id: string; unit: string };
  objection: {
    /** The application objected to (it must be on the 公示). */
    number: string;
    reasons: string;
    /** The secretariat first asks the applicant to respond, who answers in the platform. */
    askApplicant?: { request: string; answer: string };
    ruling: 'upheld' | 'rejected';
    consequence: 'removed' | 'tier_changed' | 'no_change';
    newTierId?: string;
    reason: string;
  };
  /** The objector files on a phone-sized screen (390×844). */
  phone: boolean;
  /** The public results are read in English too. */
  english: boolean;
  /** Whose applicant downloads the certificate; whether its template prints the project's name ({project}). */
  certificate: { number: string; printsProject: boolean };
};

type Def = { slug: string; name: string; tracks: { id: string; name: string; nameEn?: string; awardTiers: { id: string; name: string; nameEn?: string }[] }[]; decision: { certificate: { title: string; serialPrefix: string } } };

/** A score as the ranking explains it: 87.40 ± 1.25 (no ± with one review). */
const SCORE = /^\d+\.\d\d( ± \d+\.\d\d)?$/;
const RULINGS = { upheld: '异议成立', rejected: '异议不成立' } as const;
const CONSEQUENCES = { removed: '取消入选资格', tier_changed: '调整获奖等级', no_change: '维持原结果' } as const;

/** Chooses an option of an antd Select by its text. */
async function choose(page: Page, select: Locator, text: string): Promise<void> {
  await select.click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
  await dropdown.waitFor({ state: 'visible' });
  await dropdown.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
}

/** Waits until `selector`'s attribute has this value. */
async function waitAttr(page: Page, selector: string, name: string, value: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction(([s, n, v]) => document.querySelector(s)?.getAttribute(n) === v, [selector, name, value] as const, { timeout });
}

/** An open page (and the errors it logs), in a fresh context of its own. */
async function pageFor(browser: Browser, phone = false) {
  const ctx = phone ? await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, acceptDownloads: true }) : undefined;
  const page = await newChinesePage(browser, ctx);
  return { page, errors: watchErrors(page) };
}

/** Runs one person's step on their own page; a failure leaves /tmp/lvping-e2e-<slug>-<step>.png; the page must log no errors. */
async function as<T>(browser: Browser, slug: string, step: string, body: (page: Page) => Promise<T>, phone = false): Promise<T> {
  const { page, errors } = await pageFor(browser, phone);
  let out: T;
  try {
    await withScreenshot(() => page, `${slug}-${step}`, async () => {
      out = await body(page);
    });
    assert.deepEqual(appErrors(errors), [], `${step}: errors in the page`);
  } finally {
    await page.context().close();
  }
  return out!;
}

class Journey {
  readonly base: string;
  readonly byNumber: Map<string, JourneyApp>;
  readonly decided: Tiers;
  readonly final: Tiers;
  readonly slugTag: string;

  constructor(readonly server: RunningServer, readonly browser: Browser, readonly mails: ReceivedMail[], readonly seeded: ReviewedProgram, readonly def: Def, readonly plan: OutcomePlan, readonly files: SampleFiles) {
    this.base = server.baseUrl;
    this.byNumber = new Map(seeded.apps.map((a) => [a.number, a]));
    this.slugTag = seeded.slug.split('-')[0];
    this.decided = { ...plan.proposed, ...(plan.change ? { [plan.change.number]: plan.change.tierId } : {}) };
    const o = plan.objection;
    const after = o.consequence === 'removed' ? null : o.consequence === 'tier_changed' ? o.newTierId! : this.decided[o.number];
    this.final = { ...this.decided, [o.number]: after };
  }

  app(number: string): JourneyApp {
    const a = this.byNumber.get(number);
    assert.ok(a, `no application ${number}`);
    return a;
  }
  track(trackId: string) {
    return this.def.tracks.find((t) => t.id === trackId)!;
  }
  tierName(number: string, tierId: string | null, en = false): string {
    if (tierId === null) return '未获奖';
    const tier = this.track(this.app(number).trackId).awardTiers.find((x) => x.id === tierId)!;
    return en ? tier.nameEn ?? tier.name : tier.name;
  }
  tiered(tiers: Tiers): string[] {
    return Object.keys(tiers).filter((n) => tiers[n] !== null).sort();
  }
  /** Per track, number → tier id of its applications, as data-tier attributes hold it ('' for none). */
  trackTiers(tiers: Tiers, trackId: string): Record<string, string> {
    return Object.fromEntries(Object.entries(tiers).filter(([n]) => this.app(n).trackId === trackId).map(([n, t]) => [n, t ?? '']));
  }
  organizerTab(page: Page, tab: string) {
    return page.goto(`${this.base}/organizer/programs/${this.seeded.programId}?tab=${tab}`);
  }

  /** 获奖决定: counts, 按排名生成 per track, the one change with its reason, the award by its rule, 提交委员会. */
  async decide(page: Page): Promise<void> {
    const { plan } = this;
    await logIn(page, this.base, DEMO_ORGANIZER);
    await this.organizerTab(page, 'decisions');
    await seeTestId(page, 'decision-tab', 30_000);
    assert.equal(await page.getByTestId('decision-status').getAttribute('data-status'), 'deciding');
    await seeTestId(page, 'decision-blockers');
    for (const trackId of Object.keys(this.seeded.expected)) {
      const card = page.locator(`[data-testid="decision-track"][data-track="${trackId}"]`);
      await card.waitFor({ timeout: 20_000 });
      for (const [tierId, n] of Object.entries(plan.counts?.[trackId] ?? {})) {
        const box = card.getByTestId(`decision-count-${tierId}`);
        const input = (await box.evaluate((e) => e.tagName)) === 'INPUT' ? box : box.locator('input');
        await input.fill(String(n));
      }
      await card.getByTestId('decision-propose').click();
      const want = this.trackTiers(plan.proposed, trackId);
      await page.waitForFunction(([t, w]) => {
        const rows = [...document.querySelectorAll(`[data-testid="decision-track"][data-track="${t}"] [data-testid="decision-row"]`)];
        const got = Object.fromEntries(rows.map((r) => [r.getAttribute('data-number'), r.getAttribute('data-tier')]));
        return JSON.stringify(got, Object.keys(w).sort()) === JSON.stringify(w, Object.keys(w).sort()) && rows.length === Object.keys(w).length;
      }, [trackId, want] as const, { timeout: 20_000 });
      // The ranking's explanation beside each proposal: its score, and the proposed tier by name.
      const rows = card.locator('[data-testid="decision-row"]');
      assert.deepEqual(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-number'))), this.seeded.expected[trackId], `${trackId}: ranking order`);
      for (const [k, number] of this.seeded.expected[trackId].entries()) {
        const row = rows.nth(k);
        assert.match(await row.getByTestId('decision-score').innerText(), SCORE);
        assert.equal((await row.getByTestId('decision-proposed').innerText()).trim(), this.tierName(number, plan.proposed[number]));
      }
    }
    if (plan.change) {
      const { number, tierId, reason } = plan.change;
      const row = page.locator(`[data-testid="decision-row"][data-number="${number}"]`);
      await choose(page, row.getByTestId('decision-tier-select'), this.tierName(number, tierId));
      // Against the ranking: refused without a reason, saved with one.
      await row.getByTestId('decision-save').click();
      assert.match(await row.getByTestId('decision-reason-error').innerText(), /理由/);
      await row.getByTestId('decision-reason').fill(reason);
      await row.getByTestId('decision-save').click();
      await waitAttr(page, `[data-testid="decision-row"][data-number="${number}"]`, 'data-tier', tierId ?? '');
      assert.equal(await row.getAttribute('data-proposed'), plan.proposed[number] ?? '');
    }
    if (plan.award) {
      const card = page.locator(`[data-testid="decision-award"][data-award="${plan.award.id}"]`);
      assert.deepEqual(await card.getByTestId('decision-award-byrule').allInnerTexts().then((xs) => xs.map((x) => x.split(' — ')[0].trim())), [plan.award.unit], 'the rule names the unit');
      await card.getByTestId('decision-award-compute').click();
      await card.locator(`[data-testid="decision-award-winner"][data-unit="${plan.award.unit}"]`).waitFor({ timeout: 15_000 });
      assert.equal(await card.getByTestId('decision-award-winner').count(), 1);
    }
    await page.getByTestId('decision-blockers').waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByTestId('decision-submit').click();
    await waitAttr(page, '[data-testid="decision-status"]', 'data-status', 'with_committee');
  }

  /** The demo committee member: the list awaiting them, every tier and the change's reason, the award; approves. */
  async approve(page: Page): Promise<void> {
    const { plan } = this;
    await logIn(page, this.base, DEMO_COMMITTEE);
    await page.goto(`${this.base}/committee`);
    const entry = page.locator(`[data-testid="committee-program"][data-program="${this.seeded.programId}"]`);
    await entry.waitFor({ timeout: 20_000 });
    assert.equal(await entry.getAttribute('data-awaiting'), 'true');
    await entry.getByTestId('committee-open').click();
    await waitAttr(page, '[data-testid="committee-list"]', 'data-status', 'with_committee');
    for (const trackId of Object.keys(this.seeded.expected)) {
      const rows = page.locator(`[data-testid="committee-track"][data-track="${trackId}"] [data-testid="committee-row"]`);
      await rows.first().waitFor();
      const got = Object.fromEntries(await rows.evaluateAll((els) => els.map((e) => [e.getAttribute('data-number'), e.getAttribute('data-tier')])));
      assert.deepEqual(got, this.trackTiers(this.decided, trackId), `${trackId}: the list the committee reads`);
      for (const [k, number] of this.seeded.expected[trackId].entries()) {
        const row = rows.nth(k);
        assert.equal(await row.getAttribute('data-number'), number);
        assert.match(await row.getByTestId('decision-score').innerText(), SCORE);
        assert.equal((await row.getByTestId('committee-tier').innerText()).trim(), this.tierName(number, this.decided[number]));
      }
    }
    if (plan.change) assert.ok((await page.locator(`[data-testid="committee-row"][data-number="${plan.change.number}"]`).innerText()).includes(plan.change.reason), 'the change is read with its reason');
    if (plan.award) await page.locator(`[data-testid="decision-award"][data-award="${plan.award.id}"] [data-testid="decision-award-winner"][data-unit="${plan.award.unit}"]`).waitFor();
    await page.getByTestId('committee-approve').click();
    await page.getByTestId('committee-approve-ok').click();
    await waitAttr(page, '[data-testid="committee-list"]', 'data-status', 'approved');
    await seeTestId(page, 'committee-closed');
  }

  /** The organizer sees the approval, then opens the results 公示 (its computed end shown first). */
  async openPublicity(page: Page): Promise<void> {
    await logIn(page, this.base, DEMO_ORGANIZER);
    await this.organizerTab(page, 'decisions');
    await waitAttr(page, '[data-testid="decision-status"]', 'data-status', 'approved', 30_000);
    assert.deepEqual(await page.getByTestId('committee-review').evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict'))), ['approve']);
    await this.organizerTab(page, 'publicity');
    await seeTestId(page, 'publicity-tab', 30_000);
    const n = this.tiered(this.decided).length;
    assert.match(await page.getByTestId('open-results-end').innerText(), new RegExp(`^${n} 项，5 个工作日，截止 \\d{4}-\\d{2}-\\d{2} 24:00（北京时间）$`));
    await page.getByTestId('open-results').click();
    await page.getByTestId('open-results-confirm').click();
    await seeTestId(page, 'admin-publicity-results', 20_000);
    assert.match(await page.getByTestId('outcome-status').innerText(), /公示中/);
    assert.equal((await page.getByTestId('admin-publicity-state').innerText()).trim(), '公示中');
  }

  /** A member of the public, not signed in: reads the 公示, files the objection with evidence, gets a receipt, looks it up. */
  async object(page: Page): Promise<string> {
    const o = this.plan.objection;
    const target = this.app(o.number);
    await page.goto(`${this.base}/programs/${this.seeded.slug}`);
    await seeTestId(page, 'publicity-link', 20_000);
    await page.getByTestId('publicity-link').locator('a').click();
    await seeTestId(page, 'publicity-page', 20_000);
    assert.match(await page.getByTestId('publicity-ends-at').innerText(), /异议截止：\d{4}-\d{2}-\d{2} 24:00（北京时间）/);
    // The list: every application with a tier, its tier named; nothing else.
    const items = page.getByTestId('publicity-items');
    for (const number of this.tiered(this.decided)) {
      const row = await items.getByTestId(`publicity-item-${number}`).innerText();
      for (const s of [this.app(number).title, this.app(number).orgName, this.tierName(number, this.decided[number])]) assert.ok(row.includes(s), `${number} on the 公示 lacks ${s}`);
    }
    assert.equal(await items.locator('[data-testid^="publicity-item-"]').count(), this.tiered(this.decided).length);

    await page.getByTestId('obj-name').fill('李明远');
    await page.getByTestId('obj-organization').fill('郑州市某某节能技术咨询有限公司');
    await page.getByTestId('obj-phone').fill('0371-65509953');
    await page.getByTestId('obj-email').fill(this.objectorEmail);
    await choose(page, page.getByTestId('obj-application'), target.number);
    await page.getByTestId('obj-reasons').fill(o.reasons);
    await page.getByTestId('objection-form').locator('input[type=file]').setInputFiles(this.files.pdf('异议证明材料.pdf'));
    await page.getByTestId('obj-file').filter({ hasText: '异议证明材料.pdf' }).waitFor({ timeout: 20_000 });
    await page.getByTestId('obj-submit').click();
    await seeTestId(page, 'objection-receipt', 20_000);
    const receipt = (await page.getByTestId('receipt-no').innerText()).trim();
    assert.match(receipt, /^GS-\d{8}-[A-Z2-7]{8}$/);
    await page.getByTestId('receipt-status-link').click();
    await seeTestId(page, 'status-result', 20_000);
    assert.equal(await page.getByTestId('status-value').getAttribute('data-status'), 'received');
    assert.ok((await page.getByTestId('status-result').innerText()).includes(target.number));
    if (this.plan.phone) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the status page is ${overflow}px wider than the phone`);
    }
    return receipt;
  }

  get objectorEmail() {
    return `objector.${this.slugTag}@example.com`;
  }

  /** The objection's drawer in the organizer's 公示 tab. */
  async openObjection(page: Page, receipt: string, status: string): Promise<Locator> {
    await this.organizerTab(page, 'publicity');
    await seeTestId(page, 'objections-table', 30_000);
    await page.getByTestId(`objection-view-${receipt}`).click();
    const drawer = page.getByTestId('objection-drawer');
    await drawer.waitFor({ timeout: 20_000 });
    await drawer.locator(`[data-testid="drawer-status"][data-status="${status}"]`).waitFor();
    return drawer;
  }

  /** The secretariat asks the applicant to respond. */
  async askApplicant(page: Page, receipt: string): Promise<void> {
    await logIn(page, this.base, DEMO_ORGANIZER);
    const drawer = await this.openObjection(page, receipt, 'received');
    assert.ok((await drawer.innerText()).includes('李明远'));
    await drawer.getByTestId('objection-file').filter({ hasText: '异议证明材料.pdf' }).waitFor();
    await page.getByTestId('action-request').click();
    await page.getByTestId('action-body').fill(this.plan.objection.askApplicant!.request);
    await page.getByTestId('action-submit').click();
    await drawer.locator('[data-testid="drawer-status"][data-status="awaiting_response"]').waitFor({ timeout: 15_000 });
  }

  /** The applicant, on the application's page: reads the request (not who objected), answers with a file. */
  async answer(page: Page, receipt: string): Promise<void> {
    const app = this.app(this.plan.objection.number);
    await logIn(page, this.base, app.applicantEmail, APPLICANT_PASSWORD);
    await page.goto(`${this.base}/applications/${app.id}`);
    const card = page.getByTestId(`objection-${receipt}`);
    await card.waitFor({ timeout: 20_000 });
    const text = await card.innerText();
    assert.ok(text.includes(this.plan.objection.askApplicant!.request) && text.includes(this.plan.objection.reasons), 'the applicant reads the request and the reasons');
    assert.ok(!text.includes('李明远'), 'the applicant does not learn who objected');
    assert.equal((await card.getByTestId('objection-response-status').innerText()).trim(), '待申报单位说明');
    await card.getByTestId('obr-body').fill(this.plan.objection.askApplicant!.answer);
    await card.locator('input[type=file]').setInputFiles(this.files.pdf('情况说明及检测报告.pdf'));
    await card.getByTestId('obr-file').filter({ hasText: '情况说明及检测报告.pdf' }).waitFor({ timeout: 20_000 });
    await card.getByTestId('obr-send').click();
    await card.getByTestId('obr-event-response').waitFor({ timeout: 15_000 });
    assert.equal((await card.getByTestId('objection-response-status').innerText()).trim(), '调查核实中');
  }

  /** The ruling, with its consequence (the new tier where it changes one). */
  async rule(page: Page, receipt: string): Promise<void> {
    const o = this.plan.objection;
    await logIn(page, this.base, DEMO_ORGANIZER);
    const drawer = await this.openObjection(page, receipt, o.askApplicant ? 'investigating' : 'received');
    if (o.askApplicant) {
      assert.ok((await drawer.getByTestId('event-response').innerText()).includes(o.askApplicant.answer), 'the applicant’s answer is in the timeline');
      await drawer.getByTestId('objection-file').filter({ hasText: '情况说明及检测报告.pdf' }).waitFor();
    }
    await page.getByTestId('action-rule').click();
    await choose(page, page.getByTestId('rule-ruling'), RULINGS[o.ruling]);
    if (o.ruling === 'upheld') await choose(page, page.getByTestId('rule-consequence'), CONSEQUENCES[o.consequence]);
    if (o.consequence === 'tier_changed') {
      await seeTestId(page, 'rule-tier');
      await choose(page, page.getByTestId('rule-tier'), this.tierName(o.number, o.newTierId!));
    }
    await page.getByTestId('action-body').fill(o.reason);
    await page.getByTestId('action-submit').click();
    await drawer.locator('[data-testid="drawer-status"][data-status="ruled"]').waitFor({ timeout: 15_000 });
    assert.equal((await drawer.getByTestId('drawer-ruling').innerText()).trim(), `${RULINGS[o.ruling]} · ${CONSEQUENCES[o.consequence]}`);
  }

  /** The objector, by the receipt: the ruling and its reason; and the email that told them. */
  async readRuling(page: Page, receipt: string): Promise<void> {
    const o = this.plan.objection;
    await page.goto(`${this.base}/objections/status?receipt=${receipt}`);
    await seeTestId(page, 'status-ruling', 20_000);
    assert.equal(await page.getByTestId('status-value').getAttribute('data-status'), 'ruled');
    assert.equal((await page.getByTestId('status-ruling').innerText()).trim(), RULINGS[o.ruling]);
    const result = await page.getByTestId('status-result').innerText();
    assert.ok(result.includes(CONSEQUENCES[o.consequence]) && result.includes(o.reason), result);
    assert.ok(!result.includes('李明远'), 'the status page does not name the objector');
    assert.ok(this.mails.some((m) => m.to.includes(this.objectorEmail) && decodeMail(m.raw).subject.includes(receipt)), 'the objector was emailed the ruling');
  }

  /** The organizer closes the (now ended) 公示 and publishes in 发布. */
  async closeAndPublish(page: Page, certificates: number): Promise<void> {
    await logIn(page, this.base, DEMO_ORGANIZER);
    await this.organizerTab(page, 'publicity');
    await seeTestId(page, 'admin-publicity-results', 30_000);
    assert.equal((await page.getByTestId('admin-publicity-state').innerText()).trim(), '公示期已满');
    await page.getByTestId('close-publicity').click();
    await page.getByTestId('close-publicity-confirm').click();
    await page.getByTestId('outcome-status').filter({ hasText: '公示结束' }).waitFor({ timeout: 20_000 });

    await this.organizerTab(page, 'publication');
    await page.locator('[data-testid="publication-tab"][data-status="publicity_closed"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('publication-publish').click();
    await page.getByTestId('publication-publish-confirm').click();
    await page.locator('[data-testid="publication-tab"][data-status="published"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('publication-cert-count').filter({ hasText: `有效证书 ${certificates} 份` }).waitFor();
    const tiers = Object.fromEntries(await page.getByTestId('publication-row').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-number'), r.querySelector('[data-testid="publication-tier"]')?.textContent ?? null])));
    const want = Object.fromEntries(Object.entries(this.final).map(([n, t]) => [n, t === null ? null : this.tierName(n, t)]));
    assert.deepEqual(tiers, want, 'the organizer’s list as published');
  }

  /** The public results: each track's tiers with their projects and organizations, the award, no scores. */
  async readResults(page: Page, en: boolean): Promise<void> {
    await page.goto(`${this.base}/programs/${this.seeded.slug}/results`);
    await seeTestId(page, 'results-page', 20_000);
    if (en) {
      await page.getByTestId('lang-switch').click();
      await page.getByTestId('results-title').filter({ hasText: 'Results' }).waitFor();
    }
    assert.ok((await page.getByTestId('results-title').innerText()).endsWith(en ? '· Results' : '· 评选结果'));
    const got: Record<string, string[]> = {};
    for (const trackId of Object.keys(this.seeded.expected)) {
      const track = this.track(trackId);
      const section = page.getByTestId(`results-track-${trackId}`);
      assert.equal((await section.locator('h2').innerText()).trim(), en ? track.nameEn ?? track.name : track.name);
      for (const tier of track.awardTiers) {
        const block = section.getByTestId(`results-tier-${trackId}-${tier.id}`);
        if (!(await block.count())) continue;
        assert.ok((await block.locator('h3').innerText()).startsWith(en ? tier.nameEn ?? tier.name : tier.name));
        for (const entry of await block.getByTestId('results-entry').allInnerTexts()) {
          const app = this.seeded.apps.find((a) => entry.includes(a.title) && entry.includes(a.orgName));
          assert.ok(app, `an entry of ${tier.name} names no application: ${entry}`);
          (got[app.number] ??= []).push(tier.id);
        }
      }
    }
    const want = Object.fromEntries(this.tiered(this.final).map((n) => [n, [this.final[n]!]]));
    assert.deepEqual(got, want, 'the public results, per track and tier');
    if (this.plan.award) {
      assert.deepEqual(await page.getByTestId(`program-award-${this.plan.award.id}`).getByTestId('program-award-winner').allInnerTexts(), [this.plan.award.unit]);
    }
    const body = await page.locator('body').innerText();
    assert.ok(!/得分|score/i.test(body), 'no scores on the public page');
    for (const t of this.seeded.ranking.tracks) for (const i of t.items) assert.ok(!body.includes(i.score.toFixed(2)), `score ${i.score.toFixed(2)} shown`);
  }

  /** The applicant: the result on the application's page, the certificate downloaded and read. */
  async certificate(page: Page): Promise<string> {
    const { number, printsProject } = this.plan.certificate;
    const app = this.app(number);
    const tierId = this.final[number]!;
    const track = this.track(app.trackId);
    await logIn(page, this.base, app.applicantEmail, APPLICANT_PASSWORD);
    await page.goto(`${this.base}/applications/${app.id}`);
    await page.locator(`[data-testid="result-card"][data-tier="${tierId}"]`).waitFor({ timeout: 20_000 });
    assert.equal((await page.getByTestId('result-tier').innerText()).trim(), `恭喜！荣获${track.name}${this.tierName(number, tierId)}`);
    const serial = (await page.getByTestId('result-serial').innerText()).trim();
    assert.match(serial, new RegExp(`^${this.def.decision.certificate.serialPrefix}-\\d{4}-\\d{4}-[0-9A-Z]{6}$`));
    const pdf = await download(page, 'result-download');
    assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
    const text = (await pdfPages(pdf.bytes)).join('').replace(/\s+/g, '');
    const must = [this.def.decision.certificate.title, app.orgName, track.name, this.tierName(number, tierId), serial, ...(printsProject ? [app.title] : [])];
    for (const s of must) assert.ok(text.includes(s.replace(/\s+/g, '')), `the certificate lacks ${s}: ${text}`);
    return serial;
  }

  /** Anyone, not signed in: /verify/<serial> confirms the certificate. */
  async verify(page: Page, serial: string): Promise<void> {
    const { number } = this.plan.certificate;
    const app = this.app(number);
    await page.goto(`${this.base}/verify/${serial}`);
    await page.locator('[data-testid="verify-status"][data-status="valid"]').waitFor({ timeout: 20_000 });
    assert.equal(await page.getByTestId('verify-serial').innerText(), serial);
    assert.equal(await page.getByTestId('verify-organization').innerText(), app.orgName);
    assert.equal(await page.getByTestId('verify-project').innerText(), app.title);
    assert.equal(await page.getByTestId('verify-track').innerText(), this.track(app.trackId).name);
    assert.equal(await page.getByTestId('verify-tier').innerText(), this.tierName(number, this.final[number]));
  }
}

/**
 * The 公示 runs 5 working days (Asia/Shanghai) from when it opened: a test cannot wait them out.
 * What is fast-forwarded: exactly one value, the open results 公示's publicities.ends_at, set to a
 * second ago in the live server's own SQLite file (its data directory, support/server.ts; WAL lets
 * a second connection write while the server runs). The server reads the row afresh on every
 * request, so nothing else moves: the opening, the objections and rulings, the audit trail keep
 * their real times, and closing still goes through the product's own check that the period is over.
 */
export function endPublicityPeriod(server: RunningServer, programId: string): void {
  const db = new Database(join(server.dataDir, 'lvping.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const open = db.prepare("SELECT id, ends_at FROM publicities WHERE program_id = ? AND kind = 'results' AND closed_at IS NULL").all(programId) as { id: string; ends_at: number }[];
    assert.equal(open.length, 1, 'one open results 公示');
    assert.ok(open[0].ends_at > Date.now(), 'the period had not ended by itself');
    db.prepare('UPDATE publicities SET ends_at = ? WHERE id = ?').run(Date.now() - 1000, open[0].id);
  } finally {
    db.close();
  }
}

/** Everything after the final ranking, in the browser, for one seed program; returns the verified certificate's serial. */
export async function finishOutcome(server: RunningServer, browser: Browser, mails: ReceivedMail[], seeded: ReviewedProgram, plan: OutcomePlan): Promise<string> {
  const def = (await programBySlug(seeded.organizer, seeded.slug)).definition as Def;
  const files = sampleFiles();
  try {
    const j = new Journey(server, browser, mails, seeded, def, plan, files);
    const tag = j.slugTag;
    assert.deepEqual(Object.keys(plan.proposed).sort(), seeded.apps.map((a) => a.number).sort(), 'the plan names every application');

    await as(browser, tag, 'decide', (p) => j.decide(p));
    await as(browser, tag, 'committee', (p) => j.approve(p));
    const statuses = await appStatuses(seeded);
    assert.deepEqual(statuses, Object.fromEntries(Object.entries(j.decided).map(([n, t]) => [n, t === null ? 'advanced' : 'candidate'])), 'approved: a tier makes a candidate');

    await as(browser, tag, 'open-publicity', (p) => j.openPublicity(p));
    const receipt = await as(browser, tag, 'object', (p) => j.object(p), plan.phone);
    if (plan.objection.askApplicant) {
      await as(browser, tag, 'ask-applicant', (p) => j.askApplicant(p, receipt));
      await as(browser, tag, 'applicant-answers', (p) => j.answer(p, receipt));
    }
    await as(browser, tag, 'rule', (p) => j.rule(p, receipt));
    await as(browser, tag, 'ruling-read', (p) => j.readRuling(p, receipt), plan.phone);

    endPublicityPeriod(server, seeded.programId);
    const certificates = j.tiered(j.final).length + (plan.award ? 1 : 0);
    await as(browser, tag, 'publish', (p) => j.closeAndPublish(p, certificates));
    assert.deepEqual(await appStatuses(seeded), Object.fromEntries(Object.entries(j.final).map(([n, t]) => [n, t === null ? 'not_awarded' : 'awarded'])), 'published: awarded or not');

    await as(browser, tag, 'results', (p) => j.readResults(p, false), plan.phone);
    if (plan.english) await as(browser, tag, 'results-en', (p) => j.readResults(p, true));
    const serial = await as(browser, tag, 'certificate', (p) => j.certificate(p));
    await as(browser, tag, 'verify', (p) => j.verify(p, serial), true);
    return serial;
  } finally {
    files.remove();
  }
}

/** Application number → status, as the organizer's API reports it. */
async function appStatuses(seeded: ReviewedProgram): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const a of seeded.apps) out[a.number] = (await seeded.organizer.ok(seeded.organizer.get(`/api/applications/${a.id}`))).status;
  return out;
}
