import { AppError } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { listGrants } from '../access/grant.repository.ts';
import { findUserById } from '../auth/user.repository.ts';

// A job acts as the user who asked for it, with the grants they hold when it runs (not when
// they asked): a grant revoked meanwhile, or a disabled account, refuses the job like it
// would refuse the request.

export async function actorOfOwner(deps: Deps, userId: string | null | undefined, jobId: string): Promise<Actor> {
  if (!userId) throw new AppError('FORBIDDEN');
  const user = await findUserById(deps.db, userId);
  if (!user || user.disabled) throw new AppError('FORBIDDEN');
  return {
    userId: user.id, email: user.email, displayName: user.display_name, mustChangePassword: !!user.must_change_password,
    // Not a session: audit rows written by the job name the job instead.
    sessionId: `job:${jobId}`, grants: await listGrants(deps.db, user.id),
  };
}
