import type { ProgramSummary } from '@lvping/domain/program/program-summary.schema.ts';
import type { ApplicationStatus } from '@lvping/domain/application/application-api.schema.ts';

/** Tag colours of a program's status (the home page and the call page agree). */
export const statusColor: Record<ProgramSummary['status'], string> = {
  draft: 'default',
  open: 'green',
  reviewing: 'blue',
  publicity: 'orange',
  published: 'purple',
  closed: 'default',
};

export const applicationStatusColor: Record<ApplicationStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  endorsed: 'cyan',
  declined: 'red',
  eligible: 'green',
  ineligible: 'red',
  in_review: 'geekblue',
  advanced: 'green',
  eliminated: 'default',
  candidate: 'gold',
  awarded: 'green',
  not_awarded: 'default',
  withdrawn: 'default',
  fed: 'gold',
};
