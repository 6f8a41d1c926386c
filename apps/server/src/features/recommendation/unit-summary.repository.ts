import type { Db } from '../../db/database.ts';

// What a unit's 推荐汇总表 and the exports read: standing endorsements with their application,
// organization and the unit's opinion and order of preference.

/** The units' standing endorsements (a withdrawn application no longer counts), by unit, preference, time. */
export const listEndorsementsOf = (db: Db, unitIds: readonly string[]) =>
  db
    .selectFrom('nominations')
    .innerJoin('applications', 'applications.id', 'nominations.application_id')
    .innerJoin('organizations', 'organizations.id', 'applications.organization_id')
    .select([
      'nominations.unit_id', 'nominations.opinion', 'nominations.decided_at', 'nominations.preference',
      'applications.id', 'applications.number', 'applications.track_id', 'applications.form_id', 'applications.form_version', 'applications.answers_json',
      'organizations.name as organization_name', 'organizations.credit_code', 'organizations.region_code',
    ])
    .where('nominations.unit_id', 'in', unitIds.length ? [...unitIds] : [''])
    .where('nominations.status', '=', 'endorsed')
    .where('applications.status', '!=', 'withdrawn')
    .orderBy('nominations.unit_id').orderBy('nominations.preference').orderBy('nominations.decided_at')
    .execute();
export type EndorsementRow = Awaited<ReturnType<typeof listEndorsementsOf>>[number];

/** Each application's unit and the unit's decision, for a program's exports (one small row per application). */
export const unitDecisionsOfProgram = (db: Db, programId: string) =>
  db
    .selectFrom('applications')
    .leftJoin('nominations', 'nominations.application_id', 'applications.id')
    .select(['applications.id', 'applications.unit_id', 'nominations.status as nomination_status', 'nominations.opinion', 'nominations.preference'])
    .where('applications.program_id', '=', programId)
    .where('applications.unit_id', 'is not', null)
    .execute();
