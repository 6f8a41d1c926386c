import { AppError, can, summarizeSolver, type MilestoneComparison, type ProgramDefinition, type SolverView } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { findProgramById } from '../programs/program.repository.ts';
import { programDefinition } from '../programs/program.service.ts';
import { needsOfProgram } from './need.repository.ts';
import { awardedApplications, milestonesOfProgram, reportsOf, scoresOf } from './milestone.repository.ts';

// Who sees a program's 赛马 and what: the organizer every track; an expert the tracks it reviews;
// a need's poster the track its need became. Each solver's milestones with reports, scores and
// the figures the comparison chart draws (summarizeSolver, the domain's arithmetic).

export type MilestoneAccess = { def: ProgramDefinition; canManage: boolean; tracks: Set<string>; scoreTracks: Set<string> };

export async function milestoneAccess(deps: Deps, actor: Actor | null, programId: string): Promise<MilestoneAccess> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const row = await findProgramById(deps.db, programId);
  if (!row || !row.definition_json) throw new AppError('NOT_FOUND');
  const def = programDefinition(row);
  const canManage = can(actor, 'program.configure', { programId });
  const posted = new Set((await needsOfProgram(deps.db, programId)).filter((n) => n.poster_user_id === actor.userId && n.track_id).map((n) => n.track_id!));
  const tracks = new Set<string>();
  const scoreTracks = new Set<string>();
  for (const t of def.tracks) {
    const scores = canManage || can(actor, 'review.score', { programId, trackId: t.id });
    if (scores) scoreTracks.add(t.id);
    if (scores || posted.has(t.id) || can(actor, 'application.list', { programId, trackId: t.id })) tracks.add(t.id);
  }
  return { def, canManage, tracks, scoreTracks };
}

type Solver = Awaited<ReturnType<typeof awardedApplications>>[number];

const titleOf = (answersJson: string, fallback: string) => {
  const title = (JSON.parse(answersJson) as { plan?: { title?: unknown } }).plan?.title;
  return typeof title === 'string' && title.trim() ? title : fallback;
};

/** The solvers' views, each with its milestones; scorers' names only for those who may see them. */
export async function solverViews(deps: Deps, actor: Actor, programId: string, solvers: Solver[], showScorers: boolean): Promise<Map<string, SolverView>> {
  const ids = new Set(solvers.map((s) => s.id));
  const milestones = (await milestonesOfProgram(deps.db, programId)).filter((m) => ids.has(m.application_id));
  const mIds = milestones.map((m) => m.id);
  const [reports, scores] = await Promise.all([reportsOf(deps.db, mIds), scoresOf(deps.db, mIds)]);
  const now = deps.now();
  const out = new Map<string, SolverView>();
  for (const s of solvers) {
    const own = milestones.filter((m) => m.application_id === s.id);
    const facts = own.map((m) => ({
      dueOn: m.due_on,
      firstReportAt: reports.find((r) => r.milestone_id === m.id)?.created_at ?? null,
      scores: scores.filter((x) => x.milestone_id === m.id).map((x) => Number(x.score)),
    }));
    const sum = summarizeSolver(facts, now);
    out.set(s.id, {
      applicationId: s.id, number: s.number, organization: s.org_name, title: titleOf(s.answers_json, s.number),
      onTime: sum.onTime, late: sum.late, overdue: sum.overdue, pending: sum.pending, onTimeRate: sum.onTimeRate, averageScore: sum.averageScore,
      milestones: own.map((m, i) => ({
        id: m.id, seq: m.seq, name: m.name, dueOn: m.due_on, state: sum.states[i], firstReportAt: facts[i].firstReportAt, averageScore: sum.milestoneScores[i],
        reports: reports.filter((r) => r.milestone_id === m.id).map((r) => ({ id: r.id, name: r.name, size: Number(r.size), type: r.mime, uploadedAt: r.created_at })),
        scores: scores.filter((x) => x.milestone_id === m.id).map((x) => ({
          score: Number(x.score), comment: x.comment, scoredAt: x.scored_at, scorer: showScorers ? x.display_name : null, mine: x.scorer_id === actor.userId,
        })),
      })),
    });
  }
  return out;
}

/** The comparison per need/track: each funded solver side by side. */
export async function milestoneComparison(deps: Deps, actor: Actor | null, programId: string, trackId?: string): Promise<MilestoneComparison> {
  const access = await milestoneAccess(deps, actor, programId);
  if (!access.tracks.size || (trackId && !access.tracks.has(trackId))) throw new AppError('FORBIDDEN');
  const shown = access.def.tracks.filter((t) => access.tracks.has(t.id) && (!trackId || t.id === trackId));
  const solvers = (await awardedApplications(deps.db, programId)).filter((s) => shown.some((t) => t.id === s.track_id));
  const views = await solverViews(deps, actor!, programId, solvers, access.canManage || access.scoreTracks.size > 0);
  const needOf = new Map((await needsOfProgram(deps.db, programId)).map((n) => [n.track_id, n.id]));
  return {
    programId,
    canManage: access.canManage,
    canScore: shown.some((t) => access.scoreTracks.has(t.id)),
    tracks: shown.map((t) => ({
      trackId: t.id, trackName: t.name, needId: needOf.get(t.id) ?? null,
      solvers: solvers.filter((s) => s.track_id === t.id).map((s) => views.get(s.id)!),
    })),
  };
}

/** A solver's own funded applications in the program, with its milestones and the scores it got (scorers unnamed). */
export async function myMilestones(deps: Deps, actor: Actor | null, programId: string) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const row = await findProgramById(deps.db, programId);
  if (!row || !row.definition_json) throw new AppError('NOT_FOUND');
  const def = programDefinition(row);
  const solvers = (await awardedApplications(deps.db, programId)).filter((s) => s.applicant_user_id === actor.userId);
  const views = await solverViews(deps, actor, programId, solvers, false);
  return {
    items: solvers.map((s) => ({ ...views.get(s.id)!, trackId: s.track_id, trackName: def.tracks.find((t) => t.id === s.track_id)?.name ?? s.track_id })),
  };
}
