import { AppError, isGreenCatalogueId, type CatalogFields, type ProgramDefinition } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { findUserById } from '../auth/user.repository.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { enqueueMail } from '../jobs/mail-job.ts';
import { addCatalogEvent, catalogMove, entryFor, isCatalogOrganizer, nameIn } from './catalog-access.ts';
import {
  bumpPublic, entrySummaries, entryWithOrg, eventsOf, findVersion, insertVersion, setEntryIfStatus, setVersionIfStatus, supersedeApproved, versionsOf, type CatalogEntryRow,
} from './catalog.repository.ts';

// An entry's life: the owner opts in, completes and submits a version; the catalog organizer
// approves it (it becomes what the public sees) or rejects it with a note; suspends, retires and
// reinstates with a reason. Every change writes an event (the entry's history), the audit row
// and, where the public view changes, a new catalog generation — all in its transaction.

type Ctx = { requestId?: string | null };

const owned = (entry: CatalogEntryRow, actor: Actor) => entry.owner_user_id === actor.userId;

function defOf(json: string | null): ProgramDefinition | null {
  return json ? (JSON.parse(json) as ProgramDefinition) : null;
}

export async function entryDetail(deps: Deps, actor: Actor | null, entryId: string) {
  const entry = await entryFor(deps.db, actor, entryId, 'either');
  const row = (await entryWithOrg(deps.db, entry.id))!;
  const versions = (await versionsOf(deps.db, entry.id)).map((v) => ({
    version: v.version, status: v.status as 'draft', fields: JSON.parse(v.fields_json) as Record<string, unknown>, submittedAt: v.submitted_at, reviewedAt: v.reviewed_at, reviewNote: v.review_note,
  }));
  const def = defOf(row.definition_json);
  return {
    id: entry.id, status: entry.status as 'draft', statusReason: entry.status_reason,
    organization: { id: entry.organization_id, name: row.org_name, regionCode: row.region_code },
    program: entry.program_id ? { id: entry.program_id, name: row.program_name ?? '' } : null,
    publishedVersion: entry.published_version,
    latest: versions[versions.length - 1],
    versions,
    history: (await eventsOf(deps.db, entry.id)).map((e) => ({ kind: e.kind as 'approved', at: e.at, version: e.version, reason: e.reason })),
    tracks: (def?.tracks ?? []).map((t) => ({ id: t.id, name: t.name })),
    canEdit: owned(entry, actor!) && !['invited', 'retired'].includes(entry.status),
    canReview: isCatalogOrganizer(actor),
  };
}

function summaries(rows: Awaited<ReturnType<typeof entrySummaries>>) {
  return {
    items: rows.map((r) => ({
      id: r.id, status: r.status as 'draft', name: nameIn(r.fields_json), organizationName: r.org_name, programName: r.program_name ?? null,
      publishedVersion: r.published_version, pendingVersion: r.version_status === 'pending' ? r.version : null, updatedAt: r.updated_at,
    })),
  };
}

export async function myEntries(deps: Deps, actor: Actor | null) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return summaries(await entrySummaries(deps.db, { ownerUserId: actor.userId }));
}

/** The organizer's lists: versions waiting for review ('review'), or entries in one status, or all. */
export async function organizerEntries(deps: Deps, actor: Actor | null, status?: string) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!isCatalogOrganizer(actor)) throw new AppError('FORBIDDEN');
  return summaries(await entrySummaries(deps.db, status === 'review' ? { pendingOnly: true } : { status }));
}

export async function optIn(deps: Deps, actor: Actor | null, entryId: string, ctx: Ctx = {}) {
  const entry = await entryFor(deps.db, actor, entryId, 'owner');
  const to = catalogMove(entry.status, 'opt_in');
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await setEntryIfStatus(trx, entry.id, entry.status, { status: to, updated_at: now }))) throw new AppError('CONFLICT');
    await addCatalogEvent(trx, entry.id, 'opted_in', now, actor!.userId);
    await appendAudit(trx, { actorId: actor!.userId, action: 'catalog.opt_in', entity: 'catalog_entry', entityId: entry.id, before: { status: entry.status }, after: { status: to }, requestId: ctx.requestId }, now);
  });
  return entryDetail(deps, actor, entry.id);
}

/** A field id the entry may name: a 2024 catalogue field, or a track of its source program. */
async function checkFieldId(db: Db, entry: CatalogEntryRow, fieldId: string): Promise<void> {
  if (isGreenCatalogueId(fieldId)) return;
  const def = defOf((await entryWithOrg(db, entry.id))?.definition_json ?? null);
  if (def?.tracks.some((t) => t.id === fieldId)) return;
  throw new AppError('VALIDATION', { fields: [{ path: 'fields.fieldId', message: { 'zh-CN': '所属领域须为产业指导目录的领域或本活动的赛道', en: 'The field must be a catalogue field or a track of the program' } }] });
}

/**
 * The owner submits the entry's fields. The working draft (a prefill, or a first submission not
 * yet reviewed) becomes / stays the pending version; after a review decision the submission is a
 * new version. The public keeps seeing the approved version until this one is approved.
 */
export async function submitVersion(deps: Deps, actor: Actor | null, entryId: string, fields: CatalogFields, ctx: Ctx = {}) {
  const entry = await entryFor(deps.db, actor, entryId, 'owner');
  const to = catalogMove(entry.status, 'submit');
  await checkFieldId(deps.db, entry, fields.fieldId);
  const now = deps.now();
  const version = await deps.db.transaction().execute(async (trx) => {
    if (!(await setEntryIfStatus(trx, entry.id, entry.status, { status: to, updated_at: now }))) throw new AppError('CONFLICT');
    const versions = await versionsOf(trx, entry.id);
    const latest = versions[versions.length - 1];
    const json = JSON.stringify(fields);
    let n: number;
    if (latest && (latest.status === 'draft' || latest.status === 'pending')) {
      n = latest.version;
      await setVersionIfStatus(trx, entry.id, n, latest.status, { status: 'pending', fields_json: json, submitted_by: actor!.userId, submitted_at: now });
    } else {
      n = (latest?.version ?? 0) + 1;
      await insertVersion(trx, { entry_id: entry.id, version: n, fields_json: json, status: 'pending', submitted_by: actor!.userId, submitted_at: now, reviewed_by: null, reviewed_at: null, review_note: null, created_at: now });
    }
    await addCatalogEvent(trx, entry.id, 'submitted', now, actor!.userId, { version: n });
    await appendAudit(trx, { actorId: actor!.userId, action: 'catalog.submit', entity: 'catalog_entry', entityId: entry.id, after: { version: n, fields }, requestId: ctx.requestId }, now);
    return n;
  });
  return { ...(await entryDetail(deps, actor, entry.id)), submittedVersion: version };
}

type Review = { decision: 'approve' | 'reject'; note: string | null };

/** The catalog organizer's decision on a pending version; the owner is told either way. */
export async function reviewVersion(deps: Deps, actor: Actor | null, entryId: string, version: number, review: Review, ctx: Ctx = {}) {
  const entry = await entryFor(deps.db, actor, entryId, 'organizer');
  const v = await findVersion(deps.db, entry.id, version);
  if (!v) throw new AppError('NOT_FOUND');
  if (v.status !== 'pending') throw new AppError('CONFLICT', { message: { 'zh-CN': `第 ${version} 版不在待审核状态`, en: `Version ${version} is not pending review` } });
  const to = catalogMove(entry.status, review.decision);
  const now = deps.now();
  const approve = review.decision === 'approve';
  await deps.db.transaction().execute(async (trx) => {
    if (!(await setVersionIfStatus(trx, entry.id, version, 'pending', { status: approve ? 'approved' : 'rejected', reviewed_by: actor!.userId, reviewed_at: now, review_note: review.note }))) throw new AppError('CONFLICT');
    if (!(await setEntryIfStatus(trx, entry.id, entry.status, { status: to, updated_at: now, ...(approve ? { published_version: version } : {}) }))) throw new AppError('CONFLICT');
    if (approve) {
      await supersedeApproved(trx, entry.id, version);
      await bumpPublic(trx, entry.id);
    }
    await addCatalogEvent(trx, entry.id, approve ? 'approved' : 'rejected', now, actor!.userId, { version, reason: review.note });
    await appendAudit(trx, { actorId: actor!.userId, action: approve ? 'catalog.approve' : 'catalog.reject', entity: 'catalog_entry', entityId: entry.id, before: { status: entry.status, publishedVersion: entry.published_version }, after: { status: to, version, note: review.note }, requestId: ctx.requestId }, now);
    const name = nameIn(v.fields_json);
    await addNotice(trx, {
      userId: entry.owner_user_id, kind: approve ? 'catalog.approved' : 'catalog.rejected',
      title: approve ? `目录条目已通过审核：${name}` : `目录条目被退回：${name}`,
      body: approve ? `“${name}”第 ${version} 版已通过审核，现已在绿色技术推广目录中公开展示。` : `“${name}”第 ${version} 版未通过审核：${review.note ?? ''}。请修改后重新提交。`,
      link: `/catalog/entries/${entry.id}/edit`,
    }, now);
  });
  await tellOwner(deps, entry, approve ? '目录条目已通过审核' : '目录条目被退回', approve ? `您的目录条目第 ${version} 版已通过审核并公开展示。` : `您的目录条目第 ${version} 版被退回：${review.note ?? ''}`);
  return entryDetail(deps, actor, entry.id);
}

const statusEvents = { suspend: 'suspended', retire: 'retired', reinstate: 'reinstated' } as const;

/** 动态调整: the catalog organizer suspends, retires or reinstates an entry, with the reason the public page shows. */
export async function adjustEntry(deps: Deps, actor: Actor | null, entryId: string, event: keyof typeof statusEvents, reason: string, ctx: Ctx = {}) {
  const entry = await entryFor(deps.db, actor, entryId, 'organizer');
  const to = catalogMove(entry.status, event);
  if (event === 'reinstate' && !entry.published_version) throw new AppError('CONFLICT', { message: { 'zh-CN': '该条目没有已审核通过的版本，不能恢复', en: 'The entry has no approved version to reinstate' } });
  const now = deps.now();
  const kind = statusEvents[event];
  await deps.db.transaction().execute(async (trx) => {
    if (!(await setEntryIfStatus(trx, entry.id, entry.status, { status: to, status_reason: event === 'reinstate' ? null : reason, updated_at: now }))) throw new AppError('CONFLICT');
    await bumpPublic(trx, entry.id);
    await addCatalogEvent(trx, entry.id, kind, now, actor!.userId, { version: entry.published_version, reason });
    await appendAudit(trx, { actorId: actor!.userId, action: `catalog.${event}`, entity: 'catalog_entry', entityId: entry.id, before: { status: entry.status }, after: { status: to, reason }, requestId: ctx.requestId }, now);
    const words = { suspended: '暂停展示', retired: '退出目录', reinstated: '恢复展示' }[kind];
    await addNotice(trx, { userId: entry.owner_user_id, kind: `catalog.${kind}`, title: `目录条目${words}`, body: `您的目录条目已${words}：${reason}`, link: `/catalog/entries/${entry.id}/edit` }, now);
  });
  await tellOwner(deps, entry, `目录条目${{ suspended: '暂停展示', retired: '退出目录', reinstated: '恢复展示' }[kind]}`, `原因：${reason}`);
  return entryDetail(deps, actor, entry.id);
}

async function tellOwner(deps: Deps, entry: CatalogEntryRow, subject: string, text: string): Promise<void> {
  const user = await findUserById(deps.db, entry.owner_user_id);
  if (!user) return;
  await enqueueMail(deps.db, {
    to: user.email, subject: `${subject} — 绿色技术推广目录`,
    text: `${user.display_name}，您好：\n\n${text}\n查看条目：${deps.config.publicUrl}/catalog/entries/${entry.id}/edit\n`,
  });
}
