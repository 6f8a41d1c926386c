import { AppError, can, roleNames, type MatchProfileInput, type MatchProfileKind, type MatchProfileStatus } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { authorize } from '../access/access.service.ts';
import { grantRoleIn } from '../access/grant.service.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { enqueueMail } from '../jobs/mail-job.ts';
import { catalogOrganizerIds, findProfile, findProfileOf, insertProfile, listProfiles, profilesOf, updateProfileIf, type ProfileWithUser } from './match.repository.ts';
import { profileView } from './match-view.ts';

// Profiles of investors, banks and buyers: a signed-in user applies for one of a kind (pending),
// the catalog organizer approves it — which grants the platform role of that kind in the same
// transaction — or rejects it with a note. An edit of an approved profile is reviewed again; the
// holder may withdraw it. Only approved profiles are matched.

const notFound = () => new AppError('NOT_FOUND', { message: { 'zh-CN': '未找到该对接档案', en: 'No such matchmaking profile' } });
const kindName = (kind: string) => roleNames[kind as MatchProfileKind]?.['zh-CN'] ?? kind;

function requireSignedIn(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
}

export async function applyForProfile(deps: Deps, actor: Actor | null, input: MatchProfileInput, requestId: string | null = null) {
  requireSignedIn(actor);
  const { kind, orgName, ...fields } = input;
  const now = deps.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const existing = await findProfileOf(trx, actor.userId, kind);
    const set = { org_name: orgName, fields_json: JSON.stringify(fields), status: 'pending', review_note: null, updated_at: now };
    let profileId: string;
    if (!existing) {
      profileId = newId();
      await insertProfile(trx, { id: profileId, user_id: actor.userId, kind, created_at: now, ...set });
    } else {
      profileId = existing.id;
      // Any state may be applied again: a rejected or withdrawn profile is re-submitted, an approved one re-reviewed.
      if (!(await updateProfileIf(trx, existing.id, [existing.status], set))) throw new AppError('CONFLICT');
    }
    await appendAudit(trx, { actorId: actor.userId, action: 'match.profile.apply', entity: 'match_profile', entityId: profileId, before: existing ? { status: existing.status } : null, after: { kind, orgName, status: 'pending' }, requestId }, now);
    for (const userId of await catalogOrganizerIds(trx)) {
      await addNotice(trx, { userId, kind: 'match.profile.pending', title: `待审核对接档案：${orgName}`, body: `${actor.displayName} 申请${kindName(kind)}档案。`, link: '/match/review' }, now);
    }
    return profileId;
  });
  return profileView((await findProfile(deps.db, id))!);
}

export async function myProfiles(deps: Deps, actor: Actor | null) {
  requireSignedIn(actor);
  return { items: (await profilesOf(deps.db, actor.userId)).map(profileView) };
}

/** The holder or the catalog organizer; anyone else learns nothing, not even that it exists. */
export async function readableProfile(deps: Deps, actor: Actor | null, profileId: string): Promise<ProfileWithUser> {
  requireSignedIn(actor);
  const p = await findProfile(deps.db, profileId);
  if (!p || (p.user_id !== actor.userId && !can(actor, 'catalog.manage'))) throw notFound();
  return p;
}

export async function getProfile(deps: Deps, actor: Actor | null, profileId: string) {
  return profileView(await readableProfile(deps, actor, profileId));
}

export async function reviewQueue(deps: Deps, actor: Actor | null, q: { status?: MatchProfileStatus; kind?: MatchProfileKind }) {
  authorize(actor, 'catalog.manage');
  return { items: (await listProfiles(deps.db, q)).map(profileView) };
}

export async function reviewProfile(deps: Deps, actor: Actor | null, profileId: string, input: { decision: 'approve' | 'reject'; note: string }, requestId: string | null = null) {
  authorize(actor, 'catalog.manage');
  const reviewer = actor as Actor;
  const now = deps.now();
  const approve = input.decision === 'approve';
  const p = await deps.db.transaction().execute(async (trx) => {
    const p = await findProfile(trx, profileId);
    if (!p) throw notFound();
    const status = approve ? 'approved' : 'rejected';
    if (!(await updateProfileIf(trx, p.id, ['pending'], { status, review_note: input.note || null, updated_at: now }))) {
      throw new AppError('CONFLICT', { message: { 'zh-CN': '该档案不在待审核状态', en: 'The profile is not awaiting review' } });
    }
    if (approve) await grantRoleIn(trx, reviewer, { userId: p.user_id, role: p.kind as MatchProfileKind, programId: null, trackId: null }, requestId, now);
    await appendAudit(trx, { actorId: reviewer.userId, action: `match.profile.${input.decision}`, entity: 'match_profile', entityId: p.id, before: { status: p.status }, after: { status, note: input.note || null, role: approve ? p.kind : null }, requestId }, now);
    await addNotice(trx, {
      userId: p.user_id, kind: `match.profile.${status}`,
      title: approve ? `对接档案已通过：${p.org_name}` : `对接档案未通过：${p.org_name}`,
      body: approve ? `您已成为平台${kindName(p.kind)}，可查看匹配的技术。` : `退回理由：${input.note}`, link: '/match',
    }, now);
    return p;
  });
  await enqueueMail(deps.db, {
    to: p.email,
    subject: approve ? `对接档案已通过 / Profile approved: ${p.org_name}` : `对接档案未通过 / Profile not approved: ${p.org_name}`,
    text: approve
      ? `${p.display_name}，您好：\n\n您的${kindName(p.kind)}档案“${p.org_name}”已通过审核，可登录查看匹配的绿色技术：${deps.config.publicUrl}/match\n\nYour ${p.kind} profile was approved.\n`
      : `${p.display_name}，您好：\n\n您的${kindName(p.kind)}档案“${p.org_name}”未通过审核。理由：${input.note}\n修改后可重新提交：${deps.config.publicUrl}/match\n\nYour ${p.kind} profile was not approved: ${input.note}\n`,
  });
  return profileView((await findProfile(deps.db, p.id))!);
}

export async function withdrawProfile(deps: Deps, actor: Actor | null, profileId: string, requestId: string | null = null) {
  requireSignedIn(actor);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const p = await findProfile(trx, profileId);
    if (!p || p.user_id !== actor.userId) throw notFound();
    if (!(await updateProfileIf(trx, p.id, ['pending', 'approved'], { status: 'withdrawn', updated_at: now }))) {
      throw new AppError('CONFLICT', { message: { 'zh-CN': '该档案已撤回或未通过，无需撤回', en: 'The profile is already withdrawn or was rejected' } });
    }
    await appendAudit(trx, { actorId: actor.userId, action: 'match.profile.withdraw', entity: 'match_profile', entityId: p.id, before: { status: p.status }, after: { status: 'withdrawn' }, requestId }, now);
  });
  return profileView((await findProfile(deps.db, profileId))!);
}
