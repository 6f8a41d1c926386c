import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createGzip } from 'node:zlib';
import type { Writable } from 'node:stream';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Config } from '../config.ts';
import { fsyncDir, storedPath } from '../features/files/file-store.ts';
import { latestMigration, rowCounts } from './db-tables.ts';
import { BACKUP_FORMAT, fileEntry, MANIFEST_ENTRY, SQLITE_ENTRY, type Manifest } from './manifest.ts';
import { pgToolAvailable } from './pg-tools.ts';
import { postgresSnapshot } from './pg-snapshot.ts';
import { TarWriter } from './tar.ts';

// `npm run cli -- backup --out FILE`: one archive holding the database, consistent as of one moment,
// and exactly the stored files that database names. Safe while the server runs: SQLite's online
// backup API copies pages under a read lock taken step by step; PostgreSQL is read in one
// repeatable-read snapshot that pg_dump (or the logical export) shares.

export type BackupOptions = { logical?: boolean; say?: (line: string) => void };

export type Snapshot = {
  method: Manifest['method'];
  migration: string;
  tables: Record<string, number>;
  fileRows: { sha256: string; size: number }[];
  entries: { name: string; path: string }[];
};

async function sqliteSnapshot(dataDir: string, work: string): Promise<Snapshot> {
  const source = join(dataDir, 'lvping.sqlite');
  if (!existsSync(source)) throw new Error(`no database to back up at ${source}`);
  const copyPath = join(work, 'lvping.sqlite');
  const src = new SQLite(source, { fileMustExist: true });
  try {
    src.pragma('busy_timeout = 5000');
    // All pages in one step: SQLite restarts a stepwise backup whenever another connection writes,
    // which under steady load would never finish. One step reads one snapshot (WAL: writers go on).
    await src.backup(copyPath, { progress: () => 0x7fffffff });
  } finally {
    src.close();
  }
  const copy = new SQLite(copyPath);
  // One self-contained file in the archive (no -wal beside it); the server turns WAL back on when it opens it.
  copy.pragma('journal_mode = DELETE');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: copy }) });
  try {
    const migration = await latestMigration(db);
    if (!migration) throw new Error('the database has no migrations applied: nothing to back up');
    const tables = await rowCounts(db);
    const fileRows = (await db.selectFrom('files').select(['sha256', 'size']).orderBy('sha256').execute()).map((r) => ({ sha256: r.sha256 as string, size: Number(r.size) }));
    return { method: 'sqlite', migration, tables, fileRows, entries: [{ name: SQLITE_ENTRY, path: copyPath }] };
  } finally {
    await db.destroy();
  }
}

async function* hashed(path: string, sha256: string): AsyncGenerator<Buffer> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) {
    h.update(chunk as Buffer);
    yield chunk as Buffer;
  }
  if (h.digest('hex') !== sha256) throw new Error(`the stored file ${path} does not match its hash: the file store is damaged`);
}

export async function createBackup(config: Config, outFile: string, opts: BackupOptions = {}): Promise<Manifest> {
  const say = opts.say ?? (() => {});
  const work = await mkdtemp(join(dirname(outFile), '.lvping-backup-'));
  const partial = `${outFile}.partial`;
  try {
    let snap: Snapshot;
    if (!config.databaseUrl) snap = await sqliteSnapshot(config.dataDir, work);
    else {
      const logical = opts.logical || !pgToolAvailable('pg_dump');
      if (!opts.logical && logical) say('pg_dump is not on PATH: using the logical export');
      snap = await postgresSnapshot(config.databaseUrl, work, logical ? 'logical' : 'pg_dump');
    }
    const files: Manifest['files'] = [];
    const missingFiles: string[] = [];
    for (const f of snap.fileRows) {
      if (existsSync(storedPath(config.dataDir, f.sha256))) files.push(f);
      else missingFiles.push(f.sha256);
    }
    if (missingFiles.length) say(`${missingFiles.length} file row(s) have no bytes in the store (uploads whose answer never went out); recorded in the manifest`);
    const manifest: Manifest = {
      format: BACKUP_FORMAT, version: 1, createdAt: new Date().toISOString(), engine: config.databaseUrl ? 'postgres' : 'sqlite',
      method: snap.method, migration: snap.migration, tables: snap.tables, files, missingFiles,
    };

    const fileOut = createWriteStream(partial, { flush: true });
    const gzip = /\.(t?gz)$/i.test(outFile) ? createGzip({ level: 6 }) : null;
    if (gzip) gzip.pipe(fileOut);
    const closed = new Promise<void>((resolve, reject) => {
      fileOut.once('close', resolve);
      fileOut.once('error', reject);
      gzip?.once('error', reject);
    });
    const tar = new TarWriter((gzip ?? fileOut) as Writable);
    await tar.add(MANIFEST_ENTRY, Buffer.byteLength(JSON.stringify(manifest)), Buffer.from(JSON.stringify(manifest)));
    for (const e of snap.entries) {
      await tar.add(e.name, (await stat(e.path)).size, createReadStream(e.path));
    }
    for (const f of files) {
      const path = storedPath(config.dataDir, f.sha256);
      const size = (await stat(path).catch(() => null))?.size;
      if (size === undefined) throw new Error(`the stored file ${f.sha256} disappeared during the backup (an orphan swept meanwhile?): run the backup again`);
      await tar.add(fileEntry(f.sha256), size, hashed(path, f.sha256));
    }
    await tar.finish();
    await closed;
    await rename(partial, outFile);
    await fsyncDir(dirname(outFile));
    say(`backup written to ${outFile}: ${manifest.engine} (${manifest.method}), migration ${manifest.migration}, ${Object.keys(manifest.tables).length} tables, ${Object.values(manifest.tables).reduce((a, b) => a + b, 0)} rows, ${files.length} files`);
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}
