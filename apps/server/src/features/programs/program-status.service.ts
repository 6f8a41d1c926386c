import { AppError, programStatusStep, type ProgramStatus } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { anchorAfter } from '../audit/audit-anchor.service.ts';
import { findOutcome } from '../outcome/outcome.repository.ts';
import { updateProgramIfUnchanged, type ProgramRow } from './program.repository.ts';
import { programDefinition } from './program.service.ts';

/**
 * The one mover of a program's status (the caller has checked `program.configure`): one step
 * along the path the definition's phases give (program-status.ts), refused with 409 naming the
 * allowed next status otherwise; audited in the change's transaction and anchored after commit.
 */
export async function moveProgramStatus(deps: Deps, actor: Actor, row: ProgramRow, to: ProgramStatus, requestId: string | null): Promise<void> {
  const from = row.status as ProgramStatus;
  if (from === to) return; // asking again for where it is changes nothing (a double click)
  const step = programStatusStep(programDefinition(row), from, to);
  if ('refused' in step) throw new AppError('CONFLICT', { message: { 'zh-CN': step.refused.zh, en: step.refused.en }, details: { status: from, to, allowed: step.allowed } });
  // "Results published" is the outcome's publication (publication.service.ts), never ahead of it.
  if (to === 'published' && (await findOutcome(deps.db, row.id))?.status !== 'published') {
    throw new AppError('CONFLICT', {
      message: { 'zh-CN': '评比结果尚未发布（见“发布”页），活动不能进入“结果已发布”', en: 'The results have not been published yet (see the Publication tab): the program cannot be marked "Results published"' },
      details: { status: from, to, allowed: step.allowed },
    });
  }
  await anchorAfter(deps, `program.set_status ${row.id}`, deps.db.transaction().execute(async (trx) => {
    const now = Math.max(deps.now(), row.updated_at + 1);
    if (!(await updateProgramIfUnchanged(trx, row.id, row.updated_at, { status: to, updated_at: now }))) throw new AppError('STALE_REVISION');
    await appendAudit(trx, { actorId: actor.userId, action: 'program.set_status', entity: 'program', entityId: row.id, before: { status: from }, after: { status: to }, requestId }, now);
  }));
}
