import { AppError, programRoles, type Role } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { authorize } from './access.service.ts';
import { insertGrant, listGrants } from './grant.repository.ts';
import { findUserById } from '../auth/user.repository.ts';

export type GrantInput = { userId: string; role: Role; programId: string | null; trackId: string | null };

/**
 * Gives a user a role. Platform admins are made by platform admins (or the CLI, which
 * passes actor null as the machine's owner); program roles by the program's organizers.
 */
export async function grantRole(deps: Deps, actor: Actor | null, input: GrantInput, requestId: string | null = null): Promise<void> {
  if (input.role === 'applicant') throw new AppError('VALIDATION', { message: { 'zh-CN': '申报单位角色无需授予', en: 'Everyone is an applicant; no grant needed' } });
  const isProgramRole = (programRoles as readonly string[]).includes(input.role);
  if (isProgramRole !== !!input.programId) {
    throw new AppError('VALIDATION', { message: { 'zh-CN': '活动角色必须指定活动，平台角色不能指定活动', en: 'Program roles need a program; platform roles must not have one' } });
  }
  if (actor) {
    if (input.role === 'platform_admin') authorize(actor, 'user.manage');
    else authorize(actor, 'grant.manage', { programId: input.programId ?? undefined, trackId: input.trackId ?? undefined });
  }
  await deps.db.transaction().execute(async (trx) => {
    if (!(await findUserById(trx, input.userId))) throw new AppError('NOT_FOUND');
    const existing = await listGrants(trx, input.userId);
    if (existing.some((g) => g.role === input.role && g.programId === input.programId && g.trackId === input.trackId)) return;
    const id = newId();
    await insertGrant(trx, { id, ...input, createdBy: actor?.userId ?? null, now: deps.now() });
    await appendAudit(trx, { actorId: actor?.userId ?? null, action: 'grant.create', entity: 'user', entityId: input.userId, after: { id, ...input }, requestId });
  });
}
