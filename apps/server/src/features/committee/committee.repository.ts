import type { Db } from '../../db/database.ts';
import type { CommitteeReviewsTable } from '../../db/schema.ts';

// committee_reviews: each member's approvals, proposed changes and comments, per submission of the list.

export const committeeReviewsOf = (db: Db, programId: string) =>
  db.selectFrom('committee_reviews').selectAll().where('program_id', '=', programId).orderBy('created_at').orderBy('id').execute();

export async function insertCommitteeReviews(db: Db, rows: CommitteeReviewsTable[]): Promise<void> {
  if (rows.length) await db.insertInto('committee_reviews').values(rows).execute();
}

/** The members who approved this submission. */
export const approversOf = async (db: Db, programId: string, submission: number) =>
  (await db.selectFrom('committee_reviews').select('user_id').distinct().where('program_id', '=', programId).where('submission', '=', submission).where('verdict', '=', 'approve').execute()).map((r) => r.user_id);
