import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ApplicationEventsTable, ApplicationsTable } from '../../db/schema.ts';

export type ApplicationRow = ApplicationsTable;

export const findApplication = (db: Db, id: string) => db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();

/** An application without its answers, with its organization's name and code (for search text). */
export const findApplicationHead = (db: Db, id: string) =>
  db
    .selectFrom('applications')
    .innerJoin('organizations', 'organizations.id', 'applications.organization_id')
    .select([
      'applications.id', 'applications.number', 'applications.program_id', 'applications.track_id', 'applications.organization_id',
      'applications.applicant_user_id', 'applications.status', 'applications.form_id', 'applications.form_version', 'applications.revision',
      'organizations.name as organization_name', 'organizations.credit_code',
    ])
    .where('applications.id', '=', id)
    .executeTakeFirst();
export type ApplicationHead = NonNullable<Awaited<ReturnType<typeof findApplicationHead>>>;

export const findApplicationFor = (db: Db, programId: string, trackId: string, organizationId: string) =>
  db.selectFrom('applications').select('id').where('program_id', '=', programId).where('track_id', '=', trackId).where('organization_id', '=', organizationId).executeTakeFirst();

export async function insertApplication(db: Db, row: ApplicationRow): Promise<void> {
  await db.insertInto('applications').values(row).execute();
}

/**
 * Saves answers only if nobody saved since `baseRevision` and the application is still
 * editable: one statement, so two tabs racing cannot both win.
 */
export async function saveAnswersIfCurrent(
  db: Db, id: string, baseRevision: number, editable: string[], set: { answers_json: string; search_text: string; updated_at: number },
): Promise<boolean> {
  const r = await db
    .updateTable('applications')
    .set({ ...set, revision: sql<number>`revision + 1` })
    .where('id', '=', id).where('revision', '=', baseRevision).where('status', 'in', editable)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setStatusIfCurrent(
  db: Db, id: string, from: { revision?: number; statuses: string[] }, set: Partial<Pick<ApplicationRow, 'status' | 'submitted_at' | 'updated_at'>>,
): Promise<boolean> {
  let q = db.updateTable('applications').set({ ...set, revision: sql<number>`revision + 1` }).where('id', '=', id).where('status', 'in', from.statuses);
  if (from.revision !== undefined) q = q.where('revision', '=', from.revision);
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
}

export async function insertEvent(db: Db, e: ApplicationEventsTable): Promise<void> {
  await db.insertInto('application_events').values(e).execute();
}

export const listEvents = (db: Db, applicationId: string) =>
  db
    .selectFrom('application_events')
    .leftJoin('users', 'users.id', 'application_events.actor_id')
    .select(['application_events.at', 'application_events.status', 'application_events.note', 'users.display_name as actorName'])
    .where('application_id', '=', applicationId)
    .orderBy('application_events.at').orderBy('application_events.id')
    .execute();

const summaryColumns = [
  'applications.id', 'applications.number', 'applications.program_id', 'applications.track_id', 'applications.status',
  'applications.updated_at', 'applications.submitted_at', 'applications.region_code', 'organizations.name as organization_name',
  'organizations.credit_code', 'programs.name as program_name',
] as const;

export const listApplicationsOf = (db: Db, userId: string) =>
  db
    .selectFrom('applications')
    .innerJoin('organizations', 'organizations.id', 'applications.organization_id')
    .innerJoin('programs', 'programs.id', 'applications.program_id')
    .select(summaryColumns)
    .where('applications.applicant_user_id', '=', userId)
    .orderBy('applications.updated_at', 'desc')
    .execute();

export type ProgramApplicationFilter = {
  programId: string;
  /** null: every track; otherwise only these (track-scoped reviewers). */
  trackIds: string[] | null;
  trackId?: string;
  status?: string;
  region?: string;
  /** Lower-cased search terms, each of which must appear. */
  terms: string[];
  excludeDrafts?: boolean;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function filtered(db: Db, f: ProgramApplicationFilter) {
  let q = db
    .selectFrom('applications')
    .innerJoin('organizations', 'organizations.id', 'applications.organization_id')
    .innerJoin('programs', 'programs.id', 'applications.program_id')
    .where('applications.program_id', '=', f.programId);
  if (f.trackIds) q = q.where('applications.track_id', 'in', f.trackIds.length ? f.trackIds : ['']);
  if (f.trackId) q = q.where('applications.track_id', '=', f.trackId);
  if (f.excludeDrafts) q = q.where('applications.status', '!=', 'draft');
  if (f.status) q = q.where('applications.status', '=', f.status);
  if (f.region) q = q.where('applications.region_code', 'like', `${escapeLike(f.region)}%`);
  for (const t of f.terms) q = q.where(sql<boolean>`applications.search_text like ${`%${escapeLike(t)}%`} escape '\\'`);
  return q;
}

export async function queryProgramApplications(db: Db, f: ProgramApplicationFilter, page: { offset: number; limit: number }) {
  const total = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await filtered(db, f).select(summaryColumns).orderBy('applications.submitted_at', 'desc').orderBy('applications.number').offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}

/** For exports: rows in pages, never all at once. */
export async function* streamProgramApplications(db: Db, f: ProgramApplicationFilter, batch = 500) {
  for (let offset = 0; ; offset += batch) {
    const rows = await filtered(db, f)
      .select([...summaryColumns, 'applications.answers_json'])
      .orderBy('applications.track_id').orderBy('applications.number')
      .offset(offset).limit(batch).execute();
    yield* rows;
    if (rows.length < batch) return;
  }
}
