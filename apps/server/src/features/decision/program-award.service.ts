import { AppError, programAwardWinners, type DecisionView } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { buildDecisionView } from './decision-view.ts';
import { deleteAwardWinner, insertAwardWinner, participationsOf, replaceRuleWinners } from './decision.repository.ts';
import { organizerProgram, reasonText, requireEditable } from './decision.service.ts';
import { findUnit } from '../recommendation/unit.repository.ts';

// Program-level awards (优秀组织奖): the rule's winners computed and written (by_rule), and
// winners added or removed by hand, each with a reason. Only while deciding.

async function awardOf(deps: Deps, actor: Actor | null, programId: string, awardId: string) {
  const ref = await organizerProgram(deps, actor, programId);
  const award = ref.def.programAwards.find((a) => a.id === awardId);
  if (!award) throw new AppError('NOT_FOUND', { message: { 'zh-CN': `本活动没有奖项 ${awardId}`, en: `This program has no award ${awardId}` } });
  return { ...ref, award };
}

const needReason = (reason: string) => {
  if (reason.length < 2) throw new AppError('VALIDATION', { fields: [{ path: 'reason', message: { 'zh-CN': '请填写理由', en: 'Give a reason' } }] });
};

export async function computeAward(deps: Deps, actor: Actor | null, programId: string, awardId: string, requestId: string | null = null): Promise<DecisionView> {
  const { program, def, award } = await awardOf(deps, actor, programId, awardId);
  if (award.rule.kind === 'manual') throw new AppError('VALIDATION', { message: { 'zh-CN': `“${award.name}”没有评定规则，请逐一添加并说明理由`, en: `${award.name} has no rule: add each winner by hand with a reason` } });
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await requireEditable(trx, programId, now);
    const winners = programAwardWinners(award.rule, await participationsOf(trx, programId), def.tracks.map((t) => ({ id: t.id, entry: t.entry, name: t.name })));
    await replaceRuleWinners(trx, programId, awardId, winners.map((w) => ({
      program_id: programId, award_id: awardId, unit_id: w.unitId, unit_name: w.unitName, by_rule: 1, reason: w.why.zh, decided_by: actor!.userId, decided_at: now,
    })));
    await appendAudit(trx, { actorId: actor!.userId, action: 'program_award.compute', entity: 'program', entityId: programId, after: { awardId, rule: award.rule, winners: winners.map((w) => w.unitId) }, requestId }, now);
  });
  return buildDecisionView(deps, programId, program, def);
}

export async function addAwardWinner(deps: Deps, actor: Actor | null, programId: string, awardId: string, input: { unitId: string; reason?: string }, requestId: string | null = null): Promise<DecisionView> {
  const { program, def } = await awardOf(deps, actor, programId, awardId);
  const reason = reasonText(input.reason);
  needReason(reason);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await requireEditable(trx, programId, now);
    const found = await findUnit(trx, input.unitId);
    const unit = found?.program_id === programId ? found : null;
    if (!unit) throw new AppError('VALIDATION', { fields: [{ path: 'unitId', message: { 'zh-CN': '不是本活动的推荐单位', en: 'Not a recommending unit of this program' } }] });
    const added = await insertAwardWinner(trx, { program_id: programId, award_id: awardId, unit_id: unit.id, unit_name: unit.name, by_rule: 0, reason, decided_by: actor!.userId, decided_at: now });
    if (!added) throw new AppError('CONFLICT', { message: { 'zh-CN': `${unit.name}已获此奖`, en: `${unit.name} already has this award` } });
    await appendAudit(trx, { actorId: actor!.userId, action: 'program_award.add', entity: 'program', entityId: programId, after: { awardId, unitId: unit.id, reason }, requestId }, now);
  });
  return buildDecisionView(deps, programId, program, def);
}

export async function removeAwardWinner(deps: Deps, actor: Actor | null, programId: string, awardId: string, unitId: string, input: { reason?: string }, requestId: string | null = null): Promise<DecisionView> {
  const { program, def } = await awardOf(deps, actor, programId, awardId);
  const reason = reasonText(input.reason);
  needReason(reason);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await requireEditable(trx, programId, now);
    if (!(await deleteAwardWinner(trx, programId, awardId, unitId))) throw new AppError('NOT_FOUND', { message: { 'zh-CN': '该单位未获此奖', en: 'This unit does not have this award' } });
    await appendAudit(trx, { actorId: actor!.userId, action: 'program_award.remove', entity: 'program', entityId: programId, after: { awardId, unitId, reason }, requestId }, now);
  });
  return buildDecisionView(deps, programId, program, def);
}
