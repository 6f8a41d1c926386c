import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextWebhookAttempt, webhookMaxAttempts } from '../../src/webhook/webhook-retry.ts';
import { CreateWebhookEndpointSchema, webhookBodySchema } from '../../src/webhook/webhook-api.schema.ts';
import { webhookEventNames, webhookEvents } from '../../src/webhook/webhook-events.ts';

// The retry schedule of webhook deliveries and the endpoint request's own checks.

test('failed deliveries are retried after 30 s, 2 min, 10 min, 1 h and 6 h, then fail', () => {
  const t = 1_000_000;
  const delays = [1, 2, 3, 4, 5].map((n) => nextWebhookAttempt(n, t)! - t);
  assert.deepEqual(delays, [30_000, 120_000, 600_000, 3_600_000, 21_600_000]);
  assert.equal(webhookMaxAttempts, 6);
  assert.equal(nextWebhookAttempt(6, t), null, 'the sixth failure is the last');
  assert.equal(nextWebhookAttempt(9, t), null);
  assert.equal(nextWebhookAttempt(0, t), t, 'never tried: due now');
});

test('an endpoint names a URL and at least one known event, each once', () => {
  assert.equal(CreateWebhookEndpointSchema.safeParse({ url: 'https://hooks.example.com/lvping', events: ['application.submitted'] }).success, true);
  const paths = (v: unknown) => CreateWebhookEndpointSchema.safeParse(v).error?.issues.map((i) => i.path.join('.'));
  assert.deepEqual(paths({ url: 'hooks.example.com', events: ['application.submitted'] }), ['url']);
  assert.deepEqual(paths({ url: 'ftp://hooks.example.com/', events: ['application.submitted'] }), ['url']);
  assert.deepEqual(paths({ url: 'https://hooks.example.com/', events: ['application.deleted'] }), ['events.0']);
  assert.deepEqual(paths({ url: 'https://hooks.example.com/', events: [] }), ['events']);
  assert.deepEqual(paths({ url: 'https://hooks.example.com/', events: ['outcome.decided', 'outcome.decided'] }), ['events']);
});

test('every event has a name in both languages and a body schema', () => {
  for (const e of webhookEvents) {
    assert.ok(webhookEventNames[e]['zh-CN'] && webhookEventNames[e].en, e);
    const body = webhookBodySchema(e);
    assert.equal(body.safeParse({ id: 'x', event: e, programId: 'p', occurredAt: new Date(0).toISOString(), data: {} }).success, false, `${e}: data is checked`);
  }
});
