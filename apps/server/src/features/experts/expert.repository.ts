import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ExpertDeclaredConflictsTable, ExpertsTable, ProgramExpertsTable } from '../../db/schema.ts';

// The expert pool's SQL: profiles, their standing on programs, the conflicts they declared.

export type ExpertRow = ExpertsTable;
export type ProgramExpertRow = ProgramExpertsTable;
export type DeclaredConflictRow = ExpertDeclaredConflictsTable;

export type ExpertFilter = {
  terms: string[];
  field?: string;
  region?: string;
  titleTerms: string[];
  programId?: string;
  status?: 'invited' | 'accepted' | 'declined' | 'none';
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const like = (column: string, text: string) => sql<boolean>`${sql.ref(column)} like ${`%${escapeLike(text)}%`} escape '\\'`;

function filtered(db: Db, f: ExpertFilter) {
  let q = db.selectFrom('experts');
  for (const t of f.terms) q = q.where(like('experts.search_text', t));
  for (const t of f.titleTerms) q = q.where(like('experts.title', t));
  // Field ids are [A-Za-z0-9_.-]: the JSON array holds each as "id".
  if (f.field) q = q.where(like('experts.fields_json', `"${f.field}"`));
  if (f.region) q = q.where('experts.region_code', 'like', `${escapeLike(f.region)}%`);
  if (f.programId && f.status) {
    const { programId, status } = f;
    q = q.where((eb) => {
      let sub = eb.selectFrom('program_experts').select('program_experts.expert_id').whereRef('program_experts.expert_id', '=', 'experts.id').where('program_experts.program_id', '=', programId);
      if (status !== 'none') sub = sub.where('program_experts.status', '=', status);
      return status === 'none' ? eb.not(eb.exists(sub)) : eb.exists(sub);
    });
  }
  return q;
}

/** Newest first (an order both engines agree on); ids break ties. */
export async function queryExperts(db: Db, f: ExpertFilter, page: { offset: number; limit: number }): Promise<{ total: number; rows: ExpertRow[] }> {
  const total = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await filtered(db, f).selectAll('experts').orderBy('experts.created_at', 'desc').orderBy('experts.id').offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}

/** For the export: matching profiles in pages, never all at once. */
export async function* streamExperts(db: Db, f: ExpertFilter, batch = 500): AsyncGenerator<ExpertRow> {
  for (let offset = 0; ; offset += batch) {
    const rows = await filtered(db, f).selectAll('experts').orderBy('experts.created_at', 'desc').orderBy('experts.id').offset(offset).limit(batch).execute();
    yield* rows;
    if (rows.length < batch) return;
  }
}

export const findExpert = (db: Db, id: string) => db.selectFrom('experts').selectAll().where('id', '=', id).executeTakeFirst();
export const findExpertByEmail = (db: Db, email: string) => db.selectFrom('experts').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
export const findExpertOfUser = (db: Db, userId: string) => db.selectFrom('experts').selectAll().where('user_id', '=', userId).executeTakeFirst();
export const findExpertsByIds = (db: Db, ids: string[]) => db.selectFrom('experts').selectAll().where('id', 'in', ids.length ? ids : ['']).execute();
export const findExpertsByEmails = (db: Db, emails: string[]) => db.selectFrom('experts').selectAll().where('email', 'in', emails.length ? emails : ['']).execute();

export async function insertExpert(db: Db, row: ExpertRow): Promise<void> {
  await db.insertInto('experts').values(row).execute();
}

export async function insertExpertsIfMissing(db: Db, rows: ExpertRow[]): Promise<void> {
  if (rows.length) await db.insertInto('experts').values(rows).onConflict((oc) => oc.column('email').doNothing()).execute();
}

export async function updateExpert(db: Db, id: string, set: Partial<ExpertRow>): Promise<void> {
  await db.updateTable('experts').set(set).where('id', '=', id).execute();
}

/** Writes only if nobody changed the profile since `baseUpdatedAt`. */
export async function updateExpertIfUnchanged(db: Db, id: string, baseUpdatedAt: number, set: Partial<ExpertRow>): Promise<boolean> {
  const r = await db.updateTable('experts').set(set).where('id', '=', id).where('updated_at', '=', baseUpdatedAt).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Links the profile to an account unless it is linked already (to anyone). */
export async function linkExpertIfUnlinked(db: Db, id: string, userId: string, now: number): Promise<boolean> {
  const r = await db.updateTable('experts').set({ user_id: userId, updated_at: now }).where('id', '=', id).where('user_id', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Deletes a profile that was never invited anywhere; false when it was (or is gone). */
export async function deleteExpertIfNeverInvited(db: Db, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('experts')
    .where('id', '=', id)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('program_experts').select('program_experts.expert_id').where('program_experts.expert_id', '=', id))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('expert_declared_conflicts').select('expert_declared_conflicts.id').where('expert_declared_conflicts.expert_id', '=', id))))
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export const hasInvitations = async (db: Db, expertId: string) =>
  !!(await db.selectFrom('program_experts').select('expert_id').where('expert_id', '=', expertId).limit(1).executeTakeFirst());

// ── program_experts ─────────────────────────────────────────────────────────

export const findProgramExpert = (db: Db, programId: string, expertId: string) =>
  db.selectFrom('program_experts').selectAll().where('program_id', '=', programId).where('expert_id', '=', expertId).executeTakeFirst();
export const findProgramExpertByToken = (db: Db, hash: string) => db.selectFrom('program_experts').selectAll().where('invite_token_hash', '=', hash).executeTakeFirst();
export const listProgramExpertRows = (db: Db, programId: string) => db.selectFrom('program_experts').selectAll().where('program_id', '=', programId).orderBy('invited_at').orderBy('expert_id').execute();
export const listInvitationsOfExpert = (db: Db, expertId: string) => db.selectFrom('program_experts').selectAll().where('expert_id', '=', expertId).orderBy('invited_at', 'desc').execute();
export const programExpertRowsFor = (db: Db, programId: string, expertIds: string[]) =>
  db.selectFrom('program_experts').selectAll().where('program_id', '=', programId).where('expert_id', 'in', expertIds.length ? expertIds : ['']).execute();

export async function insertProgramExpert(db: Db, row: ProgramExpertRow): Promise<void> {
  await db.insertInto('program_experts').values(row).execute();
}

export async function insertProgramExpertsIfMissing(db: Db, rows: ProgramExpertRow[]): Promise<void> {
  if (rows.length) await db.insertInto('program_experts').values(rows).onConflict((oc) => oc.columns(['program_id', 'expert_id']).doNothing()).execute();
}

/** A new invitation over an old one that is not accepted; false when it was accepted meanwhile. */
export async function reinviteProgramExpert(db: Db, programId: string, expertId: string, set: Pick<ProgramExpertRow, 'track_id' | 'max_load' | 'invite_token_hash' | 'invited_by' | 'invited_at'>): Promise<boolean> {
  const r = await db
    .updateTable('program_experts')
    .set({ ...set, status: 'invited', responded_at: null, availability_note: null })
    .where('program_id', '=', programId).where('expert_id', '=', expertId).where('status', '!=', 'accepted')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Answers an open invitation; false when it was answered meanwhile. */
export async function respondIfInvited(db: Db, programId: string, expertId: string, set: Pick<ProgramExpertRow, 'status' | 'max_load' | 'availability_note' | 'responded_at'>): Promise<boolean> {
  const r = await db
    .updateTable('program_experts')
    .set(set)
    .where('program_id', '=', programId).where('expert_id', '=', expertId).where('status', '=', 'invited')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const acceptedRows = (db: Db, programId: string) =>
  db.selectFrom('program_experts')
    .innerJoin('experts', 'experts.id', 'program_experts.expert_id')
    .selectAll('experts')
    .select(['program_experts.track_id', 'program_experts.max_load'])
    .where('program_experts.program_id', '=', programId).where('program_experts.status', '=', 'accepted')
    .orderBy('experts.id')
    .execute();

// ── declared conflicts ──────────────────────────────────────────────────────

export async function insertDeclaredConflict(db: Db, row: DeclaredConflictRow): Promise<void> {
  await db.insertInto('expert_declared_conflicts').values(row).execute();
}

export const listDeclaredConflicts = (db: Db, programId: string, expertId?: string) => {
  let q = db.selectFrom('expert_declared_conflicts').selectAll().where('program_id', '=', programId);
  if (expertId) q = q.where('expert_id', '=', expertId);
  return q.orderBy('declared_at').orderBy('id').execute();
};

export const applicationsOfProgram = (db: Db, programId: string, ids: string[]) =>
  db.selectFrom('applications').select(['id']).where('program_id', '=', programId).where('id', 'in', ids.length ? ids : ['']).execute();
