import type { Readable } from 'node:stream';
import { AppError, type FileRef } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { authorize } from '../access/access.service.ts';
import { openStored, storeRecorded } from '../files/file-store.ts';
import { findApplicationFile, insertApplicationFile, insertFileOnce } from '../files/file.repository.ts';
import { findCandidate } from './nomination.repository.ts';
import { STAMP_FIELD } from './nomination.service.ts';
import { receiveCheckedFile } from './checked-upload.ts';
import { isMember } from './unit.repository.ts';

// The unit's stamped 推荐意见 page (推荐单位公章), filed with the application's own files in the
// content-addressed store, and the unit's read access to its candidates' attachments.

const STAMP_ACCEPT = ['.pdf', '.jpg', '.jpeg', '.png'];
const STAMP_MAX_MB = 10;

/** A candidate of a unit the actor is a member of; 404 for anyone else. */
async function memberCandidate(deps: Deps, actor: Actor | null, applicationId: string) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const row = await findCandidate(deps.db, applicationId);
  if (!row?.unit_id || !(await isMember(deps.db, row.unit_id, actor.userId))) throw new AppError('NOT_FOUND');
  return row;
}

export async function uploadStampedPage(deps: Deps, actor: Actor | null, applicationId: string, upload: { filename: string; stream: Readable }): Promise<FileRef> {
  try {
    const row = await memberCandidate(deps, actor, applicationId);
    authorize(actor, 'nomination.endorse', { programId: row.program_id, trackId: row.track_id });
    if (row.nomination_status) throw new AppError('CONFLICT', { message: { 'zh-CN': '本单位已对该申报作出推荐决定', en: 'Your unit has already decided on this application' } });
  } catch (e) {
    upload.stream.resume(); // drain the upload so the client gets the answer
    throw e;
  }
  const { stored, name, mime } = await receiveCheckedFile(deps, upload, STAMP_ACCEPT, STAMP_MAX_MB);
  const now = deps.now();
  const id = newId();
  await storeRecorded(deps.config.dataDir, stored, () => deps.db.transaction().execute(async (trx) => {
    await insertFileOnce(trx, { sha256: stored.sha256, size: stored.size, mime, now });
    await insertApplicationFile(trx, { id, application_id: applicationId, field_path: STAMP_FIELD, sha256: stored.sha256, name, size: stored.size, mime, uploaded_by: actor!.userId, created_at: now });
  }));
  return { id, name, size: stored.size, type: mime };
}

/** Any attachment of a candidate (and the stamped page), to the unit's members. */
export async function readCandidateFile(deps: Deps, actor: Actor | null, applicationId: string, fileId: string) {
  await memberCandidate(deps, actor, applicationId);
  const f = await findApplicationFile(deps.db, applicationId, fileId);
  if (!f) throw new AppError('NOT_FOUND');
  return { name: f.name, mime: f.mime, size: f.size, stream: openStored(deps.config.dataDir, f.sha256) };
}
