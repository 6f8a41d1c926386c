import { AppError, programExpertStatusNames, type AcceptExpertInvitationRequest, type ProgramExpert } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { insertGrant, listGrants } from '../access/grant.repository.ts';
import { findUserByEmail } from '../auth/user.repository.ts';
import { sha256 } from '../auth/tokens.ts';
import { addNotice } from '../notifications/notification.service.ts';
import {
  findExpert, findExpertByEmail, findExpertOfUser, findProgramExpert, findProgramExpertByToken, linkExpertIfUnlinked, listDeclaredConflicts,
  listInvitationsOfExpert, respondIfInvited, type ExpertRow, type ProgramExpertRow,
} from './expert.repository.ts';
import { toExpert, toProgramExpert } from './expert.service.ts';
import { assertProgramApplications, INVITATION_TTL_MS, loadProgram, toDeclaredConflict, trackNameOf, writeDeclaredConflicts } from './program-experts.service.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';

// The invited expert's side. The emailed link works before the person has an account: they
// sign in or register with the invited address, then accept (with their availability and any
// conflicts to declare) or decline. Accepting links the profile to the account and grants the
// expert role on the program (on the track, when the invitation is for one).

type InvitationRef = { token?: string; programId?: string };

/** The profile a signed-in user answers for: the one linked to them, else an unlinked one under their address. */
async function profileOf(deps: Deps, actor: Actor): Promise<ExpertRow | undefined> {
  const linked = await findExpertOfUser(deps.db, actor.userId);
  if (linked) return linked;
  const byEmail = await findExpertByEmail(deps.db, actor.email);
  return byEmail && byEmail.user_id === null ? byEmail : undefined;
}

async function openInvitation(deps: Deps, actor: Actor, ref: InvitationRef): Promise<{ row: ProgramExpertRow; expert: ExpertRow }> {
  let row: ProgramExpertRow | undefined;
  let expert: ExpertRow | undefined;
  if (ref.token) {
    row = await findProgramExpertByToken(deps.db, sha256(ref.token));
    if (!row) throw new AppError('TOKEN_INVALID');
    expert = await findExpert(deps.db, row.expert_id);
  } else {
    expert = await profileOf(deps, actor);
    row = expert && ref.programId ? await findProgramExpert(deps.db, ref.programId, expert.id) : undefined;
    if (!row) throw new AppError('NOT_FOUND');
  }
  if (!expert) throw new AppError('TOKEN_INVALID');
  // A forwarded link does not make its reader the expert.
  const mine = expert.user_id ? expert.user_id === actor.userId : expert.email === actor.email.toLowerCase();
  if (!mine) {
    throw new AppError('FORBIDDEN', { message: { 'zh-CN': `此邀请发给 ${expert.email}，请使用该邮箱登录后再答复`, en: `This invitation was sent to ${expert.email}; sign in with that address to answer it` } });
  }
  if (row.status !== 'invited') {
    const s = programExpertStatusNames[row.status as keyof typeof programExpertStatusNames];
    throw new AppError('CONFLICT', { message: { 'zh-CN': `您已答复过此邀请（${s?.['zh-CN'] ?? row.status}）`, en: `You have answered this invitation already (${s?.en ?? row.status})` } });
  }
  if (row.invited_at + INVITATION_TTL_MS <= deps.now()) throw new AppError('TOKEN_INVALID', { message: { 'zh-CN': '邀请已过期，请联系主办方重新邀请', en: 'The invitation has expired; ask the organizer to invite you again' } });
  return { row, expert };
}

/** What the emailed link shows, before signing in. */
export async function expertInvitationInfo(deps: Deps, token: string) {
  const row = await findProgramExpertByToken(deps.db, sha256(token));
  const expert = row && (await findExpert(deps.db, row.expert_id));
  if (!row || !expert || (row.status === 'invited' && row.invited_at + INVITATION_TTL_MS <= deps.now())) throw new AppError('TOKEN_INVALID');
  const { def } = await loadProgram(deps.db, row.program_id);
  return {
    programId: row.program_id, programName: def.name, trackName: trackNameOf(def, row.track_id), expertName: expert.name, email: expert.email,
    status: row.status as ProgramExpert['status'], hasAccount: !!(expert.user_id || (await findUserByEmail(deps.db, expert.email))),
  };
}

async function invitationView(deps: Deps, row: ProgramExpertRow) {
  const { program, def } = await loadProgram(deps.db, row.program_id);
  const conflicts = await listDeclaredConflicts(deps.db, row.program_id, row.expert_id);
  return { ...toProgramExpert(row), programSlug: program.slug, programName: def.name, trackName: trackNameOf(def, row.track_id), conflicts: conflicts.map(toDeclaredConflict) };
}

/** The signed-in expert's invitations, newest first, with the conflicts declared on each program. */
export async function listMyExpertInvitations(deps: Deps, actor: Actor) {
  const expert = await profileOf(deps, actor);
  if (!expert) return { profile: null, items: [] };
  const items = [];
  for (const row of await listInvitationsOfExpert(deps.db, expert.id)) items.push(await invitationView(deps, row));
  return { profile: toExpert(expert), items };
}

export async function acceptExpertInvitation(deps: Deps, actor: Actor, input: AcceptExpertInvitationRequest, requestId: string | null = null) {
  const { row, expert } = await openInvitation(deps, actor, input);
  await assertProgramApplications(deps.db, row.program_id, input.conflicts, (i) => `conflicts.${i}`);
  const now = deps.now();
  const maxLoad = input.maxLoad ?? row.max_load;
  await deps.db.transaction().execute(async (trx) => {
    if (!(await respondIfInvited(trx, row.program_id, row.expert_id, { status: 'accepted', max_load: maxLoad, availability_note: input.availabilityNote || null, responded_at: now }))) throw new AppError('CONFLICT');
    if (!expert.user_id && !(await linkExpertIfUnlinked(trx, expert.id, actor.userId, now))) throw new AppError('CONFLICT');
    const grants = await listGrants(trx, actor.userId);
    const covered = grants.some((g) => g.role === 'expert' && g.programId === row.program_id && (g.trackId === null || g.trackId === row.track_id));
    if (!covered) await insertGrant(trx, { id: newId(), userId: actor.userId, role: 'expert', programId: row.program_id, trackId: row.track_id, createdBy: row.invited_by, now });
    const conflicts = await writeDeclaredConflicts(trx, row.program_id, expert.id, input.conflicts, 'invitation', actor.userId, now);
    await appendAudit(trx, {
      actorId: actor.userId, action: 'expert.invitation_accept', entity: 'expert', entityId: expert.id, requestId,
      after: { programId: row.program_id, trackId: row.track_id, userId: actor.userId, maxLoad, availabilityNote: input.availabilityNote ?? null, role: 'expert', conflicts: conflicts.map(toDeclaredConflict) },
    }, now);
    if (row.invited_by) await addNotice(trx, { userId: row.invited_by, kind: 'expert.accepted', title: `专家已接受邀请：${expert.name}`, body: `${expert.name}（${expert.org_name}）已接受评审邀请${conflicts.length ? `，并声明了 ${conflicts.length} 项回避` : ''}。`, link: null }, now);
  }).catch((e) => {
    // The account is linked to another profile already (user_id is unique).
    if (isUniqueViolation(e)) {
      throw new AppError('CONFLICT', { message: { 'zh-CN': '您的账号已关联另一份专家档案，请联系主办方合并', en: 'Your account is linked to another expert profile; ask the organizer to merge them' } });
    }
    throw e;
  });
  return invitationView(deps, (await findProgramExpert(deps.db, row.program_id, row.expert_id))!);
}

export async function declineExpertInvitation(deps: Deps, actor: Actor, input: InvitationRef & { reason?: string }, requestId: string | null = null) {
  const { row, expert } = await openInvitation(deps, actor, input);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    // The reason, if any, is kept as the availability note: what the organizer reads in the list.
    if (!(await respondIfInvited(trx, row.program_id, row.expert_id, { status: 'declined', max_load: row.max_load, availability_note: input.reason || null, responded_at: now }))) throw new AppError('CONFLICT');
    await appendAudit(trx, { actorId: actor.userId, action: 'expert.invitation_decline', entity: 'expert', entityId: expert.id, after: { programId: row.program_id, trackId: row.track_id, reason: input.reason ?? null }, requestId }, now);
    if (row.invited_by) await addNotice(trx, { userId: row.invited_by, kind: 'expert.declined', title: `专家谢绝邀请：${expert.name}`, body: `${expert.name}（${expert.org_name}）谢绝了评审邀请${input.reason ? `：${input.reason}` : '。'}`, link: null }, now);
  });
  return invitationView(deps, (await findProgramExpert(deps.db, row.program_id, row.expert_id))!);
}
