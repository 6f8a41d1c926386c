import {
  AppError, AssignmentInputError, checkCertificate, conflictKindNames, describeShortfalls, nextStatus, normalize, solveAssignment,
  type AssignmentView, type Shortfall,
} from '@lvping/domain';
import type { z } from 'zod';
import type { EditAssignmentRequestSchema, PairRuleRequestSchema, SolveAssignmentRequestSchema } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { insertEvent, setStatusIfCurrent } from '../applications/application.repository.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { loadProgram, type ProgramRef } from '../experts/program-experts.service.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { enqueueMail } from '../jobs/mail-job.ts';
import { loadAssignmentProblem, type AssignmentProblem, type PairBlock } from './assignment-problem.ts';
import { qualityOf } from './assignment-quality.ts';
import { resolveRound, reviewScope, roundsOf, type RoundRef } from '../review/rounds.ts';
import {
  deleteAssignment, deleteDraftAssignments, deletePairRule, insertAssignments, insertEntries, insertRun, latestRun, listAssignments, publishDrafts, updateAssignmentExpert, upsertPairRule,
  type AssignmentRow,
} from './assignment.repository.ts';

// The organizer's side of review assignment: solve (exact, certified), look at it with its
// quality report, edit by hand with 回避 still enforced, pin/ban/override pairs, publish.

export async function authorizeAssign(deps: Deps, actor: Actor | null, programId: string, roundId: string | undefined): Promise<ProgramRef & { round: RoundRef; tracks: Set<string> | null }> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const ref = await loadProgram(deps.db, programId);
  const round = resolveRound(ref.def, roundId);
  return { ...ref, round, tracks: reviewScope(actor, ref.def, programId, round) };
}

const blockMessage = (blocks: PairBlock[]) => ({
  'zh-CN': `该专家不能评审此项目：${blocks.map((b) => b.detail).join('；')}`,
  en: `This expert may not review this application: ${blocks.map((b) => (b.kind in conflictKindNames ? conflictKindNames[b.kind as keyof typeof conflictKindNames].en : b.kind)).join(', ')}`,
});

function pairIndices(p: AssignmentProblem, applicationId: string, expertId: string): [number, number] {
  const a = p.appIndex.get(applicationId);
  const e = p.expertIndex.get(expertId);
  if (a === undefined) throw new AppError('NOT_FOUND', { fields: [{ path: 'applicationId', message: { 'zh-CN': '不是本活动待评审的项目', en: 'Not an application under review in this program' } }] });
  if (e === undefined) throw new AppError('NOT_FOUND', { fields: [{ path: 'expertId', message: { 'zh-CN': '不是本活动已接受邀请的专家', en: 'Not an accepted expert of this program' } }] });
  return [a, e];
}

async function view(deps: Deps, p: AssignmentProblem, programId: string, ref: ProgramRef): Promise<AssignmentView> {
  const [rows, run] = await Promise.all([listAssignments(deps.db, programId, p.round.id), latestRun(deps.db, programId, p.round.id)]);
  const appOf = new Map(p.apps.map((a) => [a.id, a]));
  const expertOf = new Map(p.experts.map((e) => [e.expertId, e]));
  return {
    items: rows.flatMap((r) => {
      const a = appOf.get(r.application_id);
      const e = expertOf.get(r.expert_id);
      if (!a || !e) return [];
      return [{
        id: r.id, applicationId: a.id, applicationNumber: a.number, orgName: a.org_name, trackId: a.track_id, expertId: e.expertId, expertName: e.profile.name, expertOrg: e.profile.orgName,
        affinity: r.affinity, status: r.status as 'draft', source: r.source as 'solver', declinedReason: r.declined_reason,
      }];
    }),
    quality: qualityOf(p, rows, run?.upper_bound ?? 0),
    run: run ? { id: run.id, at: run.created_at, objective: run.objective, upperBound: run.upper_bound, optimal: run.optimal === 1, seconds: run.seconds, loadCost: run.load_cost, requireStrong: run.require_strong === 1 } : null,
    rules: p.rules.map((r) => ({ applicationId: r.application_id, expertId: r.expert_id, kind: r.kind as 'pin', reason: r.reason, createdAt: r.created_at })),
    reviewsPerApplication: p.round.reviewsPerApplication,
    roundId: p.round.id,
    rounds: roundsOf(ref.def).map((r) => ({ id: r.id, name: r.name, kind: r.phase?.kind ?? null })),
    applications: p.apps.length,
    experts: p.experts.length,
  };
}

export async function getAssignment(deps: Deps, actor: Actor | null, programId: string, roundId: string | undefined): Promise<AssignmentView> {
  const ref = await authorizeAssign(deps, actor, programId, roundId);
  return view(deps, await loadAssignmentProblem(deps.db, programId, ref.def, ref.round, ref.tracks), programId, ref);
}

/** An instance the solver refuses (more pins than reviews, say) is the organizer's to fix: a 400 with its reason. */
function normalizeOrRefuse(input: Parameters<typeof normalize>[0]) {
  try {
    return normalize(input);
  } catch (e) {
    if (!(e instanceof AssignmentInputError)) throw e;
    throw new AppError('VALIDATION', { message: { 'zh-CN': `无法按当前规则分配：${e.message}（请检查指定专家的数量是否超过每项评审人数）`, en: `The rules cannot be met: ${e.message}` } });
  }
}

function shortfallView(p: AssignmentProblem, s: Shortfall) {
  const detail = describeShortfalls([s]);
  if ('app' in s) return { kind: s.kind, applicationId: p.apps[s.app].id, number: p.apps[s.app].number, detail: detail.replace(`application ${s.app}`, p.apps[s.app].number) };
  if ('expert' in s) return { kind: s.kind, expertId: p.experts[s.expert].expertId, detail: detail.replace(`expert ${s.expert}`, p.experts[s.expert].profile.name) };
  return { kind: s.kind, detail };
}

/** Where a solve is, for its job's progress bar (building the instance, solving, writing the drafts). */
export type SolvePhase = 'building' | 'solving' | 'writing';

/**
 * Solves the program's assignment exactly and replaces the drafts with it. Published
 * assignments stay (the solver must keep them), pins are kept, blocked pairs never assigned.
 * Runs in the job `assignment.solve` (assignment-solve.job.ts), never inside a request.
 */
export async function solveProgramAssignment(deps: Deps, actor: Actor | null, programId: string, roundId: string | undefined, input: z.infer<typeof SolveAssignmentRequestSchema>, requestId: string | null = null, onPhase: (phase: SolvePhase) => Promise<void> = async () => {}) {
  const ref = await authorizeAssign(deps, actor, programId, roundId);
  await onPhase('building');
  const p = await loadAssignmentProblem(deps.db, programId, ref.def, ref.round, ref.tracks);
  const existing = (await listAssignments(deps.db, programId, ref.round.id)).filter((x) => p.appIndex.has(x.application_id));
  const A = p.apps.length;
  const E = p.experts.length;
  const conflicts = { app: [] as number[], expert: [] as number[] };
  for (let a = 0; a < A; a++) {
    for (let e = 0; e < E; e++) {
      if (!p.blocks(a, e).length) continue;
      conflicts.app.push(a);
      conflicts.expert.push(e);
    }
  }
  const pinned = new Set<string>();
  const pins = { app: [] as number[], expert: [] as number[] };
  const pin = (a: number, e: number) => {
    const k = `${a}:${e}`;
    if (pinned.has(k) || p.blocks(a, e).length) return;
    pinned.add(k);
    pins.app.push(a);
    pins.expert.push(e);
  };
  for (const r of existing) if ((r.status === 'published' || r.source === 'panel') && p.appIndex.has(r.application_id) && p.expertIndex.has(r.expert_id)) pin(p.appIndex.get(r.application_id)!, p.expertIndex.get(r.expert_id)!);
  for (const r of p.rules) if (r.kind === 'pin' && p.appIndex.has(r.application_id) && p.expertIndex.has(r.expert_id)) pin(p.appIndex.get(r.application_id)!, p.expertIndex.get(r.expert_id)!);
  const t0 = performance.now();
  const n = normalizeOrRefuse({
    applications: A, experts: E, reviews: p.round.reviewsPerApplication, capacity: p.capacity, loadCost: input.loadCost, affinity: p.affinity.sparse(),
    conflicts, pins, strong: input.requireStrong ? { threshold: p.review.strongAffinity } : undefined, seed: input.seed,
  });
  await onPhase('solving');
  const r = solveAssignment(n);
  if (!r.feasible) return { feasible: false as const, message: r.message, shortfalls: r.shortfalls.map((s) => shortfallView(p, s)) };
  const check = checkCertificate(n, r);
  const seconds = (performance.now() - t0) / 1000;
  await onPhase('writing');
  const now = deps.now();
  const rows: AssignmentRow[] = [];
  // Published pairs stay as they are; a declined pair is never offered again (its expert declared a conflict).
  const keyOf = (applicationId: string, expertId: string) => `${applicationId}:${expertId}`;
  const kept = new Set(existing.filter((x) => x.status !== 'draft' || x.source === 'panel').map((x) => keyOf(x.application_id, x.expert_id)));
  for (let i = 0; i < r.app.length; i++) {
    const [applicationId, expertId] = [p.apps[r.app[i]].id, p.experts[r.expert[i]].expertId];
    if (kept.has(keyOf(applicationId, expertId))) continue;
    rows.push({ id: newId(), program_id: programId, round_id: ref.round.id, confirmed_at: null, application_id: applicationId, expert_id: expertId, affinity: r.score[i], status: 'draft', source: 'solver', declined_reason: null, created_at: now, published_at: null });
  }
  await deps.db.transaction().execute(async (trx) => {
    await deleteDraftAssignments(trx, programId, ref.round.id, ref.tracks && p.apps.map((a) => a.id));
    await insertAssignments(trx, rows);
    await insertRun(trx, { id: newId(), program_id: programId, round_id: ref.round.id, created_by: actor!.userId, created_at: now, objective: r.objective, upper_bound: r.upperBound, optimal: check.optimal ? 1 : 0, seconds, load_cost: input.loadCost, require_strong: input.requireStrong ? 1 : 0 });
    await appendAudit(trx, { actorId: actor!.userId, action: 'review.assignment_solve', entity: 'program', entityId: programId, after: { round: ref.round.id, objective: r.objective, upperBound: r.upperBound, optimal: check.optimal, pairs: r.app.length, loadCost: input.loadCost, requireStrong: input.requireStrong }, requestId }, now);
  });
  return { feasible: true as const, view: await view(deps, p, programId, ref) };
}

/** Hand edits: add a reviewer, remove one, or swap one for another expert; 回避 and capacity enforced. */
export async function editAssignment(deps: Deps, actor: Actor | null, programId: string, roundId: string | undefined, input: z.infer<typeof EditAssignmentRequestSchema>, requestId: string | null = null): Promise<AssignmentView> {
  const ref = await authorizeAssign(deps, actor, programId, roundId);
  const p = await loadAssignmentProblem(deps.db, programId, ref.def, ref.round, ref.tracks);
  const rows = await listAssignments(deps.db, programId, ref.round.id);
  const now = deps.now();
  // A track's 初评机构 edits its own tracks' assignments only.
  const target = input.op === 'add' ? null : rows.find((r) => r.id === input.assignmentId && r.program_id === programId && p.appIndex.has(r.application_id));
  if (input.op !== 'add' && (!target || target.status === 'declined')) throw new AppError('NOT_FOUND', { fields: [{ path: 'assignmentId', message: { 'zh-CN': '没有这条评审分配', en: 'No such assignment' } }] });
  const placeable = (applicationId: string, expertId: string, path: string) => {
    const [a, e] = pairIndices(p, applicationId, expertId);
    const blocks = p.blocks(a, e);
    if (blocks.length) throw new AppError('CONFLICT', { message: blockMessage(blocks), fields: [{ path, message: blockMessage(blocks) }], details: { blocks } });
    if (rows.some((r) => r.application_id === applicationId && r.expert_id === expertId)) {
      throw new AppError('CONFLICT', { fields: [{ path, message: { 'zh-CN': '该专家已分配（或已回避）此项目', en: 'This expert already has (or declined) this application' } }] });
    }
    const load = rows.filter((r) => r.expert_id === expertId && r.status !== 'declined').length;
    if (load >= p.capacity[e]) throw new AppError('CONFLICT', { fields: [{ path, message: { 'zh-CN': `该专家已满额（${p.capacity[e]}项）`, en: `This expert is at capacity (${p.capacity[e]})` } }] });
    return p.affinity.score(a, e);
  };
  await deps.db.transaction().execute(async (trx) => {
    if (input.op === 'add') {
      const affinity = placeable(input.applicationId, input.expertId, 'expertId');
      await insertAssignments(trx, [{ id: newId(), program_id: programId, round_id: ref.round.id, confirmed_at: null, application_id: input.applicationId, expert_id: input.expertId, affinity, status: 'draft', source: 'manual', declined_reason: null, created_at: now, published_at: null }]);
    } else if (input.op === 'remove') await deleteAssignment(trx, target!.id);
    else {
      const affinity = placeable(target!.application_id, input.expertId, 'expertId');
      await updateAssignmentExpert(trx, target!.id, { expert_id: input.expertId, affinity, source: 'manual' });
    }
    await appendAudit(trx, { actorId: actor!.userId, action: `review.assignment_${input.op}`, entity: 'program', entityId: programId, before: target ? { applicationId: target.application_id, expertId: target.expert_id } : null, after: input, requestId }, now);
  });
  return view(deps, p, programId, ref);
}

/** Pin, ban, or override a computed 回避 for one pair; the reason goes to the audit log. */
export async function setPairRule(deps: Deps, actor: Actor | null, programId: string, roundId: string | undefined, input: z.infer<typeof PairRuleRequestSchema>, requestId: string | null = null): Promise<AssignmentView> {
  const ref = await authorizeAssign(deps, actor, programId, roundId);
  const p = await loadAssignmentProblem(deps.db, programId, ref.def, ref.round, ref.tracks);
  const [a, e] = pairIndices(p, input.applicationId, input.expertId);
  const computed = p.conflicts(a, e);
  if (input.kind === 'override' && !computed.some((c) => c.kind !== 'declared')) {
    throw new AppError('VALIDATION', { fields: [{ path: 'kind', message: { 'zh-CN': '此组合没有可解除的计算回避', en: 'This pair has no computed conflict to override' } }] });
  }
  if (input.kind === 'pin') {
    const blocks = p.blocks(a, e).filter((b) => b.kind !== 'banned');
    if (blocks.length) throw new AppError('CONFLICT', { message: blockMessage(blocks), fields: [{ path: 'expertId', message: blockMessage(blocks) }] });
  }
  const now = deps.now();
  const before = p.rule(a, e);
  await deps.db.transaction().execute(async (trx) => {
    await upsertPairRule(trx, { program_id: programId, round_id: input.kind === 'pin' ? ref.round.id : '', application_id: input.applicationId, expert_id: input.expertId, kind: input.kind, reason: input.reason, created_by: actor!.userId, created_at: now });
    await appendAudit(trx, { actorId: actor!.userId, action: `review.pair_${input.kind}`, entity: 'application', entityId: input.applicationId, before: before ? { kind: before.kind, reason: before.reason } : null, after: { expertId: input.expertId, kind: input.kind, reason: input.reason, overrides: input.kind === 'override' ? computed : undefined }, requestId }, now);
  });
  return view(deps, await loadAssignmentProblem(deps.db, programId, ref.def, ref.round, ref.tracks), programId, ref);
}

export async function removePairRule(deps: Deps, actor: Actor | null, programId: string, roundId: string | undefined, input: { applicationId: string; expertId: string }, requestId: string | null = null): Promise<AssignmentView> {
  const ref = await authorizeAssign(deps, actor, programId, roundId);
  if (ref.tracks) pairIndices(await loadAssignmentProblem(deps.db, programId, ref.def, ref.round, ref.tracks), input.applicationId, input.expertId);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await deletePairRule(trx, programId, input.applicationId, input.expertId))) throw new AppError('NOT_FOUND');
    await appendAudit(trx, { actorId: actor!.userId, action: 'review.pair_rule_remove', entity: 'application', entityId: input.applicationId, after: { expertId: input.expertId }, requestId }, now);
  });
  return view(deps, await loadAssignmentProblem(deps.db, programId, ref.def, ref.round, ref.tracks), programId, ref);
}

/** Why a pair scores what it does, and whether it may be assigned. */
export async function explainPair(deps: Deps, actor: Actor | null, programId: string, roundId: string | undefined, applicationId: string, expertId: string) {
  const ref = await authorizeAssign(deps, actor, programId, roundId);
  const p = await loadAssignmentProblem(deps.db, programId, ref.def, ref.round, ref.tracks);
  const [a, e] = pairIndices(p, applicationId, expertId);
  const x = p.affinity.explain(a, e);
  return { affinity: x.score, textScore: x.textScore, fieldBonus: x.fieldBonus, sharedTerms: x.sharedTerms, fieldMatch: x.fieldMatch, conflicts: p.blocks(a, e), rule: (p.rule(a, e)?.kind ?? null) as 'pin' | null };
}

/** Sends the drafts to the experts (in-app notice and email); their applications go into review. */
export async function publishAssignment(deps: Deps, actor: Actor | null, programId: string, roundId: string | undefined, requestId: string | null = null) {
  const ref = await authorizeAssign(deps, actor, programId, roundId);
  const p = await loadAssignmentProblem(deps.db, programId, ref.def, ref.round, ref.tracks);
  const now = deps.now();
  const published = await deps.db.transaction().execute(async (trx) => {
    const drafts = await publishDrafts(trx, programId, ref.round.id, now, ref.tracks && p.apps.map((a) => a.id));
    await insertEntries(trx, [...new Set(drafts.map((d) => d.application_id))].map((application_id) => ({ program_id: programId, round_id: ref.round.id, application_id, entered_at: now, entered_by: actor!.userId, reason: null })));
    if (!drafts.length) throw new AppError('VALIDATION', { message: { 'zh-CN': '没有待发布的评审分配', en: 'Nothing to publish' } });
    for (const appId of new Set(drafts.map((d) => d.application_id))) {
      const app = p.apps.find((x) => x.id === appId);
      const to = app && nextStatus(app.status as 'eligible', 'start_review');
      if (app && to && (await setStatusIfCurrent(trx, appId, { statuses: [app.status] }, { status: to, updated_at: now }))) {
        await insertEvent(trx, { id: newId(), application_id: appId, at: now, status: to, note: null, actor_id: actor!.userId });
      }
    }
    for (const [expertId, count] of countBy(drafts.map((d) => d.expert_id))) {
      const userId = p.experts.find((x) => x.expertId === expertId)?.userId;
      if (userId) await addNotice(trx, { userId, kind: 'review.assigned', title: `评审任务：${ref.def.name}`, body: `您有${count}个项目待评审。请先确认是否需要回避，再查看申报材料。`, link: '/expert/assignments' }, now);
    }
    await appendAudit(trx, { actorId: actor!.userId, action: 'review.assignment_publish', entity: 'program', entityId: programId, after: { round: ref.round.id, published: drafts.length }, requestId }, now);
    return drafts;
  });
  const perExpert = countBy(published.map((d) => d.expert_id));
  for (const [expertId, count] of perExpert) {
    const x = p.experts.find((e) => e.expertId === expertId);
    if (!x) continue;
    await enqueueMail(deps.db, {
      to: x.profile.email,
      subject: `评审任务 / Review assignments: ${ref.def.name}`,
      text: `${x.profile.name}专家，您好：\n\n“${ref.def.name}”为您分配了${count}个待评审项目。请登录绿评平台，在“我的评审”中先确认是否需要回避，再查看申报材料：\n${deps.config.publicUrl}/expert/assignments\n\nYou have ${count} applications to review for ${ref.def.name}. Sign in, declare any conflict first, then read them.\n`,
    });
  }
  return { published: published.length, experts: perExpert.size };
}

function countBy(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}
