import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrations } from '../db/migrations/index.ts';
import { fsyncDir, mkdirDurable } from '../features/files/file-store.ts';
import { latestMigration, listTables, rowCounts } from './db-tables.ts';
import { loadLogical } from './logical-load.ts';
import { FILE_ENTRY_RE, MANIFEST_ENTRY, ManifestSchema, PG_DUMP_ENTRY, SQLITE_ENTRY, TABLE_ENTRY_RE, type Manifest } from './manifest.ts';
import { runPgTool } from './pg-tools.ts';
import { readTar } from './tar.ts';

// `npm run cli -- restore FILE`: into an empty data directory (SQLite) or an empty database
// (PostgreSQL) only. Everything is unpacked into a staging directory inside DATA_DIR and checked
// (each file against its hash, the database's integrity, its migration and every table's row
// count against the manifest) before it is moved into place; a failed restore leaves the target
// as empty as it found it.

export class RestoreRefused extends Error {}

async function dirHasEntries(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length > 0;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

async function assertEmptyTarget(config: Config): Promise<void> {
  if (await dirHasEntries(join(config.dataDir, 'files'))) {
    throw new RestoreRefused(`DATA_DIR ${config.dataDir} already holds uploaded files (files/): restore only into an empty data directory (move it away, or set DATA_DIR to a new one)`);
  }
  if (!config.databaseUrl) {
    const file = join(config.dataDir, 'lvping.sqlite');
    if (existsSync(file)) throw new RestoreRefused(`DATA_DIR ${config.dataDir} already holds a database (lvping.sqlite): restore only into an empty data directory (move it away, or set DATA_DIR to a new one)`);
    return;
  }
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
  try {
    const tables = await listTables(database.db);
    if (tables.length) {
      const name = new URL(config.databaseUrl).pathname.slice(1);
      throw new RestoreRefused(`the database ${name} is not empty (${tables.length} tables, e.g. ${tables.slice(0, 3).join(', ')}): restore into a new, empty database (createdb) and point DATABASE_URL at it`);
    }
  } finally {
    await database.close();
  }
}

async function archiveStream(file: string): Promise<Readable> {
  if (!existsSync(file)) throw new RestoreRefused(`no such backup file: ${file}`);
  const fh = await open(file, 'r');
  const magic = Buffer.alloc(2);
  await fh.read(magic, 0, 2, 0);
  await fh.close();
  const raw = createReadStream(file);
  return magic[0] === 0x1f && magic[1] === 0x8b ? raw.pipe(createGunzip()) : raw;
}

/** Compares the restored database with what the manifest promised. */
async function verifyDatabase(db: Kysely<any>, manifest: Manifest): Promise<void> {
  const migration = await latestMigration(db);
  if (migration !== manifest.migration) throw new Error(`the restored database is at migration ${migration}, the manifest says ${manifest.migration}`);
  const counts = await rowCounts(db);
  const names = new Set([...Object.keys(counts), ...Object.keys(manifest.tables)]);
  const wrong = [...names].filter((t) => counts[t] !== manifest.tables[t]).map((t) => `${t}: ${counts[t] ?? 'missing'} rows, ${manifest.tables[t] ?? 'none'} expected`);
  if (wrong.length) throw new Error(`the restored database differs from the manifest: ${wrong.join('; ')}`);
}

export type RestoreResult = { manifest: Manifest; files: number };

export async function restoreBackup(config: Config, archive: string, say: (line: string) => void = () => {}): Promise<RestoreResult> {
  await assertEmptyTarget(config);
  const engine = config.databaseUrl ? 'postgres' : 'sqlite';
  await mkdir(config.dataDir, { recursive: true });
  const stage = join(config.dataDir, `.restore-${randomBytes(6).toString('hex')}`);
  await mkdir(join(stage, 'files'), { recursive: true });
  await mkdir(join(stage, 'tables'), { recursive: true });
  let manifest: Manifest | null = null;
  let loadedIntoPostgres = false;
  try {
    const seenFiles = new Set<string>();
    let dbFile: string | null = null;
    for await (const entry of readTar(await archiveStream(archive))) {
      if (!manifest) {
        if (entry.name !== MANIFEST_ENTRY) throw new RestoreRefused(`${archive} is not an lvping backup (its first entry is ${entry.name}, not ${MANIFEST_ENTRY})`);
        const chunks: Buffer[] = [];
        for await (const c of entry.body) chunks.push(c);
        const parsed = ManifestSchema.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        if (!parsed.success) throw new RestoreRefused(`${archive}: the manifest is not one this version reads (${parsed.error.issues[0]?.message})`);
        manifest = parsed.data;
        if (!(manifest.migration in migrations)) throw new RestoreRefused(`the backup was made by a newer lvping (migration ${manifest.migration} is unknown here): upgrade first`);
        if (manifest.method === 'sqlite' && engine !== 'sqlite') throw new RestoreRefused('this is a SQLite backup: restore it with DATABASE_URL unset (into DATA_DIR)');
        if (manifest.method === 'pg_dump' && engine !== 'postgres') throw new RestoreRefused('this is a PostgreSQL (pg_dump) backup: set DATABASE_URL to an empty PostgreSQL database');
        continue;
      }
      const file = FILE_ENTRY_RE.exec(entry.name);
      if (file) {
        const sha256 = file[1];
        const target = join(stage, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
        await mkdirDurable(join(target, '..'));
        const hash = createHash('sha256');
        await pipeline(entry.body, async function* (source: AsyncIterable<Buffer>) {
          for await (const c of source) {
            hash.update(c);
            yield c;
          }
        }, createWriteStream(target, { flush: true }));
        if (hash.digest('hex') !== sha256) throw new Error(`the archive's copy of file ${sha256} does not match its hash: the backup is damaged`);
        await fsyncDir(join(target, '..'));
        seenFiles.add(sha256);
        continue;
      }
      const table = TABLE_ENTRY_RE.exec(entry.name);
      const path = entry.name === SQLITE_ENTRY ? join(stage, 'lvping.sqlite') : entry.name === PG_DUMP_ENTRY ? join(stage, 'postgres.dump') : table ? join(stage, 'tables', `${table[1]}.jsonl`) : null;
      if (!path) throw new Error(`unexpected entry in the archive: ${entry.name}`);
      await pipeline(entry.body, createWriteStream(path, { flush: true }));
      if (!table) dbFile = path;
    }
    if (!manifest) throw new RestoreRefused(`${archive} is empty`);
    const missing = manifest.files.filter((f) => !seenFiles.has(f.sha256));
    if (missing.length) throw new Error(`the archive lacks ${missing.length} file(s) its manifest lists (e.g. ${missing[0].sha256}): it is truncated or damaged`);

    if (manifest.method === 'sqlite') {
      if (!dbFile) throw new Error('the archive holds no database');
      const check = new SQLite(dbFile);
      const integrity = check.pragma('integrity_check', { simple: true });
      const db = new Kysely<any>({ dialect: new SqliteDialect({ database: check }) });
      try {
        if (integrity !== 'ok') throw new Error(`the archive's database fails SQLite's integrity check: ${integrity}`);
        await verifyDatabase(db, manifest);
      } finally {
        await db.destroy();
      }
    } else if (manifest.method === 'pg_dump') {
      if (!dbFile) throw new Error('the archive holds no database');
      loadedIntoPostgres = true;
      await runPgTool('pg_restore', config.databaseUrl!, ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', dbFile]);
    } else {
      loadedIntoPostgres = engine === 'postgres';
      const target = openDatabase({ databaseUrl: config.databaseUrl, dataDir: stage, poolSize: 2 });
      try {
        await loadLogical(target, manifest, join(stage, 'tables'));
      } finally {
        await target.close();
      }
    }
    if (engine === 'postgres') {
      const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
      try {
        await verifyDatabase(database.db, manifest);
      } finally {
        await database.close();
      }
    }

    // Into place: the files, then the database (whose presence marks a finished restore).
    const filesDir = join(config.dataDir, 'files');
    if (existsSync(filesDir)) await rmdir(filesDir); // empty: checked above
    await rename(join(stage, 'files'), filesDir);
    if (engine === 'sqlite') await rename(join(stage, 'lvping.sqlite'), join(config.dataDir, 'lvping.sqlite'));
    await fsyncDir(config.dataDir);
    say(`restored ${manifest.engine} backup of ${manifest.createdAt} (${manifest.method}, migration ${manifest.migration}): ${Object.keys(manifest.tables).length} tables, ${Object.values(manifest.tables).reduce((a, b) => a + b, 0)} rows, ${seenFiles.size} files, each checked`);
    return { manifest, files: seenFiles.size };
  } catch (e) {
    if (loadedIntoPostgres) await emptyPostgres(config.databaseUrl!).catch(() => {});
    throw e;
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

/** Undoes a failed load: the database was empty when the restore began. */
async function emptyPostgres(databaseUrl: string): Promise<void> {
  const database = openDatabase({ databaseUrl, dataDir: '.', poolSize: 1 });
  try {
    for (const t of await listTables(database.db)) await sql`drop table if exists ${sql.table(t)} cascade`.execute(database.db);
  } finally {
    await database.close();
  }
}
