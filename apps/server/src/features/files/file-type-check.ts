import { fileTypeFromFile } from 'file-type';

// A file's extension is a claim; its first bytes are the evidence. Each accepted extension
// lists what its content may be detected as (null: a text format with no magic number).
const contentFor: Record<string, (string | null)[]> = {
  pdf: ['pdf'],
  jpg: ['jpg'], jpeg: ['jpg'], png: ['png'], gif: ['gif'], webp: ['webp'], bmp: ['bmp'], tif: ['tif'], tiff: ['tif'],
  doc: ['cfb'], xls: ['cfb'], ppt: ['cfb'], wps: ['cfb'], et: ['cfb'],
  docx: ['docx', 'zip'], xlsx: ['xlsx', 'zip'], pptx: ['pptx', 'zip'],
  zip: ['zip'], rar: ['rar'], '7z': ['7z'], ofd: ['zip'],
  mp4: ['mp4'], mov: ['mov', 'mp4'],
  txt: [null], csv: [null], md: [null],
};

const mimeOfExt: Record<string, string> = {
  pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp',
  doc: 'application/msword', xls: 'application/vnd.ms-excel', ppt: 'application/vnd.ms-powerpoint',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  zip: 'application/zip', txt: 'text/plain; charset=utf-8', csv: 'text/csv; charset=utf-8', mp4: 'video/mp4',
};

export const extensionOf = (name: string) => (/\.([A-Za-z0-9]+)$/.exec(name)?.[1] ?? '').toLowerCase();

/** Does the extension fit the field's accept list (".pdf", "application/pdf", "image/*")? */
export function extensionAccepted(ext: string, accept: readonly string[]): boolean {
  if (accept.length === 0) return true;
  const mime = mimeOfExt[ext] ?? '';
  return accept.some((a) => (a.startsWith('.') ? a.slice(1).toLowerCase() === ext : a.endsWith('/*') ? mime.startsWith(a.slice(0, -1)) : mime.split(';')[0] === a));
}

/** The content type to serve, or null when the bytes are not what the extension says. */
export async function verifyContent(path: string, ext: string): Promise<{ mime: string } | { mismatch: string }> {
  const allowed = contentFor[ext];
  if (!allowed) return { mismatch: `.${ext}` };
  const detected = await fileTypeFromFile(path);
  const found = detected?.ext ?? null;
  if (!allowed.includes(found)) return { mismatch: detected ? detected.mime : 'text' };
  return { mime: mimeOfExt[ext] ?? detected?.mime ?? 'application/octet-stream' };
}
