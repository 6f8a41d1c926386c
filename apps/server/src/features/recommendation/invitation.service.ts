import { AppError, roleNames } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { authorize } from '../access/access.service.ts';
import { insertGrant, listGrants } from '../access/grant.repository.ts';
import { randomToken, sha256 } from '../auth/tokens.ts';
import { enqueueMail } from '../jobs/mail-job.ts';
import { adminEmailsOf, loadProgramRec, programUnits } from './recommendation-access.ts';
import { acceptInvitationIfOpen, addMember, findInvitation, findUnit, insertInvitation, memberEmailsOf, openInvitationsOf } from './unit.repository.ts';

// Unit administrators are invited by email. Accepting (signed in, with the invited address)
// makes the user a member of the unit and gives them the recommender role on the program.

const INVITATION_TTL_MS = 14 * 86_400_000;

/** Invites every administrator address of the chosen units (all of them by default) not yet in. */
export async function sendInvitations(deps: Deps, actor: Actor | null, programId: string, input: { unitIds?: string[]; resend: boolean }, requestId: string | null = null) {
  authorize(actor, 'program.configure', { programId });
  const rec = await loadProgramRec(deps.db, programId);
  const all = await programUnits(deps.db, rec, deps.now());
  const units = input.unitIds ? all.filter((u) => input.unitIds!.includes(u.id)) : all;
  if (input.unitIds && units.length !== new Set(input.unitIds).size) throw new AppError('NOT_FOUND', { fields: [{ path: 'unitIds', message: { 'zh-CN': '包含不属于本活动的推荐单位', en: 'Some units are not of this program' } }] });
  const ids = units.map((u) => u.id);
  const now = deps.now();
  const [members, open] = await Promise.all([memberEmailsOf(deps.db, ids), openInvitationsOf(deps.db, ids, now)]);
  const has = (list: { unit_id: string; email: string }[], unitId: string, email: string) => list.some((x) => x.unit_id === unitId && x.email.toLowerCase() === email);
  const outbox: { to: string; unitName: string }[] = [];
  let skipped = 0;
  await deps.db.transaction().execute(async (trx) => {
    for (const u of units) {
      for (const email of adminEmailsOf(u)) {
        if (has(members, u.id, email) || (!input.resend && has(open, u.id, email))) {
          skipped++;
          continue;
        }
        const token = randomToken(32);
        await insertInvitation(trx, { token_hash: sha256(token), unit_id: u.id, email, invited_by: actor.userId, created_at: now, expires_at: now + INVITATION_TTL_MS, accepted_at: null, accepted_by: null });
        outbox.push({ to: email, unitName: u.name });
        await enqueueMail(trx, {
          to: email,
          subject: `推荐单位管理员邀请 / Invitation: ${rec.def.name}`,
          text:
            `您好：\n\n${rec.def.organizers.join('、')}邀请您作为“${u.name}”的管理员（${roleNames.recommender['zh-CN']}），在绿评平台办理“${rec.def.name}”的推荐工作：查看本单位的申报对象，填写推荐意见，上传加盖公章的推荐意见页。\n\n` +
            `请使用本邮箱（${email}）注册或登录后打开以下链接接受邀请（14天内有效）：\n${deps.config.publicUrl}/recommendation/accept?token=${token}\n\n` +
            `You are invited to act for "${u.name}" as a recommending unit in ${rec.def.name}. Sign in with this address and open the link above (valid for 14 days).\n`,
        });
      }
    }
    await appendAudit(trx, { actorId: actor.userId, action: 'recommendation.invite', entity: 'program', entityId: programId, after: { invited: outbox.map((o) => ({ unit: o.unitName, email: o.to })), skipped }, requestId }, now);
  });
  // Queued in the transaction: a mail goes out exactly when its invitation exists (`failed` stays for the API's shape).
  return { sent: outbox.length, skipped, failed: [] as string[] };
}

/** The invited user (signed in with the invited address) joins the unit and gets the recommender role. */
export async function acceptInvitation(deps: Deps, actor: Actor, token: string, requestId: string | null = null) {
  const hash = sha256(token);
  const inv = await findInvitation(deps.db, hash);
  const now = deps.now();
  if (!inv || inv.accepted_at !== null || inv.expires_at <= now) throw new AppError('TOKEN_INVALID');
  // A forwarded link does not make its reader a unit's administrator.
  if (inv.email.toLowerCase() !== actor.email.toLowerCase()) {
    throw new AppError('FORBIDDEN', { message: { 'zh-CN': `此邀请发给 ${inv.email}，请使用该邮箱登录后再接受`, en: `This invitation was sent to ${inv.email}; sign in with that address to accept it` } });
  }
  const unit = (await findUnit(deps.db, inv.unit_id))!;
  const rec = await loadProgramRec(deps.db, unit.program_id);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await acceptInvitationIfOpen(trx, hash, actor.userId, now))) throw new AppError('TOKEN_INVALID');
    await addMember(trx, unit.id, actor.userId, now);
    const grants = await listGrants(trx, actor.userId);
    if (!grants.some((g) => g.role === 'recommender' && g.programId === unit.program_id && g.trackId === null)) {
      await insertGrant(trx, { id: newId(), userId: actor.userId, role: 'recommender', programId: unit.program_id, trackId: null, createdBy: inv.invited_by, now });
    }
    await appendAudit(trx, { actorId: actor.userId, action: 'recommendation.invitation_accept', entity: 'recommending_unit', entityId: unit.id, after: { userId: actor.userId, email: inv.email, role: 'recommender', programId: unit.program_id }, requestId }, now);
  });
  return { unitId: unit.id, unitName: unit.name, programId: unit.program_id, programName: rec.def.name };
}
