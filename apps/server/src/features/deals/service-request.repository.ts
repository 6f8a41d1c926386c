import type { Db } from '../../db/database.ts';
import type { MatchProfilesTable, ServiceRequestsTable, ServiceRoutesTable } from '../../db/schema.ts';

// SQL of IP service requests, their routes to providers, and the providers' profiles
// (match_profiles of kind service_provider).

export type ServiceRequestRow = ServiceRequestsTable;
export type ServiceRouteRow = ServiceRoutesTable;
export type ProviderRow = MatchProfilesTable;

export const insertServiceRequest = (db: Db, row: ServiceRequestRow) => db.insertInto('service_requests').values(row).execute();
export const insertRoutes = async (db: Db, rows: ServiceRouteRow[]) => {
  if (rows.length) await db.insertInto('service_routes').values(rows).execute();
};
export const findServiceRequest = (db: Db, id: string) => db.selectFrom('service_requests').selectAll().where('id', '=', id).executeTakeFirst();
export const routesOf = (db: Db, ids: string[]) =>
  ids.length ? db.selectFrom('service_routes').selectAll().where('request_id', 'in', ids).orderBy('org_name').execute() : Promise.resolve([] as ServiceRouteRow[]);

export const requestsOfRequester = (db: Db, userId: string) =>
  db.selectFrom('service_requests').selectAll().where('requester_user_id', '=', userId).orderBy('created_at', 'desc').execute();
export const requestsRoutedTo = (db: Db, userId: string) =>
  db.selectFrom('service_requests').selectAll().where('id', 'in', db.selectFrom('service_routes').select('request_id').where('provider_user_id', '=', userId)).orderBy('created_at', 'desc').execute();
export const allServiceRequests = (db: Db) => db.selectFrom('service_requests').selectAll().orderBy('created_at', 'desc').execute();

export async function setRequestStatus(db: Db, id: string, from: string[], set: Pick<ServiceRequestRow, 'status' | 'updated_at'> & Partial<Pick<ServiceRequestRow, 'provider_user_id'>>): Promise<boolean> {
  const r = await db.updateTable('service_requests').set(set).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setRoute(db: Db, requestId: string, providerUserId: string, set: Pick<ServiceRouteRow, 'answer' | 'note' | 'answered_at'>): Promise<void> {
  await db.updateTable('service_routes').set(set).where('request_id', '=', requestId).where('provider_user_id', '=', providerUserId).execute();
}

/** The other providers' routes close once one accepts. */
export async function closeOtherRoutes(db: Db, requestId: string, providerUserId: string, now: number): Promise<void> {
  await db.updateTable('service_routes').set({ answer: 'closed', answered_at: now }).where('request_id', '=', requestId).where('provider_user_id', '!=', providerUserId).where('answer', '=', 'pending').execute();
}

export const approvedProviders = (db: Db) =>
  db.selectFrom('match_profiles as m').innerJoin('users as u', 'u.id', 'm.user_id').selectAll('m').select(['u.email', 'u.display_name'])
    .where('m.kind', '=', 'service_provider').where('m.status', '=', 'approved').orderBy('m.created_at').execute();

export const providerProfiles = (db: Db, status?: string) => {
  let q = db.selectFrom('match_profiles').selectAll().where('kind', '=', 'service_provider');
  if (status) q = q.where('status', '=', status);
  return q.orderBy('created_at').execute();
};
export const providerOfUser = (db: Db, userId: string) =>
  db.selectFrom('match_profiles').selectAll().where('kind', '=', 'service_provider').where('user_id', '=', userId).executeTakeFirst();
export const findProvider = (db: Db, id: string) =>
  db.selectFrom('match_profiles').selectAll().where('kind', '=', 'service_provider').where('id', '=', id).executeTakeFirst();
export const insertProvider = (db: Db, row: ProviderRow) => db.insertInto('match_profiles').values(row).execute();
export async function updateProvider(db: Db, id: string, set: Partial<Pick<ProviderRow, 'org_name' | 'fields_json' | 'status' | 'review_note' | 'updated_at'>>): Promise<void> {
  await db.updateTable('match_profiles').set(set).where('id', '=', id).execute();
}
