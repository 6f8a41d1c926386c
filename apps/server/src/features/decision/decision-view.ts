import {
  defaultDecisionBlock, proposeTiers, programAwardWinners, rankReviews, decisionsEditable,
  type DecisionTrack, type DecisionView, type Localized, type OutcomeStatus, type ProgramAward, type ProgramDefinition, type RoundRanking, type Track,
} from '@lvping/domain';
import type { Deps } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { findOutcome, listDecisions, type DecisionRow } from '../outcome/outcome.repository.ts';
import { computeRanking, titleOf } from '../review/ranking.service.ts';
import { roundsOf } from '../review/rounds.ts';
import { committeeReviewsOf } from '../committee/committee.repository.ts';
import { applicationHeads, awardWinnersOf, participationsOf, tierCountsOf, unitsOfProgram, userNames } from './decision.repository.ts';

// What the organizer and the committee read: per track, the last round's ranking with its
// explanation, what the tier rules propose (with the organizer's counts), the decision and its
// reason; the program awards; the committee's verdicts; and what still blocks submission.

export const lastRound = (def: ProgramDefinition) => roundsOf(def).at(-1)!;

type TrackCounts = Map<string, Record<string, number>>;

export async function countsByTrack(db: Db, programId: string): Promise<TrackCounts> {
  const out: TrackCounts = new Map();
  for (const r of await tierCountsOf(db, programId)) out.set(r.track_id, { ...out.get(r.track_id), [r.tier_id]: r.count });
  return out;
}

/** The proposal for one track of the ranking, with P(above the last tiered place) where the last round has no cut of its own. */
export function proposalFor(track: Track, ranked: RoundRanking['tracks'][number], method: RoundRanking['method'], counts: Record<string, number>) {
  const proposal = proposeTiers(ranked.items.map((i) => ({ applicationId: i.applicationId, rank: i.rank, score: i.score, pAbove: i.pAbove })), track.awardTiers, counts);
  const tiered = proposal.items.filter((p) => p.tierId !== null).length;
  const pAbove = new Map(ranked.items.map((i) => [i.applicationId, i.pAbove]));
  if (tiered > 0 && tiered < ranked.items.length && ranked.items.every((i) => i.pAbove === null)) {
    const reviews = ranked.items.flatMap((i) => i.reviews.map((r) => ({ app: i.applicationId, expert: r.expertId, score: r.total })));
    for (const it of rankReviews(reviews, { method, cutRank: tiered }).items) pAbove.set(it.app, it.pAbove);
  }
  return { ...proposal, pAbove, byApp: new Map(proposal.items.map((p) => [p.applicationId, p])) };
}

const loc = (w: { zh: string; en: string }): Localized => ({ 'zh-CN': w.zh, en: w.en });

function trackView(def: ProgramDefinition, track: Track, ranked: RoundRanking['tracks'][number], method: RoundRanking['method'], counts: Record<string, number>, decisions: Map<string, DecisionRow>, heads: Map<string, Awaited<ReturnType<typeof applicationHeads>>[number]>): DecisionTrack {
  const proposal = proposalFor(track, ranked, method, counts);
  const head = (id: string) => heads.get(id);
  const base = (id: string) => {
    const d = decisions.get(id);
    const h = head(id);
    const proposedTierId = d ? d.proposed_tier_id : (proposal.byApp.get(id)?.tierId ?? null);
    const tierId = d ? d.tier_id : null;
    return {
      applicationId: id, number: h?.number ?? '', title: h ? titleOf(def, h) : id, orgName: h?.org_name ?? '', unitName: h?.unit_name ?? null, status: h?.status ?? '',
      proposedTierId, tierId, reason: d?.reason ?? null, decided: !!d, needsReason: !!d && tierId !== proposedTierId && !d.reason,
    };
  };
  const items: DecisionTrack['items'] = [
    ...ranked.items.map((i) => ({
      ...base(i.applicationId), title: i.title, orgName: i.orgName, rank: i.rank, score: i.score, sd: i.sd, n: i.n,
      pAbove: proposal.pAbove.get(i.applicationId) ?? null, excludedBy: null, why: proposal.byApp.has(i.applicationId) ? loc(proposal.byApp.get(i.applicationId)!.why) : null,
    })),
    ...ranked.excluded.map((x) => ({
      ...base(x.applicationId), rank: null, score: null, sd: null, n: 0, pAbove: null, why: null,
      excludedBy: { 'zh-CN': `未满足：${x.reasons.map((r) => r.gate).join('、')}`, en: `Not met: ${x.reasons.map((r) => r.gateEn).join(', ')}` },
    })),
    ...ranked.unscored.map((x) => ({ ...base(x.applicationId), rank: null, score: null, sd: null, n: 0, pAbove: null, why: null, excludedBy: { 'zh-CN': '未评分', en: 'Not scored' } })),
  ];
  return {
    trackId: track.id, trackName: track.name,
    tiers: track.awardTiers.map((t, k) => {
      const use = proposal.tiers[k];
      return {
        id: t.id, name: t.name, nameEn: t.nameEn ?? null, count: use.count, definedCount: t.count ?? null, minScore: t.minScore ?? null,
        proposed: items.filter((i) => i.proposedTierId === t.id).length, decided: items.filter((i) => i.tierId === t.id).length, needsCount: use.needsCount,
      };
    }),
    items,
    problems: proposal.problems.map(loc),
  };
}

export function ruleText(a: ProgramAward, def: ProgramDefinition): Localized {
  const r = a.rule;
  if (r.kind === 'unitsInEveryTrack') {
    const tracks = (r.tracks ?? def.tracks.filter((t) => t.entry === 'recommendation').map((t) => t.id)).map((id) => def.tracks.find((t) => t.id === id)?.name ?? id);
    return { 'zh-CN': `推荐的申报${r.stage === 'screened' ? '通过初筛' : '获推荐'}且覆盖全部赛道（${tracks.join('、')}）的推荐单位`, en: `Units whose applications ${r.stage === 'screened' ? 'passed screening' : 'were endorsed'} in every track (${tracks.join(', ')})` };
  }
  if (r.kind === 'topUnitsByCount') return { 'zh-CN': `${r.count === 'awarded' ? '获奖' : '参评'}项目数前 ${r.n} 名的推荐单位（并列均计入）`, en: `The top ${r.n} units by applications ${r.count === 'awarded' ? 'awarded' : 'entered'} (ties included)` };
  return { 'zh-CN': '由主办方逐一确定并说明理由', en: 'Chosen by the organizer, each with a reason' };
}

export async function awardViews(db: Db, programId: string, def: ProgramDefinition): Promise<DecisionView['awards']> {
  if (!def.programAwards.length) return [];
  const [participations, winners] = await Promise.all([participationsOf(db, programId), awardWinnersOf(db, programId)]);
  const tracks = def.tracks.map((t) => ({ id: t.id, entry: t.entry, name: t.name }));
  return def.programAwards.map((a) => ({
    awardId: a.id, name: a.name, nameEn: a.nameEn ?? null, rule: a.rule.kind, ruleText: ruleText(a, def),
    byRule: programAwardWinners(a.rule, participations, tracks).map((w) => ({ ...w, why: loc(w.why) })),
    winners: winners.filter((w) => w.award_id === a.id).map((w) => ({ unitId: w.unit_id, unitName: w.unit_name, byRule: w.by_rule === 1, reason: w.reason, decidedAt: w.decided_at })),
  }));
}

/** What keeps the list from leaving the organizer: tracks not proposed, tiers without a count, changes without a reason. */
export function blockersOf(tracks: DecisionTrack[]): Localized[] {
  const out: Localized[] = [];
  if (!tracks.some((t) => t.items.some((i) => i.decided))) out.push({ 'zh-CN': '尚未按排名生成获奖名单', en: 'No decisions yet: propose the tiers from the ranking' });
  for (const t of tracks) {
    if (t.items.some((i) => i.rank !== null && !i.decided)) out.push({ 'zh-CN': `“${t.trackName}”尚未按排名生成（或排名已变化，请重新生成）`, en: `${t.trackName}: not proposed from the ranking yet (or the ranking changed: propose again)` });
    for (const tier of t.tiers.filter((x) => x.needsCount)) out.push({ 'zh-CN': `“${t.trackName}”的“${tier.name}”未设名额`, en: `${t.trackName}: ${tier.nameEn ?? tier.name} needs a count` });
    const missing = t.items.filter((i) => i.needsReason);
    if (missing.length) out.push({ 'zh-CN': `“${t.trackName}”有 ${missing.length} 项与建议不同但未说明理由：${missing.map((i) => i.number).join('、')}`, en: `${t.trackName}: ${missing.length} decision(s) differ from the proposal without a reason: ${missing.map((i) => i.number).join(', ')}` });
  }
  return out;
}

/** The last round's ranking (read outside any transaction: on SQLite it would wait for the transaction's connection). */
export const lastRanking = (deps: Deps, programId: string, def: ProgramDefinition, onlyTrack?: string) =>
  computeRanking(deps, programId, def, lastRound(def), undefined, onlyTrack ? new Set([onlyTrack]) : null);

/** Every track's view of the ranking (optionally one track), the decisions read through `db` (a transaction's, where one is open). */
export async function decisionTracks(db: Db, programId: string, def: ProgramDefinition, ranking: RoundRanking) {
  const round = lastRound(def);
  const [rows, counts] = await Promise.all([listDecisions(db, programId), countsByTrack(db, programId)]);
  const decisions = new Map(rows.map((d) => [d.application_id, d]));
  const ids = ranking.tracks.flatMap((t) => [...t.items, ...t.excluded, ...t.unscored].map((i) => i.applicationId));
  const heads = new Map((await applicationHeads(db, ids)).map((h) => [h.id, h]));
  const tracks = ranking.tracks.map((rt) => trackView(def, def.tracks.find((t) => t.id === rt.trackId)!, rt, ranking.method, counts.get(rt.trackId) ?? {}, decisions, heads));
  return { round, ranking, tracks, counts, decisions };
}

export async function committeeItems(db: Db, programId: string) {
  const reviews = await committeeReviewsOf(db, programId);
  const names = await userNames(db, [...new Set(reviews.map((r) => r.user_id))]);
  return reviews.map((r) => ({
    id: r.id, submission: r.submission, userId: r.user_id, userName: names.get(r.user_id) ?? r.user_id, verdict: r.verdict as 'approve' | 'changes' | 'comment',
    applicationId: r.application_id, proposedTierId: r.proposed_tier_id, body: r.body, createdAt: r.created_at,
  }));
}

export async function buildDecisionView(deps: Deps, programId: string, program: { name: string }, def: ProgramDefinition, onlyTrack?: string): Promise<DecisionView> {
  const outcome = await findOutcome(deps.db, programId);
  const status = (outcome?.status ?? 'deciding') as OutcomeStatus;
  const submission = outcome?.submission ?? 0;
  const d = def.decision ?? defaultDecisionBlock;
  const [{ round, tracks }, awards, units, committee] = await Promise.all([
    lastRanking(deps, programId, def, onlyTrack).then((ranking) => decisionTracks(deps.db, programId, def, ranking)), awardViews(deps.db, programId, def), unitsOfProgram(deps.db, programId), committeeItems(deps.db, programId),
  ]);
  const approvals = new Set(committee.filter((c) => c.submission === submission && c.verdict === 'approve').map((c) => c.userId)).size;
  return {
    programId, programName: program.name, status, submission, editable: decisionsEditable(status),
    approval: { by: d.approval.by, name: d.approval.name ?? null, approvalsRequired: d.approval.approvalsRequired, approvals },
    round: { roundId: round.id, name: round.name }, tracks, awards, units, committee,
    blockers: onlyTrack ? [] : blockersOf(tracks),
  };
}
