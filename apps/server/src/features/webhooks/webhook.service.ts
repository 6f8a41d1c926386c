import { AppError, type CreateWebhookEndpoint, type UpdateWebhookEndpoint, type WebhookDelivery, type WebhookDeliveryStatus, type WebhookEndpoint, type WebhookEndpointList, type WebhookEndpointWithSecret, type WebhookEvent, webhookEvents } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { authorize } from '../access/access.service.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { randomToken } from '../auth/tokens.ts';
import { findProgramById } from '../programs/program.repository.ts';
import { endpointUrlProblem } from './webhook-target.ts';
import {
  deleteEndpoint, deliveriesOf, deliveryCounts, endpointsOfProgram, failPendingOf, findDelivery, findEndpoint, insertEndpoint, requeueDelivery, updateEndpoint,
  type DeliveryRow, type EndpointRow,
} from './webhook.repository.ts';

// An organizer's webhook endpoints (action program.configure): register, change, rotate the
// secret, enable/disable, delete, read the delivery log and redeliver. The secret is returned
// only by create and rotate; the audit log records what changed, never the secret.

const newSecret = () => `whsec_${randomToken(24)}`;
const noEndpoint = () => new AppError('NOT_FOUND', { message: { 'zh-CN': '未找到该推送地址', en: 'No such webhook endpoint' } });

const toEndpoint = (e: EndpointRow, counts?: WebhookEndpoint['counts']): WebhookEndpoint => ({
  id: e.id, url: e.url, events: JSON.parse(e.events_json) as WebhookEvent[], active: e.active === 1, createdAt: e.created_at,
  secretHint: e.secret.slice(-4), counts: counts ?? { pending: 0, delivered: 0, failed: 0 },
});

const toDelivery = (d: DeliveryRow): WebhookDelivery => ({
  id: d.id, event: d.event as WebhookEvent, status: d.status as WebhookDeliveryStatus, attempts: d.attempts, createdAt: d.created_at,
  nextAttemptAt: d.status === 'pending' ? d.next_attempt_at : null, deliveredAt: d.delivered_at, lastStatus: d.last_status, lastError: d.last_error, payload: d.payload_json,
});

async function configurable(deps: Deps, actor: Actor | null, programId: string): Promise<void> {
  authorize(actor, 'program.configure', { programId });
  if (!(await findProgramById(deps.db, programId))) throw new AppError('NOT_FOUND');
}

async function ownEndpoint(deps: Deps, actor: Actor | null, programId: string, endpointId: string): Promise<EndpointRow> {
  await configurable(deps, actor, programId);
  const e = await findEndpoint(deps.db, programId, endpointId);
  if (!e) throw noEndpoint();
  return e;
}

function checkUrl(deps: Deps, url: string): void {
  const problem = endpointUrlProblem(url, deps.config.webhooks);
  if (problem) throw new AppError('VALIDATION', { fields: [problem] });
}

export async function listEndpoints(deps: Deps, actor: Actor | null, programId: string): Promise<WebhookEndpointList> {
  await configurable(deps, actor, programId);
  const counts = await deliveryCounts(deps.db, programId);
  return { events: [...webhookEvents], endpoints: (await endpointsOfProgram(deps.db, programId)).map((e) => toEndpoint(e, counts.get(e.id))) };
}

export async function createEndpoint(deps: Deps, actor: Actor | null, programId: string, input: CreateWebhookEndpoint, requestId: string | null = null): Promise<WebhookEndpointWithSecret> {
  await configurable(deps, actor, programId);
  checkUrl(deps, input.url);
  const now = deps.now();
  const row: EndpointRow = { id: newId(), program_id: programId, url: input.url, secret: newSecret(), events_json: JSON.stringify(input.events), active: 1, created_by: actor!.userId, created_at: now };
  await deps.db.transaction().execute(async (trx) => {
    await insertEndpoint(trx, row);
    await appendAudit(trx, { actorId: actor!.userId, action: 'webhook.create', entity: 'webhook_endpoint', entityId: row.id, after: { programId, url: row.url, events: input.events }, requestId }, now);
  });
  return { endpoint: toEndpoint(row), secret: row.secret };
}

export async function changeEndpoint(deps: Deps, actor: Actor | null, programId: string, endpointId: string, input: UpdateWebhookEndpoint, requestId: string | null = null): Promise<WebhookEndpoint> {
  const e = await ownEndpoint(deps, actor, programId, endpointId);
  if (input.url !== undefined) checkUrl(deps, input.url);
  const set: Parameters<typeof updateEndpoint>[2] = {};
  if (input.url !== undefined && input.url !== e.url) set.url = input.url;
  if (input.events !== undefined) set.events_json = JSON.stringify(input.events);
  if (input.active !== undefined && (input.active ? 1 : 0) !== e.active) set.active = input.active ? 1 : 0;
  const now = deps.now();
  if (Object.keys(set).length) await deps.db.transaction().execute(async (trx) => {
    await updateEndpoint(trx, e.id, set);
    // A disabled endpoint gets nothing: what was waiting stops, marked so, and can be redelivered after re-enabling.
    const stopped = set.active === 0 ? await failPendingOf(trx, e.id, 'endpoint disabled before delivery') : 0;
    await appendAudit(trx, {
      actorId: actor!.userId, action: 'webhook.update', entity: 'webhook_endpoint', entityId: e.id, requestId,
      before: { url: e.url, events: JSON.parse(e.events_json), active: e.active === 1 },
      after: { url: set.url ?? e.url, events: input.events ?? JSON.parse(e.events_json), active: (set.active ?? e.active) === 1, ...(stopped ? { stoppedDeliveries: stopped } : {}) },
    }, now);
  });
  const counts = await deliveryCounts(deps.db, programId);
  return toEndpoint((await findEndpoint(deps.db, programId, e.id))!, counts.get(e.id));
}

/** A new secret at once: receivers must switch to it (the old one stops verifying). */
export async function rotateSecret(deps: Deps, actor: Actor | null, programId: string, endpointId: string, requestId: string | null = null): Promise<WebhookEndpointWithSecret> {
  const e = await ownEndpoint(deps, actor, programId, endpointId);
  const secret = newSecret();
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await updateEndpoint(trx, e.id, { secret });
    await appendAudit(trx, { actorId: actor!.userId, action: 'webhook.rotate_secret', entity: 'webhook_endpoint', entityId: e.id, before: { secretHint: e.secret.slice(-4) }, after: { secretHint: secret.slice(-4) }, requestId }, now);
  });
  const counts = await deliveryCounts(deps.db, programId);
  return { endpoint: toEndpoint({ ...e, secret }, counts.get(e.id)), secret };
}

export async function removeEndpoint(deps: Deps, actor: Actor | null, programId: string, endpointId: string, requestId: string | null = null): Promise<{ deleted: true }> {
  const e = await ownEndpoint(deps, actor, programId, endpointId);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await deleteEndpoint(trx, e.id);
    await appendAudit(trx, { actorId: actor!.userId, action: 'webhook.delete', entity: 'webhook_endpoint', entityId: e.id, before: { programId, url: e.url, events: JSON.parse(e.events_json) }, requestId }, now);
  });
  return { deleted: true };
}

export async function listDeliveries(deps: Deps, actor: Actor | null, programId: string, endpointId: string, q: { limit: number; before?: number }): Promise<{ items: WebhookDelivery[] }> {
  const e = await ownEndpoint(deps, actor, programId, endpointId);
  return { items: (await deliveriesOf(deps.db, e.id, q)).map(toDelivery) };
}

/** Sends a delivered or failed event again, from a first attempt (same event id, so receivers can tell it is a repeat). */
export async function redeliver(deps: Deps, actor: Actor | null, programId: string, endpointId: string, deliveryId: string, requestId: string | null = null): Promise<WebhookDelivery> {
  const e = await ownEndpoint(deps, actor, programId, endpointId);
  const d = await findDelivery(deps.db, e.id, deliveryId);
  if (!d) throw new AppError('NOT_FOUND', { message: { 'zh-CN': '未找到该推送记录', en: 'No such delivery' } });
  if (e.active !== 1) throw new AppError('CONFLICT', { message: { 'zh-CN': '该推送地址已停用，请先启用再重新推送', en: 'This endpoint is disabled: enable it before redelivering' } });
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await requeueDelivery(trx, d.id, now))) throw new AppError('CONFLICT', { message: { 'zh-CN': '该推送仍在等待发送', en: 'This delivery is still pending' } });
    await appendAudit(trx, { actorId: actor!.userId, action: 'webhook.redeliver', entity: 'webhook_endpoint', entityId: e.id, before: { deliveryId: d.id, status: d.status, attempts: d.attempts }, after: { deliveryId: d.id, status: 'pending' }, requestId }, now);
  });
  return toDelivery((await findDelivery(deps.db, e.id, d.id))!);
}
