import type { Db } from '../../db/database.ts';
import type { ApplicationFilesTable } from '../../db/schema.ts';

/**
 * The bytes' row, once per content. A no-op update rather than DO NOTHING: it locks an existing row
 * until the upload's transaction ends, so the orphan sweep's delete of that row waits (or this
 * waits for the sweep and inserts afresh) instead of the attachment's foreign key failing.
 */
export async function insertFileOnce(db: Db, f: { sha256: string; size: number; mime: string; now: number }): Promise<void> {
  await db.insertInto('files').values({ sha256: f.sha256, size: f.size, mime: f.mime, created_at: f.now })
    .onConflict((oc) => oc.column('sha256').doUpdateSet((eb) => ({ size: eb.ref('excluded.size') }))).execute();
}

export async function insertApplicationFile(db: Db, row: ApplicationFilesTable): Promise<void> {
  await db.insertInto('application_files').values(row).execute();
}

export const findApplicationFile = (db: Db, applicationId: string, fileId: string) =>
  db.selectFrom('application_files').selectAll().where('application_id', '=', applicationId).where('id', '=', fileId).executeTakeFirst();

export async function listApplicationFileIds(db: Db, applicationId: string): Promise<string[]> {
  return (await db.selectFrom('application_files').select('id').where('application_id', '=', applicationId).execute()).map((r) => r.id);
}
