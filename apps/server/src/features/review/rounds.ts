import { AppError, can, defaultReviewBlock, rubricFor, type Subject, type Phase, type ProgramDefinition, type ReviewBlock, type Round, type Rubric } from '@lvping/domain';

// The review rounds of a program as the services use them. A program that defines no rounds
// still has one (id ''), so assignment works before anyone writes a rubric; scoring needs one.

export type RoundRef = {
  /** '' for the implicit round of a program without rounds. */
  id: string;
  index: number;
  round: Round | null;
  phase: Phase | null;
  name: string;
  reviewsPerApplication: number;
  review: ReviewBlock;
};

export function roundsOf(def: ProgramDefinition): RoundRef[] {
  const review = def.review ?? defaultReviewBlock;
  if (!review.rounds.length) return [{ id: '', index: 0, round: null, phase: null, name: '专家评审', reviewsPerApplication: review.reviewsPerApplication, review }];
  return review.rounds.map((round, index) => {
    const phase = def.phases.find((p) => p.id === round.phase) ?? null;
    return { id: round.id, index, round, phase, name: phase?.name ?? round.id, reviewsPerApplication: round.reviewsPerApplication ?? review.reviewsPerApplication, review };
  });
}

/** The round by id; without one, the first. Unknown ids are NOT_FOUND. */
export function resolveRound(def: ProgramDefinition, roundId: string | undefined): RoundRef {
  const rounds = roundsOf(def);
  if (roundId === undefined || roundId === '') return rounds[0];
  const found = rounds.find((r) => r.id === roundId);
  if (!found) throw new AppError('NOT_FOUND', { message: { 'zh-CN': `本活动没有评审轮次 ${roundId}`, en: `This program has no review round ${roundId}` } });
  return found;
}

/** The rubric a round scores a track on; a program without rounds has none to score with. */
export function roundRubric(r: RoundRef, trackId: string): Rubric {
  if (!r.round) throw new AppError('VALIDATION', { message: { 'zh-CN': '本活动未定义评审轮次和评分标准，无法评分', en: 'This program defines no review rounds or rubrics to score with' } });
  return rubricFor(r.review, r.round, trackId);
}

/**
 * The tracks an actor runs a round's review for: null for the whole program (its organizer,
 * or a program-wide review institution); in a round the definition gives to the review
 * institutions (assignedBy: institution), a track's 初评机构 runs its own tracks. Else FORBIDDEN.
 */
export function reviewScope(actor: Subject, def: ProgramDefinition, programId: string, round: RoundRef): Set<string> | null {
  if (can(actor, 'review.assign', { programId })) return null;
  if (round.round?.assignedBy === 'institution') {
    const tracks = def.tracks.filter((t) => can(actor, 'review.assign', { programId, trackId: t.id })).map((t) => t.id);
    if (tracks.length) return new Set(tracks);
  }
  throw new AppError('FORBIDDEN');
}
