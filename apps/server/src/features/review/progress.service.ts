import { AppError, shanghaiToEpoch, type RoundProgress } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { listAssignments, reviewableApplications } from '../assignment/assignment.repository.ts';
import { loadProgram } from '../experts/program-experts.service.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { enqueueMail } from '../jobs/mail-job.ts';
import { claimReminder, dueReminders, expertsByIds, insertReminder, recordReminderCount, recordSentReminder, remindersOfRound, sheetsOfRound } from './review.repository.ts';
import { resolveRound, reviewScope, type RoundRef } from './rounds.ts';

// Progress of a round (assigned / started / submitted per track and per expert, who is late)
// and the reminder emails to experts with sheets outstanding: sent now, or scheduled and sent
// by the reminder tick (any process may run it; a reminder is claimed before it is sent).

/** Who runs the round's review: the organizer for every track, a track's 初评机构 for its own (`tracks`). */
export async function authorizeRound(deps: Deps, actor: Actor | null, programId: string, roundId: string | undefined) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const ref = await loadProgram(deps.db, programId);
  const round = resolveRound(ref.def, roundId);
  return { ...ref, round, tracks: reviewScope(actor, ref.def, programId, round) };
}

/** Only the organizer (the whole program) may do this: advancing, for one. */
export function requireWholeProgram(scope: Set<string> | null): void {
  if (scope) throw new AppError('FORBIDDEN', { message: { 'zh-CN': '只有组织方可以确定晋级名单', en: 'Only the organizer decides who advances' } });
}

const dueOf = (round: RoundRef) => (round.phase ? shanghaiToEpoch(round.phase.endsAt, { endOfDay: true }) : null);


async function progressOf(deps: Deps, programId: string, def: Awaited<ReturnType<typeof loadProgram>>['def'], round: RoundRef, tracks: Set<string> | null = null): Promise<RoundProgress> {
  const [allApps, assignments, sheets, reminders] = await Promise.all([
    reviewableApplications(deps.db, programId, round), listAssignments(deps.db, programId, round.id), sheetsOfRound(deps.db, programId, round.id), remindersOfRound(deps.db, programId, round.id),
  ]);
  const apps = tracks ? allApps.filter((a) => tracks.has(a.track_id)) : allApps;
  const inScope = new Set(apps.map((a) => a.id));
  const live = assignments.filter((a) => a.status === 'published' && inScope.has(a.application_id));
  const sheetOf = new Map(sheets.map((s) => [s.assignment_id, s]));
  const appOf = new Map(apps.map((a) => [a.id, a]));
  const who = await expertsByIds(deps.db, [...new Set(live.map((a) => a.expert_id))]);
  const due = dueOf(round);
  const late = due !== null && deps.now() > due;
  const status = (id: string) => (sheetOf.get(id)?.status as 'draft' | 'submitted' | undefined) ?? 'none';
  const count = (list: typeof live) => ({
    assigned: list.length,
    started: list.filter((a) => status(a.id) !== 'none').length,
    submitted: list.filter((a) => status(a.id) === 'submitted').length,
  });
  const byExpert = new Map<string, typeof live>();
  for (const a of live) byExpert.set(a.expert_id, [...(byExpert.get(a.expert_id) ?? []), a]);
  return {
    roundId: round.id, roundName: round.name, dueAt: due,
    totals: { ...count(live), confirmed: live.filter((a) => a.confirmed_at !== null).length },
    tracks: def.tracks.map((t) => {
      const list = live.filter((a) => appOf.get(a.application_id)?.track_id === t.id);
      return { trackId: t.id, trackName: t.name, applications: apps.filter((a) => a.track_id === t.id).length, ...count(list) };
    }).filter((t) => t.applications > 0 || t.assigned > 0),
    experts: [...byExpert].map(([expertId, list]) => {
      const c = count(list);
      return { expertId, name: who.get(expertId)?.name ?? expertId, email: who.get(expertId)?.email ?? '', ...c, late: late && c.submitted < c.assigned };
    }).sort((a, b) => a.submitted / a.assigned - b.submitted / b.assigned || a.name.localeCompare(b.name, 'zh-CN')),
    sheets: live.map((a) => {
      const s = sheetOf.get(a.id);
      const app = appOf.get(a.application_id);
      return {
        assignmentId: a.id, applicationId: a.application_id, applicationNumber: app?.number ?? '', trackId: app?.track_id ?? '', expertId: a.expert_id, expertName: who.get(a.expert_id)?.name ?? '',
        status: status(a.id), total: s?.status === 'submitted' ? s.total : null, submittedAt: s?.submitted_at ?? null,
      };
    }),
    reminders: reminders.map((r) => ({ id: r.id, dueAt: r.due_at, sentAt: r.sent_at, sentCount: r.sent_count })),
  };
}

export async function roundProgress(deps: Deps, actor: Actor | null, programId: string, roundId: string | undefined): Promise<RoundProgress> {
  const ref = await authorizeRound(deps, actor, programId, roundId);
  return progressOf(deps, programId, ref.def, ref.round, ref.tracks);
}

/** Mails every expert with sheets outstanding in the round (and leaves an in-app notice); returns how many. */
async function sendReminders(deps: Deps, programId: string, roundId: string, tracks: Set<string> | null = null): Promise<number> {
  const ref = await loadProgram(deps.db, programId);
  const round = resolveRound(ref.def, roundId);
  const p = await progressOf(deps, programId, ref.def, round, tracks);
  const behind = p.experts.filter((e) => e.submitted < e.assigned);
  const who = await expertsByIds(deps.db, behind.map((e) => e.expertId));
  const due = p.dueAt === null ? '' : new Date(p.dueAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  for (const e of behind) {
    const left = e.assigned - e.submitted;
    const userId = who.get(e.expertId)?.user_id;
    if (userId) await addNotice(deps.db, { userId, kind: 'review.reminder', title: `评审提醒：${ref.def.name}`, body: `“${round.name}”还有${left}个项目待提交评分${due ? `，截止时间 ${due}（北京时间）` : ''}。`, link: '/expert/assignments' }, deps.now());
    await enqueueMail(deps.db, {
      to: e.email,
      subject: `评审提醒 / Review reminder: ${ref.def.name}`,
      text: `${e.name}专家，您好：\n\n“${ref.def.name}”${round.name}中，您还有${left}个项目的评分表未提交${due ? `，截止时间为 ${due}（北京时间）` : ''}。\n请登录绿评平台完成评审：${deps.config.publicUrl}/expert/assignments\n\n${left} score sheet(s) of ${ref.def.nameEn ?? ref.def.name} (${round.name}) are still to be submitted.\n`,
    });
  }
  return behind.length;
}

export async function remindExperts(deps: Deps, actor: Actor | null, programId: string, roundId: string, at: number | undefined, requestId: string | null = null) {
  const ref = await authorizeRound(deps, actor, programId, roundId);
  const now = deps.now();
  if (at !== undefined) {
    // A scheduled reminder goes to the whole round: the organizer's to set.
    requireWholeProgram(ref.tracks);
    if (at <= now) throw new AppError('VALIDATION', { fields: [{ path: 'at', message: { 'zh-CN': '提醒时间须晚于当前时间', en: 'The reminder must be scheduled in the future' } }] });
    const id = newId();
    await deps.db.transaction().execute(async (trx) => {
      await insertReminder(trx, { id, program_id: programId, round_id: ref.round.id, due_at: at, created_by: actor!.userId, created_at: now });
      await appendAudit(trx, { actorId: actor!.userId, action: 'review.reminder_schedule', entity: 'program', entityId: programId, after: { round: ref.round.id, at }, requestId }, now);
    });
    return { sent: null, scheduled: at };
  }
  const sent = await sendReminders(deps, programId, ref.round.id, ref.tracks);
  // Recorded like a scheduled one that is due at once, so the list shows every reminder sent.
  await recordSentReminder(deps.db, { id: newId(), program_id: programId, round_id: ref.round.id, created_by: actor!.userId, at: now, count: sent });
  await appendAudit(deps.db, { actorId: actor!.userId, action: 'review.reminder_send', entity: 'program', entityId: programId, after: { round: ref.round.id, experts: sent }, requestId }, now);
  return { sent, scheduled: null };
}

/** Sends the reminders that are due; each is claimed first, so two processes never both send one. */
export async function sendDueReminders(deps: Deps): Promise<number> {
  let sent = 0;
  for (const r of await dueReminders(deps.db, deps.now())) {
    if (!(await claimReminder(deps.db, r.id, deps.now()))) continue;
    const count = await sendReminders(deps, r.program_id, r.round_id).catch((err) => {
      deps.log.error({ err, reminderId: r.id }, 'scheduled reminder failed');
      return 0;
    });
    await recordReminderCount(deps.db, r.id, count);
    sent++;
  }
  return sent;
}
