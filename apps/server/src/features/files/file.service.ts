import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { AppError, can, isEditable, type FileRef, type FormTemplate } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { loadOwnHead, loadReadable, statusOf } from '../applications/application-access.ts';
import { formOf } from '../applications/application.service.ts';
import { openStored, receiveToTemp, storeRecorded, TooLargeError } from './file-store.ts';
import { extensionAccepted, extensionOf, verifyContent } from './file-type-check.ts';
import { checkedUploadName } from './file-name.ts';
import { findApplicationFile, insertApplicationFile, insertFileOnce } from './file.repository.ts';

export type UploadField = { accept: string[]; maxSizeMB: number };

/** The file or signature field at `section.field` or `section.group.<n>.field`. */
function uploadFieldAt(form: FormTemplate, path: string): UploadField | undefined {
  const parts = path.split('.');
  const top = form.sections.find((s) => s.id === parts[0])?.fields.find((f) => f.id === parts[1]);
  const field =
    top?.kind === 'group' && parts.length === 4 && /^\d+$/.test(parts[2]) ? top.fields.find((f) => f.id === parts[3])
    : parts.length === 2 ? top
    : undefined;
  return field && (field.kind === 'file' || field.kind === 'signature') ? { accept: field.accept, maxSizeMB: field.maxSizeMB } : undefined;
}

const fieldError = (path: string, zh: string, en: string) => new AppError('VALIDATION', { message: { 'zh-CN': zh, en }, fields: [{ path, message: { 'zh-CN': zh, en } }] });

export async function uploadApplicationFile(
  deps: Deps, actor: Actor, applicationId: string, fieldPath: string, upload: { filename: string; stream: Readable },
): Promise<FileRef> {
  const row = await loadOwnHead(deps, actor, applicationId);
  if (!isEditable(statusOf(row))) throw new AppError('CONFLICT', { message: { 'zh-CN': '当前状态下不能上传附件', en: 'Files cannot be added in the current status' } });
  const field = uploadFieldAt(await formOf(deps.db, row), fieldPath);
  if (!field) throw fieldError('field', `申报表中没有可上传附件的字段 ${fieldPath}`, `No upload field ${fieldPath} in this form`);
  return storeCheckedFile(deps, actor, applicationId, fieldPath, upload, field);
}

/**
 * Receives one upload for an application, checks its name, type (by content) and size, stores
 * it and records it under `fieldPath`: a form field's path, or another use's (a visit report).
 */
export async function storeCheckedFile(
  deps: Deps, actor: Actor, applicationId: string, fieldPath: string, upload: { filename: string; stream: Readable }, field: UploadField,
): Promise<FileRef> {
  // A name is a label, never a path: separators, control characters, over 255 bytes are refused (file-name.ts).
  let name: string;
  try {
    name = checkedUploadName(upload.filename);
  } catch (e) {
    upload.stream.resume();
    throw e;
  }
  const ext = extensionOf(name);
  if (!ext || !extensionAccepted(ext, field.accept)) {
    throw new AppError('FILE_TYPE_MISMATCH', { message: { 'zh-CN': `只接受以下类型：${field.accept.join('、')}`, en: `Only these types are accepted: ${field.accept.join(', ')}` } });
  }
  const maxBytes = Math.round(field.maxSizeMB * 1024 * 1024);
  let stored;
  try {
    stored = await receiveToTemp(deps.config.dataDir, upload.stream, maxBytes);
  } catch (e) {
    upload.stream.resume(); // drain the rest so the client gets the answer
    if (e instanceof TooLargeError) throw new AppError('PAYLOAD_TOO_LARGE', { message: { 'zh-CN': `文件不能超过 ${field.maxSizeMB} MB`, en: `The file must be at most ${field.maxSizeMB} MB` } });
    throw e;
  }
  // Whatever happens from here, the temp file does not outlive the request.
  const verdict = await verifyContent(stored.tmpPath, ext).catch(async (e: unknown) => {
    await rm(stored.tmpPath, { force: true });
    throw e;
  });
  if ('mismatch' in verdict) {
    await rm(stored.tmpPath, { force: true });
    throw new AppError('FILE_TYPE_MISMATCH', { message: { 'zh-CN': `文件内容（${verdict.mismatch}）与扩展名 .${ext} 不符`, en: `The content (${verdict.mismatch}) does not match the extension .${ext}` } });
  }
  const now = deps.now();
  const id = newId();
  await storeRecorded(deps.config.dataDir, stored, () => deps.db.transaction().execute(async (trx) => {
    await insertFileOnce(trx, { sha256: stored.sha256, size: stored.size, mime: verdict.mime, now });
    await insertApplicationFile(trx, { id, application_id: applicationId, field_path: fieldPath, sha256: stored.sha256, name, size: stored.size, mime: verdict.mime, uploaded_by: actor.userId, created_at: now });
  }));
  return { id, name, size: stored.size, type: verdict.mime };
}

/** An attachment, to whoever may read its application. */
export async function readApplicationFile(deps: Deps, actor: Actor | null, applicationId: string, fileId: string) {
  return fileOfApplication(deps, actor, await loadReadable(deps, actor, applicationId), fileId);
}

/** An attachment of an application the caller has already been allowed to read. */
export async function fileOfApplication(deps: Deps, actor: Actor | null, app: { id: string; program_id: string }, fileId: string) {
  const f = await findApplicationFile(deps.db, app.id, fileId);
  if (!f) throw new AppError('NOT_FOUND');
  // Files of the review (a site-visit report) are the organizers', not the applicant's: they read them here.
  if (f.field_path.startsWith('review.') && !can(actor, 'review.assign', { programId: app.program_id })) throw new AppError('NOT_FOUND');
  return { name: f.name, mime: f.mime, size: f.size, stream: openStored(deps.config.dataDir, f.sha256) };
}
