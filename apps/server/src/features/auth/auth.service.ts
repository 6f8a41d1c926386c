import { AppError, type LoginRequest, type Me, type RegisterRequest } from '@lvping/domain';
import type { Actor, Deps, RequestMeta } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { listGrants } from '../access/grant.repository.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { randomToken, sha256 } from './tokens.ts';
import { findUserByEmail, findUserById, insertUser, updatePassword } from './user.repository.ts';
import { deleteSession, deleteUserSessions, findSessionWithUser, insertSession, touchSession } from './session.repository.ts';
import { beforeGuess, rightGuess, wrongGuess } from './guess-limit.ts';
import { consumePasswordReset, insertPasswordReset } from './password-reset.repository.ts';
import { enqueueMail } from '../jobs/mail-job.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';

export type SignedIn = { me: Me; sessionToken: string };

export function toMe(actor: Actor): Me {
  return { id: actor.userId, email: actor.email, displayName: actor.displayName, mustChangePassword: actor.mustChangePassword, grants: [...actor.grants] };
}

export async function openSession(deps: Deps, userId: string, meta: RequestMeta): Promise<string> {
  const token = randomToken();
  const now = deps.now();
  await insertSession(deps.db, {
    id: sha256(token), user_id: userId, created_at: now, last_seen_at: now,
    expires_at: now + deps.config.auth.sessionTtlMs, ip: meta.ip, user_agent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

export async function meOf(deps: Deps, userId: string): Promise<Me> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new AppError('NOT_FOUND');
  return { id: user.id, email: user.email, displayName: user.display_name, mustChangePassword: !!user.must_change_password, grants: await listGrants(deps.db, user.id) };
}

/** Creates an account (no session). Used by registration, the CLI and first start. */
export async function createAccount(
  deps: Deps,
  input: Pick<RegisterRequest, 'email' | 'displayName'> & ({ password: string } | { passwordHash: string }) & { mustChangePassword?: boolean },
  meta: { actorId: string | null; requestId?: string | null },
): Promise<string> {
  // A confirmed sign-up brings the hash made when it was asked for.
  const passwordHash = 'passwordHash' in input ? input.passwordHash : await hashPassword(input.password);
  const now = deps.now();
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, input.email)) throw new AppError('EMAIL_TAKEN', { fields: [{ path: 'email', message: { 'zh-CN': '该邮箱已注册', en: 'This email is already registered' } }] });
    await insertUser(trx, {
      id, email: input.email, display_name: input.displayName, password_hash: passwordHash,
      must_change_password: input.mustChangePassword ? 1 : 0, disabled: 0, created_at: now, updated_at: now,
    });
    await appendAudit(trx, { actorId: meta.actorId ?? id, action: 'user.create', entity: 'user', entityId: id, after: { email: input.email, displayName: input.displayName }, requestId: meta.requestId }, now);
  }).catch((e) => {
    // Two registrations racing for one email: the unique index decides, the loser gets the same 409.
    if (isUniqueViolation(e)) throw new AppError('EMAIL_TAKEN');
    throw e;
  });
  return id;
}

export async function login(deps: Deps, input: LoginRequest, meta: RequestMeta): Promise<SignedIn> {
  // Locked: refused; past the first few failures each guess waits longer (guess-limit.ts).
  await beforeGuess(deps, input.email);
  const user = await findUserByEmail(deps.db, input.email);
  const ok = (await verifyPassword(user?.password_hash ?? null, input.password)) && user && !user.disabled;
  if (!ok || !user) {
    const left = await wrongGuess(deps, input.email, meta, 'login');
    throw new AppError('INVALID_CREDENTIALS', {
      message: left <= 2
        ? { 'zh-CN': `邮箱或密码错误，再失败 ${left} 次账号将被临时锁定`, en: `Wrong email or password; ${left} more failed attempt(s) will lock the account` }
        : undefined,
      details: { attemptsLeft: left },
    });
  }
  await rightGuess(deps, input.email);
  return { me: await meOf(deps, user.id), sessionToken: await openSession(deps, user.id, meta) };
}

export type SessionLookup = { state: 'none' } | { state: 'expired' } | { state: 'ok'; actor: Actor };

/** Who a session cookie belongs to. Runs on every request that carries one. */
export async function resolveSession(deps: Deps, token: string | undefined): Promise<SessionLookup> {
  if (!token) return { state: 'none' };
  const row = await findSessionWithUser(deps.db, sha256(token));
  const now = deps.now();
  if (!row || row.expires_at <= now || row.disabled) return { state: 'expired' };
  // Sliding expiry, written at most once a minute so reads stay reads.
  if (now - row.last_seen_at > 60_000) await touchSession(deps.db, row.sessionId, now, now + deps.config.auth.sessionTtlMs);
  return {
    state: 'ok',
    actor: {
      userId: row.userId, email: row.email, displayName: row.display_name, mustChangePassword: !!row.must_change_password,
      sessionId: row.sessionId, grants: row.grants,
    },
  };
}

export async function logout(deps: Deps, actor: Actor): Promise<void> {
  await deleteSession(deps.db, actor.sessionId);
}

export async function requestPasswordReset(deps: Deps, email: string, meta: RequestMeta): Promise<void> {
  const user = await findUserByEmail(deps.db, email);
  // The answer is the same whether or not the account exists.
  if (!user || user.disabled) return;
  const token = randomToken();
  const now = deps.now();
  await insertPasswordReset(deps.db, { token_hash: sha256(token), user_id: user.id, created_at: now, expires_at: now + deps.config.auth.resetTtlMs, used_at: null });
  const link = `${deps.config.publicUrl}/reset-password?token=${token}`;
  await enqueueMail(deps.db, {
    to: user.email,
    subject: '绿评 lvping：重置密码 / Reset your password',
    text:
      `${user.display_name}，您好：\n\n请在 1 小时内打开以下链接设置新密码：\n${link}\n\n如果不是您本人操作，请忽略本邮件。\n\n` +
      `Hello ${user.display_name},\n\nOpen this link within 1 hour to set a new password:\n${link}\n\nIf you did not ask for this, ignore this email.\n`,
  });
  deps.log.info({ userId: user.id, requestId: meta.requestId }, 'password reset link queued');
}

export async function confirmPasswordReset(deps: Deps, input: { token: string; password: string }, meta: RequestMeta): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.now();
    const userId = await consumePasswordReset(trx, sha256(input.token), now);
    if (!userId) throw new AppError('TOKEN_INVALID');
    await updatePassword(trx, userId, passwordHash, false, now);
    // Whoever knew the old password is signed out everywhere.
    await deleteUserSessions(trx, userId);
    await appendAudit(trx, { actorId: userId, action: 'user.password_reset', entity: 'user', entityId: userId, requestId: meta.requestId }, now);
  });
}

export async function changePassword(deps: Deps, actor: Actor, input: { currentPassword: string; newPassword: string }, meta: RequestMeta): Promise<void> {
  // Whoever holds a session must still know the password: wrong ones count towards the
  // account's lockout like failed sign-ins (slowed, then ACCOUNT_LOCKED 429, audited).
  await beforeGuess(deps, actor.email);
  const user = await findUserById(deps.db, actor.userId);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    const left = await wrongGuess(deps, actor.email, meta, 'password_change');
    throw new AppError('VALIDATION', {
      fields: [{
        path: 'currentPassword',
        message: left <= 2
          ? { 'zh-CN': `当前密码不正确，再错 ${left} 次账号将被临时锁定`, en: `The current password is wrong; ${left} more wrong attempt(s) will lock the account` }
          : { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
      }],
      details: { attemptsLeft: left },
    });
  }
  await rightGuess(deps, actor.email);
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.now();
    await updatePassword(trx, actor.userId, passwordHash, false, now);
    await deleteUserSessions(trx, actor.userId, actor.sessionId);
    await appendAudit(trx, { actorId: actor.userId, action: 'user.password_change', entity: 'user', entityId: actor.userId, requestId: meta.requestId }, now);
  });
}
