import { AppError, can, matchProfileKinds, programRoles, type Role } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { authorize } from './access.service.ts';
import { insertGrant, listGrants } from './grant.repository.ts';
import { findUserById } from '../auth/user.repository.ts';

export type GrantInput = { userId: string; role: Role; programId: string | null; trackId: string | null };

/**
 * Platform roles the catalog organizer (catalog.manage) hands out, exactly these: approving an
 * investor's, bank's or buyer's matchmaking profile grants the role of its kind.
 */
const catalogGrantedRoles: readonly Role[] = matchProfileKinds;

/**
 * Gives a user a role. Platform admins are made by platform admins (or the CLI, which
 * passes actor null as the machine's owner); program roles by the program's organizers;
 * investor, bank and buyer also by the catalog organizer.
 */
export async function grantRole(deps: Deps, actor: Actor | null, input: GrantInput, requestId: string | null = null): Promise<void> {
  await deps.db.transaction().execute((trx) => grantRoleIn(trx, actor, input, requestId, deps.now()));
}

/** grantRole inside the caller's transaction: the grant commits (or not) with the change that makes it. */
export async function grantRoleIn(trx: Db, actor: Actor | null, input: GrantInput, requestId: string | null, now: number): Promise<void> {
  if (input.role === 'applicant') throw new AppError('VALIDATION', { message: { 'zh-CN': '申报单位角色无需授予', en: 'Everyone is an applicant; no grant needed' } });
  const isProgramRole = (programRoles as readonly string[]).includes(input.role);
  if (isProgramRole !== !!input.programId) {
    throw new AppError('VALIDATION', { message: { 'zh-CN': '活动角色必须指定活动，平台角色不能指定活动', en: 'Program roles need a program; platform roles must not have one' } });
  }
  if (actor) {
    if (input.role === 'platform_admin') authorize(actor, 'user.manage');
    else if (catalogGrantedRoles.includes(input.role) && can(actor, 'catalog.manage')) { /* the catalog organizer's own grants */ }
    else authorize(actor, 'grant.manage', { programId: input.programId ?? undefined, trackId: input.trackId ?? undefined });
  }
  if (!(await findUserById(trx, input.userId))) throw new AppError('NOT_FOUND');
  const existing = await listGrants(trx, input.userId);
  if (existing.some((g) => g.role === input.role && g.programId === input.programId && g.trackId === input.trackId)) return;
  const id = newId();
  await insertGrant(trx, { id, ...input, createdBy: actor?.userId ?? null, now });
  await appendAudit(trx, { actorId: actor?.userId ?? null, action: 'grant.create', entity: 'user', entityId: input.userId, after: { id, ...input }, requestId }, now);
}
