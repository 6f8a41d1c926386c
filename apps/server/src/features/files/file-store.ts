import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

// Content-addressed storage under DATA_DIR/files: a file's path is its SHA-256, so the same
// bytes uploaded twice are stored once, and a stored file can never be altered in place.

export type Stored = { sha256: string; size: number; tmpPath: string };

export class TooLargeError extends Error {}

/** Streams the upload to a temporary file, hashing and counting as it goes; never holds it in memory. */
export async function receiveToTemp(dataDir: string, source: Readable, maxBytes: number): Promise<Stored> {
  const tmpDir = join(dataDir, 'tmp');
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
    await pipeline(source, meter, createWriteStream(tmpPath));
  } catch (e) {
    await rm(tmpPath, { force: true });
    throw e;
  }
  return { sha256: hash.digest('hex'), size, tmpPath };
}

export const storedPath = (dataDir: string, sha256: string) => join(dataDir, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256);

/** Moves a received file to its content address (dropping it if those bytes are there already). */
export async function commitToStore(dataDir: string, stored: Stored): Promise<void> {
  const target = storedPath(dataDir, stored.sha256);
  if (existsSync(target)) {
    await rm(stored.tmpPath, { force: true });
    return;
  }
  await mkdir(join(target, '..'), { recursive: true });
  await rename(stored.tmpPath, target);
}

export const openStored = (dataDir: string, sha256: string) => createReadStream(storedPath(dataDir, sha256));
