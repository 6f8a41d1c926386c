import type { LifecycleMessages } from './lifecycle.zh-CN.ts';

export const lifecycleEn: LifecycleMessages = {
  'lc.copy': 'Copy a program',
  'lc.copySource': 'Program to copy',
  'lc.copyHint': 'Its definition (phases, tracks, forms, rules) becomes a new program in preparation; no applications are copied.',
  'lc.next': 'Next: {status}',
  'lc.nextConfirm': 'Move the program to "{status}"? The status only moves forward, in the order of the phases.',
  'lc.last': 'This is the last status',
  'lc.calendar': 'By the phases’ dates it should be "{status}" now',
  'lc.path': 'Order: {path}',
  'fd.title': 'Recommended onwards: please confirm',
  'fd.body': 'Your application {number} in "{source}" was recommended by {unit} for "{target}". {count} answers and their files were carried over as the program defines, and the original history was imported. Confirming submits it and counts it in {unit}’s quota.',
  'fd.opinion': 'Opinion: {opinion}',
  'fd.confirm': 'Confirm',
  'fd.confirmQ': 'Confirming submits the application; it can no longer be edited (screening may return it for revision). Confirm?',
  'fd.decline': 'Decline',
  'fd.reason': 'Why (optional)',
  'fd.confirmed': 'Confirmed: {unit}’s recommendation stands',
  'fd.declined': 'You declined this recommendation',
};
