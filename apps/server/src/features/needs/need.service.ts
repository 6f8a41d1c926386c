import {
  AppError, can, formatShanghai, type NeedFields, type NeedStatus, type NeedView, type PublicNeed, type PublicNeedQuery,
} from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { findOrganizationById } from '../organizations/organization.repository.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { findNeed, holdersOf, insertNeed, listPublicNeeds, needsOfPoster, updateNeedIf, type NeedWithOrg } from './need.repository.ts';

// The poster's side of 技术需求 and the public's: an enterprise, region or association (any
// signed-in user with an organization) drafts a need, submits it for review, and closes it once
// published. The public reads published and closed needs without the contact. The catalog
// organizer's review is need-review.service.ts.

const EDITABLE: NeedStatus[] = ['draft', 'rejected'];

/** Today in Shanghai: a deadline day stays open through its 24:00. */
export const shanghaiToday = (now: number) => formatShanghai(now, false);

const programLink = (r: NeedWithOrg) => (r.program_id && r.track_id && r.program_slug ? { programId: r.program_id, slug: r.program_slug, name: r.program_name ?? '', trackId: r.track_id } : null);

export async function needView(deps: Deps, r: NeedWithOrg, actor: Actor): Promise<NeedView> {
  const org = await findOrganizationById(deps.db, r.organization_id);
  const poster = r.poster_user_id === actor.userId;
  const status = r.status as NeedStatus;
  return {
    id: r.id, status, fields: JSON.parse(r.fields_json) as NeedFields,
    organization: { id: r.organization_id, name: r.org_name, regionCode: org?.region_code ?? '' },
    reviewNote: r.review_note, program: programLink(r),
    createdAt: r.created_at, updatedAt: r.updated_at, submittedAt: r.submitted_at, publishedAt: r.published_at, closedAt: r.closed_at,
    canEdit: poster && EDITABLE.includes(status), canSubmit: poster && EDITABLE.includes(status), canClose: poster && status === 'published',
  };
}

export function publicNeedOf(r: NeedWithOrg, today: string): PublicNeed {
  const { contact: _contact, ...fields } = JSON.parse(r.fields_json) as NeedFields;
  return {
    id: r.id, status: r.status as 'published' | 'closed', open: r.status === 'published' && (r.deadline ?? '') >= today,
    fields, organizationName: r.org_name, regionCode: r.region_code ?? '', publishedAt: r.published_at, program: programLink(r),
  };
}

const isPublic = (r: NeedWithOrg) => r.status === 'published' || r.status === 'closed';

/** The need as its poster (or the catalog organizer) sees it; anyone else learns nothing of an unpublished one. */
async function loadForPoster(deps: Deps, actor: Actor | null, needId: string): Promise<NeedWithOrg> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const r = await findNeed(deps.db, needId);
  if (!r) throw new AppError('NOT_FOUND');
  if (r.poster_user_id !== actor.userId) throw new AppError(isPublic(r) || can(actor, 'catalog.manage') ? 'FORBIDDEN' : 'NOT_FOUND');
  return r;
}

const columnsOf = (f: NeedFields) => ({ fields_json: JSON.stringify(f), field_id: f.fieldId, funded: f.funded ? 1 : 0, deadline: f.deadline });

export async function createNeed(deps: Deps, actor: Actor | null, req: { organizationId: string; fields: NeedFields }, requestId: string | null = null): Promise<NeedView> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const org = await findOrganizationById(deps.db, req.organizationId);
  if (!org || org.owner_user_id !== actor.userId) {
    throw new AppError('VALIDATION', { fields: [{ path: 'organizationId', message: { 'zh-CN': '请选择您名下的单位（企业、地区或协会）', en: 'Choose an organization you manage' } }] });
  }
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.now();
    await insertNeed(trx, {
      id, organization_id: org.id, poster_user_id: actor.userId, ...columnsOf(req.fields), region_code: org.region_code, status: 'draft',
      review_note: null, reviewed_by: null, program_id: null, track_id: null, submitted_at: null, reviewed_at: null, published_at: null, closed_at: null, created_at: now, updated_at: now,
    });
    await appendAudit(trx, { actorId: actor.userId, action: 'need.create', entity: 'tech_need', entityId: id, after: { problem: req.fields.problem, organizationId: org.id }, requestId }, now);
  });
  return needView(deps, (await findNeed(deps.db, id))!, actor);
}

export async function updateNeed(deps: Deps, actor: Actor | null, needId: string, fields: NeedFields, requestId: string | null = null): Promise<NeedView> {
  const r = await loadForPoster(deps, actor, needId);
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.now();
    // A rejected need edited goes back to draft: it is reviewed again only when submitted again.
    if (!(await updateNeedIf(trx, needId, EDITABLE, { ...columnsOf(fields), status: 'draft', updated_at: now }))) throw notEditable(r.status);
    await appendAudit(trx, { actorId: actor!.userId, action: 'need.update', entity: 'tech_need', entityId: needId, before: { status: r.status }, after: { status: 'draft', problem: fields.problem }, requestId }, now);
  });
  return needView(deps, (await findNeed(deps.db, needId))!, actor!);
}

const notEditable = (status: string) =>
  new AppError('CONFLICT', { message: { 'zh-CN': `需求当前状态为“${status}”，只有草稿或未通过的需求可以修改和提交`, en: `The need is ${status}: only a draft or a rejected need can be edited or submitted` } });

export async function submitNeed(deps: Deps, actor: Actor | null, needId: string, requestId: string | null = null): Promise<NeedView> {
  const r = await loadForPoster(deps, actor, needId);
  const now = deps.now();
  if ((r.deadline ?? '') < shanghaiToday(now)) {
    throw new AppError('VALIDATION', { fields: [{ path: 'fields.deadline', message: { 'zh-CN': '揭榜截止日期已过，请修改后再提交', en: 'The deadline has passed: change it before submitting' } }] });
  }
  const fields = JSON.parse(r.fields_json) as NeedFields;
  await deps.db.transaction().execute(async (trx) => {
    if (!(await updateNeedIf(trx, needId, EDITABLE, { status: 'pending', submitted_at: now, review_note: null, updated_at: now }))) throw notEditable(r.status);
    await appendAudit(trx, { actorId: actor!.userId, action: 'need.submit', entity: 'tech_need', entityId: needId, before: { status: r.status }, after: { status: 'pending' }, requestId }, now);
    for (const o of await holdersOf(trx, 'catalog_organizer', null)) {
      await addNotice(trx, { userId: o.id, kind: 'need.submitted', title: `新的技术需求待审核：${fields.problem}`, body: r.org_name, link: '/needs/review' }, now);
    }
  });
  return needView(deps, (await findNeed(deps.db, needId))!, actor!);
}

export async function closeNeed(deps: Deps, actor: Actor | null, needId: string, requestId: string | null = null): Promise<NeedView> {
  const r = await loadForPoster(deps, actor, needId);
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.now();
    if (!(await updateNeedIf(trx, needId, ['published'], { status: 'closed', closed_at: now, updated_at: now }))) {
      throw new AppError('CONFLICT', { message: { 'zh-CN': '只有已发布的需求可以关闭', en: 'Only a published need can be closed' } });
    }
    await appendAudit(trx, { actorId: actor!.userId, action: 'need.close', entity: 'tech_need', entityId: needId, before: { status: r.status }, after: { status: 'closed' }, requestId }, now);
  });
  return needView(deps, (await findNeed(deps.db, needId))!, actor!);
}

export async function getNeed(deps: Deps, actor: Actor | null, needId: string): Promise<NeedView> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const r = await findNeed(deps.db, needId);
  if (!r || (r.poster_user_id !== actor.userId && !can(actor, 'catalog.manage'))) throw new AppError('NOT_FOUND');
  return needView(deps, r, actor);
}

export async function myNeeds(deps: Deps, actor: Actor | null): Promise<{ items: NeedView[] }> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const rows = await needsOfPoster(deps.db, actor.userId);
  return { items: await Promise.all(rows.map((r) => needView(deps, r, actor))) };
}

/** A region code's area: a province (xx0000) or a city (xxxx00) covers what is in it. */
export const regionPrefix = (code: string) => (code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code);

export async function publicNeeds(deps: Deps, query: PublicNeedQuery & { limit: number; offset: number }): Promise<{ total: number; items: PublicNeed[] }> {
  const today = shanghaiToday(deps.now());
  const { total, rows } = await listPublicNeeds(deps.db, {
    fieldId: query.fieldId, regionPrefix: query.region ? regionPrefix(query.region) : undefined,
    funded: query.funded === undefined ? undefined : query.funded === '1', state: query.state, q: query.q || undefined, today, limit: query.limit, offset: query.offset,
  });
  return { total, items: rows.map((r) => publicNeedOf(r, today)) };
}

export async function publicNeed(deps: Deps, needId: string): Promise<PublicNeed> {
  const r = await findNeed(deps.db, needId);
  if (!r || !isPublic(r)) throw new AppError('NOT_FOUND');
  return publicNeedOf(r, shanghaiToday(deps.now()));
}
