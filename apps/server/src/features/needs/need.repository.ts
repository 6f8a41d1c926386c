import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { TechNeedsTable } from '../../db/schema.ts';

// 技术需求 (tech_needs): the poster's rows, the catalog organizer's queue, the public list with its
// filters, and the link to the 揭榜挂帅 track a need became. Status changes are conditional on the
// status they start from, so two clicks (or two organizers) cannot both win.

export type NeedRow = Selectable<TechNeedsTable>;
export type NeedWithOrg = NeedRow & { org_name: string; program_slug: string | null; program_name: string | null };

const withOrg = (db: Db) =>
  db.selectFrom('tech_needs')
    .innerJoin('organizations', 'organizations.id', 'tech_needs.organization_id')
    .leftJoin('programs', 'programs.id', 'tech_needs.program_id')
    .selectAll('tech_needs')
    .select(['organizations.name as org_name', 'programs.slug as program_slug', 'programs.name as program_name']);

export const findNeed = (db: Db, id: string): Promise<NeedWithOrg | undefined> => withOrg(db).where('tech_needs.id', '=', id).executeTakeFirst();

export const needsOfPoster = (db: Db, userId: string): Promise<NeedWithOrg[]> =>
  withOrg(db).where('tech_needs.poster_user_id', '=', userId).orderBy('tech_needs.updated_at', 'desc').execute();

export const needsWithStatus = (db: Db, status: string): Promise<NeedWithOrg[]> =>
  withOrg(db).where('tech_needs.status', '=', status).orderBy('tech_needs.updated_at', 'asc').execute();

export const needsByIds = (db: Db, ids: string[]): Promise<NeedWithOrg[]> => (ids.length ? withOrg(db).where('tech_needs.id', 'in', ids).execute() : Promise.resolve([]));

export const needsOfProgram = (db: Db, programId: string) =>
  db.selectFrom('tech_needs').select(['id', 'track_id', 'poster_user_id']).where('program_id', '=', programId).execute();

export async function insertNeed(db: Db, row: Insertable<TechNeedsTable>): Promise<void> {
  await db.insertInto('tech_needs').values(row).execute();
}

/** Changes a need only while it is in one of `from`; false when someone else moved it first. */
export async function updateNeedIf(db: Db, id: string, from: string[], set: Updateable<TechNeedsTable>): Promise<boolean> {
  const r = await db.updateTable('tech_needs').set(set).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Links a published need to its track, once: a need is one track of one program. */
export async function linkNeedToTrack(db: Db, id: string, programId: string, trackId: string, now: number): Promise<boolean> {
  const r = await db.updateTable('tech_needs').set({ program_id: programId, track_id: trackId, updated_at: now })
    .where('id', '=', id).where('status', '=', 'published').where('program_id', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export type PublicNeedFilter = { fieldId?: string; /** Digits only (a validated region code's prefix). */ regionPrefix?: string; funded?: boolean; state?: 'open' | 'closed'; q?: string; today: string; limit: number; offset: number };

/**
 * Published and closed needs, newest first. "Open" is published with its deadline today or later
 * (dates compare as text: YYYY-MM-DD); "closed" is closed by the poster or past its deadline.
 */
export async function listPublicNeeds(db: Db, f: PublicNeedFilter): Promise<{ total: number; rows: NeedWithOrg[] }> {
  let q = withOrg(db).where('tech_needs.status', 'in', ['published', 'closed']);
  if (f.fieldId) q = q.where('tech_needs.field_id', '=', f.fieldId);
  if (f.regionPrefix) q = q.where('tech_needs.region_code', 'like', `${f.regionPrefix}%`);
  if (f.funded !== undefined) q = q.where('tech_needs.funded', '=', f.funded ? 1 : 0);
  if (f.state === 'open') q = q.where('tech_needs.status', '=', 'published').where('tech_needs.deadline', '>=', f.today);
  if (f.state === 'closed') q = q.where((eb) => eb.or([eb('tech_needs.status', '=', 'closed'), eb('tech_needs.deadline', '<', f.today)]));
  let all = await q.orderBy('tech_needs.published_at', 'desc').orderBy('tech_needs.id').execute();
  // Text search reads only the public fields (never fields_json as a whole: the contact is in it).
  if (f.q) {
    const term = f.q.toLowerCase();
    all = all.filter((r) => {
      const fields = JSON.parse(r.fields_json) as { problem: string; description: string };
      return `${fields.problem}\n${fields.description}\n${r.org_name}`.toLowerCase().includes(term);
    });
  }
  return { total: all.length, rows: all.slice(f.offset, f.offset + f.limit) };
}

/** Who holds a role platform-wide (programId null) or on one program: whom to tell. */
export async function holdersOf(db: Db, role: string, programId: string | null): Promise<{ id: string; email: string }[]> {
  let q = db.selectFrom('grants').innerJoin('users', 'users.id', 'grants.user_id').select(['users.id', 'users.email']).where('grants.role', '=', role).where('users.disabled', '=', 0);
  q = programId === null ? q.where('grants.program_id', 'is', null) : q.where('grants.program_id', '=', programId);
  return q.distinct().execute();
}
