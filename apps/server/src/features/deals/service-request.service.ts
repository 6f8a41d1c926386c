import { AppError, can, regionCovers, serviceKindNames, type ServiceKind, type ServiceRequest } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { findUserById } from '../auth/user.repository.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { enqueueMail } from '../jobs/mail-job.ts';
import { findCatalogEntry, ownsCatalogEntry, userNames } from './deal.repository.ts';
import {
  allServiceRequests, approvedProviders, closeOtherRoutes, findServiceRequest, insertRoutes, insertServiceRequest, requestsOfRequester, requestsRoutedTo, routesOf,
  setRequestStatus, setRoute, type ServiceRequestRow,
} from './service-request.repository.ts';
import { providerFields } from './provider.service.ts';

// 知识产权服务 (patent search, valuation, pledge): a technology owner asks; the request goes to
// every approved service provider offering that kind of service in a region covering the
// requester's (a provider without regions serves 全国). The first provider to accept takes it
// (the others' routes close), then completes it with a note; the requester is told each step.
// Seen by the requester, the providers it went to and the catalog organizer; 404 to anyone else.

const noRequest = () => new AppError('NOT_FOUND', { message: { 'zh-CN': '未找到该服务需求', en: 'No such service request' } });

async function toViews(deps: Deps, rows: ServiceRequestRow[], viewer: Actor): Promise<ServiceRequest[]> {
  const routes = await routesOf(deps.db, rows.map((r) => r.id));
  const names = await userNames(deps.db, rows.map((r) => r.requester_user_id));
  const organizer = can(viewer, 'catalog.manage');
  return rows.map((r) => {
    const mine = routes.filter((x) => x.request_id === r.id);
    const provider = r.provider_user_id ? mine.find((x) => x.provider_user_id === r.provider_user_id) : undefined;
    // A provider sees its own route only; the requester and the organizer see where it went.
    const shown = r.requester_user_id === viewer.userId || organizer ? mine : mine.filter((x) => x.provider_user_id === viewer.userId);
    return {
      id: r.id, kind: r.kind as ServiceKind, regionCode: r.region_code, description: r.description, status: r.status as ServiceRequest['status'],
      requester: { userId: r.requester_user_id, name: names.get(r.requester_user_id)?.display_name ?? '' }, catalogEntryId: r.catalog_entry_id,
      provider: provider ? { userId: provider.provider_user_id, orgName: provider.org_name } : null,
      routes: shown.map((x) => ({ userId: x.provider_user_id, orgName: x.org_name, answer: x.answer as ServiceRequest['routes'][number]['answer'], note: x.note })),
      createdAt: r.created_at, updatedAt: r.updated_at,
    };
  });
}

export async function createServiceRequest(deps: Deps, actor: Actor | null, input: { kind: ServiceKind; regionCode: string; catalogEntryId: string | null; description: string }, requestId: string | null = null): Promise<ServiceRequest> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!(await ownsCatalogEntry(deps.db, actor.userId))) throw new AppError('FORBIDDEN', { message: { 'zh-CN': '知识产权服务需求由目录技术的持有方提出', en: 'IP service requests come from owners of catalog technologies' } });
  if (input.catalogEntryId) {
    const e = await findCatalogEntry(deps.db, input.catalogEntryId);
    if (!e || e.owner_user_id !== actor.userId) throw new AppError('VALIDATION', { fields: [{ path: 'catalogEntryId', message: { 'zh-CN': '只能选择自己的技术', en: 'Choose one of your own technologies' } }] });
  }
  const providers = (await approvedProviders(deps.db)).filter((p) => {
    const f = providerFields(p.fields_json);
    return f.services.includes(input.kind) && (f.regions.length === 0 || f.regions.some((r) => regionCovers(r, input.regionCode)));
  }).filter((p) => p.user_id !== actor.userId);
  const now = deps.now();
  const row: ServiceRequestRow = {
    id: newId(), requester_user_id: actor.userId, kind: input.kind, region_code: input.regionCode, catalog_entry_id: input.catalogEntryId, description: input.description,
    status: providers.length ? 'open' : 'unrouted', provider_user_id: null, created_at: now, updated_at: now,
  };
  const kindName = serviceKindNames[input.kind]['zh-CN'];
  await deps.db.transaction().execute(async (trx) => {
    await insertServiceRequest(trx, row);
    await insertRoutes(trx, providers.map((p) => ({ request_id: row.id, provider_user_id: p.user_id, org_name: p.org_name, answer: 'pending', note: null, answered_at: null })));
    for (const p of providers) await addNotice(trx, { userId: p.user_id, kind: 'service.routed', title: `新的${kindName}需求`, body: input.description.slice(0, 100), link: '/services' }, now);
    if (!providers.length) await addNotice(trx, { userId: actor.userId, kind: 'service.unrouted', title: `暂无可承接${kindName}的服务机构`, body: '平台运营方会跟进您的需求。', link: '/services' }, now);
    await appendAudit(trx, { actorId: actor.userId, action: 'service.request', entity: 'service_request', entityId: row.id, after: { ...input, routedTo: providers.map((p) => p.user_id) }, requestId }, now);
  });
  for (const p of providers) await enqueueMail(deps.db, { to: p.email, subject: `新的${kindName}需求`, text: `${p.org_name}：\n\n平台转来一项${kindName}需求：\n${input.description}\n\n请登录平台“知识产权服务”页面接受或拒绝。` });
  return (await toViews(deps, [row], actor))[0];
}

export async function listServiceRequests(deps: Deps, actor: Actor | null): Promise<{ items: ServiceRequest[] }> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (can(actor, 'catalog.manage')) return { items: await toViews(deps, await allServiceRequests(deps.db), actor) };
  const own = await requestsOfRequester(deps.db, actor.userId);
  const routed = can(actor, 'service.handle') ? await requestsRoutedTo(deps.db, actor.userId) : [];
  const rows = [...own, ...routed.filter((r) => !own.some((o) => o.id === r.id))].sort((a, b) => b.created_at - a.created_at);
  return { items: await toViews(deps, rows, actor) };
}

export async function answerServiceRequest(deps: Deps, actor: Actor | null, id: string, input: { action: 'accept' | 'decline' | 'complete'; note: string }, requestId: string | null = null): Promise<ServiceRequest> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const r = await findServiceRequest(deps.db, id);
  const route = r ? (await routesOf(deps.db, [r.id])).find((x) => x.provider_user_id === actor.userId) : undefined;
  if (!r || (!route && r.requester_user_id !== actor.userId && !can(actor, 'catalog.manage'))) throw noRequest();
  if (!route || !can(actor, 'service.handle')) throw new AppError('FORBIDDEN', { message: { 'zh-CN': '只有收到该需求的服务机构可以处理', en: 'Only a provider it was routed to can answer' } });
  const now = deps.now();
  const refused = () => new AppError('CONFLICT', { message: { 'zh-CN': '该需求当前状态不允许此操作', en: 'Not possible in the request’s current state' } });
  await deps.db.transaction().execute(async (trx) => {
    if (input.action === 'accept') {
      if (route.answer !== 'pending' || !(await setRequestStatus(trx, r.id, ['open'], { status: 'accepted', provider_user_id: actor.userId, updated_at: now }))) throw refused();
      await setRoute(trx, r.id, actor.userId, { answer: 'accepted', note: input.note || null, answered_at: now });
      await closeOtherRoutes(trx, r.id, actor.userId, now);
    } else if (input.action === 'decline') {
      if (route.answer !== 'pending' || r.status !== 'open') throw refused();
      await setRoute(trx, r.id, actor.userId, { answer: 'declined', note: input.note || null, answered_at: now });
      // Declined by everyone it went to: back to the organizer as unrouted.
      const left = (await routesOf(trx, [r.id])).filter((x) => x.answer === 'pending');
      if (!left.length) await setRequestStatus(trx, r.id, ['open'], { status: 'unrouted', updated_at: now });
    } else {
      if (r.provider_user_id !== actor.userId || !(await setRequestStatus(trx, r.id, ['accepted'], { status: 'completed', updated_at: now }))) throw refused();
      await setRoute(trx, r.id, actor.userId, { answer: 'completed', note: input.note || route.note, answered_at: now });
    }
    const verb = { accept: '已接受', decline: '已婉拒', complete: '已完成' }[input.action];
    await addNotice(trx, { userId: r.requester_user_id, kind: `service.${input.action}`, title: `${route.org_name}${verb}您的${serviceKindNames[r.kind as ServiceKind]['zh-CN']}需求`, body: input.note, link: '/services' }, now);
    await appendAudit(trx, { actorId: actor.userId, action: `service.${input.action}`, entity: 'service_request', entityId: r.id, before: { status: r.status, answer: route.answer }, after: { note: input.note }, requestId }, now);
  });
  const requester = await findUserById(deps.db, r.requester_user_id);
  if (requester) await enqueueMail(deps.db, { to: requester.email, subject: `知识产权服务需求进展：${route.org_name}`, text: `${requester.display_name}，您好：\n\n${route.org_name} 对您的${serviceKindNames[r.kind as ServiceKind]['zh-CN']}需求的处理：${{ accept: '接受', decline: '婉拒', complete: '完成' }[input.action]}。${input.note ? `\n说明：${input.note}` : ''}` });
  return (await toViews(deps, [(await findServiceRequest(deps.db, r.id))!], actor))[0];
}
