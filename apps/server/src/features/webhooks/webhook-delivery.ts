import { nextWebhookAttempt } from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { postWebhook } from './webhook-send.ts';
import { signatureHeader } from './webhook-signature.ts';
import { claimDueDeliveries, endpointsByIds, recordAttempt, type DeliveryRow } from './webhook.repository.ts';

// The delivery pass, run as the recurring job `webhooks.deliver` (jobs/job-registry.ts: every
// WEBHOOKS_TICK_MS, once per slot across processes): claims due deliveries with a lease, POSTs
// them signed, and records the outcome — delivered, or the next attempt from the retry
// schedule (domain webhook-retry.ts), or failed after the last one.

const BATCH = 20;

export type TickResult = { delivered: number; retrying: number; failed: number };

/** One pass over what is due now. Tests call it directly with their own clock. */
export async function deliverDueWebhooks(deps: Deps): Promise<TickResult> {
  const now = deps.now();
  // Held past the receiver's timeout, so nobody else takes a delivery while it is in flight.
  const leaseUntil = now + deps.config.webhooks.timeoutMs + 50_000;
  const claimed = await claimDueDeliveries(deps.db, deps.engine, now, leaseUntil, BATCH);
  const endpoints = await endpointsByIds(deps.db, [...new Set(claimed.map((d) => d.endpoint_id))]);
  const result: TickResult = { delivered: 0, retrying: 0, failed: 0 };
  await Promise.all(claimed.map(async (d) => {
    const endpoint = endpoints.get(d.endpoint_id);
    if (!endpoint) return; // deleted meanwhile: its deliveries went with it
    const outcome = await attempt(deps, d, endpoint.url, endpoint.secret, now);
    const attempts = d.attempts + 1;
    const at = deps.now();
    const next = outcome.ok ? null : nextWebhookAttempt(attempts, at);
    const status = outcome.ok ? 'delivered' : next === null ? 'failed' : 'pending';
    const recorded = await recordAttempt(deps.db, d.id, leaseUntil, {
      status, attempts, next_attempt_at: next, last_status: outcome.status, last_error: outcome.ok ? null : outcome.error, delivered_at: outcome.ok ? at : null,
    });
    if (!recorded) return;
    if (status === 'delivered') result.delivered++;
    else if (status === 'failed') result.failed++;
    else result.retrying++;
  }));
  return result;
}

function attempt(deps: Deps, d: DeliveryRow, url: string, secret: string, now: number) {
  const timestamp = Math.floor(now / 1000);
  return postWebhook(url, {
    'content-type': 'application/json',
    'x-lvping-event': d.event,
    'x-lvping-delivery': d.id,
    'x-lvping-timestamp': String(timestamp),
    'x-lvping-signature': signatureHeader(secret, timestamp, d.payload_json),
  }, d.payload_json, deps.config.webhooks).catch((err: Error) => ({ ok: false as const, status: null, error: err.message }));
}
