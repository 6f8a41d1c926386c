// 推送 (webhooks) on the organizer's side, in a real Chromium against the real server: the demo
// organizer registers an endpoint of a real receiver on 127.0.0.1 for 创蓝 (demo edition) — a
// plain-http non-loopback URL is refused on its field first —, copies the secret shown once,
// an applicant submits through the API, the server's own tick delivers it signed, and the
// organizer reads the log (status, attempts, payload), redelivers, and disables the endpoint.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import type { Page } from 'playwright-core';
import { startWebhookReceiver } from '../../server/test/support/webhook-receiver.ts';
import { appErrors, browserUnavailable, seeTestId, watchErrors } from './support/browser.ts';
import { registered, signedIn } from './support/http-client.ts';
import { DEMO_ORGANIZER, DEMO_PASSWORD, logIn, newChinesePage, withScreenshot } from './support/journey.ts';
import { liveServer } from './support/live-app.ts';
import { programBySlug, submitCnblue } from './support/seed-applications.ts';

const skip = browserUnavailable();

const waitFor = async (check: () => boolean, what: string, ms = 15_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (check()) return;
  assert.fail(`timed out waiting for ${what}`);
};

describe('organizer: webhooks', { skip: skip ?? undefined }, () => {
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  before(async () => {
    receiver = await startWebhookReceiver();
  });
  after(() => receiver?.close());
  // The server's delivery tick every 300 ms, so the test needs no clock of its own.
  const live = liveServer(() => ({ WEBHOOKS_TICK_MS: '300' }));
  let page: Page | undefined;

  test('register, see the secret once, receive a signed delivery, read the log, redeliver, disable', async () => {
    const { server, browser } = live;
    const organizer = await signedIn(server.baseUrl, DEMO_ORGANIZER, DEMO_PASSWORD);
    const program = await programBySlug(organizer, 'cnblue-2022-demo');
    page = await newChinesePage(browser);
    const errors = watchErrors(page);
    await withScreenshot(() => page, 'webhooks', async () => {
      const p = page!;
      await logIn(p, server.baseUrl, DEMO_ORGANIZER);
      await p.goto(`${server.baseUrl}/organizer/programs/${program.id}?tab=webhooks`);
      await seeTestId(p, 'webhooks-tab');
      assert.equal(await p.getByTestId('tab-webhooks').innerText(), '推送');
      await seeTestId(p, 'webhook-verify-snippet');

      await p.getByTestId('webhook-add').click();
      await p.getByTestId('webhook-url').fill('http://hooks.example.com/lvping');
      await p.getByTestId('webhook-event-application.submitted').click();
      await p.getByTestId('webhook-event-application.screened').click();
      await p.getByTestId('webhook-save').click();
      await p.getByText('接收地址须使用 https://').first().waitFor();

      await p.getByTestId('webhook-url').fill(receiver.url('/ui'));
      await p.getByTestId('webhook-save').click();
      await seeTestId(p, 'webhook-secret');
      const secret = await p.getByTestId('webhook-secret').inputValue();
      assert.match(secret, /^whsec_/);
      await p.getByTestId('webhook-secret-done').click();
      const card = p.getByTestId('webhook-endpoint');
      await card.waitFor();
      assert.deepEqual([await card.getAttribute('data-url'), await card.getAttribute('data-active')], [receiver.url('/ui'), 'true']);
      assert.equal((await p.locator('body').innerText()).includes(secret), false, 'the secret is gone once closed');

      const applicant = await registered(server.baseUrl, 'webhook.applicant@example.com', 'webhooks 2026 ok', '推送测试申报人');
      const app = await submitCnblue(applicant, program.id, 'xinnengyuan', '上海推送测试科技有限公司', 'webhook.applicant@example.com');
      await waitFor(() => receiver.at('/ui').length === 1, 'the delivery');
      const [got] = receiver.at('/ui');
      const ts = got.headers['x-lvping-timestamp'] as string;
      assert.equal(got.headers['x-lvping-signature'], `t=${ts},v1=${createHmac('sha256', secret).update(`${ts}.${got.body}`).digest('hex')}`);
      assert.equal(JSON.parse(got.body).data.number, app.number);

      await p.getByTestId('webhook-log-open').click();
      const row = p.getByTestId('webhook-delivery-row').first();
      await row.waitFor();
      assert.deepEqual([await row.getAttribute('data-event'), await row.getAttribute('data-status'), await row.getAttribute('data-attempts')], ['application.submitted', 'delivered', '1']);
      await row.locator('.ant-table-row-expand-icon').click();
      assert.match(await p.getByTestId('webhook-payload').innerText(), new RegExp(app.number));

      await p.getByTestId('webhook-redeliver').click();
      await waitFor(() => receiver.at('/ui').length === 2, 'the redelivery');
      assert.equal(JSON.parse(receiver.at('/ui')[1].body).id, JSON.parse(got.body).id, 'the same event again');

      await p.getByTestId('webhook-toggle').click();
      await p.locator('[data-testid="webhook-endpoint"][data-active="false"]').waitFor();
      assert.deepEqual(appErrors(errors), []);
    });
  });
});
