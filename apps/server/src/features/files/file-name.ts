import { AppError, type Localized } from '@lvping/domain';

// An uploaded file's name is a label shown to people, never a path on the server (files are
// stored under their SHA-256). It is kept as sent — HTML included; every output escapes it
// (React text, pdfkit text, plain-text email, Excel cells as strings) — but a name that could
// mislead a reader or a filesystem is refused with the reason.

const MAX_BYTES = 255; // what common filesystems allow for one name, in UTF-8 bytes

// C0 and C1 control characters, DEL, and the bidirectional overrides/isolates that make
// "report‮fdp.exe" display as "reportexe.pdf".
const forbidden = (ch: number) => ch < 0x20 || (ch >= 0x7f && ch <= 0x9f) || (ch >= 0x202a && ch <= 0x202e) || (ch >= 0x2066 && ch <= 0x2069);

const refused = (message: Localized) => new AppError('VALIDATION', { message, fields: [{ path: 'file', message }] });

/** The name to store for an upload (NFC, trimmed), or a VALIDATION error saying what is wrong with it. */
export function checkedUploadName(sent: string): string {
  const name = sent.normalize('NFC').trim();
  if (!name || name === '.' || name === '..') throw refused({ 'zh-CN': '文件名不能为空', en: 'The file needs a name' });
  if (/[/\\]/.test(name) || [...name].some((c) => forbidden(c.codePointAt(0)!))) {
    throw refused({ 'zh-CN': '文件名不能包含路径分隔符或控制字符', en: 'The file name must not contain path separators or control characters' });
  }
  if (Buffer.byteLength(name, 'utf8') > MAX_BYTES) {
    throw refused({ 'zh-CN': `文件名过长：最多 ${MAX_BYTES} 字节（约 85 个汉字）`, en: `The file name is too long: at most ${MAX_BYTES} bytes (UTF-8)` });
  }
  return name;
}
