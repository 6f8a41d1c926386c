import type { FieldError } from '../errors.ts';
import type { FormTemplate } from '../form/form-template.schema.ts';
import { screenTrackRules, type OrganizationFacts } from '../screening/screening-rules.ts';
import type { ProgramDefinition, Track } from './program-definition.schema.ts';

// Rules marked `checkAtSubmit` also hold the submission back: the applicant learns at once that
// only one of its cases counts, instead of after screening. Only what is sure counts — a rule
// that cannot be told yet (an item's date left blank) refuses too — but an item that does not
// qualify is allowed to stay: listing a newer third case is fine, it simply does not count.

/** Field errors (at the rule's field, in both languages) for every checkAtSubmit rule not met. */
export function submitRuleErrors(
  track: Pick<Track, 'eligibility'>, form: FormTemplate, answers: Record<string, unknown>, org: OrganizationFacts,
  program: Pick<ProgramDefinition, 'year' | 'phases'>,
): FieldError[] {
  const rules = track.eligibility.rules.filter((r) => r.checkAtSubmit);
  if (rules.length === 0) return [];
  const results = screenTrackRules({ eligibility: { ...track.eligibility, rules } }, form, answers, org, program);
  return results
    .filter((r) => r.status !== 'pass')
    .map((r) => {
      const notCounted = (r.items ?? []).filter((i) => i.status !== 'pass');
      const zh = [r.reason!['zh-CN'], ...notCounted.map((i) => i.reason['zh-CN'])].join('；');
      const en = [r.reason!.en, ...notCounted.map((i) => i.reason.en)].join('; ');
      return { path: r.field, message: { 'zh-CN': zh, en } };
    });
}
