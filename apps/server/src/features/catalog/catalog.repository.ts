import type { Db } from '../../db/database.ts';
import type { CatalogEntriesTable, CatalogEventsTable, CatalogVersionsTable } from '../../db/schema.ts';

// The catalog's SQL: entries, their versions and events, the search generation, and the
// published programs whose winners become entries.

export type CatalogEntryRow = Omit<CatalogEntriesTable, 'public_seq'> & { public_seq: number };
export type CatalogVersionRow = CatalogVersionsTable;
export type CatalogEventRow = CatalogEventsTable;

/** The generation the public catalog is at (one primary-key read: the search's cheap check). */
export async function catalogGeneration(db: Db): Promise<number> {
  const row = await db.selectFrom('catalog_generation').select('generation').where('id', '=', 1).executeTakeFirst();
  return Number(row?.generation ?? 0);
}

/**
 * Takes the next generation for a change the public can see and stamps the entry with it, in
 * the change's transaction. The UPDATE locks the row until commit, so numbers follow commits.
 */
export async function bumpPublic(trx: Db, entryId: string): Promise<number> {
  const row = await trx.updateTable('catalog_generation').set((eb) => ({ generation: eb('generation', '+', 1) })).where('id', '=', 1).returning('generation').executeTakeFirstOrThrow();
  const generation = Number(row.generation);
  await trx.updateTable('catalog_entries').set({ public_seq: generation }).where('id', '=', entryId).execute();
  return generation;
}

/** Entries whose public view changed after `since`, with what the index needs (their shown version's fields). */
export const publicChangesSince = (db: Db, since: number) =>
  db
    .selectFrom('catalog_entries as e')
    .innerJoin('organizations as o', 'o.id', 'e.organization_id')
    .leftJoin('catalog_versions as v', (j) => j.onRef('v.entry_id', '=', 'e.id').onRef('v.version', '=', 'e.published_version'))
    .select(['e.id', 'e.status', 'e.public_seq', 'e.program_id', 'v.fields_json', 'v.reviewed_at', 'o.name as org_name', 'o.region_code'])
    .where('e.public_seq', '>', since)
    .execute();
export type PublicChangeRow = Awaited<ReturnType<typeof publicChangesSince>>[number];

export const findEntry = (db: Db, id: string) => db.selectFrom('catalog_entries').selectAll().where('id', '=', id).executeTakeFirst() as Promise<CatalogEntryRow | undefined>;

export const entryWithOrg = (db: Db, id: string) =>
  db
    .selectFrom('catalog_entries as e')
    .innerJoin('organizations as o', 'o.id', 'e.organization_id')
    .leftJoin('programs as p', 'p.id', 'e.program_id')
    .selectAll('e')
    .select(['o.name as org_name', 'o.region_code', 'p.name as program_name', 'p.definition_json'])
    .where('e.id', '=', id)
    .executeTakeFirst();

export const versionsOf = (db: Db, entryId: string) =>
  db.selectFrom('catalog_versions').selectAll().where('entry_id', '=', entryId).orderBy('version').execute();

export const findVersion = (db: Db, entryId: string, version: number) =>
  db.selectFrom('catalog_versions').selectAll().where('entry_id', '=', entryId).where('version', '=', version).executeTakeFirst();

export const eventsOf = (db: Db, entryId: string) =>
  db.selectFrom('catalog_events').selectAll().where('entry_id', '=', entryId).orderBy('at').orderBy('id').execute();

export async function insertEntry(db: Db, row: Omit<CatalogEntriesTable, 'public_seq'>): Promise<void> {
  await db.insertInto('catalog_entries').values(row).execute();
}

export async function insertVersion(db: Db, row: CatalogVersionRow): Promise<void> {
  await db.insertInto('catalog_versions').values(row).execute();
}

export async function insertEvent(db: Db, row: CatalogEventRow): Promise<void> {
  await db.insertInto('catalog_events').values(row).execute();
}

/** Moves the entry only if it is still in `from` (a concurrent change makes it 0 rows). */
export async function setEntryIfStatus(db: Db, id: string, from: string, set: Partial<Pick<CatalogEntriesTable, 'status' | 'status_reason' | 'published_version' | 'updated_at'>>): Promise<boolean> {
  const r = await db.updateTable('catalog_entries').set(set).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setVersionIfStatus(db: Db, entryId: string, version: number, from: string, set: Partial<Pick<CatalogVersionsTable, 'status' | 'reviewed_by' | 'reviewed_at' | 'review_note' | 'fields_json' | 'submitted_at' | 'submitted_by'>>): Promise<boolean> {
  const r = await db.updateTable('catalog_versions').set(set).where('entry_id', '=', entryId).where('version', '=', version).where('status', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** An earlier approved version stops being current once a newer one is approved. */
export async function supersedeApproved(db: Db, entryId: string, except: number): Promise<void> {
  await db.updateTable('catalog_versions').set({ status: 'superseded' }).where('entry_id', '=', entryId).where('status', '=', 'approved').where('version', '!=', except).execute();
}

/** The entries of a list: with the name of their latest version and the version waiting for review. */
export function entrySummaries(db: Db, where: { ownerUserId?: string; status?: string; pendingOnly?: boolean }) {
  let q = db
    .selectFrom('catalog_entries as e')
    .innerJoin('organizations as o', 'o.id', 'e.organization_id')
    .leftJoin('programs as p', 'p.id', 'e.program_id')
    .innerJoin('catalog_versions as v', (j) => j.onRef('v.entry_id', '=', 'e.id'))
    .where((eb) => eb('v.version', '=', eb.selectFrom('catalog_versions as w').select((x) => x.fn.max('w.version').as('m')).whereRef('w.entry_id', '=', 'e.id')))
    .select(['e.id', 'e.status', 'e.published_version', 'e.updated_at', 'o.name as org_name', 'p.name as program_name', 'v.fields_json', 'v.status as version_status', 'v.version'])
    .orderBy('e.updated_at', 'desc')
    .orderBy('e.id');
  if (where.ownerUserId) q = q.where('e.owner_user_id', '=', where.ownerUserId);
  if (where.status) q = q.where('e.status', '=', where.status);
  if (where.pendingOnly) q = q.where('v.status', '=', 'pending');
  return q.execute();
}

/** Programs whose results are published, with how many applications won and how many are entries. */
export const publishedPrograms = (db: Db) =>
  db
    .selectFrom('program_outcomes as po')
    .innerJoin('programs as p', 'p.id', 'po.program_id')
    .select((eb) => [
      'p.id', 'p.name', 'po.published_at',
      eb.selectFrom('applications as a').select((x) => x.fn.countAll<number>().as('n')).whereRef('a.program_id', '=', 'p.id').where('a.status', '=', 'awarded').as('awarded'),
      eb.selectFrom('catalog_entries as c').select((x) => x.fn.countAll<number>().as('n')).whereRef('c.program_id', '=', 'p.id').as('in_catalog'),
    ])
    .where('po.status', '=', 'published')
    .orderBy('po.published_at', 'desc')
    .execute();

/** A program's awarded applications (the winners and 入榜), with their owner and any entry already made. */
export const awardedApplications = (db: Db, programId: string) =>
  db
    .selectFrom('applications as a')
    .innerJoin('users as u', 'u.id', 'a.applicant_user_id')
    .leftJoin('catalog_entries as c', 'c.application_id', 'a.id')
    .select(['a.id', 'a.number', 'a.track_id', 'a.form_id', 'a.answers_json', 'a.organization_id', 'a.applicant_user_id', 'u.email', 'u.display_name', 'c.id as entry_id'])
    .where('a.program_id', '=', programId)
    .where('a.status', '=', 'awarded')
    .orderBy('a.number')
    .execute();

/** Every entry with its latest version, for the organizer's export. */
export const entriesForExport = (db: Db) =>
  db
    .selectFrom('catalog_entries as e')
    .innerJoin('organizations as o', 'o.id', 'e.organization_id')
    .leftJoin('programs as p', 'p.id', 'e.program_id')
    .innerJoin('catalog_versions as v', (j) => j.onRef('v.entry_id', '=', 'e.id'))
    .where((eb) => eb('v.version', '=', eb.selectFrom('catalog_versions as w').select((x) => x.fn.max('w.version').as('m')).whereRef('w.entry_id', '=', 'e.id')))
    .select(['e.id', 'e.status', 'e.status_reason', 'e.published_version', 'o.name as org_name', 'o.region_code', 'p.name as program_name', 'v.fields_json', 'v.version', 'v.status as version_status'])
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
