import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Deps } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { storedPath, tmpDirOf } from './file-store.ts';
import {
  deleteUnattachedApplicationFile, deleteUnattachedObjectionFile, deleteUnreferencedBlob, unattachedApplicationFiles, unattachedObjectionFiles, unreferencedBlobs,
} from './orphan.repository.ts';

// Uploads arrive before the answer, objection or decision that names them (the browser uploads,
// then autosaves the reference), so a file nobody ever attached is only known as such after a
// while: UPLOAD_ORPHAN_GRACE_HOURS. What counts as attached is in orphan.repository.ts.
//
// Each deletion is its own transaction: the attachment row goes only if still unattached, then the
// bytes' row only if no other row of any kind names the same SHA-256, and the bytes are unlinked
// before that transaction commits. Uploads commit their rows before placing their bytes
// (file-store.ts storeRecorded) and lock an existing bytes' row (insertFileOnce), so a concurrent
// upload of the same content either waits for this deletion and stores the bytes afresh, or makes
// this deletion fail (the foreign keys from the attachment tables), never loses its bytes.

export type SweepResult = { applicationFiles: number; objectionFiles: number; blobs: number; tmpFiles: number; skipped: number };

const BATCH = 200;

export async function sweepOrphanUploads(deps: Pick<Deps, 'db' | 'config' | 'log'>, opts: { graceMs?: number; now?: number } = {}): Promise<SweepResult> {
  const graceMs = opts.graceMs ?? deps.config.uploads.orphanGraceMs;
  const before = (opts.now ?? Date.now()) - graceMs;
  const dataDir = deps.config.dataDir;
  const result: SweepResult = { applicationFiles: 0, objectionFiles: 0, blobs: 0, tmpFiles: 0, skipped: 0 };

  const removeBlob = async (trx: Db, sha256: string) => {
    if (!(await deleteUnreferencedBlob(trx, sha256))) return;
    await rm(storedPath(dataDir, sha256), { force: true });
    result.blobs++;
  };
  // One transaction per row; a conflict (a concurrent upload of the same bytes) leaves it for the next sweep.
  const each = async (run: (trx: Db) => Promise<void>) => {
    try {
      await deps.db.transaction().execute(run);
    } catch (err) {
      result.skipped++;
      deps.log.warn({ err }, 'orphan sweep: one upload left for the next run');
    }
  };

  const kinds = [
    { list: unattachedApplicationFiles, del: deleteUnattachedApplicationFile, count: 'applicationFiles' },
    { list: unattachedObjectionFiles, del: deleteUnattachedObjectionFile, count: 'objectionFiles' },
  ] as const;
  for (const kind of kinds) {
    const seen = new Set<string>();
    for (;;) {
      const batch = (await kind.list(deps.db, before, BATCH)).filter((r) => !seen.has(r.id));
      if (batch.length === 0) break;
      for (const row of batch) {
        seen.add(row.id);
        await each(async (trx) => {
          if (!(await kind.del(trx, row.id, before))) return;
          result[kind.count]++;
          await removeBlob(trx, row.sha256);
        });
      }
    }
  }
  // Bytes' rows that lost their last attachment some other way (an application deleted with its files, a crash).
  const seenBlobs = new Set<string>();
  for (;;) {
    const batch = (await unreferencedBlobs(deps.db, before, BATCH)).filter((r) => !seenBlobs.has(r.sha256));
    if (batch.length === 0) break;
    for (const row of batch) {
      seenBlobs.add(row.sha256);
      await each((trx) => removeBlob(trx, row.sha256));
    }
  }
  result.tmpFiles = await sweepTmp(tmpDirOf(dataDir), before);
  return result;
}

/** Partial uploads (a crash mid-request, a failed check) left in DATA_DIR/tmp. */
async function sweepTmp(dir: string, before: number): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw e;
  }
  let n = 0;
  for (const name of names) {
    const path = join(dir, name);
    const st = await stat(path).catch(() => null);
    if (!st || !st.isFile() || st.mtimeMs >= before) continue;
    await rm(path, { force: true });
    n++;
  }
  return n;
}
