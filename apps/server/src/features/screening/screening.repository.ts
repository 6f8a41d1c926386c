import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ScreeningsTable } from '../../db/schema.ts';

export type ScreeningRow = ScreeningsTable;

export const findScreening = (db: Db, applicationId: string, versionNo: number) =>
  db.selectFrom('screenings').selectAll().where('application_id', '=', applicationId).where('version_no', '=', versionNo).executeTakeFirst();

export const listScreenings = (db: Db, applicationId: string) =>
  db
    .selectFrom('screenings')
    .leftJoin('users', 'users.id', 'screenings.decided_by')
    .selectAll('screenings')
    .select('users.display_name as decider_name')
    .where('application_id', '=', applicationId)
    .orderBy('version_no')
    .execute();

/** The screening of a version, created on first touch; two screeners touching at once get the same row. */
export async function ensureScreening(db: Db, applicationId: string, versionNo: number, make: () => ScreeningRow): Promise<ScreeningRow> {
  await db.insertInto('screenings').values(make()).onConflict((oc) => oc.columns(['application_id', 'version_no']).doNothing()).execute();
  return (await findScreening(db, applicationId, versionNo))!;
}

/** Writes the checklist only over the revision it was read at; false means someone wrote in between. */
export async function saveChecklistIfCurrent(db: Db, id: string, revision: number, checklistJson: string, now: number): Promise<boolean> {
  const r = await db
    .updateTable('screenings')
    .set({ checklist_json: checklistJson, revision: revision + 1, updated_at: now })
    .where('id', '=', id).where('revision', '=', revision).where('outcome', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Records a decision on an undecided screening whose checklist is still as read (so the audit
 * record holds the marks it was decided on); false if it was decided or re-marked meanwhile.
 */
export async function decideIfOpen(
  db: Db, id: string, revision: number, set: Pick<ScreeningRow, 'outcome' | 'reason' | 'rules_json' | 'decided_by' | 'decided_at' | 'released_at'>,
): Promise<boolean> {
  const r = await db
    .updateTable('screenings')
    .set({ ...set, updated_at: set.decided_at!, revision: revision + 1 })
    .where('id', '=', id).where('outcome', 'is', null).where('revision', '=', revision)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Failed screenings of a program not yet released to their applicants, narrowed to a track or some ids. */
export async function listUnreleasedFailures(db: Db, programId: string, scope: { trackId?: string; applicationIds?: string[] }) {
  let q = db
    .selectFrom('screenings')
    .innerJoin('applications', 'applications.id', 'screenings.application_id')
    .select(['screenings.id', 'screenings.application_id', 'screenings.reason', 'screenings.rules_json', 'applications.track_id', 'applications.number', 'applications.applicant_user_id'])
    .where('applications.program_id', '=', programId)
    .where('screenings.outcome', '=', 'fail')
    .where('screenings.released_at', 'is', null);
  if (scope.trackId) q = q.where('applications.track_id', '=', scope.trackId);
  if (scope.applicationIds) q = q.where('applications.id', 'in', scope.applicationIds);
  return q.orderBy('applications.number').execute();
}

export async function markReleased(db: Db, ids: string[], now: number): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db.updateTable('screenings').set({ released_at: now, updated_at: now }).where('id', 'in', ids).where('released_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export type QueueFilter = { programId: string; trackId: string; statuses: string[] | null; region?: string; terms: string[] };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function queue(db: Db, f: QueueFilter) {
  // The screening of the application's latest submitted version (version 0 if none was kept).
  const latest = sql<number>`coalesce((select max(v.version_no) from application_versions v where v.application_id = applications.id), 0)`;
  let q = db
    .selectFrom('applications')
    .innerJoin('organizations', 'organizations.id', 'applications.organization_id')
    .leftJoin('screenings', (j) => j.onRef('screenings.application_id', '=', 'applications.id').on('screenings.version_no', '=', latest))
    .where('applications.program_id', '=', f.programId)
    .where('applications.track_id', '=', f.trackId)
    .where('applications.status', '!=', 'draft');
  if (f.statuses) q = q.where('applications.status', 'in', f.statuses);
  if (f.region) q = q.where('applications.region_code', 'like', `${escapeLike(f.region)}%`);
  for (const t of f.terms) q = q.where(sql<boolean>`applications.search_text like ${`%${escapeLike(t)}%`} escape '\\'`);
  return q;
}

export async function queryQueue(db: Db, f: QueueFilter, page: { offset: number; limit: number }) {
  const total = await queue(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await queue(db, f)
    .select([
      'applications.id', 'applications.number', 'applications.status', 'applications.submitted_at', 'applications.revision',
      'applications.region_code', 'applications.answers_json', 'applications.form_version',
      'organizations.name as organization_name', 'organizations.credit_code', 'organizations.region_code as org_region_code', 'organizations.kind as org_kind',
      'screenings.checklist_json', 'screenings.outcome', 'screenings.released_at',
    ])
    // First come, first screened.
    .orderBy('applications.submitted_at').orderBy('applications.number')
    .offset(page.offset).limit(page.limit)
    .execute();
  return { total: Number(total.n), rows };
}

export async function userNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
