import { AppError, defaultDecisionBlock, nextOutcome, type OutcomeEvent, type OutcomeStatus, type ProgramDefinition } from '@lvping/domain';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { outcomeOf, setOutcomeIfCurrent, type OutcomeRow } from './outcome.repository.ts';

/**
 * Moves a program's outcome by one event inside the caller's transaction, with its audit
 * record: refused (409, naming what is allowed) when the state machine refuses or another
 * request moved it first.
 */
export async function moveOutcome(
  trx: Db,
  def: ProgramDefinition,
  programId: string,
  event: OutcomeEvent,
  by: { actorId: string; requestId: string | null; now: number; details?: Record<string, unknown>; set?: Partial<Pick<OutcomeRow, 'submission' | 'approved_at' | 'published_at' | 'published_by'>> },
): Promise<{ from: OutcomeStatus; to: OutcomeStatus; outcome: OutcomeRow }> {
  const current = await outcomeOf(trx, programId, by.now);
  const from = current.status as OutcomeStatus;
  const step = nextOutcome(from, event, def.decision ?? defaultDecisionBlock);
  if ('refused' in step) throw new AppError('CONFLICT', { message: { 'zh-CN': step.refused.zh, en: step.refused.en }, details: { status: from, event } });
  if (!(await setOutcomeIfCurrent(trx, programId, from, { ...by.set, status: step.to, updated_at: by.now }))) {
    throw new AppError('CONFLICT', { message: { 'zh-CN': '名单状态刚被他人更改，请刷新后重试', en: 'Someone else just changed the outcome: reload and try again' } });
  }
  await appendAudit(trx, { actorId: by.actorId, action: `outcome.${event}`, entity: 'program', entityId: programId, before: { status: from }, after: { status: step.to, ...by.details }, requestId: by.requestId }, by.now);
  return { from, to: step.to, outcome: (await outcomeOf(trx, programId, by.now)) };
}
