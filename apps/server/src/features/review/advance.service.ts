import { AppError, describeEntryRule, nextStatus, proposeEntrants, type AdvancePreview, type ApplicationStatus } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { insertEvent, setStatusIfCurrent } from '../applications/application.repository.ts';
import { insertEntries, reviewableApplications } from '../assignment/assignment.repository.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { emitWebhookEvent } from '../webhooks/webhook-outbox.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { authorizeRound, requireWholeProgram } from './progress.service.ts';
import { computeRanking, nextRoundOf, titleOf } from './ranking.service.ts';
import { applicantOf, entriesOfRound } from './review.repository.ts';
import type { RoundRef } from './rounds.ts';

// Advancing a round (晋级): the entry rule of the next round proposes who enters from this
// round's ranking, the organizer sees the list, changes it with a reason, and confirms. The
// entrants go into the next round, the others are eliminated, and each applicant is told its
// own result only.

async function prepare(deps: Deps, actor: Actor | null, programId: string, roundId: string) {
  const ref = await authorizeRound(deps, actor, programId, roundId);
  requireWholeProgram(ref.tracks);
  const to = nextRoundOf(ref.def, ref.round);
  if (!to?.round) throw new AppError('VALIDATION', { message: { 'zh-CN': `“${ref.round.name}”之后没有从它晋级的评审轮次`, en: `No review round takes its entrants from ${ref.round.name}` } });
  const ranking = await computeRanking(deps, programId, ref.def, ref.round);
  const proposed = new Set(ranking.tracks.flatMap((t) => proposeEntrants(to.round!.entry, t.items.map((i) => ({ app: i.applicationId, score: i.score })))));
  const entered = await entriesOfRound(deps.db, programId, to.id);
  return { ...ref, to, ranking, proposed, entered };
}

export async function advancePreview(deps: Deps, actor: Actor | null, programId: string, roundId: string): Promise<AdvancePreview> {
  const { round, to, ranking, proposed, entered } = await prepare(deps, actor, programId, roundId);
  const done = entered.length > 0;
  const inNext = new Set(entered.map((e) => e.application_id));
  const chosen = (id: string) => (done ? inNext.has(id) : proposed.has(id));
  return {
    from: { roundId: round.id, name: round.name },
    to: { roundId: to.id, name: to.name, rule: describeEntryRule(to.round!.entry) },
    done,
    tracks: ranking.tracks.map((t) => ({
      trackId: t.trackId, trackName: t.trackName,
      items: [
        ...t.items.map((i) => ({ applicationId: i.applicationId, number: i.number, title: i.title, rank: i.rank, score: i.score, proposed: chosen(i.applicationId), excludedBy: null })),
        ...t.excluded.map((x) => ({
          applicationId: x.applicationId, number: x.number, title: x.title, rank: null, score: null, proposed: chosen(x.applicationId),
          excludedBy: { 'zh-CN': `未满足：${x.reasons.map((r) => r.gate).join('、')}`, en: `Not met: ${x.reasons.map((r) => r.gateEn).join(', ')}` },
        })),
        ...t.unscored.map((x) => ({ applicationId: x.applicationId, number: x.number, title: x.title, rank: null, score: null, proposed: chosen(x.applicationId), excludedBy: { 'zh-CN': '未评分', en: 'Not scored' } })),
      ],
    })),
  };
}

export async function advanceRound(deps: Deps, actor: Actor | null, programId: string, roundId: string, input: { include: string[]; reason?: string }, requestId: string | null = null) {
  const { def, round, to, proposed, entered } = await prepare(deps, actor, programId, roundId);
  if (entered.length) throw new AppError('CONFLICT', { message: { 'zh-CN': `已确定进入“${to.name}”的名单`, en: `The entrants of ${to.name} are already decided` } });
  const pool = await reviewableApplications(deps.db, programId, round);
  const inPool = new Map(pool.map((a) => [a.id, a]));
  const include = new Set(input.include);
  const strangers = [...include].filter((id) => !inPool.has(id));
  if (strangers.length) throw new AppError('VALIDATION', { fields: [{ path: 'include', message: { 'zh-CN': `不是“${round.name}”的申报：${strangers.join('、')}`, en: `Not in ${round.name}: ${strangers.join(', ')}` } }] });
  const added = [...include].filter((id) => !proposed.has(id));
  const removed = [...proposed].filter((id) => !include.has(id));
  const reason = input.reason?.trim() ?? '';
  if ((added.length || removed.length) && reason.length < 2) {
    throw new AppError('VALIDATION', { fields: [{ path: 'reason', message: { 'zh-CN': `名单与入围规则不同（增加${added.length}项、去掉${removed.length}项），请填写原因`, en: `The list differs from the entry rule (${added.length} added, ${removed.length} removed): give a reason` } }] });
  }
  if (!include.size) throw new AppError('VALIDATION', { fields: [{ path: 'include', message: { 'zh-CN': '请至少选择一项进入下一轮', en: 'Choose at least one application for the next round' } }] });
  const now = deps.now();
  const result = await deps.db.transaction().execute(async (trx) => {
    if ((await entriesOfRound(trx, programId, to.id)).length) throw new AppError('CONFLICT', { message: { 'zh-CN': `已确定进入“${to.name}”的名单`, en: `The entrants of ${to.name} are already decided` } });
    await insertEntries(trx, [...include].map((application_id) => ({ program_id: programId, round_id: to.id, application_id, entered_at: now, entered_by: actor!.userId, reason: proposed.has(application_id) ? null : reason })));
    let eliminated = 0;
    const moved: { advanced: { applicationId: string; number: string; trackId: string }[]; eliminated: { applicationId: string; number: string; trackId: string }[] } = { advanced: [], eliminated: [] };
    for (const app of pool) {
      const event = include.has(app.id) ? 'advance' : 'eliminate';
      const next = nextStatus(app.status as ApplicationStatus, event);
      if (!next) continue;
      if (!(await setStatusIfCurrent(trx, app.id, { statuses: [app.status] }, { status: next, updated_at: now }))) continue;
      if (event === 'eliminate') eliminated++;
      moved[event === 'advance' ? 'advanced' : 'eliminated'].push({ applicationId: app.id, number: app.number, trackId: app.track_id });
      const note = event === 'advance' ? `进入${to.name}` : `未进入${to.name}`;
      await insertEvent(trx, { id: newId(), application_id: app.id, at: now, status: next, note, actor_id: actor!.userId });
      await notifyApplicant(trx, app.id, def.name, titleOf(def, app), round, to, event === 'advance', now);
    }
    await appendAudit(trx, {
      actorId: actor!.userId, action: 'review.round_advance', entity: 'program', entityId: programId,
      after: { from: round.id, to: to.id, entered: [...include], added, removed, reason: reason || null }, requestId,
    }, now);
    // One event per round: the receiver gets the whole decision at once, as the organizer took it.
    await emitWebhookEvent(trx, programId, 'review.round_result', { roundId: round.id, roundName: round.name, nextRoundId: to.id, nextRoundName: to.name, ...moved, decidedAt: now }, now);
    return { entered: include.size, eliminated };
  });
  return result;
}

async function notifyApplicant(trx: Parameters<typeof addNotice>[0], applicationId: string, programName: string, title: string, from: RoundRef, to: RoundRef, advanced: boolean, now: number) {
  const app = await applicantOf(trx, applicationId);
  if (!app) return;
  await addNotice(trx, {
    userId: app.applicant_user_id, kind: advanced ? 'review.advanced' : 'review.eliminated',
    title: advanced ? `晋级：${programName}` : `评审结果：${programName}`,
    body: advanced ? `您的申报“${title}”（${app.number}）通过${from.name}，进入${to.name}。` : `您的申报“${title}”（${app.number}）未进入${to.name}。感谢参与。`,
    link: `/applications/${applicationId}`,
  }, now);
}
