import type { ProgramStatus } from './program-status.ts';

// What a public page shows of a program's status. The stored status moves only when the organizer
// moves it (program-status.ts), so a program may still be "open" after its call has closed; the
// card and the call page must not then say 征集中 and offer 在线申报, which the server refuses.

/** The status to show at `now`: 征集中 only inside the call window, 筹备中 before it, 评审中 after it. */
export function shownProgramStatus(status: ProgramStatus, call: { opensAt: number; closesAt: number } | undefined, now: number): ProgramStatus {
  if (status !== 'open' || !call) return status;
  if (now < call.opensAt) return 'draft';
  if (now > call.closesAt) return 'reviewing';
  return 'open';
}

/** A demo edition of a seed program (`<slug>-demo`, demo-data.ts): for trying the product, marked as such. */
export const isDemoEdition = (slug: string): boolean => slug.endsWith('-demo');
