import type { ApplicationStatus } from './application-api.schema.ts';

// Which steps of an application's history are resubmissions. A resubmission moves a returned
// application to `submitted`, or straight to `endorsed` when the unit's endorsement stands
// (application-status.ts): the stored status is the one it led to, so without this the
// applicant's own resubmission would read "已推荐" under the applicant's name.

export type HistoryStep = { status: ApplicationStatus; actorId: string | null };

/** Per step, whether it is the applicant's submission of a revision after a return. */
export function resubmissionSteps(steps: readonly HistoryStep[], applicantUserId: string): boolean[] {
  return steps.map((s, i) => i > 0 && steps[i - 1].status === 'returned' && s.actorId === applicantUserId && (s.status === 'submitted' || s.status === 'endorsed'));
}
