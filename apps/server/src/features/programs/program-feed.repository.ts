import type { Db } from '../../db/database.ts';
import type { ProgramFeedItemsTable } from '../../db/schema.ts';

export type FeedItemRow = ProgramFeedItemsTable;

export async function insertFeedItem(db: Db, row: FeedItemRow): Promise<void> {
  await db.insertInto('program_feed_items').values(row).execute();
}

export const findFeedItem = (db: Db, targetApplicationId: string) =>
  db.selectFrom('program_feed_items').selectAll().where('target_application_id', '=', targetApplicationId).executeTakeFirst();

export const listFeedItemsFrom = (db: Db, sourceProgramId: string) =>
  db
    .selectFrom('program_feed_items')
    .innerJoin('applications', 'applications.id', 'program_feed_items.target_application_id')
    .select(['program_feed_items.source_application_id', 'program_feed_items.target_application_id', 'program_feed_items.target_program_id', 'program_feed_items.state', 'applications.status as target_status'])
    .where('program_feed_items.source_program_id', '=', sourceProgramId)
    .execute();

/** The applicant's answer, once: false when it was already given (or the row is not pending). */
export async function decideFeedItemIfPending(db: Db, targetApplicationId: string, state: 'confirmed' | 'declined', now: number): Promise<boolean> {
  const r = await db.updateTable('program_feed_items').set({ state, decided_at: now })
    .where('target_application_id', '=', targetApplicationId).where('state', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A source program's applications on some tracks in some statuses, with their organization's name: a feed's candidates. */
export const listFeedCandidates = (db: Db, programId: string, trackIds: string[], statuses: readonly string[]) =>
  db
    .selectFrom('applications')
    .innerJoin('organizations', 'organizations.id', 'applications.organization_id')
    .select(['applications.id', 'applications.number', 'applications.track_id', 'applications.status', 'organizations.name as organization_name'])
    .where('applications.program_id', '=', programId)
    .where('applications.track_id', 'in', trackIds.length ? trackIds : [''])
    .where('applications.status', 'in', statuses.length ? [...statuses] : [''])
    .orderBy('applications.number')
    .execute();

export const listApplicationFiles = (db: Db, applicationId: string) =>
  db.selectFrom('application_files').selectAll().where('application_id', '=', applicationId).execute();
