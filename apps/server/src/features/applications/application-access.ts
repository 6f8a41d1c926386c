import { AppError, can, type ApplicationStatus } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { findApplication, type ApplicationRow } from './application.repository.ts';

export const isOwner = (actor: Actor | null, row: ApplicationRow) => !!actor && row.applicant_user_id === actor.userId;

/**
 * Who may read an application: its applicant, and those the role matrix lets list the
 * program's (or that track's) applications. Anyone else gets 404, the same as for an id
 * that does not exist, so ids reveal nothing.
 */
export async function loadReadable(deps: Deps, actor: Actor | null, id: string): Promise<ApplicationRow> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const row = await findApplication(deps.db, id);
  if (!row || !(isOwner(actor, row) || can(actor, 'application.list', { programId: row.program_id, trackId: row.track_id }))) throw new AppError('NOT_FOUND');
  return row;
}

/** Only the applicant changes its own application. */
export async function loadOwn(deps: Deps, actor: Actor | null, id: string): Promise<ApplicationRow> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const row = await findApplication(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (!isOwner(actor, row)) {
    // A reviewer may read it, but still not change it; others do not learn it exists.
    throw new AppError(can(actor, 'application.list', { programId: row.program_id, trackId: row.track_id }) ? 'FORBIDDEN' : 'NOT_FOUND');
  }
  return row;
}

export const statusOf = (row: ApplicationRow) => row.status as ApplicationStatus;
