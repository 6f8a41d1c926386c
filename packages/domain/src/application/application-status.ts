import type { ApplicationStatus } from './application-api.schema.ts';

// The application's state machine: which event moves which status where. Services ask
// `nextStatus` and refuse what it refuses; nothing else decides a status change.

export type ApplicationEvent =
  | 'submit' // the applicant submits (or resubmits after a return)
  | 'resubmit_endorsed' // resubmits after a return, the unit's endorsement standing: back to screening
  | 'endorse' // the recommending unit endorses, within its quota
  | 'decline' // the recommending unit declines, with a reason
  | 'return' // a screener returns it for revision
  | 'pass_screening'
  | 'fail_screening'
  | 'start_review' // the assignment is published to the experts
  | 'advance' // the organizer puts it into the next review round
  | 'eliminate' // not put into the next round
  | 'shortlist' // the program's outcome is approved with a tier for it: 拟入选 (goes on 公示)
  | 'unshortlist' // taken off the list before publication (an objection upheld, the list reopened)
  | 'award' // published with a tier
  | 'not_award' // published without one
  | 'revoke_award' // a correction after publication takes its tier away
  | 'withdraw'
  | 'confirm_feed'; // the applicant confirms an application fed from another program (then the unit's endorsement follows)

const transitions: Record<ApplicationEvent, Partial<Record<ApplicationStatus, ApplicationStatus>>> = {
  submit: { draft: 'submitted', returned: 'submitted' },
  // An endorsement is of the applicant, not of one version: a revision answers the screener,
  // so it goes back to screening without asking the unit (and its quota place) again.
  resubmit_endorsed: { returned: 'endorsed' },
  endorse: { submitted: 'endorsed' },
  decline: { submitted: 'declined' },
  return: { submitted: 'returned', endorsed: 'returned' },
  // Screening starts once an application is in: endorsed on recommended tracks, submitted on direct ones.
  pass_screening: { submitted: 'eligible', endorsed: 'eligible' },
  fail_screening: { submitted: 'ineligible', endorsed: 'ineligible' },
  start_review: { eligible: 'in_review' },
  // A later round keeps it "advanced" (晋级); the round it is in is in review_entries.
  advance: { in_review: 'advanced', advanced: 'advanced' },
  eliminate: { in_review: 'eliminated', advanced: 'eliminated' },
  shortlist: { in_review: 'candidate', advanced: 'candidate' },
  unshortlist: { candidate: 'advanced' },
  award: { candidate: 'awarded', in_review: 'awarded', advanced: 'awarded', not_awarded: 'awarded' },
  not_award: { in_review: 'not_awarded', advanced: 'not_awarded', candidate: 'not_awarded' },
  revoke_award: { awarded: 'not_awarded' },
  confirm_feed: { fed: 'submitted' },
  // Declining a fed application is withdrawing it.
  withdraw: {
    fed: 'withdrawn', draft: 'withdrawn', submitted: 'withdrawn', returned: 'withdrawn', endorsed: 'withdrawn', declined: 'withdrawn',
    eligible: 'withdrawn', in_review: 'withdrawn', advanced: 'withdrawn', candidate: 'withdrawn',
  },
};

/** Where the event takes an application in `status`, or null when it may not happen. */
export function nextStatus(status: ApplicationStatus, event: ApplicationEvent): ApplicationStatus | null {
  return transitions[event][status] ?? null;
}

/** The statuses an event may start from (for conditional updates in SQL). */
export function statusesAllowing(event: ApplicationEvent): ApplicationStatus[] {
  return Object.keys(transitions[event]) as ApplicationStatus[];
}

/** The applicant edits a draft, or an application returned for revision. */
export const isEditable = (s: ApplicationStatus): boolean => s === 'draft' || s === 'returned';

/** Withdrawn at any point before a decision. */
export const isWithdrawable = (s: ApplicationStatus): boolean => nextStatus(s, 'withdraw') !== null;
