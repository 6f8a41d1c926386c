import { AppError } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { authorize } from '../access/access.service.ts';
import { setPreferences } from './nomination.repository.ts';
import { loadMemberUnit } from './recommendation-access.ts';
import { listEndorsementsOf } from './unit-summary.repository.ts';
import { listCandidates } from './nomination.service.ts';

/**
 * The unit's order of preference (推荐排序) over everything it endorsed and still stands: the
 * request lists each of them exactly once, first preference first, so an order is never partial.
 */
export async function setPreferenceOrder(deps: Deps, actor: Actor | null, unitId: string, applicationIds: string[], requestId: string | null = null) {
  const unit = await loadMemberUnit(deps, actor, unitId);
  authorize(actor, 'nomination.endorse', { programId: unit.program_id });
  const standing = (await listEndorsementsOf(deps.db, [unitId])).map((e) => e.id);
  const given = new Set(applicationIds);
  const missing = standing.filter((id) => !given.has(id));
  const extra = applicationIds.filter((id) => !standing.includes(id));
  if (missing.length || extra.length || given.size !== applicationIds.length) {
    const msg = { 'zh-CN': '推荐排序须包含本单位已推荐的全部申报，且每项只出现一次（列表已变化，请刷新后重试）', en: 'The order must list every application your unit endorsed, each once (the list changed; reload and retry)' };
    throw new AppError('VALIDATION', { message: msg, fields: [{ path: 'applicationIds', message: msg }], details: { missing, extra } });
  }
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await setPreferences(trx, unitId, applicationIds);
    await appendAudit(trx, { actorId: actor!.userId, action: 'nomination.preference', entity: 'recommending_unit', entityId: unitId, after: { order: applicationIds }, requestId }, now);
  });
  return listCandidates(deps, actor, unitId);
}
