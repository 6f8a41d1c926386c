import { AppError, can, defaultDecisionBlock, type CommitteeList, type OutcomeStatus, type ProgramDefinition } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { anchorAfter } from '../audit/audit-anchor.service.ts';
import { loadProgram } from '../experts/program-experts.service.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { moveOutcome } from '../outcome/move-outcome.ts';
import { findOutcome, listDecisions, setOutcomeIfCurrent } from '../outcome/outcome.repository.ts';
import { buildDecisionView } from '../decision/decision-view.ts';
import { programRoleHolders } from '../decision/decision.repository.ts';
import { afterApproved } from '../decision/outcome-approved.ts';
import { approversOf, insertCommitteeReviews } from './committee.repository.ts';

// The committee (评选顾问委员会 / 专家委员会) reviews the list the organizer submitted: reads it
// with the ranking's explanation and the organizer's reasons, comments, approves (once per
// submission; enough approvals approve the outcome) or proposes changes, which send the list
// back to the organizer. Only the program's committee members: nobody else, organizers included.

const isMember = (actor: Actor, programId: string) => actor.grants.some((g) => g.role === 'committee' && g.programId === programId);

async function memberProgram(deps: Deps, actor: Actor | null, programId: string) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!isMember(actor, programId) || !can(actor, 'committee.decide', { programId })) {
    throw new AppError('FORBIDDEN', { message: { 'zh-CN': '只有本活动的委员会成员可以审定名单', en: 'Only the program’s committee members review the list' } });
  }
  return loadProgram(deps.db, programId);
}

async function summaryOf(db: Db, actor: Actor, programId: string, name: string, def: ProgramDefinition) {
  const outcome = await findOutcome(db, programId);
  const status = (outcome?.status ?? 'deciding') as OutcomeStatus;
  const submission = outcome?.submission ?? 0;
  const approvers = submission ? await approversOf(db, programId, submission) : [];
  const approval = (def.decision ?? defaultDecisionBlock).approval;
  return {
    programId, programName: name, approvalName: approval.name ?? null, status, submission, approvalsRequired: approval.approvalsRequired, approvals: approvers.length,
    awaitingMe: status === 'with_committee' && !approvers.includes(actor.userId), approvedByMe: approvers.includes(actor.userId),
  };
}

export async function myCommitteePrograms(deps: Deps, actor: Actor | null) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const ids = [...new Set(actor.grants.filter((g) => g.role === 'committee' && g.programId).map((g) => g.programId!))];
  const items = [];
  for (const id of ids) {
    const ref = await loadProgram(deps.db, id).catch(() => null);
    if (!ref) continue;
    const { approvedByMe: _mine, ...summary } = await summaryOf(deps.db, actor, id, ref.program.name, ref.def);
    items.push(summary);
  }
  return { items: items.sort((a, b) => Number(b.awaitingMe) - Number(a.awaitingMe) || a.programName.localeCompare(b.programName, 'zh-CN')) };
}

export async function committeeList(deps: Deps, actor: Actor | null, programId: string): Promise<CommitteeList> {
  const { program, def } = await memberProgram(deps, actor, programId);
  const { approvedByMe, ...summary } = await summaryOf(deps.db, actor!, programId, program.name, def);
  // Before the first submission the list is the organizer's draft: nothing to show yet.
  const view = summary.submission > 0 ? await buildDecisionView(deps, programId, program, def) : null;
  return {
    program: summary, approvedByMe, open: summary.status === 'with_committee',
    tracks: view?.tracks.map((t) => ({ ...t, items: t.items.filter((i) => i.decided) })) ?? [], awards: view?.awards ?? [], reviews: view?.committee ?? [],
  };
}

/** Takes the outcome row's lock while it is with the committee (concurrent verdicts are serialized); 409 otherwise. */
async function lockWithCommittee(trx: Db, programId: string, now: number) {
  if (!(await setOutcomeIfCurrent(trx, programId, 'with_committee', { status: 'with_committee', updated_at: now }))) {
    throw new AppError('CONFLICT', { message: { 'zh-CN': '名单当前不在委员会审定中', en: 'The list is not with the committee now' } });
  }
  return (await findOutcome(trx, programId))!;
}

const result = async (trx: Db, programId: string) => {
  const o = (await findOutcome(trx, programId))!;
  return { status: o.status as OutcomeStatus, submission: o.submission, approvals: (await approversOf(trx, programId, o.submission)).length };
};

export async function commentOnList(deps: Deps, actor: Actor | null, programId: string, input: { applicationId?: string; body: string }, requestId: string | null = null) {
  await memberProgram(deps, actor, programId);
  const body = input.body.trim();
  if (body.length < 2) throw new AppError('VALIDATION', { fields: [{ path: 'body', message: { 'zh-CN': '请填写意见', en: 'Write the comment' } }] });
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const outcome = await lockWithCommittee(trx, programId, now);
    if (input.applicationId && !(await listDecisions(trx, programId)).some((d) => d.application_id === input.applicationId)) {
      throw new AppError('VALIDATION', { fields: [{ path: 'applicationId', message: { 'zh-CN': '不在本次名单中', en: 'Not on this list' } }] });
    }
    await insertCommitteeReviews(trx, [{ id: newId(), program_id: programId, submission: outcome.submission, user_id: actor!.userId, verdict: 'comment', application_id: input.applicationId ?? null, proposed_tier_id: null, body, created_at: now }]);
    await appendAudit(trx, { actorId: actor!.userId, action: 'committee.comment', entity: 'program', entityId: programId, after: { submission: outcome.submission, applicationId: input.applicationId ?? null, body }, requestId }, now);
    return result(trx, programId);
  });
}

export async function approveList(deps: Deps, actor: Actor | null, programId: string, input: { body?: string }, requestId: string | null = null) {
  const { def } = await memberProgram(deps, actor, programId);
  const required = (def.decision ?? defaultDecisionBlock).approval.approvalsRequired;
  const now = deps.now();
  return anchorAfter(deps, `committee.approve ${programId}`, deps.db.transaction().execute(async (trx) => {
    const outcome = await lockWithCommittee(trx, programId, now);
    const approvers = await approversOf(trx, programId, outcome.submission);
    if (approvers.includes(actor!.userId)) throw new AppError('CONFLICT', { message: { 'zh-CN': '您已审定通过本次提交的名单', en: 'You have already approved this submission of the list' } });
    await insertCommitteeReviews(trx, [{ id: newId(), program_id: programId, submission: outcome.submission, user_id: actor!.userId, verdict: 'approve', application_id: null, proposed_tier_id: null, body: input.body?.trim() ?? '', created_at: now }]);
    await appendAudit(trx, { actorId: actor!.userId, action: 'committee.approve', entity: 'program', entityId: programId, after: { submission: outcome.submission, approvals: approvers.length + 1, required }, requestId }, now);
    if (approvers.length + 1 >= required) {
      await moveOutcome(trx, def, programId, 'approve', { actorId: actor!.userId, requestId, now, details: { submission: outcome.submission, approvers: [...approvers, actor!.userId] }, set: { approved_at: now } });
      await afterApproved(trx, def, programId, { actorId: actor!.userId, requestId, now, submission: outcome.submission });
    }
    return result(trx, programId);
  }));
}

export async function proposeChanges(deps: Deps, actor: Actor | null, programId: string, input: { body?: string; items: { applicationId: string; proposedTierId: string | null; reason: string }[] }, requestId: string | null = null) {
  const { def } = await memberProgram(deps, actor, programId);
  const body = input.body?.trim() ?? '';
  if (!input.items.length && body.length < 2) throw new AppError('VALIDATION', { fields: [{ path: 'body', message: { 'zh-CN': '请说明修改意见，或对具体申报提出调整', en: 'Say what should change, or propose a change to an application' } }] });
  const short = input.items.map((it, i) => ({ it, i })).filter(({ it }) => it.reason.trim().length < 2);
  if (short.length) throw new AppError('VALIDATION', { fields: short.map(({ i }) => ({ path: `items.${i}.reason`, message: { 'zh-CN': '请填写调整理由', en: 'Give the reason for the change' } })) });
  const now = deps.now();
  return anchorAfter(deps, `outcome.propose_changes ${programId}`, deps.db.transaction().execute(async (trx) => {
    const outcome = await lockWithCommittee(trx, programId, now);
    const decisions = new Map((await listDecisions(trx, programId)).map((d) => [d.application_id, d]));
    const fields = input.items.flatMap((it, i) => {
      const d = decisions.get(it.applicationId);
      if (!d) return [{ path: `items.${i}.applicationId`, message: { 'zh-CN': '不在本次名单中', en: 'Not on this list' } }];
      const tiers = def.tracks.find((t) => t.id === d.track_id)?.awardTiers ?? [];
      if (it.proposedTierId !== null && !tiers.some((t) => t.id === it.proposedTierId)) return [{ path: `items.${i}.proposedTierId`, message: { 'zh-CN': `该赛道没有获奖等级 ${it.proposedTierId}`, en: `The track has no award tier ${it.proposedTierId}` } }];
      return [];
    });
    if (fields.length) throw new AppError('VALIDATION', { fields });
    await insertCommitteeReviews(trx, [
      ...(body ? [{ id: newId(), program_id: programId, submission: outcome.submission, user_id: actor!.userId, verdict: 'changes', application_id: null, proposed_tier_id: null, body, created_at: now }] : []),
      ...input.items.map((it) => ({ id: newId(), program_id: programId, submission: outcome.submission, user_id: actor!.userId, verdict: 'changes', application_id: it.applicationId, proposed_tier_id: it.proposedTierId, body: it.reason.trim(), created_at: now })),
    ]);
    await moveOutcome(trx, def, programId, 'propose_changes', { actorId: actor!.userId, requestId, now, details: { submission: outcome.submission, body: body || null, items: input.items } });
    for (const userId of await programRoleHolders(trx, programId, 'organizer')) {
      await addNotice(trx, { userId, kind: 'committee.changes', title: `委员会提出修改意见：${def.name}`, body: `委员会对名单提出 ${input.items.length} 项调整建议${body ? `：${body.slice(0, 200)}` : ''}`, link: `/organizer/programs/${programId}?tab=decisions` }, now);
    }
    return result(trx, programId);
  }));
}
