import type { ApplicationStatus } from '../application/application-api.schema.ts';
import { nextStatus } from '../application/application-status.ts';
import type { FormTemplate } from '../form/form-template.schema.ts';
import { evaluateEligibility, isOrganizationRuleField } from '../program/eligibility.ts';
import type { ProgramDefinition, Track } from '../program/program-definition.schema.ts';
import { displayAnswerAt } from './diff-answers.ts';
import type { ChecklistItemState, ChecklistMark, RuleResult, ScreeningOutcome } from './screening.schema.ts';

// 初筛 rules that do not touch the database: which applications wait for screening on a
// track, what the automatic rules say about one, and how a saved checklist reads.

/**
 * The status an application waits in for screening. Direct tracks screen what applicants
 * submitted; recommendation tracks only what a unit endorsed (a merely submitted one is still
 * with its unit). Both are starting points of 'pass_screening' in the state machine.
 */
export function screenableStatus(track: Pick<Track, 'entry'>): ApplicationStatus {
  return track.entry === 'recommendation' ? 'endorsed' : 'submitted';
}

export const isScreenable = (track: Pick<Track, 'entry'>, status: ApplicationStatus): boolean =>
  status === screenableStatus(track) && nextStatus(status, 'pass_screening') !== null;

const events = { pass: 'pass_screening', fail: 'fail_screening', return: 'return' } as const;

/** Where a decision takes an application, by the state machine; null when it may not. */
export function statusAfter(track: Pick<Track, 'entry'>, status: ApplicationStatus, outcome: ScreeningOutcome): ApplicationStatus | null {
  return isScreenable(track, status) ? nextStatus(status, events[outcome]) : null;
}

export type OrganizationFacts = { name: string; creditCode: string; regionCode: string; kind: string };

/**
 * What rules read: the answers, plus the organization's registered data under `organization`
 * (a form section of that name, if a form ever has one, wins).
 */
export function eligibilityAnswers(answers: Record<string, unknown>, org: OrganizationFacts): Record<string, unknown> {
  return { organization: { ...org }, ...answers };
}

/**
 * Each rule of the track with its outcome, the answer it read in words, and the reason; a group
 * rule also gives each item with its own reason. `program` gives the year and the phases that
 * relative dates count from (a bare year leaves those 'unknown').
 */
export function screenTrackRules(
  track: Pick<Track, 'eligibility'>, form: FormTemplate, answers: Record<string, unknown>, org: OrganizationFacts,
  program: number | Pick<ProgramDefinition, 'year' | 'phases'>,
): RuleResult[] {
  const input = eligibilityAnswers(answers, org);
  const ctx = typeof program === 'number' ? { year: program, form } : { year: program.year, phases: program.phases, form };
  const outcomes = evaluateEligibility(track.eligibility.rules, input, ctx);
  return track.eligibility.rules.map((rule, i) => {
    const o = outcomes[i];
    const value = isOrganizationRuleField(rule.field)
      ? String((input.organization as Record<string, unknown>)[rule.field.split('.')[1]] ?? '')
      : o.items ? `${o.qualifying} / ${o.total}` : (displayAnswerAt(form, answers, rule.field) ?? '');
    return {
      ruleId: rule.id,
      description: rule.description,
      ...(rule.descriptionEn ? { descriptionEn: rule.descriptionEn } : {}),
      field: rule.field,
      value,
      status: o.status,
      reason: o.reason,
      ...(o.items ? { items: o.items } : {}),
    };
  });
}

export function ruleSummary(rules: readonly Pick<RuleResult, 'status'>[]): { pass: number; fail: number; unknown: number } {
  const n = (s: RuleResult['status']) => rules.filter((r) => r.status === s).length;
  return { pass: n('pass'), fail: n('fail'), unknown: n('unknown') };
}

/** The track's checklist with what the screener saved; items no longer in the track are dropped. */
export function checklistState(
  items: Track['eligibility']['checklist'], saved: Record<string, ChecklistMark>, names: ReadonlyMap<string, string> = new Map(),
): ChecklistItemState[] {
  return items.map((item) => {
    const mark = saved[item.id];
    return {
      id: item.id, text: item.text, ...(item.textEn ? { textEn: item.textEn } : {}),
      checked: mark?.checked ?? null, note: mark?.note ?? '', updatedAt: mark?.at ?? null,
      updatedBy: mark ? (names.get(mark.by) ?? null) : null,
    };
  });
}
