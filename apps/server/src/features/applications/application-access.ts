import { AppError, can, type ApplicationStatus } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { findApplication, findApplicationHead, type ApplicationHead, type ApplicationRow } from './application.repository.ts';

export const isOwner = (actor: Actor | null, row: Pick<ApplicationRow, 'applicant_user_id'>) => !!actor && row.applicant_user_id === actor.userId;

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
  return ownOrThrow(actor, await findApplication(deps.db, id));
}

/** The same check, reading the row without its answers: what an autosave needs, and no more. */
export async function loadOwnHead(deps: Deps, actor: Actor | null, id: string): Promise<ApplicationHead> {
  return ownOrThrow(actor, await findApplicationHead(deps.db, id));
}

function ownOrThrow<R extends Pick<ApplicationRow, 'applicant_user_id' | 'program_id' | 'track_id'>>(actor: Actor | null, row: R | undefined): R {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!row) throw new AppError('NOT_FOUND');
  if (!isOwner(actor, row)) {
    // A reviewer may read it, but still not change it; others do not learn it exists.
    throw new AppError(can(actor, 'application.list', { programId: row.program_id, trackId: row.track_id }) ? 'FORBIDDEN' : 'NOT_FOUND');
  }
  return row;
}

export const statusOf = (row: Pick<ApplicationRow, 'status'>) => row.status as ApplicationStatus;
