import { sql } from 'kysely';
import { statusesAllowing } from '@lvping/domain';
import type { Db } from '../../db/database.ts';
import type { ApplicationEventsTable, ApplicationsTable } from '../../db/schema.ts';
import { prepared } from '../../db/prepared.ts';

/** The statuses an applicant may still change answers in. */
const EDITABLE = statusesAllowing('submit');

export type ApplicationRow = ApplicationsTable;

export const findApplication = (db: Db, id: string) => db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();

const headColumns = [
  'applications.id', 'applications.number', 'applications.program_id', 'applications.track_id', 'applications.organization_id',
  'applications.applicant_user_id', 'applications.status', 'applications.form_id', 'applications.form_version', 'applications.revision',
  'organizations.name as organization_name', 'organizations.credit_code',
] as const;

// Compiled once (db/prepared.ts): every autosave and upload reads the head.
const applicationHead = prepared((db, a: { id: string }) =>
  db.selectFrom('applications').innerJoin('organizations', 'organizations.id', 'applications.organization_id').select(headColumns).where('applications.id', '=', a.id));

/** An application without its answers, with its organization's name and code (for search text). */
export const findApplicationHead = async (db: Db, id: string) => (await applicationHead(db, { id })).rows[0];

const applicationHeadWithFiles = prepared((db, a: { id: string }) =>
  db
    .selectFrom('applications')
    .innerJoin('organizations', 'organizations.id', 'applications.organization_id')
    .leftJoin('application_files', 'application_files.application_id', 'applications.id')
    .select([...headColumns, 'application_files.id as file_id'])
    .where('applications.id', '=', a.id));

/**
 * The head and the ids of the files uploaded to it, in one round trip (one row per file):
 * what an autosave reads before it writes.
 */
export async function findApplicationHeadWithFiles(db: Db, id: string) {
  const { rows } = await applicationHeadWithFiles(db, { id });
  if (rows.length === 0) return undefined;
  const { file_id: _f, ...head } = rows[0];
  return { head, fileIds: rows.flatMap((r) => (r.file_id === null ? [] : [r.file_id])) };
}

export type ApplicationHead = NonNullable<Awaited<ReturnType<typeof findApplicationHead>>>;

export const findApplicationFor = (db: Db, programId: string, trackId: string, organizationId: string) =>
  db.selectFrom('applications').select('id').where('program_id', '=', programId).where('track_id', '=', trackId).where('organization_id', '=', organizationId).executeTakeFirst();

/**
 * How many applications an organization has on a track and the highest slot taken. Read inside
 * the creating transaction after the program's number is taken (that write orders concurrent
 * creations); the unique (program, track, organization, slot) index refuses any that still race.
 */
export async function applicationSlotsOf(db: Db, programId: string, trackId: string, organizationId: string): Promise<{ count: number; maxSlot: number; firstId: string | null }> {
  const r = await db.selectFrom('applications')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('slot').as('max_slot'), eb.fn.min('id').as('first_id')])
    .where('program_id', '=', programId).where('track_id', '=', trackId).where('organization_id', '=', organizationId)
    .executeTakeFirstOrThrow();
  return { count: Number(r.n), maxSlot: Number(r.max_slot ?? 0), firstId: (r.first_id as string | null) ?? null };
}

export async function insertApplication(db: Db, row: ApplicationRow): Promise<void> {
  await db.insertInto('applications').values(row).execute();
}

const saveAnswers = prepared((db, a: { id: string; baseRevision: number; answers_json: string; search_text: string; updated_at: number }) =>
  db
    .updateTable('applications')
    .set({ answers_json: a.answers_json, search_text: a.search_text, updated_at: a.updated_at, revision: sql<number>`revision + 1` })
    .where('id', '=', a.id).where('revision', '=', a.baseRevision).where('status', 'in', EDITABLE));

/**
 * Saves answers only if nobody saved since `baseRevision` and the application is still
 * editable (a status that allows submit): one statement, so two tabs racing cannot both win.
 * Compiled once (db/prepared.ts): this is the autosave's write.
 */
export async function saveAnswersIfCurrent(
  db: Db, id: string, baseRevision: number, set: { answers_json: string; search_text: string; updated_at: number },
): Promise<boolean> {
  const r = await saveAnswers(db, { id, baseRevision, ...set });
  return Number(r.numAffectedRows) === 1;
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
    .select(['application_events.at', 'application_events.status', 'application_events.note', 'application_events.actor_id as actorId', 'users.display_name as actorName'])
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
  // Never submitted (a draft, or one withdrawn as a draft): the applicant's alone (application-access.ts isPrivateDraft).
  if (f.excludeDrafts) q = q.where('applications.status', '!=', 'draft').where((eb) => eb.or([eb('applications.status', '!=', 'withdrawn'), eb('applications.submitted_at', 'is not', null)]));
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
