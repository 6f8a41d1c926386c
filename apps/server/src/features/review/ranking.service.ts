import {
  applicationTitle, criterionMax, cutOf, describeEntryRule, entrySource, methodExplanation, rankReviews, rankingMethods, SheetSchema, sheetTotal, tieBreakChain,
  type ProgramDefinition, type RankingMethod, type RoundRanking,
} from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { listAssignments, reviewableApplications, type ReviewableApplication } from '../assignment/assignment.repository.ts';
import { authorizeRound } from './progress.service.ts';
import { expertsByIds, sheetsOfRound } from './review.repository.ts';
import { roundRubric, roundsOf, type RoundRef } from './rounds.ts';

// A round's ranking per track: the submitted sheets' totals aggregated by the round's method
// (packages/domain/src/review/ranking, the same function the CLI runs), gate failures kept
// out with their reasons, and every result explained.

/** The round after this one whose entry rule takes from it. */
export function nextRoundOf(def: ProgramDefinition, round: RoundRef): RoundRef | null {
  const rounds = roundsOf(def);
  const review = def.review?.rounds ?? [];
  for (let i = round.index + 1; i < review.length; i++) if (entrySource(review, i)?.id === round.id) return rounds[i];
  return null;
}

export const titleOf = (def: ProgramDefinition, app: Pick<ReviewableApplication, 'form_id' | 'answers_json' | 'number'>) =>
  applicationTitle(JSON.parse(app.answers_json), (def.review?.affinityFields ?? []).find((f) => f.form === app.form_id)?.fields ?? null) ?? app.number;

export async function computeRanking(deps: Deps, programId: string, def: ProgramDefinition, round: RoundRef, method?: RankingMethod, tracksInScope: Set<string> | null = null): Promise<RoundRanking> {
  const [apps, assignments, sheets] = await Promise.all([reviewableApplications(deps.db, programId, round), listAssignments(deps.db, programId, round.id), sheetsOfRound(deps.db, programId, round.id)]);
  const live = new Set(assignments.filter((a) => a.status === 'published').map((a) => a.id));
  const submitted = sheets.filter((s) => s.status === 'submitted' && live.has(s.assignment_id));
  const sheetOf = new Map(submitted.map((s) => [s.assignment_id, SheetSchema.parse(JSON.parse(s.sheet_json))]));
  const expertIds = [...new Set(submitted.map((s) => s.expert_id))];
  const names = new Map([...(await expertsByIds(deps.db, expertIds)).values()].map((e) => [e.id, e.name]));
  const chosen = method ?? round.round?.aggregation ?? 'calibrated';
  const next = nextRoundOf(def, round);
  const cut = cutOf(next?.round?.entry);
  const tracks: RoundRanking['tracks'] = [];
  for (const track of def.tracks.filter((t) => !tracksInScope || tracksInScope.has(t.id))) {
    const inTrack = apps.filter((a) => a.track_id === track.id);
    if (!inTrack.length) continue;
    const rubric = round.round ? roundRubric(round, track.id) : null;
    const sheetsOf = new Map<string, typeof submitted>();
    for (const s of submitted) sheetsOf.set(s.application_id, [...(sheetsOf.get(s.application_id) ?? []), s]);
    const excluded: RoundRanking['tracks'][number]['excluded'] = [];
    const unscored: RoundRanking['tracks'][number]['unscored'] = [];
    const reviews: { app: string; expert: string; score: number }[] = [];
    for (const a of inTrack) {
      const list = sheetsOf.get(a.id) ?? [];
      if (!list.length) {
        unscored.push({ applicationId: a.id, number: a.number, title: titleOf(def, a), assigned: assignments.filter((x) => x.application_id === a.id && x.status === 'published').length, submitted: 0 });
        continue;
      }
      // A gate fails when most of the application's reviewers say so: one expert alone does not exclude it.
      const reasons = (rubric?.gates ?? []).map((g) => {
        const failed = list.map((s) => sheetOf.get(s.assignment_id)!.gates[g.id]).filter((v) => v?.pass === false);
        return { gate: g.name, gateEn: g.nameEn ?? g.name, failedBy: failed.length, of: list.length, notes: failed.map((v) => v!.note) };
      }).filter((r) => r.failedBy * 2 > r.of);
      if (reasons.length) {
        excluded.push({ applicationId: a.id, number: a.number, title: titleOf(def, a), reasons });
        continue;
      }
      for (const s of list) if (s.total !== null) reviews.push({ app: a.id, expert: s.expert_id, score: s.total });
    }
    const ranking = rankReviews(reviews, { method: chosen, ...cut });
    const fit = new Map(ranking.experts.map((e) => [e.expert, e]));
    const appOf = new Map(inTrack.map((a) => [a.id, a]));
    tracks.push({
      trackId: track.id, trackName: track.name, cut: ranking.cut, components: ranking.components,
      items: ranking.items.map((it) => {
        const a = appOf.get(it.app)!;
        const list = sheetsOf.get(it.app) ?? [];
        return {
          applicationId: it.app, number: a.number, title: titleOf(def, a), orgName: a.org_name, rank: it.rank, score: it.score, sd: it.sd, n: it.n, mean: it.mean, spread: it.spread, pAbove: it.pAbove, component: it.component,
          reviews: it.raw.map((r) => {
            const s = list.find((x) => x.expert_id === r.expert)!;
            const sheet = sheetOf.get(s.assignment_id)!;
            const parts = rubric ? sheetTotal(rubric, sheet).parts.map((p) => ({ ...p, name: rubric.criteria.find((c) => c.id === p.criterionId)!.name, max: criterionMax(rubric.criteria.find((c) => c.id === p.criterionId)!) })) : [];
            return {
              assignmentId: s.assignment_id, expertId: r.expert, expertName: names.get(r.expert) ?? r.expert, total: r.score, dropped: r.dropped ?? null, adjusted: r.adjusted ?? null,
              offset: fit.get(r.expert)?.offset ?? 0, parts, comment: sheet.overallComment,
            };
          }),
        };
      }),
      excluded, unscored,
      experts: ranking.experts.map((e) => ({ expertId: e.expert, name: names.get(e.expert) ?? e.expert, n: e.n, offset: e.offset, scale: e.scale, residualSd: e.residualSd, outlier: e.outlier })),
      // The ranking names applications and experts by id; people read numbers and names.
      flags: ranking.flags.map((f) => {
        const named = (text: string) => {
          let out = text;
          if (f.app) out = out.split(f.app).join(appOf.get(f.app)?.number ?? f.app);
          if (f.expert) out = out.split(f.expert).join(names.get(f.expert) ?? f.expert);
          return out;
        };
        return { kind: f.kind, applicationId: f.app ?? null, expertId: f.expert ?? null, value: f.value, threshold: f.threshold, message: { 'zh-CN': named(f.message['zh-CN']), en: named(f.message.en) } };
      }),
    });
  }
  return {
    roundId: round.id, roundName: round.name, method: chosen, defaultMethod: round.round?.aggregation ?? 'calibrated',
    methods: rankingMethods.map((m) => ({ method: m, explanation: methodExplanation(m) })),
    tieBreak: [...tieBreakChain],
    cutRule: next?.round ? describeEntryRule(next.round.entry) : null,
    tracks,
  };
}

export async function roundRanking(deps: Deps, actor: Actor | null, programId: string, roundId: string, method: RankingMethod | undefined): Promise<RoundRanking> {
  const ref = await authorizeRound(deps, actor, programId, roundId);
  return computeRanking(deps, programId, ref.def, ref.round, method, ref.tracks);
}
