import type { Readable } from 'node:stream';
import { AppError, PLAN_MILESTONES_REF, type MilestoneInput, type MilestoneScoreRequest } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { openStored, storeRecorded } from '../files/file-store.ts';
import { insertFileOnce } from '../files/file.repository.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { receiveCheckedFile } from '../recommendation/checked-upload.ts';
import { holdersOf } from './need.repository.ts';
import {
  awardedApplications, deleteUnreportedMilestones, findMilestone, findReport, insertMilestone, insertReport, milestonesOfApplication, reportsOf, updateMilestone, upsertScore,
} from './milestone.repository.ts';
import { milestoneAccess, milestoneComparison } from './milestone-view.ts';

// 赛马 changes: the organizer sets each funded solver's milestones (or copies them from the
// solvers' 实施计划), the solver uploads a report per milestone (content-checked), the organizer
// and the track's experts score a reported milestone 0–100 with a comment. Each is audited.

export const REPORT_ACCEPT = ['.pdf', '.doc', '.docx', '.xls', '.xlsx', '.ppt', '.pptx', '.zip', '.jpg', '.png'];
export const REPORT_MAX_MB = 50;

async function managed(deps: Deps, actor: Actor | null, programId: string) {
  const access = await milestoneAccess(deps, actor, programId);
  if (!access.canManage) throw new AppError('FORBIDDEN');
  return access;
}

async function fundedApplication(deps: Deps, programId: string, applicationId: string) {
  const app = (await awardedApplications(deps.db, programId)).find((a) => a.id === applicationId);
  if (!app) throw new AppError('NOT_FOUND', { message: { 'zh-CN': '该活动中没有这个已入选（获资助）的申报', en: 'No funded (awarded) application with this id in the program' } });
  return app;
}

/** Replaces one solver's milestones: listed ids are kept and updated; unlisted ones go, unless reported. */
async function writeMilestones(trx: Db, programId: string, app: { id: string; track_id: string }, items: MilestoneInput[], source: 'plan' | 'organizer', actorId: string, now: number) {
  const current = await milestonesOfApplication(trx, app.id);
  const known = new Set(current.map((m) => m.id));
  items.forEach((m, i) => {
    if (m.id && !known.has(m.id)) throw new AppError('VALIDATION', { fields: [{ path: `milestones.${i}.id`, message: { 'zh-CN': '不是该申报的里程碑', en: 'Not a milestone of this application' } }] });
  });
  const listed = new Set(items.map((m) => m.id).filter(Boolean));
  const dropped = current.filter((m) => !listed.has(m.id)).map((m) => m.id);
  const deleted = await deleteUnreportedMilestones(trx, dropped);
  if (deleted !== dropped.length) {
    throw new AppError('CONFLICT', { message: { 'zh-CN': '已提交报告的里程碑不能删除（可修改名称或日期）', en: 'A milestone with a report cannot be removed (rename it or change its date instead)' } });
  }
  for (const [i, m] of items.entries()) {
    if (m.id) await updateMilestone(trx, m.id, { seq: i + 1, name: m.name, due_on: m.dueOn, updated_at: now });
    else await insertMilestone(trx, { id: newId(), program_id: programId, application_id: app.id, track_id: app.track_id, seq: i + 1, name: m.name, due_on: m.dueOn, source, created_by: actorId, created_at: now, updated_at: now });
  }
}

export async function setMilestones(deps: Deps, actor: Actor | null, programId: string, applicationId: string, items: MilestoneInput[], requestId: string | null = null) {
  await managed(deps, actor, programId);
  const app = await fundedApplication(deps, programId, applicationId);
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.now();
    await writeMilestones(trx, programId, app, items, 'organizer', actor!.userId, now);
    await appendAudit(trx, { actorId: actor!.userId, action: 'milestone.set', entity: 'application', entityId: app.id, after: { milestones: items.map((m) => `${m.name}@${m.dueOn}`) }, requestId }, now);
    await addNotice(trx, { userId: app.applicant_user_id, kind: 'milestone.set', title: '揭榜项目的里程碑计划已确定', body: items.map((m) => `${m.dueOn} ${m.name}`).join('\n'), link: `/needs/solver/${programId}` }, now);
  });
  return milestoneComparison(deps, actor, programId);
}

const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Copies each funded solver's 实施计划 milestones, for those that have none yet. */
export async function milestonesFromPlans(deps: Deps, actor: Actor | null, programId: string, requestId: string | null = null) {
  await managed(deps, actor, programId);
  const apps = await awardedApplications(deps.db, programId);
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.now();
    let copied = 0;
    for (const app of apps) {
      if ((await milestonesOfApplication(trx, app.id)).length) continue;
      const answers = JSON.parse(app.answers_json) as Record<string, Record<string, unknown>>;
      const plan = answers[PLAN_MILESTONES_REF.section]?.[PLAN_MILESTONES_REF.group];
      const items = (Array.isArray(plan) ? plan : [])
        .map((p: { name?: unknown; dueOn?: unknown }) => ({ name: typeof p.name === 'string' ? p.name.trim().slice(0, 100) : '', dueOn: p.dueOn }))
        .filter((p): p is MilestoneInput => !!p.name && isDay(p.dueOn));
      if (!items.length) continue;
      await writeMilestones(trx, programId, app, items, 'plan', actor!.userId, now);
      copied++;
    }
    await appendAudit(trx, { actorId: actor!.userId, action: 'milestone.from_plans', entity: 'program', entityId: programId, after: { applications: copied }, requestId }, now);
  });
  return milestoneComparison(deps, actor, programId);
}

export async function uploadMilestoneReport(deps: Deps, actor: Actor | null, programId: string, milestoneId: string, upload: { filename: string; stream: Readable }, requestId: string | null = null) {
  let m;
  try {
    if (!actor) throw new AppError('UNAUTHENTICATED');
    m = await findMilestone(deps.db, programId, milestoneId);
    if (!m || m.applicant_user_id !== actor.userId) throw new AppError('NOT_FOUND');
    if (m.application_status !== 'awarded') throw new AppError('CONFLICT', { message: { 'zh-CN': '该申报已不在资助名单中', en: 'The application is no longer funded' } });
  } catch (e) {
    upload.stream.resume();
    throw e;
  }
  const { stored, name, mime } = await receiveCheckedFile(deps, upload, REPORT_ACCEPT, REPORT_MAX_MB);
  const id = newId();
  const now = deps.now();
  await storeRecorded(deps.config.dataDir, stored, () => deps.db.transaction().execute(async (trx) => {
    await insertFileOnce(trx, { sha256: stored.sha256, size: stored.size, mime, now });
    await insertReport(trx, { id, milestone_id: m.id, sha256: stored.sha256, name, size: stored.size, mime, uploaded_by: actor!.userId, created_at: now });
    await appendAudit(trx, { actorId: actor!.userId, action: 'milestone.report', entity: 'milestone', entityId: m.id, after: { file: name, sha256: stored.sha256, size: stored.size }, requestId }, now);
    for (const o of await holdersOf(trx, 'organizer', programId)) {
      await addNotice(trx, { userId: o.id, kind: 'milestone.reported', title: `里程碑报告已提交：${m.name}`, body: name, link: `/organizer/programs/${programId}?tab=milestones` }, now);
    }
  }));
  return { id, name, size: stored.size, type: mime, uploadedAt: now };
}

/** A report's file: its solver, the organizer, the track's experts and the need's poster. */
export async function milestoneReportFile(deps: Deps, actor: Actor | null, programId: string, milestoneId: string, reportId: string) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const m = await findMilestone(deps.db, programId, milestoneId);
  if (!m) throw new AppError('NOT_FOUND');
  if (m.applicant_user_id !== actor.userId && !(await milestoneAccess(deps, actor, programId)).tracks.has(m.track_id)) throw new AppError('NOT_FOUND');
  const r = await findReport(deps.db, milestoneId, reportId);
  if (!r) throw new AppError('NOT_FOUND');
  return { name: r.name, mime: r.mime, size: Number(r.size), stream: openStored(deps.config.dataDir, r.sha256) as Readable };
}

export async function scoreMilestone(deps: Deps, actor: Actor | null, programId: string, milestoneId: string, req: MilestoneScoreRequest, requestId: string | null = null) {
  const access = await milestoneAccess(deps, actor, programId);
  const m = await findMilestone(deps.db, programId, milestoneId);
  if (!m || !access.tracks.has(m.track_id)) throw new AppError('NOT_FOUND');
  if (!access.scoreTracks.has(m.track_id)) throw new AppError('FORBIDDEN');
  if (!(await reportsOf(deps.db, [m.id])).length) {
    throw new AppError('CONFLICT', { message: { 'zh-CN': '揭榜方尚未提交该里程碑的报告，暂不能评分', en: 'The solver has not reported on this milestone yet' } });
  }
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.now();
    await upsertScore(trx, { milestone_id: m.id, scorer_id: actor!.userId, score: req.score, comment: req.comment, scored_at: now });
    await appendAudit(trx, { actorId: actor!.userId, action: 'milestone.score', entity: 'milestone', entityId: m.id, after: { score: req.score }, requestId }, now);
    await addNotice(trx, { userId: m.applicant_user_id, kind: 'milestone.scored', title: `里程碑“${m.name}”已评分：${req.score}`, body: req.comment, link: `/needs/solver/${programId}` }, now);
  });
  return milestoneComparison(deps, actor, programId, m.track_id);
}
