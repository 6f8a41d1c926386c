import { AppError, can, callWindow, phaseOf, shanghaiToEpoch, type ProgramDefinition } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { authorize } from '../access/access.service.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { findApplication } from '../applications/application.repository.ts';
import { readableByRole } from '../applications/application-access.ts';
import { deadlineOf } from '../applications/application.service.ts';
import { unitExists } from '../dashboard/recommendation-tables.ts';
import { findUnitDeadline, listUnitDeadlines, saveUnitDeadline, setApplicationDeadline } from './deadline.repository.ts';
import { programAndTrack } from './screening-access.ts';

// Deadlines and their extensions. The call's end binds applicants; the recommendation phase's
// end binds recommending units. An organizer may extend one application's or one unit's
// deadline; each extension is in the audit log with the deadline before and after.

/** The recommendation phase's end, or the call's when the program has no recommendation phase. */
export function recommendationClosesAt(def: Pick<ProgramDefinition, 'phases'>): number {
  const phase = phaseOf(def, 'recommendation');
  return phase ? shanghaiToEpoch(phase.endsAt, { endOfDay: true }) : callWindow(def).closesAt;
}

/** A unit's recommendation deadline, its extension included: for the recommendation feature to enforce. */
export async function unitRecommendationDeadline(db: Db, def: Pick<ProgramDefinition, 'phases'>, programId: string, unitId: string): Promise<number> {
  return (await findUnitDeadline(db, programId, unitId))?.until ?? recommendationClosesAt(def);
}

function untilOf(deps: Deps, until: string | null): number | null {
  if (until === null) return null;
  // "2026-12-01" means the end of that day, as deadlines are written in the programs.
  const at = shanghaiToEpoch(until, { endOfDay: true });
  if (at <= deps.now()) throw new AppError('VALIDATION', { fields: [{ path: 'until', message: { 'zh-CN': '延长后的截止时间须晚于当前时间', en: 'The extended deadline must be in the future' } }] });
  return at;
}

export async function extendApplicationDeadline(deps: Deps, actor: Actor | null, id: string, input: { until: string | null; reason: string }, requestId: string | null = null) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const row = await findApplication(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (!can(actor, 'program.configure', { programId: row.program_id })) {
    // Those who may read it are told no; others (and anyone but its applicant, for a draft) learn nothing.
    const readable = row.applicant_user_id === actor.userId || readableByRole(actor, row);
    throw new AppError(readable ? 'FORBIDDEN' : 'NOT_FOUND');
  }
  const { def } = await programAndTrack(deps, row.program_id);
  const until = untilOf(deps, input.until);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await setApplicationDeadline(trx, id, until);
    await appendAudit(trx, {
      actorId: actor.userId, action: 'application.extend_deadline', entity: 'application', entityId: id, requestId,
      before: { deadlineOverride: row.deadline_override, deadline: deadlineOf(row, def) },
      after: { deadlineOverride: until, deadline: deadlineOf({ ...row, deadline_override: until }, def), reason: input.reason },
    }, now);
  });
  return { deadline: deadlineOf({ ...row, deadline_override: until }, def), override: until };
}

export async function extendUnitDeadline(deps: Deps, actor: Actor | null, programId: string, unitId: string, input: { until: string | null; reason: string }, requestId: string | null = null) {
  const { def } = await programAndTrack(deps, programId);
  authorize(actor, 'program.configure', { programId });
  // Units are the recommendation feature's: checked when its table exists, taken on trust before.
  if ((await unitExists(deps.db, unitId, programId)) === false) throw new AppError('NOT_FOUND', { fields: [{ path: 'unitId', message: { 'zh-CN': '没有这个推荐单位', en: 'No such recommending unit' } }] });
  const until = untilOf(deps, input.until);
  const before = await findUnitDeadline(deps.db, programId, unitId);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await saveUnitDeadline(trx, { programId, unitId, until, by: actor.userId, now });
    await appendAudit(trx, {
      actorId: actor.userId, action: 'unit.extend_deadline', entity: 'recommending_unit', entityId: unitId, requestId,
      before: { programId, until: before?.until ?? null, deadline: before?.until ?? recommendationClosesAt(def) },
      after: { programId, until, deadline: until ?? recommendationClosesAt(def), reason: input.reason },
    }, now);
  });
  return { deadline: until ?? recommendationClosesAt(def), override: until };
}

export async function programDeadlines(deps: Deps, actor: Actor | null, programId: string) {
  const { def } = await programAndTrack(deps, programId);
  authorize(actor, 'application.list', { programId });
  const units = await listUnitDeadlines(deps.db, programId);
  return { callClosesAt: callWindow(def).closesAt, recommendationClosesAt: recommendationClosesAt(def), units: units.map((u) => ({ unitId: u.unit_id, until: u.until })) };
}
