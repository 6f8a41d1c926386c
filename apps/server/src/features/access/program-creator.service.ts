import { AppError } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { findUserByEmail } from '../auth/user.repository.ts';
import { authorize } from './access.service.ts';
import { deleteGrant, findGrant, listPlatformGrants } from './grant.repository.ts';
import { grantRoleIn } from './grant.service.ts';

// 活动创建者: the platform-wide grant that lets an organization's staff start programs (from a
// template, a copy or a file), each of which they then organize. Given and taken back by a
// platform admin (user.manage), audited.

const toItem = (r: Awaited<ReturnType<typeof listPlatformGrants>>[number]) => ({ grantId: r.id, userId: r.user_id, email: r.email, displayName: r.display_name, grantedAt: r.created_at });

export async function listProgramCreators(deps: Deps, actor: Actor | null) {
  authorize(actor, 'user.manage');
  return { creators: (await listPlatformGrants(deps.db, 'program_creator')).map(toItem) };
}

export async function addProgramCreator(deps: Deps, actor: Actor | null, email: string, requestId: string | null = null) {
  authorize(actor, 'user.manage');
  const user = await findUserByEmail(deps.db, email.trim().toLowerCase());
  if (!user) throw new AppError('NOT_FOUND', { fields: [{ path: 'email', message: { 'zh-CN': '没有使用该邮箱的账号（请先注册）', en: 'No account uses this address (it must sign up first)' } }] });
  await deps.db.transaction().execute((trx) => grantRoleIn(trx, actor, { userId: user.id, role: 'program_creator', programId: null, trackId: null }, requestId, deps.now()));
  return listProgramCreators(deps, actor);
}

export async function removeProgramCreator(deps: Deps, actor: Actor | null, grantId: string, requestId: string | null = null) {
  authorize(actor, 'user.manage');
  const grant = await findGrant(deps.db, grantId);
  if (!grant || grant.role !== 'program_creator' || grant.program_id !== null) throw new AppError('NOT_FOUND');
  await deps.db.transaction().execute(async (trx) => {
    // Programs already started stay organized by their creator: that is a grant of its own.
    if (await deleteGrant(trx, grantId)) {
      await appendAudit(trx, { actorId: actor.userId, action: 'grant.delete', entity: 'user', entityId: grant.user_id, before: { id: grant.id, role: grant.role, programId: null, trackId: null }, requestId }, deps.now());
    }
  });
  return listProgramCreators(deps, actor);
}
