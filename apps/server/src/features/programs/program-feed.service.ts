import {
  AppError, applicationStatusNames, feedSourceProblems, fileRefsIn, formatShanghaiDeadline, isFileRef, mapFeedAnswers,
  type ApplicationStatus, type ProgramDefinition, type ProgramFeed,
} from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { authorize } from '../access/access.service.ts';
import { grantRoleIn } from '../access/grant.service.ts';
import { applicationSlotsOf, findApplication, insertApplication, insertEvent, listEvents, type ApplicationRow } from '../applications/application.repository.ts';
import { formValidatorOf } from '../applications/application.service.ts';
import { searchTextOf } from '../applications/search-text.ts';
import { insertApplicationFile, insertFileOnce } from '../files/file.repository.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { findOrganizationById } from '../organizations/organization.repository.ts';
import { loadProgramRec, programUnits } from '../recommendation/recommendation-access.ts';
import { addMember, type UnitRow } from '../recommendation/unit.repository.ts';
import { unitRecommendationDeadline } from '../screening/deadline.service.ts';
import { findProgramById, latestFormVersions, listAllPrograms, takeApplicationNumber, type ProgramRow } from './program.repository.ts';
import { programDefinition } from './program.service.ts';
import { insertFeedItem, listApplicationFiles, listFeedCandidates, listFeedItemsFrom } from './program-feed.repository.ts';

// 多级遴选: a source program's organizer (the province) sends its chosen applications into a
// target program (the national one) along a feed of the TARGET's definition. Each becomes a new
// application of the same organization and applicant, status 'fed', answers mapped field by
// field, files referenced by their content hash (never copied), the source's timeline copied in
// marked as imported; the source keeps its own events and audit rows. The applicant then confirms
// (program-feed-confirm.service.ts): only then is it the unit's endorsement, within its quota.

const DEFAULT_OPINION = (source: ProgramRow) => `经「${source.name}」遴选，推荐参加。`;

/** The source program, as its organizer may act on it. */
async function sourceProgram(deps: Deps, actor: Actor | null, programId: string): Promise<{ row: ProgramRow; def: ProgramDefinition }> {
  const row = await findProgramById(deps.db, programId);
  if (!row?.definition_json) throw new AppError('NOT_FOUND');
  authorize(actor, 'program.configure', { programId });
  return { row, def: programDefinition(row) };
}

/** Every program whose definition takes feeds from this slug, with those feeds. */
async function targetsOf(db: Db, slug: string): Promise<{ row: ProgramRow; def: ProgramDefinition; feed: ProgramFeed }[]> {
  const out: { row: ProgramRow; def: ProgramDefinition; feed: ProgramFeed }[] = [];
  for (const row of await listAllPrograms(db)) {
    if (!row.definition_json || row.status === 'draft') continue;
    const def = programDefinition(row);
    for (const feed of def.feeds ?? []) if (feed.from === slug) out.push({ row, def, feed });
  }
  return out;
}

const definedUnit = async (db: Db, target: ProgramRow, feed: ProgramFeed, now: number): Promise<UnitRow> => {
  const rec = await loadProgramRec(db, target.id);
  const unit = (await programUnits(db, rec, now)).find((u) => u.definition_unit_id === feed.unit);
  if (!unit) throw new AppError('VALIDATION', { message: { 'zh-CN': `目标活动没有推荐单位 ${feed.unit}`, en: `The target program has no unit ${feed.unit}` } });
  return unit;
};

/** The source organizer's view: each feed out of this program, its candidates and how far each went. */
export async function outgoingFeeds(deps: Deps, actor: Actor | null, programId: string) {
  const { row, def } = await sourceProgram(deps, actor, programId);
  const sent = new Map((await listFeedItemsFrom(deps.db, programId)).map((r) => [`${r.target_program_id}/${r.source_application_id}`, r]));
  const feeds = [];
  for (const t of await targetsOf(deps.db, row.slug)) {
    const unit = t.def.recommendation?.units.find((u) => u.id === t.feed.unit);
    const rows = await listFeedCandidates(deps.db, programId, t.feed.tracks.map((m) => m.from).filter((id) => def.tracks.some((tr) => tr.id === id)), t.feed.statuses);
    feeds.push({
      targetProgramId: t.row.id, targetName: t.row.name, targetSlug: t.row.slug, feedId: t.feed.id, unitName: unit?.name ?? t.feed.unit,
      candidates: rows.map((r) => {
        const item = sent.get(`${t.row.id}/${r.id}`);
        return {
          applicationId: r.id, number: r.number, trackId: r.track_id, organizationName: r.organization_name, status: r.status as ApplicationStatus,
          fed: item ? { targetApplicationId: item.target_application_id, state: feedState(item.state, item.target_status) } : null,
        };
      }),
    });
  }
  return { feeds };
}

/** A fed application withdrawn through the ordinary button counts as declined. */
export const feedState = (state: string, targetStatus: string): 'pending' | 'confirmed' | 'declined' =>
  state === 'pending' && targetStatus === 'withdrawn' ? 'declined' : (state as 'pending' | 'confirmed' | 'declined');

/** Rewrites every file reference to a new attachment row of the target holding the same bytes (by hash). */
function remapFiles(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (isFileRef(value)) return { ...value, id: ids.get(value.id) ?? value.id };
  if (Array.isArray(value)) return value.map((v) => remapFiles(v, ids));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, remapFiles(v, ids)]));
  return value;
}

type Prepared = { src: ApplicationRow; trackId: string; formId: string; formVersion: number; answers: Record<string, unknown>; files: { from: string; to: string }[]; mapped: string[] };

export async function sendFeed(deps: Deps, actor: Actor | null, programId: string, req: { targetProgramId: string; feedId: string; applicationIds: string[] }, requestId: string | null = null) {
  const source = await sourceProgram(deps, actor, programId);
  const target = (await targetsOf(deps.db, source.row.slug)).find((t) => t.row.id === req.targetProgramId && t.feed.id === req.feedId);
  if (!target) throw new AppError('NOT_FOUND', { fields: [{ path: 'feedId', message: { 'zh-CN': '目标活动没有从本活动接收推送的这一项配置', en: 'The target program has no such feed from this program' } }] });
  if (!['open', 'reviewing'].includes(target.row.status)) {
    throw new AppError('CONFLICT', { message: { 'zh-CN': '目标活动不在征集或评审阶段，不能接收推送', en: 'The target program is neither open nor under review: it takes no feeds now' } });
  }
  const problems = feedSourceProblems(target.feed, source.def);
  if (problems.length) throw new AppError('VALIDATION', { message: { 'zh-CN': '目标活动的推送配置与本活动不符', en: 'The target’s feed does not fit this program' }, fields: problems.map((p) => ({ path: ['feeds', target.feed.id, ...p.path].join('.'), message: { 'zh-CN': p.zh, en: p.en } })) });
  const now = deps.now();
  const unit = await definedUnit(deps.db, target.row, target.feed, now);
  const deadline = await unitRecommendationDeadline(deps.db, target.def, target.row.id, unit.id);
  if (now > deadline) throw new AppError('DEADLINE_PASSED', { message: { 'zh-CN': `目标活动的推荐截止时间 ${formatShanghaiDeadline(deadline)}（北京时间）已过`, en: `The target’s recommendation deadline ${formatShanghaiDeadline(deadline)} (Beijing time) has passed` } });
  const versions = await latestFormVersions(deps.db, target.row.id);
  const prepared: Prepared[] = [];
  for (const id of [...new Set(req.applicationIds)]) {
    const src = await findApplication(deps.db, id);
    const m = src && src.program_id === programId ? target.feed.tracks.find((t) => t.from === src.track_id) : undefined;
    if (!src || !m || !(target.feed.statuses as readonly string[]).includes(src.status)) {
      throw new AppError('VALIDATION', { fields: [{ path: 'applicationIds', message: { 'zh-CN': `申报 ${src?.number ?? id} 不是本次推送可选的入选申报（${target.feed.statuses.map((s) => applicationStatusNames[s]['zh-CN']).join('、')}）`, en: `application ${src?.number ?? id} is not among the chosen ones this feed takes (${target.feed.statuses.join(', ')})` } }] });
    }
    const track = target.def.tracks.find((t) => t.id === m.to)!;
    const files = new Map<string, string>();
    const mappedAnswers = mapFeedAnswers(m.fields, JSON.parse(src.answers_json) as Record<string, unknown>);
    for (const f of fileRefsIn(mappedAnswers)) if (!files.has(f.id)) files.set(f.id, newId());
    const answers = remapFiles(mappedAnswers, files) as Record<string, unknown>;
    const formVersion = versions.get(track.formId)!.version;
    const checked = (await formValidatorOf(deps.db, { program_id: target.row.id, form_id: track.formId, form_version: formVersion }))(answers, { mode: 'draft' });
    if (!checked.ok) {
      throw new AppError('VALIDATION', { message: { 'zh-CN': `申报 ${src.number} 按推送配置对应后的内容不符合目标申报表`, en: `Application ${src.number}, mapped by the feed, does not fit the target form` }, fields: checked.errors });
    }
    prepared.push({ src, trackId: track.id, formId: track.formId, formVersion, answers, files: [...files].map(([from, to]) => ({ from, to })), mapped: Object.keys(m.fields) });
  }
  const fed: { sourceApplicationId: string; targetApplicationId: string; number: string }[] = [];
  await deps.db.transaction().execute(async (trx) => {
    // The target's definition names the unit the source's organizer acts as: it becomes the unit's member (推荐单位 grant on the target).
    await addMember(trx, unit.id, actor!.userId, now);
    await grantRoleIn(trx, null, { userId: actor!.userId, role: 'recommender', programId: target.row.id, trackId: null }, requestId, now);
    for (const p of prepared) fed.push(await feedOne(trx, { actor: actor!, source: source.row, target: target.row, feedId: target.feed.id, unit, opinion: target.feed.opinion ?? DEFAULT_OPINION(source.row), p, now, requestId }));
  }).catch((e: unknown) => {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', { message: { 'zh-CN': '其中有申报已推送至该活动', en: 'Some of these applications were already sent to that program' } });
    throw e;
  });
  return { fed };
}

async function feedOne(
  trx: Db,
  x: { actor: Actor; source: ProgramRow; target: ProgramRow; feedId: string; unit: UnitRow; opinion: string; p: Prepared; now: number; requestId: string | null },
) {
  const { src } = x.p;
  const org = (await findOrganizationById(trx, src.organization_id))!;
  const seq = await takeApplicationNumber(trx, x.target.id);
  const slots = await applicationSlotsOf(trx, x.target.id, x.p.trackId, org.id);
  const limit = programDefinition(x.target).tracks.find((t) => t.id === x.p.trackId)?.applicationsPerOrganization ?? 1;
  if (slots.count >= limit) {
    throw new AppError('CONFLICT', { message: { 'zh-CN': `${org.name}在目标赛道已有申报（每个单位至多 ${limit} 份）`, en: `${org.name} already has an application on the target track (at most ${limit} per organization)` }, details: { applicationId: slots.firstId } });
  }
  const id = newId();
  const number = `${programDefinition(x.target).slug.toUpperCase()}-${String(seq).padStart(5, '0')}`;
  await insertApplication(trx, {
    id, number, program_id: x.target.id, track_id: x.p.trackId, organization_id: org.id, applicant_user_id: src.applicant_user_id, status: 'fed',
    form_id: x.p.formId, form_version: x.p.formVersion, answers_json: JSON.stringify(x.p.answers), revision: 0,
    search_text: searchTextOf(x.p.answers, [org.name, org.credit_code, number]), region_code: src.region_code, deadline_override: null,
    created_at: x.now, updated_at: x.now, submitted_at: null, unit_id: x.unit.id, slot: slots.maxSlot + 1,
  });
  // Files by reference: a new attachment row naming the same content-addressed bytes.
  const byId = new Map((await listApplicationFiles(trx, src.id)).map((f) => [f.id, f]));
  for (const f of x.p.files) {
    const row = byId.get(f.from);
    if (!row) continue; // a reference the source never held is dropped by the validator's file check on save
    await insertFileOnce(trx, { sha256: row.sha256, size: row.size, mime: row.mime, now: x.now });
    await insertApplicationFile(trx, { ...row, id: f.to, application_id: id, uploaded_by: x.actor.userId, created_at: x.now });
  }
  // The source's history, copied in and marked as imported (the source keeps its own).
  for (const e of await listEvents(trx, src.id)) {
    const was = applicationStatusNames[e.status as ApplicationStatus]?.['zh-CN'] ?? e.status;
    await insertEvent(trx, { id: newId(), application_id: id, at: e.at, status: 'fed', note: `〔导入自「${x.source.name}」${src.number}〕${was}${e.note ? `：${e.note}` : ''}${e.actorName ? `（${e.actorName}）` : ''}`, actor_id: null });
  }
  await insertEvent(trx, { id: newId(), application_id: id, at: x.now, status: 'fed', note: `由「${x.source.name}」推荐，推荐单位：${x.unit.name}；待申报单位确认`, actor_id: x.actor.userId });
  await insertFeedItem(trx, {
    target_application_id: id, target_program_id: x.target.id, feed_id: x.feedId, source_program_id: x.source.id, source_application_id: src.id, unit_id: x.unit.id,
    opinion: x.opinion, mapped_json: JSON.stringify(x.p.mapped), fed_by: x.actor.userId, fed_at: x.now, state: 'pending', decided_at: null,
  });
  await insertEvent(trx, { id: newId(), application_id: src.id, at: x.now, status: src.status, note: `已推荐至「${x.target.name}」（${number}），待申报单位确认`, actor_id: x.actor.userId });
  await appendAudit(trx, { actorId: x.actor.userId, action: 'application.feed_out', entity: 'application', entityId: src.id, after: { programId: x.source.id, targetProgramId: x.target.id, targetApplicationId: id, feedId: x.feedId }, requestId: x.requestId }, x.now);
  await appendAudit(trx, { actorId: x.actor.userId, action: 'application.feed_in', entity: 'application', entityId: id, after: { programId: x.target.id, number, sourceProgramId: x.source.id, sourceApplicationId: src.id, unitId: x.unit.id, files: x.p.files.length }, requestId: x.requestId }, x.now);
  await addNotice(trx, {
    userId: src.applicant_user_id, kind: 'application.fed', title: `「${x.target.name}」推荐待确认`,
    body: `您在「${x.source.name}」的申报 ${src.number} 已由${x.unit.name}推荐参加「${x.target.name}」，请确认。`, link: `/applications/${id}`,
  }, x.now);
  return { sourceApplicationId: src.id, targetApplicationId: id, number };
}
