import { createReadStream } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import type { JobFileResult } from '@lvping/domain';
import { fsyncDir, mkdirDurable, receiveToTemp } from '../files/file-store.ts';

// Files made by jobs (exports, certificate ZIPs): DATA_DIR/exports/<jobId>.<ext>. A file is
// written under a temporary name in DATA_DIR/tmp, fsynced, then renamed into place, so a file
// under its final name is always complete — a process killed mid-export leaves only a temp
// file, and the retry writes a new one. Pruned after config.jobs.fileKeepMs.

export const exportsDirOf = (dataDir: string) => join(dataDir, 'exports');

// Job ids are ours (newId) but the name is built from one: refuse anything that could leave the directory.
const safeId = (jobId: string) => {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(jobId)) throw new Error(`job file: bad job id ${jobId}`);
  return jobId;
};
const extOf = (name: string) => (/\.([a-z0-9]{1,8})$/i.exec(name)?.[1] ?? 'bin').toLowerCase();
export const jobFilePath = (dataDir: string, jobId: string, name: string) => join(exportsDirOf(dataDir), `${safeId(jobId)}.${extOf(name)}`);

/**
 * Runs `write` into a stream that lands, hashed and fsynced, at the job's file; returns the
 * result the job stores (name shown to the user, type, size, sha256) with `count` from write.
 */
export async function writeJobFile(
  dataDir: string,
  jobId: string,
  file: { name: string; mime: string },
  write: (out: Writable) => Promise<number>,
): Promise<JobFileResult> {
  const dir = exportsDirOf(dataDir);
  await mkdirDurable(dir);
  const out = new PassThrough();
  const received = receiveToTemp(dataDir, out, Number.POSITIVE_INFINITY);
  let count: number;
  try {
    count = await write(out);
    out.end();
  } catch (e) {
    out.destroy(e as Error);
    await received.then((s) => rm(s.tmpPath, { force: true }), () => undefined);
    throw e;
  }
  const stored = await received;
  await rename(stored.tmpPath, jobFilePath(dataDir, jobId, file.name));
  await fsyncDir(dir);
  return { file: { name: file.name, mime: file.mime, size: stored.size, sha256: stored.sha256 }, count };
}

/** The job's file as a stream, or null when it is gone (pruned, or never written). */
export async function openJobFile(dataDir: string, jobId: string, name: string) {
  const path = jobFilePath(dataDir, jobId, name);
  const s = await stat(path).catch(() => null);
  if (!s?.isFile()) return null;
  return { size: s.size, stream: createReadStream(path) };
}

/** Deletes job files older than `before` (epoch ms); returns how many. */
export async function pruneJobFiles(dataDir: string, before: number): Promise<number> {
  const dir = exportsDirOf(dataDir);
  const names = await readdir(dir).catch(() => [] as string[]);
  let deleted = 0;
  for (const name of names) {
    const path = join(dir, name);
    const s = await stat(path).catch(() => null);
    if (!s?.isFile() || s.mtimeMs >= before) continue;
    await rm(path, { force: true });
    deleted++;
  }
  return deleted;
}
