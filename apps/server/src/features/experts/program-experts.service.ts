import { AppError, can, type DeclaredConflict, type ExpertProfile, type ProgramDefinition } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { findUserByEmail } from '../auth/user.repository.ts';
import { randomToken, sha256 } from '../auth/tokens.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { enqueueMail } from '../jobs/mail-job.ts';
import { findProgramById, type ProgramRow } from '../programs/program.repository.ts';
import { programDefinition } from '../programs/program.service.ts';
import {
  acceptedRows, applicationsOfProgram, findExpertOfUser, findExpertsByIds, insertDeclaredConflict, insertProgramExpert, listDeclaredConflicts,
  listProgramExpertRows, programExpertRowsFor, reinviteProgramExpert, type DeclaredConflictRow,
} from './expert.repository.ts';
import { toExpert, toProgramExpert } from './expert.service.ts';

// Experts on a program: invitations from the pool (optionally for one track), the program's
// list with each expert's answer, the accepted panel the assignment reads, declared conflicts.

export const INVITATION_TTL_MS = 30 * 86_400_000;

export type ProgramRef = { program: ProgramRow; def: ProgramDefinition };

export async function loadProgram(db: Db, programId: string): Promise<ProgramRef> {
  const program = await findProgramById(db, programId);
  if (!program?.definition_json) throw new AppError('NOT_FOUND');
  return { program, def: programDefinition(program) };
}

export const trackNameOf = (def: ProgramDefinition, trackId: string | null) => (trackId === null ? null : def.tracks.find((t) => t.id === trackId)?.name ?? trackId);

/** Whether the actor runs the review of this program, wholly or on some track. */
const reviewsSomeTrack = (actor: Actor, def: ProgramDefinition, programId: string) =>
  can(actor, 'review.assign', { programId }) || def.tracks.some((t) => can(actor, 'review.assign', { programId, trackId: t.id }));

export function toDeclaredConflict(r: DeclaredConflictRow): DeclaredConflict {
  return { id: r.id, programId: r.program_id, expertId: r.expert_id, applicationId: r.application_id, orgName: r.org_name, reason: r.reason, declaredAt: r.declared_at, source: r.source as DeclaredConflict['source'] };
}

/**
 * Invites experts from the pool to the program (one track, or all of it). Needs review.assign on
 * what they are invited to. Accepted experts are skipped; those who declined or have not answered
 * are invited again only with `resend` (a new link; the old one stops working).
 */
export async function inviteExperts(deps: Deps, actor: Actor | null, programId: string, input: { expertIds: string[]; trackId?: string; maxLoad?: number; resend: boolean }, requestId: string | null = null) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const ref = await loadProgram(deps.db, programId);
  if (!can(actor, 'review.assign', { programId, trackId: input.trackId })) throw new AppError('FORBIDDEN');
  if (input.trackId && !ref.def.tracks.some((t) => t.id === input.trackId)) {
    throw new AppError('VALIDATION', { fields: [{ path: 'trackId', message: { 'zh-CN': `不是本活动的赛道：${input.trackId}`, en: `Not a track of this program: ${input.trackId}` } }] });
  }
  const ids = [...new Set(input.expertIds)];
  const experts = await findExpertsByIds(deps.db, ids);
  if (experts.length !== ids.length) {
    const missing = ids.filter((id) => !experts.some((e) => e.id === id));
    throw new AppError('NOT_FOUND', { fields: [{ path: 'expertIds', message: { 'zh-CN': `专家库中没有这些专家：${missing.join('、')}`, en: `Not in the pool: ${missing.join(', ')}` } }] });
  }
  const existing = new Map((await programExpertRowsFor(deps.db, programId, ids)).map((r) => [r.expert_id, r]));
  const now = deps.now();
  const trackName = trackNameOf(ref.def, input.trackId ?? null);
  const scope = trackName ? `“${ref.def.name}”（${trackName}）` : `“${ref.def.name}”`;
  const outbox: { to: string }[] = [];
  let skipped = 0;
  await deps.db.transaction().execute(async (trx) => {
    for (const e of experts) {
      const before = existing.get(e.id);
      if (before && (before.status === 'accepted' || !input.resend)) {
        skipped++;
        continue;
      }
      const token = randomToken(32);
      const set = { track_id: input.trackId ?? null, max_load: input.maxLoad ?? null, invite_token_hash: sha256(token), invited_by: actor.userId, invited_at: now };
      if (before) {
        if (!(await reinviteProgramExpert(trx, programId, e.id, set))) {
          skipped++;
          continue;
        }
      } else {
        await insertProgramExpert(trx, { program_id: programId, expert_id: e.id, status: 'invited', availability_note: null, responded_at: null, ...set });
      }
      // In the app too, when the expert has an account (linked, or under the invited address).
      const userId = e.user_id ?? (await findUserByEmail(trx, e.email))?.id;
      if (userId) await addNotice(trx, { userId, kind: 'expert.invitation', title: `评审专家邀请：${ref.def.name}`, body: `${ref.def.organizers.join('、')}邀请您担任${scope}的评审专家，请在30天内答复。`, link: `/expert/invitation?token=${token}` }, now);
      outbox.push({ to: e.email });
      await enqueueMail(trx, {
        to: e.email,
        subject: `评审专家邀请 / Invitation to review: ${ref.def.name}`,
        text:
          `${e.name}专家，您好：\n\n${ref.def.organizers.join('、')}诚邀您担任${scope}的评审专家。\n\n` +
          `请打开以下链接，用本邮箱（${e.email}）登录或注册绿评平台账号后，接受或谢绝邀请；接受时可填写可承担的评审数量，并声明需要回避的单位或项目（30天内有效）：\n${deps.config.publicUrl}/expert/invitation?token=${token}\n\n` +
          `You are invited to review for ${ref.def.name}. Open the link above, sign in (or create an account) with this address, and accept or decline (valid for 30 days).\n`,
      });
    }
    await appendAudit(trx, { actorId: actor.userId, action: 'expert.invite', entity: 'program', entityId: programId, after: { trackId: input.trackId ?? null, maxLoad: input.maxLoad ?? null, invited: outbox.map((o) => o.to), skipped }, requestId }, now);
  });
  // Queued in the transaction: a mail goes out exactly when its invitation exists. `failed` stays
  // for the API's shape; a mail server's trouble now costs retries (features/jobs), never the invitation.
  return { invited: outbox.length, skipped, failed: [] as string[] };
}

/** The program's invited experts with their answers; a track's reviewer sees that track's. */
export async function listProgramExperts(deps: Deps, actor: Actor | null, programId: string) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const ref = await loadProgram(deps.db, programId);
  if (!reviewsSomeTrack(actor, ref.def, programId)) throw new AppError('FORBIDDEN');
  const rows = (await listProgramExpertRows(deps.db, programId)).filter((r) => can(actor, 'review.assign', { programId, trackId: r.track_id ?? undefined }));
  const experts = new Map((await findExpertsByIds(deps.db, rows.map((r) => r.expert_id))).map((e) => [e.id, e]));
  const conflicts = await listDeclaredConflicts(deps.db, programId);
  return {
    items: rows.map((r) => ({
      ...toProgramExpert(r), expert: toExpert(experts.get(r.expert_id)!), trackName: trackNameOf(ref.def, r.track_id),
      declaredConflicts: conflicts.filter((c) => c.expert_id === r.expert_id).length,
    })),
  };
}

export type AcceptedExpert = {
  expertId: string;
  userId: string | null;
  trackId: string | null;
  maxLoad: number | null;
  profile: ExpertProfile;
  declaredApplicationIds: string[];
  declaredOrgNames: string[];
};

/**
 * The accepted panel of a program with what conflicts they declared, ordered by expert id, for
 * the assignment service (which has checked who is asking). trackId null: the whole program.
 */
export async function acceptedExperts(deps: Pick<Deps, 'db'>, programId: string): Promise<AcceptedExpert[]> {
  const [rows, conflicts] = await Promise.all([acceptedRows(deps.db, programId), listDeclaredConflicts(deps.db, programId)]);
  return rows.map((r) => {
    const mine = conflicts.filter((c) => c.expert_id === r.id);
    return {
      expertId: r.id, userId: r.user_id, trackId: r.track_id, maxLoad: r.max_load, profile: toExpert(r),
      declaredApplicationIds: [...new Set(mine.flatMap((c) => (c.application_id ? [c.application_id] : [])))],
      declaredOrgNames: [...new Set(mine.flatMap((c) => (c.org_name ? [c.org_name] : [])))],
    };
  });
}

/** Checks that the applications named are the program's; paths point at the offending items. */
export async function assertProgramApplications(db: Db, programId: string, items: { applicationId?: string }[], path: (i: number) => string): Promise<void> {
  const ids = items.flatMap((c) => (c.applicationId ? [c.applicationId] : []));
  const found = new Set((await applicationsOfProgram(db, programId, ids)).map((a) => a.id));
  const bad = items.flatMap((c, i) => (c.applicationId && !found.has(c.applicationId) ? [{ path: `${path(i)}.applicationId`, message: { 'zh-CN': '不是本活动的申报项目', en: 'Not an application of this program' } }] : []));
  if (bad.length) throw new AppError('VALIDATION', { fields: bad });
}

/** Writes declared conflicts (in the caller's transaction) and returns them. */
export async function writeDeclaredConflicts(trx: Db, programId: string, expertId: string, items: { applicationId?: string; orgName?: string; reason: string }[], source: DeclaredConflict['source'], declaredBy: string, now: number): Promise<DeclaredConflictRow[]> {
  const rows: DeclaredConflictRow[] = items.map((c) => ({
    id: newId(), program_id: programId, expert_id: expertId, application_id: c.applicationId ?? null, org_name: c.orgName ?? null, reason: c.reason, declared_at: now, source, declared_by: declaredBy,
  }));
  for (const r of rows) await insertDeclaredConflict(trx, r);
  return rows;
}

/**
 * An expert declares a conflict on a program they were invited to (on an assigned application,
 * before seeing it, source 'assignment'). An organizer with review.assign may record one for an
 * expert by passing expertId. The assignment service reacts to it (removes the pair, refills).
 */
export async function declareConflict(
  deps: Deps, actor: Actor | null,
  input: { programId: string; applicationId?: string; orgName?: string; reason: string; source: DeclaredConflict['source']; expertId?: string },
  requestId: string | null = null,
): Promise<DeclaredConflict> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if ((input.applicationId === undefined) === (input.orgName === undefined)) {
    throw new AppError('VALIDATION', { fields: [{ path: 'applicationId', message: { 'zh-CN': '请指定回避的申报项目或单位（二选一）', en: 'Give either applicationId or orgName' } }] });
  }
  if (input.reason.trim().length < 2) throw new AppError('VALIDATION', { fields: [{ path: 'reason', message: { 'zh-CN': '请填写回避原因', en: 'Give the reason' } }] });
  const ref = await loadProgram(deps.db, input.programId);
  const own = await findExpertOfUser(deps.db, actor.userId);
  let expertId: string;
  if (input.expertId && input.expertId !== own?.id) {
    if (!reviewsSomeTrack(actor, ref.def, input.programId)) throw new AppError('FORBIDDEN');
    expertId = input.expertId;
  } else if (own) expertId = own.id;
  else throw new AppError('FORBIDDEN', { message: { 'zh-CN': '只有本活动的评审专家可以声明回避', en: 'Only experts of this program may declare conflicts' } });
  const standing = (await programExpertRowsFor(deps.db, input.programId, [expertId]))[0];
  if (!standing || standing.status === 'declined') throw new AppError('NOT_FOUND', { message: { 'zh-CN': '该专家不是本活动的评审专家', en: 'This expert is not on the program' } });
  if (standing.track_id && expertId !== own?.id && !can(actor, 'review.assign', { programId: input.programId, trackId: standing.track_id })) throw new AppError('FORBIDDEN');
  await assertProgramApplications(deps.db, input.programId, [input], () => '');
  const now = deps.now();
  const [row] = await deps.db.transaction().execute(async (trx) => {
    const rows = await writeDeclaredConflicts(trx, input.programId, expertId, [{ applicationId: input.applicationId, orgName: input.orgName?.trim(), reason: input.reason.trim() }], input.source, actor.userId, now);
    await appendAudit(trx, { actorId: actor.userId, action: 'expert.conflict_declare', entity: 'expert', entityId: expertId, after: { programId: input.programId, applicationId: input.applicationId ?? null, orgName: input.orgName ?? null, reason: input.reason, source: input.source }, requestId }, now);
    return rows;
  });
  return toDeclaredConflict(row);
}

/** Declared conflicts of a program: all of them for its reviewers' organizers, an expert's own for the expert. */
export async function listProgramConflicts(deps: Deps, actor: Actor | null, programId: string) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const ref = await loadProgram(deps.db, programId);
  if (reviewsSomeTrack(actor, ref.def, programId)) return { items: (await listDeclaredConflicts(deps.db, programId)).map(toDeclaredConflict) };
  const own = await findExpertOfUser(deps.db, actor.userId);
  if (!own) throw new AppError('FORBIDDEN');
  return { items: (await listDeclaredConflicts(deps.db, programId, own.id)).map(toDeclaredConflict) };
}
