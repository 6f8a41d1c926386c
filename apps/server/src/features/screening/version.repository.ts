import type { Db } from '../../db/database.ts';

// Every submitted version of an application. The submit that writes one has already won the
// conditional status update in its transaction, so two submits cannot take the same number.

export async function recordSubmittedVersion(
  trx: Db, v: { applicationId: string; answersJson: string; formVersion: number; at: number; by: string },
): Promise<number> {
  const versionNo = (await latestVersionNo(trx, v.applicationId)) + 1;
  await trx.insertInto('application_versions').values({
    application_id: v.applicationId, version_no: versionNo, answers_json: v.answersJson, form_version: v.formVersion, submitted_at: v.at, submitted_by: v.by,
  }).execute();
  return versionNo;
}

/** 0 when none was kept (an application submitted before versions were). */
export async function latestVersionNo(db: Db, applicationId: string): Promise<number> {
  const r = await db.selectFrom('application_versions').select((eb) => eb.fn.max('version_no').as('n')).where('application_id', '=', applicationId).executeTakeFirst();
  return Number(r?.n ?? 0);
}

export const listVersions = (db: Db, applicationId: string) =>
  db.selectFrom('application_versions').select(['version_no', 'form_version', 'submitted_at']).where('application_id', '=', applicationId).orderBy('version_no').execute();

export const findVersion = (db: Db, applicationId: string, versionNo: number) =>
  db.selectFrom('application_versions').selectAll().where('application_id', '=', applicationId).where('version_no', '=', versionNo).executeTakeFirst();
