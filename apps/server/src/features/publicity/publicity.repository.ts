import type { Db } from '../../db/database.ts';
import type { ObjectionEventsTable, ObjectionFilesTable, ObjectionsTable, PublicitiesTable, PublicityItemsTable } from '../../db/schema.ts';

// 公示 and objections: the publicities with their snapshot lists, objections, their
// investigation events and files, and the holiday calendar's setting.

export type PublicityRow = PublicitiesTable;
export type PublicityItemRow = PublicityItemsTable;
export type ObjectionRow = ObjectionsTable;
export type ObjectionEventRow = Omit<ObjectionEventsTable, 'file_ids_json'> & { file_ids_json: string };
export type ObjectionFileRow = ObjectionFilesTable;

export const CALENDAR_KEY = 'holiday-calendar';

export async function putSetting(db: Db, key: string, value: string): Promise<void> {
  await db.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

export const listPublicities = (db: Db, programId: string) =>
  db.selectFrom('publicities').selectAll().where('program_id', '=', programId).orderBy('opened_at', 'desc').execute();

export const findPublicity = (db: Db, programId: string, id: string) =>
  db.selectFrom('publicities').selectAll().where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();

export const findPublicityById = (db: Db, id: string) => db.selectFrom('publicities').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertPublicity(db: Db, row: PublicityRow, items: PublicityItemRow[]): Promise<void> {
  await db.insertInto('publicities').values(row).execute();
  for (let i = 0; i < items.length; i += 200) await db.insertInto('publicity_items').values(items.slice(i, i + 200)).execute();
}

/** Closes it only once (two clicks: one wins). */
export async function closePublicityIfOpen(db: Db, id: string, now: number): Promise<boolean> {
  const r = await db.updateTable('publicities').set({ closed_at: now }).where('id', '=', id).where('closed_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const itemsOf = (db: Db, publicityIds: string[]) =>
  publicityIds.length ? db.selectFrom('publicity_items').selectAll().where('publicity_id', 'in', publicityIds).orderBy('publicity_id').orderBy('position').execute() : Promise.resolve([]);

export const findItem = (db: Db, publicityId: string, applicationId: string) =>
  db.selectFrom('publicity_items').selectAll().where('publicity_id', '=', publicityId).where('application_id', '=', applicationId).executeTakeFirst();

export async function updateItem(db: Db, publicityId: string, applicationId: string, set: Partial<Pick<PublicityItemRow, 'removed_at' | 'tier_id'>>): Promise<void> {
  await db.updateTable('publicity_items').set(set).where('publicity_id', '=', publicityId).where('application_id', '=', applicationId).execute();
}

/** What a list is made from: the applications with their organization and recommending unit (the endorsing one, else the one named). */
export const applicationsForList = (db: Db, programId: string, opts: { ids?: string[]; statuses?: string[] }) => {
  let q = db
    .selectFrom('applications')
    .innerJoin('organizations', 'organizations.id', 'applications.organization_id')
    .leftJoin('nominations', (j) => j.onRef('nominations.application_id', '=', 'applications.id').on('nominations.status', '=', 'endorsed'))
    .leftJoin('recommending_units as endorsing', 'endorsing.id', 'nominations.unit_id')
    .leftJoin('recommending_units as named', 'named.id', 'applications.unit_id')
    .select([
      'applications.id', 'applications.number', 'applications.track_id', 'applications.form_id', 'applications.answers_json', 'applications.status',
      'organizations.name as org_name', 'endorsing.name as endorsing_unit', 'named.name as named_unit',
    ])
    .where('applications.program_id', '=', programId);
  if (opts.ids) q = q.where('applications.id', 'in', opts.ids.length ? opts.ids : ['']);
  if (opts.statuses) q = q.where('applications.status', 'in', opts.statuses);
  return q.orderBy('applications.track_id').orderBy('applications.number').execute();
};

export async function insertObjection(db: Db, row: ObjectionRow): Promise<void> {
  await db.insertInto('objections').values(row).execute();
}

export const findObjection = (db: Db, programId: string, id: string) =>
  db.selectFrom('objections').selectAll().where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();

export const findObjectionById = (db: Db, id: string) => db.selectFrom('objections').selectAll().where('id', '=', id).executeTakeFirst();

export const findObjectionByReceipt = (db: Db, receiptNo: string) => db.selectFrom('objections').selectAll().where('receipt_no', '=', receiptNo).executeTakeFirst();

export const listObjections = (db: Db, programId: string, publicityId?: string) => {
  let q = db.selectFrom('objections').selectAll().where('program_id', '=', programId);
  if (publicityId) q = q.where('publicity_id', '=', publicityId);
  return q.orderBy('created_at').execute();
};

export const objectionsOfApplication = (db: Db, applicationId: string) =>
  db.selectFrom('objections').selectAll().where('application_id', '=', applicationId).orderBy('created_at').execute();

export async function countObjectionsFrom(db: Db, ip: string, since: number): Promise<number> {
  const r = await db.selectFrom('objections').select((eb) => eb.fn.countAll<number>().as('n')).where('ip', '=', ip).where('created_at', '>=', since).executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function updateObjection(db: Db, id: string, set: Partial<Omit<ObjectionRow, 'id' | 'receipt_no' | 'program_id'>>, onlyIfStatusNot?: string): Promise<boolean> {
  let q = db.updateTable('objections').set(set).where('id', '=', id);
  if (onlyIfStatusNot) q = q.where('status', '!=', onlyIfStatusNot);
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
}

export async function insertObjectionEvent(db: Db, row: ObjectionEventRow): Promise<void> {
  await db.insertInto('objection_events').values(row).execute();
}

export const eventsOf = (db: Db, objectionIds: string[]) =>
  objectionIds.length
    ? db.selectFrom('objection_events').leftJoin('users', 'users.id', 'objection_events.created_by')
      .select(['objection_events.id', 'objection_events.objection_id', 'objection_events.kind', 'objection_events.body', 'objection_events.file_ids_json', 'objection_events.created_at', 'objection_events.created_by', 'users.display_name as by_name'])
      .where('objection_id', 'in', objectionIds).orderBy('objection_events.created_at').orderBy('objection_events.id').execute()
    : Promise.resolve([]);

export async function insertObjectionFile(db: Db, row: ObjectionFileRow): Promise<void> {
  await db.insertInto('objection_files').values(row).execute();
}

export const objectionFiles = (db: Db, ids: string[]) =>
  ids.length ? db.selectFrom('objection_files').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);

export const findObjectionFile = (db: Db, id: string) => db.selectFrom('objection_files').selectAll().where('id', '=', id).executeTakeFirst();

/** Gives unclaimed evidence to the objection naming it; returns how many were claimed. */
export async function claimEvidence(db: Db, programId: string, objectionId: string, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const r = await db.updateTable('objection_files').set({ objection_id: objectionId })
    .where('id', 'in', ids).where('program_id', '=', programId).where('purpose', '=', 'evidence').where('objection_id', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function countUploadsFrom(db: Db, ip: string, since: number): Promise<number> {
  const r = await db.selectFrom('objection_files').select((eb) => eb.fn.countAll<number>().as('n')).where('ip', '=', ip).where('created_at', '>=', since).executeTakeFirst();
  return Number(r?.n ?? 0);
}
