import { AppError, can, type ApplicationStatus } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { findApplication, findApplicationHead, findApplicationHeadWithFiles, type ApplicationHead, type ApplicationRow } from './application.repository.ts';

export const isOwner = (actor: Actor | null, row: Pick<ApplicationRow, 'applicant_user_id'>) => !!actor && row.applicant_user_id === actor.userId;

/**
 * A draft is its applicant's until it is submitted: never submitted (a draft, or a draft withdrawn
 * before submitting) means no organizer, reviewer, committee or admin reads it through the usual
 * paths. A row read without `submitted_at` (a head) counts a withdrawn one as never submitted.
 */
export const isPrivateDraft = (row: Pick<ApplicationRow, 'status'> & { submitted_at?: number | null }) =>
  row.status === 'draft' || (row.status === 'withdrawn' && row.submitted_at == null);

/** Whether a reader other than the applicant may see it: the role matrix's 'application.list', and not a private draft. */
export const readableByRole = (actor: Actor | null, row: Pick<ApplicationRow, 'status' | 'program_id' | 'track_id'> & { submitted_at?: number | null }) =>
  !isPrivateDraft(row) && can(actor, 'application.list', { programId: row.program_id, trackId: row.track_id });

/**
 * Who may read an application: its applicant, and those the role matrix lets list the
 * program's (or that track's) applications, once it has been submitted. Anyone else gets 404,
 * the same as for an id that does not exist, so ids reveal nothing. (A platform admin opens a
 * draft only with a reason, audited: draft-open.service.ts.)
 */
export async function loadReadable(deps: Deps, actor: Actor | null, id: string): Promise<ApplicationRow> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const row = await findApplication(deps.db, id);
  if (!row || !(isOwner(actor, row) || readableByRole(actor, row))) throw new AppError('NOT_FOUND');
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

/** loadOwnHead with the ids of the application's files, in one read: an autosave's check of its file references. */
export async function loadOwnHeadWithFiles(deps: Deps, actor: Actor | null, id: string): Promise<{ head: ApplicationHead; fileIds: string[] }> {
  const found = await findApplicationHeadWithFiles(deps.db, id);
  return { head: ownOrThrow(actor, found?.head), fileIds: found?.fileIds ?? [] };
}

function ownOrThrow<R extends Pick<ApplicationRow, 'applicant_user_id' | 'program_id' | 'track_id' | 'status'>>(actor: Actor | null, row: R | undefined): R {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!row) throw new AppError('NOT_FOUND');
  if (!isOwner(actor, row)) {
    // A reviewer may read it, but still not change it; others (and everyone, for a draft) do not learn it exists.
    throw new AppError(readableByRole(actor, row) ? 'FORBIDDEN' : 'NOT_FOUND');
  }
  return row;
}

export const statusOf = (row: Pick<ApplicationRow, 'status'>) => row.status as ApplicationStatus;
