import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

// Content-addressed storage under DATA_DIR/files: a file's path is its SHA-256, so the same
// bytes uploaded twice are stored once, and a stored file can never be altered in place.
//
// Durability (ARCHITECTURE.md, "Durability"): the bytes are fsynced in DATA_DIR/tmp, renamed to
// their address, and the directory holding the new name is fsynced, all before the 2xx. The
// database row is committed first (storeRecorded), so the orphan sweep, which deletes a row and
// its bytes in one transaction, can never remove bytes that a just-committed row names.

export type Stored = { sha256: string; size: number; tmpPath: string };

export class TooLargeError extends Error {}

export const tmpDirOf = (dataDir: string) => join(dataDir, 'tmp');

/** Streams the upload to a temporary file, hashing and counting as it goes; never holds it in memory. */
export async function receiveToTemp(dataDir: string, source: Readable, maxBytes: number): Promise<Stored> {
  const tmpDir = tmpDirOf(dataDir);
  await mkdir(tmpDir, { recursive: true });
  const tmpPath = join(tmpDir, randomUUID());
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > maxBytes) return cb(new TooLargeError());
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  try {
    // flush: fsync before the descriptor closes, so the bytes are on disk before anyone is told they are stored.
    await pipeline(source, meter, createWriteStream(tmpPath, { flush: true }));
  } catch (e) {
    await rm(tmpPath, { force: true });
    throw e;
  }
  return { sha256: hash.digest('hex'), size, tmpPath };
}

export const storedPath = (dataDir: string, sha256: string) => join(dataDir, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256);

/** fsync of a directory: makes the names created or renamed in it durable. */
export async function fsyncDir(path: string): Promise<void> {
  const fh = await open(path, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** mkdir -p, then fsyncs each new directory's parent so the new entries survive a power loss. */
export async function mkdirDurable(dir: string): Promise<void> {
  const first = await mkdir(dir, { recursive: true });
  if (!first) return;
  for (let d = dir; ; d = dirname(d)) {
    await fsyncDir(dirname(d));
    if (d === first || dirname(d) === d) break;
  }
}

/** Moves a received file to its content address (dropping it if those bytes are there already), durably. */
export async function commitToStore(dataDir: string, stored: Stored): Promise<void> {
  const target = storedPath(dataDir, stored.sha256);
  if (existsSync(target)) {
    await rm(stored.tmpPath, { force: true });
    return;
  }
  await mkdirDurable(dirname(target));
  await rename(stored.tmpPath, target);
  await fsyncDir(dirname(target));
}

/**
 * Records a received file (`record`: the transaction inserting its rows), then moves the bytes to
 * the store. Row first: a sweep that deleted an unreferenced row with these bytes committed before
 * this row could exist, so the bytes placed afterwards are never swept from under it. A crash in
 * between leaves a row without bytes that nobody was told about (no 2xx), which the sweep removes.
 */
export async function storeRecorded<T>(dataDir: string, stored: Stored, record: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await record();
  } catch (e) {
    await rm(stored.tmpPath, { force: true });
    throw e;
  }
  await commitToStore(dataDir, stored);
  return result;
}

export const openStored = (dataDir: string, sha256: string) => createReadStream(storedPath(dataDir, sha256));
