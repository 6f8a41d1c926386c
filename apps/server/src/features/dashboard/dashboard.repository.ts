import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

// Counts for the organizer's dashboard, grouped in the database. Drafts are the applicants'
// own and are never counted. `trackIds` narrows to a track-scoped reader's tracks.

function base(db: Db, programId: string, trackIds: string[] | null) {
  let q = db.selectFrom('applications').where('applications.program_id', '=', programId).where('applications.status', '!=', 'draft');
  if (trackIds) q = q.where('applications.track_id', 'in', trackIds.length ? trackIds : ['']);
  return q;
}

export const countByTrackStatus = (db: Db, programId: string, trackIds: string[] | null) =>
  base(db, programId, trackIds)
    .select(['applications.track_id', 'applications.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['applications.track_id', 'applications.status'])
    .execute();

/** By province: the first two digits of the GB/T 2260 code the organization registered with. */
export const countByProvinceStatus = (db: Db, programId: string, trackIds: string[] | null) => {
  const province = sql<string>`substr(applications.region_code, 1, 2)`;
  return base(db, programId, trackIds)
    .select([province.as('province'), 'applications.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy([province, 'applications.status'])
    .execute();
};

/** By recommending unit; call only where applications have a unit_id column (see recommendation-tables.ts). */
export const countByUnitStatus = (db: Db, programId: string, trackIds: string[] | null) => {
  const unit = sql<string | null>`${sql.ref('applications.unit_id')}`;
  return base(db, programId, trackIds)
    .select([unit.as('unit_id'), 'applications.track_id', 'applications.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy([unit, 'applications.track_id', 'applications.status'])
    .execute();
};

/** Every submit (first ones and resubmissions after a return), oldest first. */
export const submitEvents = (db: Db, programId: string, trackIds: string[] | null) =>
  base(db, programId, trackIds)
    .innerJoin('application_events', 'application_events.application_id', 'applications.id')
    .select(['application_events.application_id', 'application_events.at'])
    .where('application_events.status', '=', 'submitted')
    .orderBy('application_events.at')
    .execute();
