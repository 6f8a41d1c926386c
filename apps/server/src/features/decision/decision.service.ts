import { AppError, decisionsEditable, type DecisionView, type OutcomeStatus } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { authorize } from '../access/access.service.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { loadProgram } from '../experts/program-experts.service.ts';
import { findDecision, listDecisions, outcomeOf, updateDecision, upsertDecision } from '../outcome/outcome.repository.ts';
import { buildDecisionView, countsByTrack, lastRound, proposalFor } from './decision-view.ts';
import { setTierCounts } from './decision.repository.ts';
import { computeRanking } from '../review/ranking.service.ts';

// The organizer's decisions (获奖决定) per track: proposed from the last round's ranking by the
// tier rules (with counts given now), then changed one by one — every change against the
// proposal with a reason. Only while the outcome is "deciding".

/** The organizer of the program (program.configure: a committee member may decide on approval, not on the list). */
export async function organizerProgram(deps: Deps, actor: Actor | null, programId: string) {
  authorize(actor, 'program.configure', { programId });
  return loadProgram(deps.db, programId);
}

export async function requireEditable(trx: Db, programId: string, now: number): Promise<void> {
  const status = (await outcomeOf(trx, programId, now)).status as OutcomeStatus;
  if (!decisionsEditable(status)) {
    throw new AppError('CONFLICT', { message: { 'zh-CN': '名单已提交审定或已确定，不能再修改；如需修改请先撤回', en: 'The list has left the organizer (with the committee or approved): reopen it to change it' }, details: { status } });
  }
}

export const reasonText = (r: string | undefined) => r?.trim() ?? '';

export async function decisionView(deps: Deps, actor: Actor | null, programId: string, trackId?: string): Promise<DecisionView> {
  const { program, def } = await organizerProgram(deps, actor, programId);
  if (trackId && !def.tracks.some((t) => t.id === trackId)) throw new AppError('NOT_FOUND', { message: { 'zh-CN': `本活动没有赛道 ${trackId}`, en: `This program has no track ${trackId}` } });
  return buildDecisionView(deps, programId, program, def, trackId);
}

export async function proposeDecisions(deps: Deps, actor: Actor | null, programId: string, trackId: string, input: { counts?: Record<string, number> }, requestId: string | null = null): Promise<DecisionView> {
  const { program, def } = await organizerProgram(deps, actor, programId);
  const track = def.tracks.find((t) => t.id === trackId);
  if (!track) throw new AppError('NOT_FOUND', { message: { 'zh-CN': `本活动没有赛道 ${trackId}`, en: `This program has no track ${trackId}` } });
  const unknown = Object.keys(input.counts ?? {}).filter((id) => !track.awardTiers.some((t) => t.id === id));
  if (unknown.length) {
    throw new AppError('VALIDATION', { fields: unknown.map((id) => ({ path: `counts.${id}`, message: { 'zh-CN': `“${track.name}”没有获奖等级 ${id}`, en: `${track.name} has no award tier ${id}` } })) });
  }
  const round = lastRound(def);
  const ranking = await computeRanking(deps, programId, def, round, undefined, new Set([trackId]));
  const ranked = ranking.tracks.find((t) => t.trackId === trackId);
  if (!ranked) throw new AppError('VALIDATION', { message: { 'zh-CN': `“${track.name}”在${round.name}中没有申报`, en: `${track.name} has no applications in ${round.name}` } });
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await requireEditable(trx, programId, now);
    if (input.counts) await setTierCounts(trx, programId, trackId, input.counts, actor!.userId, now);
    const counts = (await countsByTrack(trx, programId)).get(trackId) ?? {};
    const proposal = proposalFor(track, ranked, ranking.method, counts);
    const existing = new Map((await listDecisions(trx, programId)).map((d) => [d.application_id, d]));
    const ids = [...ranked.items, ...ranked.excluded, ...ranked.unscored].map((i) => i.applicationId);
    const rankOf = new Map(ranked.items.map((i) => [i.applicationId, i]));
    for (const id of ids) {
      const was = existing.get(id);
      const proposed = proposal.byApp.get(id)?.tierId ?? null;
      // A decision the organizer made by hand (it has its reason) stands; the rest follow the new proposal.
      const kept = was?.reason ? { tier_id: was.tier_id, reason: was.reason } : { tier_id: proposed, reason: null };
      const r = rankOf.get(id);
      await upsertDecision(trx, {
        program_id: programId, application_id: id, track_id: trackId, ...kept, proposed_tier_id: proposed,
        rank: r?.rank ?? null, score: r?.score ?? null, p_above: proposal.pAbove.get(id) ?? null, removed: was?.removed ?? 0, decided_by: actor!.userId, decided_at: now,
      });
    }
    await appendAudit(trx, {
      actorId: actor!.userId, action: 'decision.propose', entity: 'program', entityId: programId,
      after: { trackId, roundId: round.id, counts, proposed: proposal.items.map((p) => [p.applicationId, p.tierId]), problems: proposal.problems.map((p) => p.tierId) }, requestId,
    }, now);
  });
  return buildDecisionView(deps, programId, program, def, trackId);
}

export async function setDecision(deps: Deps, actor: Actor | null, programId: string, applicationId: string, input: { tierId: string | null; reason?: string }, requestId: string | null = null): Promise<DecisionView> {
  const { program, def } = await organizerProgram(deps, actor, programId);
  const now = deps.now();
  const trackId = await deps.db.transaction().execute(async (trx) => {
    await requireEditable(trx, programId, now);
    const d = await findDecision(trx, programId, applicationId);
    if (!d) throw new AppError('NOT_FOUND', { message: { 'zh-CN': '该申报尚无决定：请先按排名生成', en: 'No decision for this application yet: propose from the ranking first' } });
    const track = def.tracks.find((t) => t.id === d.track_id);
    if (input.tierId !== null && !track?.awardTiers.some((t) => t.id === input.tierId)) {
      throw new AppError('VALIDATION', { fields: [{ path: 'tierId', message: { 'zh-CN': `“${track?.name ?? d.track_id}”没有获奖等级 ${input.tierId}`, en: `${track?.name ?? d.track_id} has no award tier ${input.tierId}` } }] });
    }
    const reason = reasonText(input.reason);
    if (input.tierId !== d.proposed_tier_id && reason.length < 2) {
      throw new AppError('VALIDATION', { fields: [{ path: 'reason', message: { 'zh-CN': '与按排名生成的建议不同，请填写理由', en: 'This differs from the proposal from the ranking: give a reason' } }] });
    }
    await updateDecision(trx, programId, applicationId, { tier_id: input.tierId, reason: reason || null, decided_by: actor!.userId, decided_at: now });
    await appendAudit(trx, {
      actorId: actor!.userId, action: 'decision.set', entity: 'application', entityId: applicationId,
      before: { tierId: d.tier_id, reason: d.reason }, after: { tierId: input.tierId, proposedTierId: d.proposed_tier_id, reason: reason || null }, requestId,
    }, now);
    return d.track_id;
  });
  return buildDecisionView(deps, programId, program, def, trackId);
}
