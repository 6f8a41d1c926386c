import { AppError, type RegisterRequest } from '@lvping/domain';
import type { Deps, RequestMeta } from '../../context.ts';
import { enqueueMail } from '../jobs/mail-job.ts';
import { createAccount, meOf, openSession, type SignedIn } from './auth.service.ts';
import { hashPassword } from './password.ts';
import { insertPasswordReset } from './password-reset.repository.ts';
import { consumePendingRegistration, deletePendingRegistrations, insertPendingRegistration } from './pending-registration.repository.ts';
import { randomToken, sha256 } from './tokens.ts';
import { findUserByEmail } from './user.repository.ts';

// Sign-up without telling who has an account. With email verification (config.auth.verifyEmail,
// the default) the answer is the same for a new and a registered address — same status, same
// body, the same work (an argon2 hash, one row, one mail) — and the mailbox's owner learns the
// rest: a new address gets the link that creates the account and signs in, a registered one a
// notice that someone tried, with a password reset link in case it was them.

/** `signedIn` only without email verification. */
export async function register(deps: Deps, input: RegisterRequest, meta: RequestMeta): Promise<{ signedIn: SignedIn | null }> {
  if (!deps.config.auth.verifyEmail) {
    const userId = await createAccount(deps, input, { actorId: null, requestId: meta.requestId });
    return { signedIn: { me: await meOf(deps, userId), sessionToken: await openSession(deps, userId, meta) } };
  }
  // Hashed whichever way it goes, so the time taken does not tell either.
  const passwordHash = await hashPassword(input.password);
  const now = deps.now();
  const token = randomToken();
  const existing = await findUserByEmail(deps.db, input.email);
  if (existing) {
    let resetLink: string | null = null;
    if (!existing.disabled) {
      await insertPasswordReset(deps.db, { token_hash: sha256(token), user_id: existing.id, created_at: now, expires_at: now + deps.config.auth.resetTtlMs, used_at: null });
      resetLink = `${deps.config.publicUrl}/reset-password?token=${token}`;
    }
    await enqueueMail(deps.db, alreadyRegisteredMail(deps, existing.email, existing.display_name, resetLink));
    deps.log.info({ userId: existing.id, requestId: meta.requestId }, 'sign-up with a registered address: its owner was told');
    return { signedIn: null };
  }
  await insertPendingRegistration(deps.db, {
    token_hash: sha256(token), email: input.email, display_name: input.displayName, password_hash: passwordHash,
    next_path: input.next ?? null, created_at: now, expires_at: now + deps.config.auth.registrationTtlMs,
  });
  await enqueueMail(deps.db, activationMail(deps, input.email, input.displayName, `${deps.config.publicUrl}/register/confirm?token=${token}`));
  return { signedIn: null };
}

/** Following the emailed link: creates the account with the password chosen at sign-up, and signs in. */
export async function confirmRegistration(deps: Deps, token: string, meta: RequestMeta): Promise<SignedIn & { next: string | null }> {
  const pending = await consumePendingRegistration(deps.db, sha256(token), deps.now());
  if (!pending) throw new AppError('TOKEN_INVALID');
  const userId = await createAccount(
    deps,
    { email: pending.email, displayName: pending.display_name, passwordHash: pending.password_hash },
    { actorId: null, requestId: meta.requestId },
  ).catch((e) => {
    // Another link for the same address was followed first: that one made the account.
    if (e instanceof AppError && e.code === 'EMAIL_TAKEN') {
      throw new AppError('TOKEN_INVALID', { message: { 'zh-CN': '该邮箱已完成注册，请直接登录', en: 'This address already has an account: sign in' } });
    }
    throw e;
  });
  await deletePendingRegistrations(deps.db, pending.email, deps.now());
  return { me: await meOf(deps, userId), sessionToken: await openSession(deps, userId, meta), next: pending.next_path };
}

function activationMail(deps: Deps, to: string, name: string, link: string) {
  const hours = Math.round(deps.config.auth.registrationTtlMs / 3600_000);
  return {
    to,
    subject: '绿评 lvping：完成注册 / Finish signing up',
    text:
      `${name}，您好：\n\n请在 ${hours} 小时内打开以下链接完成注册并登录：\n${link}\n\n如果不是您本人操作，请忽略本邮件，不会创建账号。\n\n` +
      `Hello ${name},\n\nOpen this link within ${hours} hours to finish signing up and sign in:\n${link}\n\nIf you did not sign up, ignore this email: no account is created.\n`,
  };
}

function alreadyRegisteredMail(deps: Deps, to: string, name: string, resetLink: string | null) {
  const login = `${deps.config.publicUrl}/login`;
  const zhReset = resetLink ? `如果忘记了密码，可在 1 小时内通过以下链接重新设置：\n${resetLink}\n\n` : '';
  const enReset = resetLink ? `If you forgot your password, set a new one within 1 hour here:\n${resetLink}\n\n` : '';
  return {
    to,
    subject: '绿评 lvping：有人使用您的邮箱注册 / Someone tried to sign up with your address',
    text:
      `${name}，您好：\n\n刚才有人使用本邮箱在绿评注册账号。该邮箱已有账号，因此没有创建新账号。\n如果是您本人，请直接登录：${login}\n${zhReset}如果不是您本人操作，请忽略本邮件，您的账号不受影响。\n\n` +
      `Hello ${name},\n\nSomeone just tried to sign up to lvping with this address. It already has an account, so no new one was created.\nIf it was you, sign in: ${login}\n${enReset}If it was not you, ignore this email: your account is unchanged.\n`,
  };
}
