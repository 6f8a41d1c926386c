import { AppError, nextStatus, type ApplicationStatus, type OutcomeMoveResult, type ProgramDefinition, type RoundRanking } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { insertEvent, setStatusIfCurrent } from '../applications/application.repository.ts';
import { anchorAfter } from '../audit/audit-anchor.service.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { moveOutcome } from '../outcome/move-outcome.ts';
import { listDecisions, outcomeOf } from '../outcome/outcome.repository.ts';
import { blockersOf, decisionTracks, lastRanking } from './decision-view.ts';
import { applicationHeads, programRoleHolders } from './decision.repository.ts';
import { organizerProgram, reasonText } from './decision.service.ts';
import { afterApproved } from './outcome-approved.ts';

// The organizer moves the list on: to the committee (submit: a new submission, whose approvals
// count afresh), straight to approved where no committee is required (finalize), or back to
// deciding (reopen, with a reason). Nothing leaves while a tier lacks its count or a change
// lacks its reason.

async function refuseBlocked(trx: Db, programId: string, def: ProgramDefinition, ranking: RoundRanking) {
  const blockers = blockersOf((await decisionTracks(trx, programId, def, ranking)).tracks);
  if (blockers.length) {
    throw new AppError('CONFLICT', {
      message: { 'zh-CN': `名单尚不能提交：${blockers.map((b) => b['zh-CN']).join('；')}`, en: `The list cannot go yet: ${blockers.map((b) => b.en).join('; ')}` },
      details: { blockers },
    });
  }
}

export async function submitToCommittee(deps: Deps, actor: Actor | null, programId: string, requestId: string | null = null): Promise<OutcomeMoveResult> {
  const { def } = await organizerProgram(deps, actor, programId);
  const ranking = await lastRanking(deps, programId, def);
  const now = deps.now();
  return anchorAfter(deps, `outcome.submit ${programId}`, deps.db.transaction().execute(async (trx) => {
    const current = await outcomeOf(trx, programId, now);
    await refuseBlocked(trx, programId, def, ranking);
    const submission = current.submission + 1;
    const moved = await moveOutcome(trx, def, programId, 'submit', { actorId: actor!.userId, requestId, now, details: { submission }, set: { submission } });
    for (const userId of await programRoleHolders(trx, programId, 'committee')) {
      await addNotice(trx, { userId, kind: 'committee.awaiting', title: `待审定：${def.name}`, body: `${def.decision?.approval.name ?? '获奖名单'}（第 ${submission} 次提交）等待您审定。`, link: `/committee/programs/${programId}` }, now);
    }
    return { status: moved.to, submission };
  }));
}

export async function finalizeOutcome(deps: Deps, actor: Actor | null, programId: string, requestId: string | null = null): Promise<OutcomeMoveResult> {
  const { def } = await organizerProgram(deps, actor, programId);
  const ranking = await lastRanking(deps, programId, def);
  const now = deps.now();
  return anchorAfter(deps, `outcome.finalize ${programId}`, deps.db.transaction().execute(async (trx) => {
    const current = await outcomeOf(trx, programId, now);
    await refuseBlocked(trx, programId, def, ranking);
    const moved = await moveOutcome(trx, def, programId, 'finalize', { actorId: actor!.userId, requestId, now, set: { approved_at: now } });
    await afterApproved(trx, def, programId, { actorId: actor!.userId, requestId, now, submission: current.submission });
    return { status: moved.to, submission: current.submission };
  }));
}

/** Back to deciding; candidates of an approved list are taken off it (they return to the last round's status). */
export async function reopenOutcome(deps: Deps, actor: Actor | null, programId: string, input: { reason?: string }, requestId: string | null = null): Promise<OutcomeMoveResult> {
  const { def } = await organizerProgram(deps, actor, programId);
  const reason = reasonText(input.reason);
  if (reason.length < 2) throw new AppError('VALIDATION', { fields: [{ path: 'reason', message: { 'zh-CN': '请填写撤回的理由', en: 'Give the reason for reopening' } }] });
  const now = deps.now();
  return anchorAfter(deps, `outcome.reopen ${programId}`, deps.db.transaction().execute(async (trx) => {
    const moved = await moveOutcome(trx, def, programId, 'reopen', { actorId: actor!.userId, requestId, now, details: { reason }, set: { approved_at: null } });
    if (moved.from !== 'with_committee') {
      const ids = (await listDecisions(trx, programId)).map((d) => d.application_id);
      for (const h of await applicationHeads(trx, ids)) {
        const to = nextStatus(h.status as ApplicationStatus, 'unshortlist');
        if (!to || !(await setStatusIfCurrent(trx, h.id, { statuses: [h.status] }, { status: to, updated_at: now }))) continue;
        await insertEvent(trx, { id: newId(), application_id: h.id, at: now, status: to, note: `名单撤回重新拟定：${reason}`, actor_id: actor!.userId });
      }
    }
    return { status: moved.to, submission: moved.outcome.submission };
  }));
}
