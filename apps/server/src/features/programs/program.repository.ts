import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { FormVersionsTable, ProgramsTable } from '../../db/schema.ts';

export type ProgramRow = ProgramsTable;

export const listPublicPrograms = (db: Db) =>
  db.selectFrom('programs').selectAll().where('status', '!=', 'draft').orderBy('year', 'desc').orderBy('name').execute();

export const listAllPrograms = (db: Db) => db.selectFrom('programs').selectAll().orderBy('year', 'desc').orderBy('name').execute();

export const findProgramBySlug = (db: Db, slug: string) => db.selectFrom('programs').selectAll().where('slug', '=', slug).executeTakeFirst();
export const findProgramById = (db: Db, id: string) => db.selectFrom('programs').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertProgram(db: Db, row: ProgramRow): Promise<void> {
  await db.insertInto('programs').values(row).execute();
}

/** Writes only if nobody else changed the program since `baseUpdatedAt`; false otherwise. */
export async function updateProgramIfUnchanged(db: Db, id: string, baseUpdatedAt: number, set: Partial<ProgramRow>): Promise<boolean> {
  const r = await db.updateTable('programs').set(set).where('id', '=', id).where('updated_at', '=', baseUpdatedAt).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function updateProgram(db: Db, id: string, set: Partial<ProgramRow>): Promise<void> {
  await db.updateTable('programs').set(set).where('id', '=', id).execute();
}

/** The next 申报编号 sequence of a program, taken atomically. */
export async function takeApplicationNumber(db: Db, programId: string): Promise<number> {
  const row = await db
    .updateTable('programs')
    .set({ next_number: sql<number>`next_number + 1` })
    .where('id', '=', programId)
    .returning('next_number')
    .executeTakeFirstOrThrow();
  return Number(row.next_number) - 1;
}

export async function latestFormVersions(db: Db, programId: string): Promise<Map<string, FormVersionsTable>> {
  const rows = await db.selectFrom('form_versions').selectAll().where('program_id', '=', programId).orderBy('version', 'desc').execute();
  const latest = new Map<string, FormVersionsTable>();
  for (const r of rows) if (!latest.has(r.form_id)) latest.set(r.form_id, r);
  return latest;
}

export const findFormVersion = (db: Db, programId: string, formId: string, version: number) =>
  db.selectFrom('form_versions').selectAll().where('program_id', '=', programId).where('form_id', '=', formId).where('version', '=', version).executeTakeFirst();

export async function insertFormVersion(db: Db, row: FormVersionsTable): Promise<void> {
  await db.insertInto('form_versions').values(row).execute();
}
