import { assignmentQuality, type AssignmentQualityView } from '@lvping/domain';
import type { AssignmentProblem } from './assignment-problem.ts';
import type { AssignmentRow } from './assignment.repository.ts';

/** The quality report of the assignment as it stands (drafts and published, not declined). */
export function qualityOf(p: AssignmentProblem, rows: AssignmentRow[], upperBound: number): AssignmentQualityView {
  const live = rows.filter((r) => r.status !== 'declined' && p.appIndex.has(r.application_id) && p.expertIndex.has(r.expert_id));
  const q = assignmentQuality({
    applications: p.apps.length,
    experts: p.experts.length,
    app: live.map((r) => p.appIndex.get(r.application_id)!),
    expert: live.map((r) => p.expertIndex.get(r.expert_id)!),
    score: live.map((r) => r.affinity),
    upperBound,
    strongThreshold: p.review.strongAffinity,
  });
  const has = new Map<string, number>();
  for (const r of live) has.set(r.application_id, (has.get(r.application_id) ?? 0) + 1);
  const needs = p.round.reviewsPerApplication;
  const ref = (a: number) => ({ applicationId: p.apps[a].id, number: p.apps[a].number });
  return {
    totalAffinity: q.totalAffinity,
    upperBound: q.upperBound,
    percentOfUpperBound: q.percentOfUpperBound,
    worstServed: q.worstServed && { ...ref(q.worstServed.app), totalAffinity: q.worstServed.totalAffinity, scores: q.worstServed.scores },
    minAffinityP1: q.minAffinityP1,
    minAffinityP5: q.minAffinityP5,
    load: q.load,
    withoutStrong: q.withoutStrong.map(ref),
    strongThreshold: p.review.strongAffinity,
    short: p.apps.flatMap((a) => ((has.get(a.id) ?? 0) < needs ? [{ applicationId: a.id, number: a.number, has: has.get(a.id) ?? 0, needs }] : [])),
  };
}
