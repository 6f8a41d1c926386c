import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { AppError } from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { receiveToTemp, TooLargeError, type Stored } from '../files/file-store.ts';
import { extensionAccepted, extensionOf, verifyContent } from '../files/file-type-check.ts';

// An upload outside an application form (the unit's stamped page, the organizer's spreadsheet),
// checked as an applicant's attachment is: a plain name, an accepted extension, content that
// matches it, a size limit enforced while streaming.

const badName = () => new AppError('VALIDATION', { fields: [{ path: 'file', message: { 'zh-CN': '文件名不能包含路径分隔符或控制字符', en: 'The file name must not contain path separators or control characters' } }] });

/**
 * Streams an upload to the store after checking its name, extension and content (the same checks
 * as an applicant's attachment). Returns what to record.
 */
export async function receiveCheckedFile(deps: Deps, upload: { filename: string; stream: Readable }, accept: string[], maxMB: number): Promise<{ stored: Stored; name: string; mime: string }> {
  const name = upload.filename.normalize('NFC').trim();
  if (!name || name.length > 255 || /[/\\]/.test(name) || [...name].some((ch) => ch.charCodeAt(0) < 0x20) || name === '.' || name === '..') {
    upload.stream.resume();
    throw badName();
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
  const verdict = await verifyContent(stored.tmpPath, ext);
  if ('mismatch' in verdict) {
    await rm(stored.tmpPath, { force: true });
    throw new AppError('FILE_TYPE_MISMATCH', { message: { 'zh-CN': `文件内容（${verdict.mismatch}）与扩展名 .${ext} 不符`, en: `The content (${verdict.mismatch}) does not match the extension .${ext}` } });
  }
  return { stored, name, mime: verdict.mime };
}
