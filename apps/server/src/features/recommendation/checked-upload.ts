import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { AppError } from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { receiveToTemp, TooLargeError, type Stored } from '../files/file-store.ts';
import { extensionAccepted, extensionOf, verifyContent } from '../files/file-type-check.ts';
import { checkedUploadName } from '../files/file-name.ts';

// An upload outside an application form (the unit's stamped page, the organizer's spreadsheet),
// checked as an applicant's attachment is: a plain name, an accepted extension, content that
// matches it, a size limit enforced while streaming.

/**
 * Streams an upload to the store after checking its name, extension and content (the same checks
 * as an applicant's attachment). Returns what to record.
 */
export async function receiveCheckedFile(deps: Deps, upload: { filename: string; stream: Readable }, accept: string[], maxMB: number): Promise<{ stored: Stored; name: string; mime: string }> {
  let name: string;
  try {
    name = checkedUploadName(upload.filename);
  } catch (e) {
    upload.stream.resume();
    throw e;
  }
  const ext = extensionOf(name);
  if (!ext || !extensionAccepted(ext, accept)) {
    upload.stream.resume();
    throw new AppError('FILE_TYPE_MISMATCH', { message: { 'zh-CN': `只接受以下类型：${accept.join('、')}`, en: `Only these types are accepted: ${accept.join(', ')}` } });
  }
  let stored: Stored;
  try {
    stored = await receiveToTemp(deps.config.dataDir, upload.stream, Math.round(maxMB * 1024 * 1024));
  } catch (e) {
    upload.stream.resume();
    if (e instanceof TooLargeError) throw new AppError('PAYLOAD_TOO_LARGE', { message: { 'zh-CN': `文件不能超过 ${maxMB} MB`, en: `The file must be at most ${maxMB} MB` } });
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
  return { stored, name, mime: verdict.mime };
}
