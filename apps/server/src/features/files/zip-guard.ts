import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { AppError } from '@lvping/domain';

// The server unpacks one kind of archive: an .xlsx an organizer imports (units, experts), which
// exceljs (through JSZip) inflates whole into memory. A 5 MB "zip bomb" can inflate to gigabytes,
// and the sizes a zip declares can lie, so before exceljs sees the file every entry is inflated
// here with zlib's maxOutputLength: the real total is counted and the work stops at the budget.
// Attachments (.zip, .docx, .rar …) are stored as uploaded and never unpacked; file-type only
// peeks at their first entries, within its own size limits.

const inflate = promisify(inflateRaw);

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const refused = (why: string, en: string) => new AppError('VALIDATION', {
  message: { 'zh-CN': `该 Excel 文件无法安全读取：${why}`, en: `This Excel file cannot be read safely: ${en}` },
  fields: [{ path: 'file', message: { 'zh-CN': why, en } }],
});
const notZip = () => refused('不是有效的 .xlsx（ZIP）文件', 'it is not a valid .xlsx (ZIP) file');

export type ZipBudget = { maxEntries: number; maxTotalBytes: number };

/** Throws VALIDATION unless every entry inflates and all of them together stay within the budget. */
export async function assertZipWithin(path: string, budget: ZipBudget = { maxEntries: 1000, maxTotalBytes: 100 * 1024 * 1024 }): Promise<void> {
  const buf = await readFile(path);
  // The end-of-central-directory record: 22 bytes, then a comment of at most 65535.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notZip();
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  // ZIP64 markers: no spreadsheet of a few MB needs them.
  if (entries === 0xffff || at === 0xffffffff) throw notZip();
  if (entries > budget.maxEntries) throw refused(`包含的条目过多（${entries}）`, `too many entries (${entries})`);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw notZip();
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const local = buf.readUInt32LE(at + 42);
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw notZip();
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) throw notZip();
    const data = buf.subarray(start, start + compressed);
    const left = budget.maxTotalBytes - total;
    let size: number;
    if (method === 0) size = compressed;
    else if (method === 8) {
      try {
        size = (await inflate(data, { maxOutputLength: Math.max(1, left + 1) })).length;
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') size = left + 1;
        else throw notZip();
      }
    } else throw refused('使用了不支持的压缩方式', 'it uses an unsupported compression method');
    total += size;
    if (total > budget.maxTotalBytes) {
      throw refused(`解压后超过 ${Math.round(budget.maxTotalBytes / 1024 / 1024)} MB`, `it would inflate past ${Math.round(budget.maxTotalBytes / 1024 / 1024)} MB`);
    }
  }
}
