import type { Db } from '../../db/database.ts';
import type { ProgramsTable } from '../../db/schema.ts';

export const listPublicPrograms = (db: Db) =>
  db.selectFrom('programs').selectAll().where('status', '!=', 'draft').orderBy('year', 'desc').orderBy('name').execute();

export const findProgramBySlug = (db: Db, slug: string) => db.selectFrom('programs').selectAll().where('slug', '=', slug).executeTakeFirst();

export async function insertProgram(db: Db, row: ProgramsTable): Promise<void> {
  await db.insertInto('programs').values(row).execute();
}
