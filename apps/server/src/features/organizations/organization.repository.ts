import type { Db } from '../../db/database.ts';
import type { Selectable } from 'kysely';
import type { OrganizationsTable } from '../../db/schema.ts';

/** A stored organization (ownership has a database default, so inserts may leave it out). */
export type OrganizationRow = Selectable<OrganizationsTable>;

export const findOrganizationById = (db: Db, id: string) => db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
export const findOrganizationByCreditCode = (db: Db, code: string) =>
  db.selectFrom('organizations').selectAll().where('credit_code', '=', code).executeTakeFirst();
export const listOrganizationsOf = (db: Db, userId: string) =>
  db.selectFrom('organizations').selectAll().where('owner_user_id', '=', userId).orderBy('created_at').execute();

export async function insertOrganization(db: Db, row: OrganizationRow): Promise<void> {
  await db.insertInto('organizations').values(row).execute();
}
