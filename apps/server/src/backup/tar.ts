import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';

// A minimal POSIX ustar writer and reader: regular files only, names up to 100 bytes, sizes up to
// 8 GiB − 1 (11 octal digits). Enough for a backup (manifest, database, content-addressed files),
// readable by any tar (`tar -tvf backup.tar`), and no dependency for it.

const BLOCK = 512;
const MAX_SIZE = 8 ** 11 - 1;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, mtimeMs: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > 100) throw new Error(`tar: name longer than 100 bytes: ${name}`);
  if (size > MAX_SIZE) throw new Error(`tar: ${name} is larger than 8 GiB`);
  const h = Buffer.alloc(BLOCK, 0);
  nameBytes.copy(h, 0);
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(Math.floor(mtimeMs / 1000), 12), 136, 'ascii');
  h.fill(0x20, 148, 156); // the checksum is computed with its own field as spaces
  h.write('0', 156, 'ascii');
  h.write('ustar\0' + '00', 257, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + ' ', 148, 'ascii');
  return h;
}

export class TarWriter {
  constructor(private readonly out: Writable) {}

  private async write(chunk: Buffer): Promise<void> {
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  /** An entry of `size` bytes whose content `chunks` yields; a different count is an error (the archive would be corrupt). */
  async add(name: string, size: number, chunks: AsyncIterable<Buffer> | Buffer, mtimeMs = Date.now()): Promise<void> {
    await this.write(header(name, size, mtimeMs));
    let written = 0;
    for await (const chunk of Buffer.isBuffer(chunks) ? [chunks] : chunks) {
      written += chunk.length;
      if (written > size) throw new Error(`tar: ${name} grew while it was written`);
      await this.write(chunk);
    }
    if (written !== size) throw new Error(`tar: ${name} has ${written} bytes, ${size} expected`);
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (pad) await this.write(Buffer.alloc(pad));
  }

  /** Two zero blocks end the archive; then the stream is ended. */
  async finish(): Promise<void> {
    await this.write(Buffer.alloc(BLOCK * 2));
    this.out.end();
    await once(this.out, 'finish');
  }
}

/** Reads exact byte counts from a stream. */
class ByteReader {
  private buffered: Buffer[] = [];
  private length = 0;
  private readonly it: AsyncIterator<Buffer>;
  private done = false;
  constructor(input: Readable) {
    this.it = input[Symbol.asyncIterator]();
  }

  private async fill(n: number): Promise<void> {
    while (this.length < n && !this.done) {
      const r = await this.it.next();
      if (r.done) this.done = true;
      else {
        this.buffered.push(r.value);
        this.length += r.value.length;
      }
    }
  }

  /** Up to `max` bytes (fewer only at the end of the stream). */
  async take(max: number): Promise<Buffer> {
    await this.fill(1);
    const all = this.buffered.length === 1 ? this.buffered[0] : Buffer.concat(this.buffered);
    const out = all.subarray(0, max);
    const rest = all.subarray(out.length);
    this.buffered = rest.length ? [rest] : [];
    this.length = rest.length;
    return out;
  }

  async exactly(n: number): Promise<Buffer> {
    await this.fill(n);
    if (this.length < n) throw new Error('tar: the archive ends in the middle of an entry (truncated file?)');
    return this.take(n);
  }
}

export type TarEntry = { name: string; size: number; body: AsyncIterable<Buffer> };

const field = (h: Buffer, at: number, len: number) => h.subarray(at, at + len).toString('utf8').replace(/\0.*$/s, '');

/**
 * The archive's entries in order. Each entry's body must be read to its end (or not at all)
 * before asking for the next one.
 */
export async function* readTar(input: Readable): AsyncGenerator<TarEntry> {
  const r = new ByteReader(input);
  for (;;) {
    const h = await r.exactly(BLOCK);
    if (h.every((b) => b === 0)) return;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i];
    if (parseInt(field(h, 148, 8).trim(), 8) !== sum) throw new Error('tar: bad header checksum (not a backup archive, or a damaged one)');
    const prefix = field(h, 345, 155);
    const name = (prefix ? `${prefix}/` : '') + field(h, 0, 100);
    const size = parseInt(field(h, 124, 12).trim() || '0', 8);
    const type = field(h, 156, 1);
    let left = size;
    const next = async () => {
      const chunk = await r.take(left);
      if (chunk.length === 0) throw new Error('tar: the archive ends in the middle of an entry (truncated file?)');
      left -= chunk.length;
      return chunk;
    };
    const body = (async function* () {
      while (left > 0) yield await next();
    })();
    if (type === '0' || type === '') yield { name, size, body };
    while (left > 0) await next(); // skip what the caller did not read
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (pad) await r.exactly(pad);
  }
}
