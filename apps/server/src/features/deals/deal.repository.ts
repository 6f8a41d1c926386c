import type { Db } from '../../db/database.ts';
import type { DealsTable } from '../../db/schema.ts';

// SQL of deals, and the few reads of the catalog and meetings a deal is checked against.

export type DealRow = DealsTable;

export const insertDeal = (db: Db, row: DealRow) => db.insertInto('deals').values(row).execute();
export const findDeal = (db: Db, id: string) => db.selectFrom('deals').selectAll().where('id', '=', id).executeTakeFirst();
export const dealsOfUser = (db: Db, userId: string) =>
  db.selectFrom('deals').selectAll().where((eb) => eb.or([eb('recorded_by', '=', userId), eb('counterpart_user_id', '=', userId)])).orderBy('created_at', 'desc').execute();
export const allDeals = (db: Db) => db.selectFrom('deals').selectAll().orderBy('created_at', 'desc').execute();

/** Confirms or declines a pending deal; false when it is no longer pending. */
export async function answerDeal(db: Db, id: string, set: Pick<DealRow, 'status' | 'response_note' | 'confirmed_at' | 'commission_fen' | 'commission_json' | 'updated_at'>): Promise<boolean> {
  const r = await db.updateTable('deals').set(set).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const findCatalogEntry = (db: Db, id: string) =>
  db.selectFrom('catalog_entries').select(['id', 'owner_user_id', 'status', 'program_id', 'organization_id']).where('id', '=', id).executeTakeFirst();

/** The technology names shown for entries: the published version's, else the latest version's. */
export async function entryNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!ids.length) return out;
  const rows = await db.selectFrom('catalog_versions as v').innerJoin('catalog_entries as e', 'e.id', 'v.entry_id')
    .select(['v.entry_id', 'v.version', 'v.fields_json', 'e.published_version']).where('v.entry_id', 'in', ids).orderBy('v.version').execute();
  for (const r of rows) {
    if (out.has(r.entry_id) && r.version !== r.published_version) continue;
    const name = (JSON.parse(r.fields_json) as { name?: unknown }).name;
    if (typeof name === 'string') out.set(r.entry_id, name);
  }
  return out;
}

export const ownsCatalogEntry = async (db: Db, userId: string) =>
  !!(await db.selectFrom('catalog_entries').select('id').where('owner_user_id', '=', userId).limit(1).executeTakeFirst());

export const inSomeMeeting = async (db: Db, userId: string) =>
  !!(await db.selectFrom('meeting_participants').select('event_id').where('user_id', '=', userId).limit(1).executeTakeFirst());

export const findMeetingRequest = (db: Db, id: string) =>
  db.selectFrom('meeting_requests').select(['id', 'from_user_id', 'to_user_id', 'status', 'catalog_entry_id']).where('id', '=', id).executeTakeFirst();

/** Accepted meeting requests of the user, with the other side's organization: whom they may record a deal with. */
export async function acceptedMeetingsOf(db: Db, userId: string) {
  const rows = await db.selectFrom('meeting_requests').select(['id', 'event_id', 'from_user_id', 'to_user_id', 'catalog_entry_id']).where('status', '=', 'accepted')
    .where((eb) => eb.or([eb('from_user_id', '=', userId), eb('to_user_id', '=', userId)])).orderBy('created_at', 'desc').execute();
  const out = [];
  for (const r of rows) {
    const other = r.from_user_id === userId ? r.to_user_id : r.from_user_id;
    const p = await db.selectFrom('meeting_participants as p').innerJoin('users as u', 'u.id', 'p.user_id').select(['p.org_name', 'u.display_name'])
      .where('p.event_id', '=', r.event_id).where('p.user_id', '=', other).executeTakeFirst();
    out.push({ id: r.id, catalogEntryId: r.catalog_entry_id, userId: other, orgName: p?.org_name ?? '', name: p?.display_name ?? '' });
  }
  return out;
}

export const userNames = async (db: Db, ids: string[]) =>
  ids.length ? new Map((await db.selectFrom('users').select(['id', 'display_name', 'email']).where('id', 'in', [...new Set(ids)]).execute()).map((u) => [u.id, u])) : new Map<string, { id: string; display_name: string; email: string }>();

/** Writes a platform setting (the commission rules), replacing what was there. */
export async function putSetting(db: Db, key: string, value: string): Promise<void> {
  await db.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}
