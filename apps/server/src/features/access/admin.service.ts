import type { Deps } from '../../context.ts';
import { randomToken } from '../auth/tokens.ts';
import { createAccount } from '../auth/auth.service.ts';
import { grantRole } from './grant.service.ts';
import { hasPlatformAdmin } from './grant.repository.ts';

/** A platform admin with a one-time password that must be changed at first login. */
export async function createPlatformAdmin(deps: Deps, input: { email: string; displayName: string }): Promise<{ userId: string; password: string }> {
  const password = randomToken(12);
  const userId = await createAccount(deps, { ...input, password, mustChangePassword: true }, { actorId: null });
  await grantRole(deps, null, { userId, role: 'platform_admin', programId: null, trackId: null });
  return { userId, password };
}

/** On the very first start there is nobody to sign in as: make the first admin. */
export async function ensureFirstAdmin(deps: Deps): Promise<{ email: string; password: string } | null> {
  if (await hasPlatformAdmin(deps.db)) return null;
  const email = 'admin@lvping.local';
  const { password } = await createPlatformAdmin(deps, { email, displayName: '平台管理员' });
  return { email, password };
}
