import { AppError, applicationTitle, masker, shanghaiToEpoch, type ProgramDefinition } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { findExpertOfUser } from '../experts/expert.repository.ts';
import { loadProgram, trackNameOf, writeDeclaredConflicts } from '../experts/program-experts.service.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { enqueueMail } from '../jobs/mail-job.ts';
import { findProgramById } from '../programs/program.repository.ts';
import { programDefinition } from '../programs/program.service.ts';
import { loadAssignmentProblem } from './assignment-problem.ts';
import { resolveRound } from '../review/rounds.ts';
import { assignmentsOfExpert, confirmAssignment, declineAssignmentIfOpen, findAssignment, insertAssignments, latestRun, listAssignments } from './assignment.repository.ts';

// The expert's side: the published assignments, shown by number and applicant only, so a
// conflict can be declared before the content is seen; declaring one refills the slot.

export async function ownExpert(deps: Deps, actor: Actor | null) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const own = await findExpertOfUser(deps.db, actor.userId);
  if (!own) throw new AppError('FORBIDDEN', { message: { 'zh-CN': '您不是评审专家', en: 'You are not an expert' } });
  return own;
}

export async function listMyAssignments(deps: Deps, actor: Actor | null) {
  const own = await ownExpert(deps, actor);
  const rows = await assignmentsOfExpert(deps.db, own.id);
  const items = [];
  const programs = new Map<string, ProgramDefinition | null>();
  for (const r of rows) {
    if (!programs.has(r.program_id)) {
      const program = await findProgramById(deps.db, r.program_id);
      programs.set(r.program_id, program?.definition_json ? programDefinition(program) : null);
    }
    const def = programs.get(r.program_id);
    if (!def) continue;
    const round = resolveRound(def, r.round_id);
    const blind = round.round?.blind ?? false;
    const refs = (def.review?.affinityFields ?? []).find((f) => f.form === r.form_id)?.fields ?? null;
    const title = applicationTitle(JSON.parse(r.answers_json), refs);
    items.push({
      id: r.id, programId: r.program_id, programName: def.name, applicationId: r.application_id, applicationNumber: r.number,
      // Blind: the applicant is not named, and the title is masked of its name too.
      orgName: blind ? null : r.org_name,
      title: title && blind ? masker([r.org_name])(title) : title,
      trackName: trackNameOf(def, r.track_id) ?? r.track_id, status: r.status as 'published',
      roundId: r.round_id, roundName: round.name, blind, confirmed: r.confirmed_at !== null,
      sheet: (r.sheet_status ?? 'none') as 'none', total: r.sheet_status === 'submitted' ? r.sheet_total : null, unlockReason: r.unlock_reason,
      dueAt: round.phase ? shanghaiToEpoch(round.phase.endsAt, { endOfDay: true }) : null,
    });
  }
  return { items };
}

/** The expert confirms having no conflict with an assigned application: it may now be read. */
export async function confirmNoConflict(deps: Deps, actor: Actor | null, assignmentId: string, requestId: string | null = null) {
  const own = await ownExpert(deps, actor);
  const row = await findAssignment(deps.db, assignmentId);
  if (!row || row.expert_id !== own.id || row.status !== 'published') throw new AppError('NOT_FOUND');
  if (row.confirmed_at !== null) return { confirmed: true as const };
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await confirmAssignment(trx, assignmentId, now))) return;
    await appendAudit(trx, { actorId: actor!.userId, action: 'review.assignment_confirm', entity: 'application', entityId: row.application_id, after: { assignmentId, expertId: own.id }, requestId }, now);
  });
  return { confirmed: true as const };
}

/**
 * The expert declares a conflict with an assigned application: the conflict is recorded, the
 * assignment declined, and the slot given to the best allowed expert with room (most affinity
 * less the load cost of the latest solve). Without one the organizer sees the application short.
 */
export async function declareAssignmentConflict(deps: Deps, actor: Actor | null, assignmentId: string, reason: string, requestId: string | null = null) {
  const own = await ownExpert(deps, actor);
  const row = await findAssignment(deps.db, assignmentId);
  if (!row || row.expert_id !== own.id || row.status === 'draft') throw new AppError('NOT_FOUND');
  if (row.status === 'declined') throw new AppError('CONFLICT', { message: { 'zh-CN': '已声明回避', en: 'Already declared' } });
  const ref = await loadProgram(deps.db, row.program_id);
  const now = deps.now();
  const result = await deps.db.transaction().execute(async (trx) => {
    if (!(await declineAssignmentIfOpen(trx, row.id, reason))) throw new AppError('CONFLICT', { message: { 'zh-CN': '已声明回避', en: 'Already declared' } });
    await writeDeclaredConflicts(trx, row.program_id, own.id, [{ applicationId: row.application_id, reason }], 'assignment', actor!.userId, now);
    // Read after the conflict is written: the problem now blocks this pair.
    const p = await loadAssignmentProblem(trx, row.program_id, ref.def, resolveRound(ref.def, row.round_id));
    const rows = await listAssignments(trx, row.program_id, row.round_id);
    const run = await latestRun(trx, row.program_id, row.round_id);
    const a = p.appIndex.get(row.application_id);
    let best: { e: number; value: number } | null = null;
    if (a !== undefined) {
      for (let e = 0; e < p.experts.length; e++) {
        const id = p.experts[e].expertId;
        if (p.blocks(a, e).length || rows.some((r) => r.application_id === row.application_id && r.expert_id === id)) continue;
        const load = rows.filter((r) => r.expert_id === id && r.status !== 'declined').length;
        if (load >= p.capacity[e]) continue;
        const value = p.affinity.score(a, e) - (run?.load_cost ?? 0) * load;
        if (!best || value > best.value) best = { e, value };
      }
    }
    const refill = best && p.experts[best.e];
    if (refill && a !== undefined) {
      await insertAssignments(trx, [{ id: newId(), program_id: row.program_id, round_id: row.round_id, confirmed_at: null, application_id: row.application_id, expert_id: refill.expertId, affinity: p.affinity.score(a, best!.e), status: 'published', source: 'refill', declined_reason: null, created_at: now, published_at: now }]);
      if (refill.userId) await addNotice(trx, { userId: refill.userId, kind: 'review.assigned', title: `评审任务：${ref.def.name}`, body: '您新增1个待评审项目。请先确认是否需要回避，再查看申报材料。', link: '/expert/assignments' }, now);
    }
    await appendAudit(trx, { actorId: actor!.userId, action: 'review.assignment_conflict', entity: 'application', entityId: row.application_id, after: { expertId: own.id, reason, refilledWith: refill?.expertId ?? null }, requestId }, now);
    return refill ? { email: refill.profile.email, name: refill.profile.name } : null;
  });
  if (result) {
    await enqueueMail(deps.db, {
      to: result.email,
      subject: `评审任务 / Review assignment: ${ref.def.name}`,
      text: `${result.name}专家，您好：\n\n“${ref.def.name}”为您新增1个待评审项目：\n${deps.config.publicUrl}/expert/assignments\n\nOne more application to review for ${ref.def.name}.\n`,
    });
  }
  return { declined: true as const, refilled: result !== null };
}
