import type { ApplicationStatus } from './application-api.schema.ts';

// What an applicant may do in each status. Decisions are final: after them nothing is withdrawn.

/** The applicant edits a draft, or an application returned for revision. */
export const isEditable = (s: ApplicationStatus): boolean => s === 'draft' || s === 'returned';

const decided: ReadonlySet<ApplicationStatus> = new Set(['ineligible', 'eliminated', 'awarded', 'not_awarded', 'withdrawn']);

/** Withdrawn at any point before a decision. */
export const isWithdrawable = (s: ApplicationStatus): boolean => !decided.has(s);
