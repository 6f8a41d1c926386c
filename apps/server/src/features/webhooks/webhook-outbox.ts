import type { WebhookEvent } from '@lvping/domain';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';

// The outbox: a status event becomes one pending delivery per subscribed endpoint, written in
// the same transaction as the change it reports, so an event is never sent for a change that
// rolled back nor lost for one that committed. webhook-delivery.ts sends them.

export async function emitWebhookEvent(trx: Db, programId: string, event: WebhookEvent, data: Record<string, unknown>, now: number): Promise<void> {
  const endpoints = await trx.selectFrom('webhook_endpoints').select(['id', 'events_json']).where('program_id', '=', programId).where('active', '=', 1).execute();
  const subscribed = endpoints.filter((e) => (JSON.parse(e.events_json) as string[]).includes(event));
  if (!subscribed.length) return;
  const id = newId();
  const payload = JSON.stringify({ id, event, programId, occurredAt: new Date(now).toISOString(), data });
  await trx.insertInto('webhook_deliveries').values(subscribed.map((e) => ({
    id: newId(), endpoint_id: e.id, program_id: programId, event, payload_json: payload, status: 'pending', attempts: 0,
    next_attempt_at: now, last_status: null, last_error: null, created_at: now, delivered_at: null,
  }))).execute();
}
