import type { Db } from '../../db/database.ts';
import type { MeetingEventsTable, MeetingParticipantsTable, MeetingRequestsTable } from '../../db/schema.ts';

// SQL of 对接会: events, participants, requests; and who may be invited, read from the catalog's
// and the profiles' tables (owners of published entries, holders of approved profiles).

export type EventRow = MeetingEventsTable;
export type ParticipantRow = MeetingParticipantsTable;
export type RequestRow = MeetingRequestsTable;

export const insertEvent = (db: Db, row: EventRow) => db.insertInto('meeting_events').values(row).execute();
export const findEvent = (db: Db, id: string) => db.selectFrom('meeting_events').selectAll().where('id', '=', id).executeTakeFirst();
export const allEvents = (db: Db) => db.selectFrom('meeting_events').selectAll().orderBy('date', 'desc').orderBy('created_at', 'desc').execute();
export const eventsOfUser = (db: Db, userId: string) =>
  db.selectFrom('meeting_events').selectAll().where('id', 'in', db.selectFrom('meeting_participants').select('event_id').where('user_id', '=', userId))
    .orderBy('date', 'desc').orderBy('created_at', 'desc').execute();

export async function updateEvent(db: Db, id: string, set: Partial<Pick<EventRow, 'status' | 'report_json' | 'scheduled_at' | 'updated_at'>>): Promise<void> {
  await db.updateTable('meeting_events').set(set).where('id', '=', id).execute();
}

/** Participants, requests and scheduled counts per event, for the list. */
export async function eventCounts(db: Db, ids: string[]): Promise<Map<string, { participants: number; requests: number; scheduled: number }>> {
  const out = new Map<string, { participants: number; requests: number; scheduled: number }>();
  if (!ids.length) return out;
  for (const id of ids) out.set(id, { participants: 0, requests: 0, scheduled: 0 });
  const p = await db.selectFrom('meeting_participants').select(['event_id', (eb) => eb.fn.countAll<number>().as('n')]).where('event_id', 'in', ids).groupBy('event_id').execute();
  for (const r of p) out.get(r.event_id)!.participants = Number(r.n);
  const q = await db.selectFrom('meeting_requests')
    .select(['event_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('slot_index').as('placed')])
    .where('event_id', 'in', ids).where('status', '!=', 'withdrawn').groupBy('event_id').execute();
  for (const r of q) Object.assign(out.get(r.event_id)!, { requests: Number(r.n), scheduled: Number(r.placed) });
  return out;
}

export const participantsOf = (db: Db, eventId: string) =>
  db.selectFrom('meeting_participants as p').innerJoin('users as u', 'u.id', 'p.user_id')
    .selectAll('p').select(['u.display_name', 'u.email']).where('p.event_id', '=', eventId).orderBy('p.invited_at').orderBy('p.user_id').execute();
export type ParticipantWithUser = Awaited<ReturnType<typeof participantsOf>>[number];

export const findParticipant = (db: Db, eventId: string, userId: string) =>
  db.selectFrom('meeting_participants').selectAll().where('event_id', '=', eventId).where('user_id', '=', userId).executeTakeFirst();

/** Adds those not yet invited; returns the user ids actually added. */
export async function insertParticipants(db: Db, rows: ParticipantRow[]): Promise<string[]> {
  const added: string[] = [];
  for (const row of rows) {
    const r = await db.insertInto('meeting_participants').values(row).onConflict((oc) => oc.columns(['event_id', 'user_id']).doNothing()).returning('user_id').executeTakeFirst();
    if (r) added.push(row.user_id);
  }
  return added;
}

export async function setUnavailable(db: Db, eventId: string, userId: string, slots: number[]): Promise<void> {
  await db.updateTable('meeting_participants').set({ unavailable_json: JSON.stringify(slots) }).where('event_id', '=', eventId).where('user_id', '=', userId).execute();
}

export const requestsOf = (db: Db, eventId: string) =>
  db.selectFrom('meeting_requests').selectAll().where('event_id', '=', eventId).orderBy('created_at').orderBy('id').execute();

export const findRequest = (db: Db, id: string) => db.selectFrom('meeting_requests').selectAll().where('id', '=', id).executeTakeFirst();

/** A live request between the two, in either direction. */
/** The request one participant once sent another at an event, in any status (reopened rather than duplicated). */
export const requestFromTo = (db: Db, eventId: string, from: string, to: string) =>
  db.selectFrom('meeting_requests').select('id').where('event_id', '=', eventId).where('from_user_id', '=', from).where('to_user_id', '=', to).executeTakeFirst();

export const liveRequestBetween = (db: Db, eventId: string, a: string, b: string) =>
  db.selectFrom('meeting_requests').select(['id', 'status']).where('event_id', '=', eventId).where('status', 'in', ['pending', 'accepted'])
    .where((eb) => eb.or([eb.and([eb('from_user_id', '=', a), eb('to_user_id', '=', b)]), eb.and([eb('from_user_id', '=', b), eb('to_user_id', '=', a)])]))
    .executeTakeFirst();

export const insertRequest = (db: Db, row: RequestRow) => db.insertInto('meeting_requests').values(row).execute();

/** A declined or withdrawn request between the same two may be asked again: it becomes pending. */
export async function reopenRequest(db: Db, id: string, set: Pick<RequestRow, 'note' | 'catalog_entry_id' | 'created_at'>): Promise<boolean> {
  const r = await db.updateTable('meeting_requests').set({ ...set, status: 'pending', response_note: null, responded_at: null, slot_index: null, table_no: null, unscheduled_json: null })
    .where('id', '=', id).where('status', 'in', ['declined', 'withdrawn']).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Answers a pending request; false when it is no longer pending (someone answered first). */
export async function answerRequest(db: Db, id: string, status: 'accepted' | 'declined', note: string, now: number): Promise<boolean> {
  const r = await db.updateTable('meeting_requests').set({ status, response_note: note || null, responded_at: now }).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function placeRequest(db: Db, id: string, set: Pick<RequestRow, 'slot_index' | 'table_no' | 'unscheduled_json' | 'priority'>): Promise<void> {
  await db.updateTable('meeting_requests').set(set).where('id', '=', id).execute();
}

export async function setHeld(db: Db, id: string, held: boolean): Promise<void> {
  await db.updateTable('meeting_requests').set({ held: held ? 1 : 0 }).where('id', '=', id).execute();
}

/** Owners of published catalog entries, one row per entry, with the entry's shown name. */
export const catalogOwners = (db: Db) =>
  db.selectFrom('catalog_entries as e')
    .innerJoin('users as u', 'u.id', 'e.owner_user_id')
    .innerJoin('organizations as o', 'o.id', 'e.organization_id')
    .leftJoin('catalog_versions as v', (j) => j.onRef('v.entry_id', '=', 'e.id').onRef('v.version', '=', 'e.published_version'))
    .select(['e.id as entry_id', 'e.owner_user_id as user_id', 'u.display_name', 'u.email', 'o.name as org_name', 'v.fields_json'])
    .where('e.status', '=', 'published').orderBy('e.updated_at').execute();

/** Holders of approved matchmaking profiles (investor, bank, buyer, service provider). */
export const approvedProfiles = (db: Db) =>
  db.selectFrom('match_profiles as m').innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'm.kind', 'm.org_name', 'u.display_name', 'u.email'])
    .where('m.status', '=', 'approved').orderBy('m.created_at').execute();

export const usersByIds = async (db: Db, ids: string[]) =>
  ids.length ? new Map((await db.selectFrom('users').select(['id', 'display_name', 'email']).where('id', 'in', ids).execute()).map((u) => [u.id, u])) : new Map<string, { id: string; display_name: string; email: string }>();
