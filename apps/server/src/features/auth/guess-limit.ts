import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '@lvping/domain';
import type { Deps, RequestMeta } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { clearLoginAttempts, findLoginAttempts, lockLogin, recordLoginFailure } from './login-attempt.repository.ts';

// Password guesses against one account, wherever they come from: signing in, or the "current
// password" of a password change (someone holding a stolen session must not get to guess it
// freely). Both count on the same per-email row, so the lockout holds across processes.
// From the slowAfter-th failure each further guess waits longer; the lockAfter-th locks the
// account for lockMs.

export function lockedError(ms: number): AppError {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return new AppError('ACCOUNT_LOCKED', {
    message: { 'zh-CN': `密码错误次数过多，账号已临时锁定，请 ${minutes} 分钟后再试`, en: `Too many wrong passwords; the account is locked, try again in ${minutes} minute(s)` },
    details: { retryAfterSeconds: Math.ceil(ms / 1000) },
  });
}

/** Before checking a password: refuses while locked, and slows guesses past the first few. */
export async function beforeGuess(deps: Deps, email: string): Promise<void> {
  const { auth } = deps.config;
  const now = deps.now();
  const attempts = await findLoginAttempts(deps.db, email);
  if (attempts?.locked_until && attempts.locked_until > now) throw lockedError(attempts.locked_until - now);
  const recentFailures = attempts && attempts.last_failed_at > now - auth.lockMs ? attempts.failures : 0;
  if (recentFailures >= auth.slowAfter) await sleep(auth.slowStepMs * (recentFailures - auth.slowAfter + 1));
}

/**
 * Counts a wrong password. Locks the account (audited) and throws ACCOUNT_LOCKED on the
 * lockAfter-th; otherwise returns how many attempts are left.
 */
export async function wrongGuess(deps: Deps, email: string, meta: RequestMeta, via: 'login' | 'password_change'): Promise<number> {
  const { auth } = deps.config;
  const failures = await recordLoginFailure(deps.db, email, deps.now(), deps.now() - auth.lockMs);
  if (failures >= auth.lockAfter) {
    await deps.db.transaction().execute(async (trx) => {
      await lockLogin(trx, email, deps.now() + auth.lockMs);
      await appendAudit(trx, { actorId: null, action: 'auth.lock', entity: 'login', entityId: email, after: { failures, via }, requestId: meta.requestId });
    });
    throw lockedError(auth.lockMs);
  }
  return auth.lockAfter - failures;
}

export async function rightGuess(deps: Deps, email: string): Promise<void> {
  await clearLoginAttempts(deps.db, email);
}
