import type { Db } from '../../db/database.ts';
import type { MatchInterestsTable, MatchProfilesTable } from '../../db/schema.ts';

// 供需匹配's SQL: profiles, the published side of the catalog and of needs (read here directly,
// the catalog's and needs' own features write them), interests per pair and introductions.
// Status changes are conditional on the state they start from, so two clicks cannot both win.

export type ProfileRow = MatchProfilesTable;
export type ProfileWithUser = ProfileRow & { display_name: string; email: string };
export type InterestRow = MatchInterestsTable;

const profiles = (db: Db) =>
  db.selectFrom('match_profiles').innerJoin('users', 'users.id', 'match_profiles.user_id')
    .selectAll('match_profiles').select(['users.display_name', 'users.email']);

export const findProfile = (db: Db, id: string): Promise<ProfileWithUser | undefined> => profiles(db).where('match_profiles.id', '=', id).executeTakeFirst();
export const findProfileOf = (db: Db, userId: string, kind: string) =>
  db.selectFrom('match_profiles').selectAll().where('user_id', '=', userId).where('kind', '=', kind).executeTakeFirst();
export const profilesOf = (db: Db, userId: string): Promise<ProfileWithUser[]> =>
  profiles(db).where('match_profiles.user_id', '=', userId).orderBy('match_profiles.kind').execute();

export function listProfiles(db: Db, q: { status?: string; kind?: string }): Promise<ProfileWithUser[]> {
  let query = profiles(db);
  if (q.status) query = query.where('match_profiles.status', '=', q.status);
  if (q.kind) query = query.where('match_profiles.kind', '=', q.kind);
  return query.orderBy('match_profiles.updated_at', 'asc').orderBy('match_profiles.id').execute();
}

export const approvedProfiles = (db: Db, kinds: readonly string[]) =>
  db.selectFrom('match_profiles').selectAll().where('status', '=', 'approved').where('kind', 'in', [...kinds]).execute();

export async function insertProfile(db: Db, row: ProfileRow): Promise<void> {
  await db.insertInto('match_profiles').values(row).execute();
}

export async function updateProfileIf(db: Db, id: string, from: readonly string[], set: Partial<ProfileRow>): Promise<boolean> {
  const r = await db.updateTable('match_profiles').set(set).where('id', '=', id).where('status', 'in', [...from]).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The catalog organizers, who review profiles. */
export const catalogOrganizerIds = async (db: Db): Promise<string[]> =>
  (await db.selectFrom('grants').select('user_id').distinct().where('role', '=', 'catalog_organizer').execute()).map((r) => r.user_id);

// —— the catalog's entries and the needs, as matching reads them ——

export type EntryRow = {
  id: string; status: string; owner_user_id: string; organization_id: string; published_version: number | null;
  org_name: string; region_code: string; contact_name: string; contact_phone: string; contact_email: string; fields_json: string | null;
};

/** Entries with their owner organization and, when published, the approved version shown. */
const entries = (db: Db) =>
  db.selectFrom('catalog_entries')
    .innerJoin('organizations', 'organizations.id', 'catalog_entries.organization_id')
    .leftJoin('catalog_versions', (j) => j.onRef('catalog_versions.entry_id', '=', 'catalog_entries.id').onRef('catalog_versions.version', '=', 'catalog_entries.published_version'))
    .select([
      'catalog_entries.id', 'catalog_entries.status', 'catalog_entries.owner_user_id', 'catalog_entries.organization_id', 'catalog_entries.published_version',
      'organizations.name as org_name', 'organizations.region_code', 'organizations.contact_name', 'organizations.contact_phone', 'organizations.contact_email',
      'catalog_versions.fields_json',
    ]);

export const findEntry = (db: Db, id: string): Promise<EntryRow | undefined> => entries(db).where('catalog_entries.id', '=', id).executeTakeFirst();
export const publishedEntries = (db: Db): Promise<EntryRow[]> =>
  entries(db).where('catalog_entries.status', '=', 'published').where('catalog_entries.published_version', 'is not', null).orderBy('catalog_entries.id').execute();
export const entriesByIds = (db: Db, ids: string[]): Promise<EntryRow[]> => (ids.length ? entries(db).where('catalog_entries.id', 'in', ids).execute() : Promise.resolve([]));
export const entriesOwnedBy = (db: Db, userId: string): Promise<EntryRow[]> =>
  entries(db).where('catalog_entries.owner_user_id', '=', userId).orderBy('catalog_entries.created_at').execute();

export type NeedRow = { id: string; status: string; poster_user_id: string; fields_json: string; org_name: string; region_code: string };
const needs = (db: Db) =>
  db.selectFrom('tech_needs').innerJoin('organizations', 'organizations.id', 'tech_needs.organization_id')
    .select(['tech_needs.id', 'tech_needs.status', 'tech_needs.poster_user_id', 'tech_needs.fields_json', 'organizations.name as org_name', 'organizations.region_code']);
export const findNeed = (db: Db, id: string): Promise<NeedRow | undefined> => needs(db).where('tech_needs.id', '=', id).executeTakeFirst();
export const publishedNeeds = (db: Db): Promise<NeedRow[]> => needs(db).where('tech_needs.status', '=', 'published').orderBy('tech_needs.id').execute();
export const needsByIds = (db: Db, ids: string[]): Promise<NeedRow[]> => (ids.length ? needs(db).where('tech_needs.id', 'in', ids).execute() : Promise.resolve([]));
export const needsPostedBy = (db: Db, userId: string): Promise<NeedRow[]> => needs(db).where('tech_needs.poster_user_id', '=', userId).orderBy('tech_needs.created_at').execute();
export const profilesByIds = (db: Db, ids: string[]) => (ids.length ? db.selectFrom('match_profiles').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]));

// —— interests and introductions ——

export const findPair = (db: Db, entryId: string, type: string, counterpartId: string) =>
  db.selectFrom('match_interests').selectAll().where('entry_id', '=', entryId).where('counterpart_type', '=', type).where('counterpart_id', '=', counterpartId).executeTakeFirst();

/** The pair's row, created when it is the first interest (a concurrent first is absorbed by the unique index). */
export async function ensurePair(db: Db, row: InterestRow): Promise<InterestRow> {
  await db.insertInto('match_interests').values(row).onConflict((oc) => oc.columns(['entry_id', 'counterpart_type', 'counterpart_id']).doNothing()).execute();
  return (await findPair(db, row.entry_id, row.counterpart_type, row.counterpart_id))!;
}

/** Sets or clears one side's interest, only from the opposite state; false when it already was. */
export async function setSideIf(db: Db, id: string, side: 'technology' | 'counterpart', userId: string | null, at: number | null, now: number): Promise<boolean> {
  const col = side === 'technology' ? 'technology_at' : 'counterpart_at';
  const set = side === 'technology' ? { technology_at: at, technology_user_id: userId, updated_at: now } : { counterpart_at: at, counterpart_user_id: userId, updated_at: now };
  const r = await db.updateTable('match_interests').set(set).where('id', '=', id).where(col, at === null ? 'is not' : 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const findPairById = (db: Db, id: string) => db.selectFrom('match_interests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

export const pairsOfEntries = (db: Db, entryIds: string[]): Promise<InterestRow[]> =>
  entryIds.length ? db.selectFrom('match_interests').selectAll().where('entry_id', 'in', entryIds).execute() : Promise.resolve([]);
export const pairsOfCounterparts = (db: Db, type: string, ids: string[]): Promise<InterestRow[]> =>
  ids.length ? db.selectFrom('match_interests').selectAll().where('counterpart_type', '=', type).where('counterpart_id', 'in', ids).execute() : Promise.resolve([]);
export const allPairs = (db: Db): Promise<InterestRow[]> => db.selectFrom('match_interests').selectAll().orderBy('updated_at', 'desc').execute();

export const openIntroduction = (db: Db, interestId: string) =>
  db.selectFrom('match_introductions').selectAll().where('interest_id', '=', interestId).where('ended_at', 'is', null).executeTakeFirst();

export async function insertIntroduction(db: Db, row: { id: string; interest_id: string; introduced_at: number }): Promise<void> {
  await db.insertInto('match_introductions').values({ ...row, ended_at: null, ended_by: null }).execute();
}
export async function endIntroduction(db: Db, interestId: string, by: string, now: number): Promise<void> {
  await db.updateTable('match_introductions').set({ ended_at: now, ended_by: by }).where('interest_id', '=', interestId).where('ended_at', 'is', null).execute();
}
