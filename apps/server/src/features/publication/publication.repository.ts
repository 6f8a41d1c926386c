import type { Db } from '../../db/database.ts';
import type { CertificatesTable, DecisionCorrectionsTable } from '../../db/schema.ts';

// Publication's SQL: the applications a publication touches, certificates, program award
// winners and corrections after publication.

export type CertificateRow = CertificatesTable;
export type CorrectionRow = DecisionCorrectionsTable;

/** Applications with what a result, a certificate and a notice need: organization, unit, applicant's email. */
export const publicationApplications = (db: Db, programId: string, ids: string[]) =>
  db
    .selectFrom('applications')
    .innerJoin('organizations', 'organizations.id', 'applications.organization_id')
    .innerJoin('users', 'users.id', 'applications.applicant_user_id')
    .leftJoin('recommending_units', 'recommending_units.id', 'applications.unit_id')
    .select([
      'applications.id', 'applications.number', 'applications.track_id', 'applications.form_id', 'applications.answers_json', 'applications.status',
      'applications.applicant_user_id', 'organizations.name as org_name', 'recommending_units.name as unit_name', 'users.email', 'users.display_name',
    ])
    .where('applications.program_id', '=', programId)
    .where('applications.id', 'in', ids.length ? ids : [''])
    .orderBy('applications.number')
    .execute();
export type PublicationApplication = Awaited<ReturnType<typeof publicationApplications>>[number];

export async function insertCertificate(db: Db, row: CertificateRow): Promise<void> {
  await db.insertInto('certificates').values(row).execute();
}

export const findCertificate = (db: Db, serial: string) => db.selectFrom('certificates').selectAll().where('serial', '=', serial).executeTakeFirst();

export const listCertificates = (db: Db, programId: string) =>
  db.selectFrom('certificates').selectAll().where('program_id', '=', programId).orderBy('issued_at').orderBy('serial').execute();

export const validCertificatesOf = (db: Db, programId: string) =>
  db.selectFrom('certificates').selectAll().where('program_id', '=', programId).where('revoked_at', 'is', null).orderBy('serial').execute();

export const certificatesOfApplication = (db: Db, applicationId: string) =>
  db.selectFrom('certificates').selectAll().where('application_id', '=', applicationId).orderBy('issued_at').execute();

/** The program's serials so far, to number the next one. */
export const serialsOf = async (db: Db, programId: string) =>
  (await db.selectFrom('certificates').select('serial').where('program_id', '=', programId).execute()).map((r) => r.serial);

/** Revokes an application's valid certificates; returns their serials. */
export async function revokeCertificatesOf(db: Db, applicationId: string, at: number, reason: string): Promise<string[]> {
  const open = await db.selectFrom('certificates').select('serial').where('application_id', '=', applicationId).where('revoked_at', 'is', null).execute();
  if (open.length) await db.updateTable('certificates').set({ revoked_at: at, revoke_reason: reason }).where('application_id', '=', applicationId).where('revoked_at', 'is', null).execute();
  return open.map((r) => r.serial);
}

export const listAwardWinners = (db: Db, programId: string) =>
  db.selectFrom('program_award_winners').selectAll().where('program_id', '=', programId).orderBy('award_id').orderBy('unit_name').execute();

export async function insertCorrection(db: Db, row: CorrectionRow): Promise<void> {
  await db.insertInto('decision_corrections').values(row).execute();
}

export const listCorrections = (db: Db, programId: string) =>
  db
    .selectFrom('decision_corrections')
    .innerJoin('applications', 'applications.id', 'decision_corrections.application_id')
    .innerJoin('organizations', 'organizations.id', 'applications.organization_id')
    .leftJoin('users', 'users.id', 'decision_corrections.created_by')
    .select([
      'decision_corrections.id', 'decision_corrections.application_id', 'decision_corrections.from_tier_id', 'decision_corrections.to_tier_id', 'decision_corrections.reason',
      'decision_corrections.created_at', 'applications.track_id', 'applications.form_id', 'applications.answers_json', 'applications.number', 'organizations.name as org_name',
      'users.display_name as by_name',
    ])
    .where('decision_corrections.program_id', '=', programId)
    .orderBy('decision_corrections.created_at')
    .execute();

/** Changes a decision's tier only if it still has `fromTier` (null: none or removed), so two corrections cannot both apply. */
export async function correctDecisionIfCurrent(db: Db, programId: string, applicationId: string, fromTier: string | null, set: { tier_id: string | null; reason: string; decided_by: string; decided_at: number }): Promise<boolean> {
  let q = db.updateTable('decisions').set({ ...set, removed: 0 }).where('program_id', '=', programId).where('application_id', '=', applicationId);
  q = fromTier === null ? q.where((eb) => eb.or([eb('tier_id', 'is', null), eb('removed', '=', 1)])) : q.where('tier_id', '=', fromTier).where('removed', '=', 0);
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
}
