import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.ts';

// Which stored uploads nothing names. "Named" is read conservatively: a file's id anywhere in the
// text of a column that can carry it counts, whatever the JSON around it (a false match only
// keeps a file longer). The checks run again inside each delete, so a row is removed only if it
// is still unnamed at that moment.

/**
 * An application's file (application_files) is attached while its id appears in the application's
 * answers or any submitted version of them (application_versions, kept for the screening's
 * comparison), or a unit's decision names it as the stamped page (nominations.stamped_file_id),
 * or a site visit names it as its report (review_visits.report_file_id).
 */
const applicationFileUnattached = (): Expression<SqlBool> => sql<SqlBool>`
  not exists (select 1 from applications a where a.id = application_files.application_id and a.answers_json like '%' || application_files.id || '%')
  and not exists (select 1 from application_versions v where v.application_id = application_files.application_id and v.answers_json like '%' || application_files.id || '%')
  and not exists (select 1 from nominations n where n.stamped_file_id = application_files.id)
  and not exists (select 1 from review_visits rv where rv.report_file_id = application_files.id)`;

/**
 * An objection's file is attached once an objection claimed it (evidence: objection_id is set when
 * the objection naming it is filed) or, for the applicant's response attachments (which carry their
 * objection from the upload), once a response event lists it. Any objection or event naming the id
 * keeps it too.
 */
const objectionFileUnattached = (): Expression<SqlBool> => sql<SqlBool>`
  (objection_files.objection_id is null or (objection_files.purpose = 'response' and not exists (
    select 1 from objection_events e where e.objection_id = objection_files.objection_id and e.file_ids_json like '%' || objection_files.id || '%')))
  and not exists (select 1 from objections o where o.program_id = objection_files.program_id and o.file_ids_json like '%' || objection_files.id || '%')`;

/** The bytes' row is unreferenced once no attachment row of any kind (milestone reports included) names its hash. */
const blobUnreferenced = (): Expression<SqlBool> => sql<SqlBool>`
  not exists (select 1 from application_files af where af.sha256 = files.sha256)
  and not exists (select 1 from objection_files ofl where ofl.sha256 = files.sha256)
  and not exists (select 1 from need_milestone_reports r where r.sha256 = files.sha256)`;

export const unattachedApplicationFiles = (db: Db, before: number, limit: number) =>
  db.selectFrom('application_files').select(['id', 'sha256']).where('created_at', '<', before).where(applicationFileUnattached()).orderBy('created_at').limit(limit).execute();

export const unattachedObjectionFiles = (db: Db, before: number, limit: number) =>
  db.selectFrom('objection_files').select(['id', 'sha256']).where('created_at', '<', before).where(objectionFileUnattached()).orderBy('created_at').limit(limit).execute();

export const unreferencedBlobs = (db: Db, before: number, limit: number) =>
  db.selectFrom('files').select('sha256').where('created_at', '<', before).where(blobUnreferenced()).orderBy('created_at').limit(limit).execute();

/** Deletes the row only if it is still old and unattached; true when it did. */
export async function deleteUnattachedApplicationFile(db: Db, id: string, before: number): Promise<boolean> {
  const r = await db.deleteFrom('application_files').where('id', '=', id).where('created_at', '<', before).where(applicationFileUnattached()).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function deleteUnattachedObjectionFile(db: Db, id: string, before: number): Promise<boolean> {
  const r = await db.deleteFrom('objection_files').where('id', '=', id).where('created_at', '<', before).where(objectionFileUnattached()).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Deletes the bytes' row only if no attachment names the hash any more; true when it did. */
export async function deleteUnreferencedBlob(db: Db, sha256: string): Promise<boolean> {
  const r = await db.deleteFrom('files').where('sha256', '=', sha256).where(blobUnreferenced()).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
