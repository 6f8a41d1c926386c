import { AppError, serviceKinds, type ServiceKind, type ServiceProviderInput } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { authorize } from '../access/access.service.ts';
import { grantRoleIn } from '../access/grant.service.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { findProvider, insertProvider, providerOfUser, providerProfiles, updateProvider, type ProviderRow } from './service-request.repository.ts';

// IP service providers (知识产权服务机构) apply with the services they offer and where; the catalog
// organizer approves, which grants the platform role service_provider. Their profile is a
// match_profiles row of kind service_provider (the matchmaking profiles' table): fields_json
// holds { services, regions, contact, description }.

export type ProviderFields = { services: ServiceKind[]; regions: string[] };

/** What routing reads from a profile; anything unrecognised is left out. */
export function providerFields(json: string): ProviderFields {
  const f = JSON.parse(json) as { services?: unknown; regions?: unknown };
  const services = Array.isArray(f.services) ? f.services.filter((s): s is ServiceKind => (serviceKinds as readonly unknown[]).includes(s)) : [];
  const regions = Array.isArray(f.regions) ? f.regions.filter((r): r is string => typeof r === 'string') : [];
  return { services, regions };
}

const toProvider = (p: ProviderRow) => ({ id: p.id, userId: p.user_id, orgName: p.org_name, ...providerFields(p.fields_json), status: p.status, createdAt: p.created_at });

export async function applyAsProvider(deps: Deps, actor: Actor | null, input: ServiceProviderInput, requestId: string | null = null) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const existing = await providerOfUser(deps.db, actor.userId);
  if (existing && existing.status !== 'rejected' && existing.status !== 'withdrawn') throw new AppError('CONFLICT', { message: { 'zh-CN': '您已提交过服务机构申请', en: 'You have already applied as a provider' } });
  const now = deps.now();
  const fields = JSON.stringify({ services: input.services, regions: input.regions, contact: input.contact, description: input.description });
  const id = existing?.id ?? newId();
  await deps.db.transaction().execute(async (trx) => {
    if (existing) await updateProvider(trx, id, { org_name: input.orgName, fields_json: fields, status: 'pending', review_note: null, updated_at: now });
    else await insertProvider(trx, { id, user_id: actor.userId, kind: 'service_provider', org_name: input.orgName, fields_json: fields, status: 'pending', review_note: null, created_at: now, updated_at: now });
    await appendAudit(trx, { actorId: actor.userId, action: 'service.provider_apply', entity: 'match_profile', entityId: id, after: { orgName: input.orgName, services: input.services, regions: input.regions }, requestId }, now);
  });
  return toProvider((await findProvider(deps.db, id))!);
}

export async function myProvider(deps: Deps, actor: Actor | null) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const p = await providerOfUser(deps.db, actor.userId);
  return { profile: p ? toProvider(p) : null };
}

export async function listProviders(deps: Deps, actor: Actor | null, status?: string) {
  authorize(actor, 'catalog.manage');
  return { items: (await providerProfiles(deps.db, status)).map(toProvider) };
}

export async function reviewProvider(deps: Deps, actor: Actor | null, profileId: string, input: { approve: boolean; note: string }, requestId: string | null = null) {
  authorize(actor, 'catalog.manage');
  const p = await findProvider(deps.db, profileId);
  if (!p) throw new AppError('NOT_FOUND', { message: { 'zh-CN': '未找到该服务机构申请', en: 'No such provider application' } });
  if (p.status !== 'pending') throw new AppError('CONFLICT', { message: { 'zh-CN': '该申请已审核', en: 'This application has already been reviewed' } });
  const now = deps.now();
  const status = input.approve ? 'approved' : 'rejected';
  await deps.db.transaction().execute(async (trx) => {
    await updateProvider(trx, p.id, { status, review_note: input.note || null, updated_at: now });
    // The grant is this approval's consequence: made as the platform (actor null) after the
    // catalog.manage check above, and audited twice — the grant, and this review naming its reviewer.
    if (input.approve) await grantRoleIn(trx, null, { userId: p.user_id, role: 'service_provider', programId: null, trackId: null }, requestId, now);
    await addNotice(trx, { userId: p.user_id, kind: `service.provider_${status}`, title: input.approve ? '服务机构申请已通过' : '服务机构申请未通过', body: input.note, link: '/services' }, now);
    await appendAudit(trx, { actorId: actor.userId, action: `service.provider_${status}`, entity: 'match_profile', entityId: p.id, before: { status: p.status }, after: { status, note: input.note }, requestId }, now);
  });
  return toProvider((await findProvider(deps.db, p.id))!);
}
