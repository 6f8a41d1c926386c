import { AppError, emptySheet, sheetProblems, unknownKeys, sheetTotal, SheetSchema, type Rubric, type Sheet, type SheetView } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { findApplication } from '../applications/application.repository.ts';
import { findAssignment } from '../assignment/assignment.repository.ts';
import { ownExpert } from '../assignment/expert-assignment.service.ts';
import { findExpert } from '../experts/expert.repository.ts';
import { loadProgram } from '../experts/program-experts.service.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { enqueueMail } from '../jobs/mail-job.ts';
import { findSheet, insertSheet, saveSheetIfCurrent, submitSheetIfCurrent, unlockSheetIfSubmitted, type SheetRow } from './review.repository.ts';
import { resolveRound, reviewScope, roundRubric } from './rounds.ts';

// The expert's score sheet: autosaved drafts with the same revision check as the application
// form, submission that locks it, and the organizer's unlock with a reason the expert sees.

/** The expert's own published assignment, conflict confirmed: what a sheet is scored on. */
export async function openAssignment(deps: Deps, actor: Actor | null, assignmentId: string) {
  const own = await ownExpert(deps, actor);
  const row = await findAssignment(deps.db, assignmentId);
  if (!row || row.expert_id !== own.id || row.status !== 'published') throw new AppError('NOT_FOUND');
  if (row.confirmed_at === null) {
    throw new AppError('FORBIDDEN', { message: { 'zh-CN': '请先确认与该项目无需回避，再查看和评分', en: 'Confirm you have no conflict with this application before reading or scoring it' } });
  }
  const ref = await loadProgram(deps.db, row.program_id);
  const app = await findApplication(deps.db, row.application_id);
  if (!app || app.status === 'withdrawn') throw new AppError('NOT_FOUND', { message: { 'zh-CN': '该申报已撤回', en: 'This application was withdrawn' } });
  const round = resolveRound(ref.def, row.round_id);
  return { own, row, ref, app, round };
}

function viewOf(assignmentId: string, rubric: Rubric, sheetRow: SheetRow | undefined, timing: SheetView['timing']): SheetView {
  const sheet: Sheet = sheetRow ? SheetSchema.parse(JSON.parse(sheetRow.sheet_json)) : emptySheet();
  const t = sheetTotal(rubric, sheet);
  const submitted = sheetRow?.status === 'submitted';
  return {
    assignmentId, rubric, sheet,
    status: sheetRow ? (submitted ? 'submitted' : 'draft') : 'none',
    revision: sheetRow?.revision ?? 0,
    total: submitted ? sheetRow!.total : t.total,
    failedGates: t.failedGates,
    problems: submitted ? [] : sheetProblems(rubric, sheet, { complete: true }),
    unlockReason: sheetRow?.unlock_reason ?? null,
    updatedAt: sheetRow?.updated_at ?? null,
    submittedAt: sheetRow?.submitted_at ?? null,
    timing,
  };
}

export async function getSheet(deps: Deps, actor: Actor | null, assignmentId: string): Promise<SheetView> {
  const { app, round } = await openAssignment(deps, actor, assignmentId);
  return viewOf(assignmentId, roundRubric(round, app.track_id), await findSheet(deps.db, assignmentId), round.round?.timing ?? null);
}

/** Autosave: any values of the right shape are kept (a draft may be wrong); unknown criteria are refused. */
export async function saveSheet(deps: Deps, actor: Actor | null, assignmentId: string, input: { sheet: Sheet; baseRevision: number }): Promise<SheetView> {
  const { row, app, round } = await openAssignment(deps, actor, assignmentId);
  const rubric = roundRubric(round, app.track_id);
  const unknown = unknownKeys(rubric, input.sheet);
  if (unknown.length) throw new AppError('VALIDATION', { fields: unknown });
  const now = deps.now();
  const json = JSON.stringify(input.sheet);
  const current = await findSheet(deps.db, assignmentId);
  if (current?.status === 'submitted') throw locked(current);
  if (!current) {
    if (input.baseRevision !== 0) throw new AppError('STALE_REVISION', { details: { currentRevision: 0, updatedAt: null } });
    try {
      await insertSheet(deps.db, {
        assignment_id: assignmentId, program_id: row.program_id, round_id: row.round_id, application_id: row.application_id, expert_id: row.expert_id,
        sheet_json: json, total: null, status: 'draft', revision: 1, started_at: now, updated_at: now, submitted_at: null, unlock_reason: null, unlocked_at: null,
      });
    } catch {
      // Two first saves at once (two tabs): the second is stale, as any later one would be.
      throw await staleOrLocked(deps, assignmentId);
    }
  } else if (!(await saveSheetIfCurrent(deps.db, assignmentId, input.baseRevision, { sheet_json: json, updated_at: now }))) {
    throw await staleOrLocked(deps, assignmentId);
  }
  return viewOf(assignmentId, rubric, await findSheet(deps.db, assignmentId), round.round?.timing ?? null);
}

function locked(row: SheetRow): AppError {
  return new AppError('CONFLICT', { message: { 'zh-CN': '评分表已提交并锁定；如需修改，请联系组织方解锁', en: 'This score sheet is submitted and locked; ask the organizer to unlock it' }, details: { status: row.status, submittedAt: row.submitted_at } });
}

async function staleOrLocked(deps: Deps, assignmentId: string): Promise<AppError> {
  const current = await findSheet(deps.db, assignmentId);
  if (current?.status === 'submitted') return locked(current);
  return new AppError('STALE_REVISION', { details: { currentRevision: current?.revision ?? 0, updatedAt: current?.updated_at ?? null } });
}

/** Submission: the sheet must be complete and valid; it is locked from then on. */
export async function submitSheet(deps: Deps, actor: Actor | null, assignmentId: string, baseRevision: number, requestId: string | null = null): Promise<SheetView> {
  const { row, app, round } = await openAssignment(deps, actor, assignmentId);
  const rubric = roundRubric(round, app.track_id);
  const current = await findSheet(deps.db, assignmentId);
  if (current?.status === 'submitted') throw locked(current);
  if (!current || current.revision !== baseRevision) throw new AppError('STALE_REVISION', { details: { currentRevision: current?.revision ?? 0, updatedAt: current?.updated_at ?? null } });
  const sheet = SheetSchema.parse(JSON.parse(current.sheet_json));
  const problems = sheetProblems(rubric, sheet, { complete: true });
  if (problems.length) throw new AppError('VALIDATION', { message: { 'zh-CN': `评分表还有 ${problems.length} 处需要完善`, en: `${problems.length} item(s) of the sheet still need attention` }, fields: problems });
  const t = sheetTotal(rubric, sheet);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await submitSheetIfCurrent(trx, assignmentId, baseRevision, { total: t.total, submitted_at: now, updated_at: now }))) throw await staleOrLocked(deps, assignmentId);
    await appendAudit(trx, {
      actorId: actor!.userId, action: 'review.sheet_submit', entity: 'application', entityId: row.application_id,
      after: { assignmentId, round: row.round_id, expertId: row.expert_id, total: t.total, scores: sheet.scores, failedGates: t.failedGates.map((g) => g.gateId) }, requestId,
    }, now);
  });
  return viewOf(assignmentId, rubric, await findSheet(deps.db, assignmentId), round.round?.timing ?? null);
}

/** Only an organizer unlocks a submitted sheet, with a reason the expert is shown and the audit log keeps. */
export async function unlockSheet(deps: Deps, actor: Actor | null, programId: string, assignmentId: string, reason: string, requestId: string | null = null) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const row = await findAssignment(deps.db, assignmentId);
  if (!row || row.program_id !== programId) throw new AppError('NOT_FOUND');
  const ref = await loadProgram(deps.db, programId);
  const scope = reviewScope(actor, ref.def, programId, resolveRound(ref.def, row.round_id));
  const app = await findApplication(deps.db, row.application_id);
  if (scope && !scope.has(app?.track_id ?? '')) throw new AppError('FORBIDDEN');
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await unlockSheetIfSubmitted(trx, assignmentId, reason, now))) throw new AppError('CONFLICT', { message: { 'zh-CN': '该评分表未提交，无需解锁', en: 'This sheet is not submitted; there is nothing to unlock' } });
    await appendAudit(trx, { actorId: actor.userId, action: 'review.sheet_unlock', entity: 'application', entityId: row.application_id, after: { assignmentId, expertId: row.expert_id, reason }, requestId }, now);
  });
  const expert = await findExpert(deps.db, row.expert_id);
  if (expert?.user_id) {
    await addNotice(deps.db, { userId: expert.user_id, kind: 'review.unlocked', title: `评分表已解锁：${ref.def.name}`, body: `组织方解锁了您已提交的评分表，原因：${reason}`, link: `/expert/assignments/${assignmentId}` }, now);
  }
  if (expert) {
    await enqueueMail(deps.db, {
      to: expert.email, subject: `评分表已解锁 / Score sheet unlocked: ${ref.def.name}`,
      text: `${expert.name}专家，您好：\n\n组织方解锁了您在“${ref.def.name}”中已提交的一份评分表，原因：${reason}\n请修改后重新提交：${deps.config.publicUrl}/expert/assignments/${assignmentId}\n\nThe organizer unlocked one of your submitted score sheets. Reason: ${reason}\n`,
    });
  }
  return { unlocked: true as const };
}
