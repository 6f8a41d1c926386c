import { z } from 'zod';

// What a backup archive says about itself, written as its first entry (manifest.json) and checked
// on restore: where it came from, how the database was saved, every table's row count and every
// stored file's hash (the file's own name: the store is content-addressed).

export const BACKUP_FORMAT = 'lvping-backup';

export const ManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  createdAt: z.string(),
  engine: z.enum(['sqlite', 'postgres']),
  /** sqlite: the online backup API's copy; pg_dump: its custom format; logical: every table as JSON lines. */
  method: z.enum(['sqlite', 'pg_dump', 'logical']),
  /** The last migration applied to the saved database. */
  migration: z.string(),
  tables: z.record(z.string(), z.number().int().nonnegative()),
  files: z.array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative() })),
  /** Rows of `files` whose bytes were not in the store when the backup ran (see README: a crash before the upload's answer). */
  missingFiles: z.array(z.string()),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export const MANIFEST_ENTRY = 'manifest.json';
export const SQLITE_ENTRY = 'database/lvping.sqlite';
export const PG_DUMP_ENTRY = 'database/postgres.dump';
export const tableEntry = (table: string) => `database/tables/${table}.jsonl`;
export const fileEntry = (sha256: string) => `files/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
export const FILE_ENTRY_RE = /^files\/[0-9a-f]{2}\/[0-9a-f]{2}\/([0-9a-f]{64})$/;
export const TABLE_ENTRY_RE = /^database\/tables\/([a-z0-9_]+)\.jsonl$/;
