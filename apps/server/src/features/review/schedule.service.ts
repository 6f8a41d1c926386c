import type { Readable } from 'node:stream';
import { AppError, shanghaiToEpoch, type RoundSchedule } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { loadReadable } from '../applications/application-access.ts';
import { insertAssignments, listAssignments, reviewableApplications, type AssignmentRow } from '../assignment/assignment.repository.ts';
import { loadAssignmentProblem } from '../assignment/assignment-problem.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { storeCheckedFile } from '../files/file.service.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { authorizeRound, requireWholeProgram } from './progress.service.ts';
import { titleOf } from './ranking.service.ts';
import { openAssignment } from './sheet.service.ts';
import { roundsOf } from './rounds.ts';
import { applicantOf, expertsByIds } from './review.repository.ts';
import { fileNames, findVisit, saveSlot, saveVisit, setVisitReport, slotsOfApplication, slotsOfPanel, slotsOfRound, visitsOfApplication, visitsOfRound } from './schedule.repository.ts';
import { loadProgram } from '../experts/program-experts.service.ts';

// 现场考察 and 路演: a visit per application (date, team, address, the team's report) and a
// roadshow slot per application (panel, time, room or link). A panel's members review every
// application in its slots: adding members creates their assignments (回避 still enforced).

const REPORT_FIELD = { accept: ['.pdf', '.doc', '.docx', '.jpg', '.jpeg', '.png'], maxSizeMB: 50 };
const reportPath = (roundId: string) => `review.${roundId}.visitReport`;

export async function roundSchedule(deps: Deps, actor: Actor | null, programId: string, roundId: string): Promise<RoundSchedule> {
  const ref = await authorizeRound(deps, actor, programId, roundId);
  requireWholeProgram(ref.tracks);
  const [apps, visits, slots, assignments] = await Promise.all([
    reviewableApplications(deps.db, programId, ref.round),
    visitsOfRound(deps.db, programId, ref.round.id),
    slotsOfRound(deps.db, programId, ref.round.id),
    listAssignments(deps.db, programId, ref.round.id),
  ]);
  const reports = await fileNames(deps.db, visits.map((v) => v.report_file_id).filter((x): x is string => !!x));
  const visitOf = new Map(visits.map((v) => [v.application_id, v]));
  const slotOf = new Map(slots.map((s) => [s.application_id, s]));
  const expertIds = [...new Set(assignments.map((a) => a.expert_id))];
  const names = new Map([...(await expertsByIds(deps.db, expertIds)).values()].map((e) => [e.id, e.name]));
  const panels = [...new Set(slots.map((s) => s.panel))].sort().map((panel) => {
    const inPanel = new Set(slots.filter((s) => s.panel === panel).map((s) => s.application_id));
    const members = [...new Set(assignments.filter((a) => inPanel.has(a.application_id) && a.status !== 'declined').map((a) => a.expert_id))];
    return { panel, applications: inPanel.size, members: members.map((expertId) => ({ expertId, name: names.get(expertId) ?? expertId })) };
  });
  return {
    roundId: ref.round.id, kind: ref.round.phase?.kind ?? null, timing: ref.round.round?.timing ?? null,
    items: apps.map((a) => {
      const v = visitOf.get(a.id);
      const s = slotOf.get(a.id);
      return {
        applicationId: a.id, number: a.number, title: titleOf(ref.def, a), orgName: a.org_name, trackId: a.track_id,
        visit: v ? { date: v.visit_date, team: v.team, address: v.address, report: v.report_file_id ? reports.get(v.report_file_id) ?? null : null } : null,
        slot: s ? { panel: s.panel, startsAt: s.starts_at, place: s.place } : null,
      };
    }),
    panels,
  };
}

async function inRound(deps: Deps, programId: string, round: Awaited<ReturnType<typeof authorizeRound>>['round'], applicationId: string) {
  const app = (await reviewableApplications(deps.db, programId, round)).find((a) => a.id === applicationId);
  if (!app) throw new AppError('NOT_FOUND', { message: { 'zh-CN': `该申报不在“${round.name}”中`, en: `This application is not in ${round.name}` } });
  return app;
}

export async function setVisit(deps: Deps, actor: Actor | null, programId: string, roundId: string, applicationId: string, input: { date: string; team: string; address: string }, requestId: string | null = null) {
  const ref = await authorizeRound(deps, actor, programId, roundId);
  requireWholeProgram(ref.tracks);
  if (ref.round.phase?.kind !== 'site_visit') throw new AppError('VALIDATION', { message: { 'zh-CN': `“${ref.round.name}”不是现场考察轮次`, en: `${ref.round.name} is not a site-visit round` } });
  const app = await inRound(deps, programId, ref.round, applicationId);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const key = { programId, roundId: ref.round.id, applicationId };
    const before = await findVisit(trx, key);
    await saveVisit(trx, key, input, now);
    await appendAudit(trx, { actorId: actor!.userId, action: 'review.visit_schedule', entity: 'application', entityId: applicationId, before: before ? { date: before.visit_date, address: before.address } : null, after: { round: ref.round.id, ...input }, requestId }, now);
    const owner = (await applicantOf(trx, applicationId))!;
    await addNotice(trx, { userId: owner.applicant_user_id, kind: 'review.visit', title: `现场考察安排：${ref.def.name}`, body: `“${titleOf(ref.def, app)}”（${app.number}）的${ref.round.name}定于 ${input.date}，地点：${input.address}。`, link: `/applications/${applicationId}` }, now);
  });
  return roundSchedule(deps, actor, programId, roundId);
}

export async function setSlot(deps: Deps, actor: Actor | null, programId: string, roundId: string, applicationId: string, input: { panel: string; startsAt: string; place: string }, requestId: string | null = null) {
  const ref = await authorizeRound(deps, actor, programId, roundId);
  requireWholeProgram(ref.tracks);
  // A roadshow, or any round timed like one (河南's 决赛 is a roadshow in a final phase).
  if (ref.round.phase?.kind !== 'roadshow' && !ref.round.round?.timing) throw new AppError('VALIDATION', { message: { 'zh-CN': `“${ref.round.name}”不是路演轮次`, en: `${ref.round.name} is not a roadshow round` } });
  const app = await inRound(deps, programId, ref.round, applicationId);
  const startsAt = shanghaiToEpoch(input.startsAt);
  if (!Number.isFinite(startsAt)) throw new AppError('VALIDATION', { fields: [{ path: 'startsAt', message: { 'zh-CN': '不是有效的时间', en: 'Not a valid time' } }] });
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await saveSlot(trx, { programId, roundId: ref.round.id, applicationId }, { panel: input.panel, startsAt, place: input.place }, now);
    await appendAudit(trx, { actorId: actor!.userId, action: 'review.slot_schedule', entity: 'application', entityId: applicationId, after: { round: ref.round.id, ...input }, requestId }, now);
    const owner = (await applicantOf(trx, applicationId))!;
    const timing = ref.round.round?.timing;
    await addNotice(trx, {
      userId: owner.applicant_user_id, kind: 'review.slot', title: `路演安排：${ref.def.name}`,
      body: `“${titleOf(ref.def, app)}”（${app.number}）的${ref.round.name}：${input.startsAt}（北京时间），${input.panel}，${input.place}${timing ? `；陈述${timing.presentMinutes}分钟、答辩${timing.qaMinutes}分钟` : ''}。`,
      link: `/applications/${applicationId}`,
    }, now);
  });
  return roundSchedule(deps, actor, programId, roundId);
}

/** A panel's members get every application of its slots to score (draft until published); conflicted pairs are skipped and said why. */
export async function addPanelMembers(deps: Deps, actor: Actor | null, programId: string, roundId: string, panel: string, expertIds: string[], requestId: string | null = null) {
  const ref = await authorizeRound(deps, actor, programId, roundId);
  requireWholeProgram(ref.tracks);
  const slots = await slotsOfPanel(deps.db, programId, ref.round.id, panel);
  if (!slots.length) throw new AppError('NOT_FOUND', { message: { 'zh-CN': `没有“${panel}”组的路演安排`, en: `No slots in panel ${panel}` } });
  const p = await loadAssignmentProblem(deps.db, programId, ref.def, ref.round);
  const current = await listAssignments(deps.db, programId, ref.round.id);
  const existing = new Set(current.map((a) => `${a.application_id}:${a.expert_id}`));
  const load = new Map<string, number>();
  for (const a of current) if (a.status !== 'declined') load.set(a.expert_id, (load.get(a.expert_id) ?? 0) + 1);
  const skipped: { applicationId: string; expertId: string; reason: string }[] = [];
  const rows: AssignmentRow[] = [];
  const now = deps.now();
  for (const expertId of expertIds) {
    const e = p.expertIndex.get(expertId);
    if (e === undefined) throw new AppError('NOT_FOUND', { fields: [{ path: 'expertIds', message: { 'zh-CN': '不是本活动已接受邀请的专家', en: 'Not an accepted expert of this program' } }] });
    for (const { application_id } of slots) {
      const a = p.appIndex.get(application_id);
      if (a === undefined || existing.has(`${application_id}:${expertId}`)) continue;
      const blocks = p.blocks(a, e);
      if (blocks.length) {
        skipped.push({ applicationId: application_id, expertId, reason: blocks.map((b) => b.detail).join('；') });
        continue;
      }
      if ((load.get(expertId) ?? 0) >= p.capacity[e]) {
        skipped.push({ applicationId: application_id, expertId, reason: `该专家已满额（${p.capacity[e]}项）` });
        continue;
      }
      load.set(expertId, (load.get(expertId) ?? 0) + 1);
      rows.push({ id: newId(), program_id: programId, round_id: ref.round.id, application_id, expert_id: expertId, affinity: p.affinity.score(a, e), status: 'draft', source: 'panel', declined_reason: null, created_at: now, published_at: null, confirmed_at: null });
    }
  }
  await deps.db.transaction().execute(async (trx) => {
    await insertAssignments(trx, rows);
    await appendAudit(trx, { actorId: actor!.userId, action: 'review.panel_members', entity: 'program', entityId: programId, after: { round: ref.round.id, panel, expertIds, added: rows.length, skipped }, requestId }, now);
  });
  return { added: rows.length, skipped };
}

/** The visit team's report, uploaded by an expert of the visit (or read by the organizer from the schedule). */
export async function uploadVisitReport(deps: Deps, actor: Actor | null, assignmentId: string, upload: { filename: string; stream: Readable }, requestId: string | null = null) {
  const o = await openAssignment(deps, actor, assignmentId);
  if (o.round.phase?.kind !== 'site_visit') {
    upload.stream.resume();
    throw new AppError('VALIDATION', { message: { 'zh-CN': '只有现场考察轮次有考察报告', en: 'Only a site-visit round has a visit report' } });
  }
  const key = { programId: o.row.program_id, roundId: o.round.id, applicationId: o.app.id };
  const visit = await findVisit(deps.db, key);
  if (!visit) {
    upload.stream.resume();
    throw new AppError('CONFLICT', { message: { 'zh-CN': '组织方尚未安排该项目的现场考察', en: 'The organizer has not scheduled this visit yet' } });
  }
  const ref = await storeCheckedFile(deps, actor!, o.app.id, reportPath(o.round.id), upload, REPORT_FIELD);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await setVisitReport(trx, key, ref.id, now);
    await appendAudit(trx, { actorId: actor!.userId, action: 'review.visit_report', entity: 'application', entityId: o.app.id, after: { round: o.round.id, fileId: ref.id, name: ref.name }, requestId }, now);
  });
  return ref;
}

/** The applicant's own visits and slots, in every round. */
export async function myReviewSchedule(deps: Deps, actor: Actor | null, applicationId: string) {
  const row = await loadReadable(deps, actor, applicationId);
  const { def } = await loadProgram(deps.db, row.program_id);
  const [visits, slots] = await Promise.all([
    visitsOfApplication(deps.db, applicationId),
    slotsOfApplication(deps.db, applicationId),
  ]);
  const rounds = def.review?.rounds.length ? roundsOf(def) : [];
  return {
    items: rounds.flatMap((r) => {
      const v = visits.find((x) => x.round_id === r.id);
      const s = slots.find((x) => x.round_id === r.id);
      if (!v && !s) return [];
      return [{ roundName: r.name, kind: r.phase?.kind ?? null, visit: v ? { date: v.visit_date, address: v.address } : null, slot: s ? { panel: s.panel, startsAt: s.starts_at, place: s.place } : null, timing: r.round?.timing ?? null }];
    }),
  };
}
