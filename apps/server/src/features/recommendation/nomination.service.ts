import {
  AppError, endorsementRequires, formatShanghaiDeadline, nextStatus, quotaExhaustedMessage, quotaTakes, scopedQuotaExhaustedMessage, statusesAllowing,
  type ApplicationStatus, type Nomination,
} from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { emitWebhookEvent } from '../webhooks/webhook-outbox.ts';
import { authorize } from '../access/access.service.ts';
import { isOwner, loadReadable } from '../applications/application-access.ts';
import { findApplication, insertEvent } from '../applications/application.repository.ts';
import { applicationDetail } from '../applications/application.service.ts';
import { findApplicationFile } from '../files/file.repository.ts';
import { unitRecommendationDeadline } from '../screening/deadline.service.ts';
import {
  decideApplicationIfCurrent, findCandidate, findNomination, insertNomination, listCandidatesOf, nextPreference, quotaUsageOf, setApplicationUnit, takeQuota,
  type CandidateRow,
} from './nomination.repository.ts';
import {
  channelRefs, channelsOf, loadMemberUnit, loadProgramRec, quotaMeters, reachSubject, recommendedTracks, refusalOf, trackName, type ProgramRec,
} from './recommendation-access.ts';
import { findUnit, isMember, type UnitRow } from './unit.repository.ts';
import { NAMEABLE, organizationSubject, resolveUnit } from './unit-choice.ts';
import { getMyUnit } from './unit.service.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';

/** Where the unit's stamped 推荐意见 page is filed among the application's files. */
export const STAMP_FIELD = 'recommendation.stampedPage';

function toNomination(r: CandidateRow, unitName: string): Nomination {
  return {
    applicationId: r.id, unitId: r.unit_id!, unitName, trackId: r.track_id, status: (r.nomination_status ?? 'pending') as Nomination['status'],
    opinion: r.opinion, reason: r.reason, decidedAt: r.decided_at, decidedByName: r.decided_by_name,
    stampedFile: r.stamped_file_id ? { id: r.stamped_file_id, name: r.stamp_name!, size: Number(r.stamp_size), type: r.stamp_mime! } : null,
    preference: r.nomination_status === 'endorsed' && r.preference !== null ? Number(r.preference) : null,
  };
}

/** Whether the unit may recommend the candidate's organization (the definition's reach). */
export const inReach = (rec: ProgramRec, unit: UnitRow, r: CandidateRow): boolean =>
  !refusalOf(rec, unit, reachSubject({ region_code: r.organization_region_code, kind: r.organization_kind, ownership: r.organization_ownership, credit_code: r.credit_code }));

/** The applicant's (or an organizer's) view of an application's unit and the unit's decision. */
export async function getApplicationRecommendation(deps: Deps, actor: Actor | null, applicationId: string) {
  const app = await loadReadable(deps, actor, applicationId);
  const rec = await loadProgramRec(deps.db, app.program_id);
  const takesRecommendation = rec.def.tracks.find((t) => t.id === app.track_id)?.entry === 'recommendation';
  const unit = app.unit_id ? await findUnit(deps.db, app.unit_id) : undefined;
  const decided = await findNomination(deps.db, applicationId);
  const row = unit ? await findCandidate(deps.db, applicationId) : undefined;
  return {
    takesRecommendation,
    unit: unit ? { id: unit.id, name: unit.name, regionCode: unit.region_code, channels: channelRefs(rec.block, channelsOf(unit)) } : null,
    nomination: unit && row ? toNomination(row, unit.name) : null,
    canChange: isOwner(actor, app) && takesRecommendation && !decided && NAMEABLE.includes(app.status as ApplicationStatus),
  };
}

/** The applicant names (or changes) its unit, by picking it or through the unit's link. */
export async function nameUnit(deps: Deps, actor: Actor, applicationId: string, ref: { unitId?: string; inviteToken?: string }, requestId: string | null = null) {
  const app = await loadReadable(deps, actor, applicationId);
  if (!isOwner(actor, app)) throw new AppError('FORBIDDEN');
  const rec = await loadProgramRec(deps.db, app.program_id);
  const track = rec.def.tracks.find((t) => t.id === app.track_id)!;
  const unit = await resolveUnit(deps.db, rec, track, ref, await organizationSubject(deps.db, app.organization_id));
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await setApplicationUnit(trx, applicationId, actor.userId, unit.id, NAMEABLE, now))) {
      throw new AppError('CONFLICT', { message: { 'zh-CN': '推荐单位已作出决定或申报已结束，不能再更换推荐单位', en: 'The unit has decided, or the application is closed; the unit can no longer change' } });
    }
    await appendAudit(trx, { actorId: actor.userId, action: 'nomination.name_unit', entity: 'application', entityId: applicationId, before: { unitId: app.unit_id }, after: { unitId: unit.id, via: ref.inviteToken ? 'link' : 'list' }, requestId }, now);
  });
  return getApplicationRecommendation(deps, actor, applicationId);
}

/**
 * A candidate as its unit's member may act on it. Any other caller — another unit, the
 * applicant, a forged id — gets 404, the same as for an id that does not exist.
 */
async function loadCandidate(deps: Deps, actor: Actor | null, applicationId: string) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const row = await findCandidate(deps.db, applicationId);
  if (!row?.unit_id || !(await isMember(deps.db, row.unit_id, actor.userId))) throw new AppError('NOT_FOUND');
  const unit = (await findUnit(deps.db, row.unit_id))!;
  const rec = await loadProgramRec(deps.db, row.program_id);
  // Outside the unit's reach (named before the definition routed, say): not the unit's to see.
  if (!inReach(rec, unit, row)) throw new AppError('NOT_FOUND');
  return { row, unit, rec };
}

export async function listCandidates(deps: Deps, actor: Actor | null, unitId: string) {
  const unit = await loadMemberUnit(deps, actor, unitId);
  const rec = await loadProgramRec(deps.db, unit.program_id);
  const rows = (await listCandidatesOf(deps.db, unitId)).filter((r) => inReach(rec, unit, r));
  return {
    unit: await getMyUnit(deps, actor, unitId),
    items: rows.map((r) => ({
      applicationId: r.id, number: r.number, trackId: r.track_id, trackName: trackName(rec.def, r.track_id), organizationName: r.organization_name,
      creditCode: r.credit_code, regionCode: r.region_code, applicationStatus: r.status as ApplicationStatus, submittedAt: r.submitted_at,
      nomination: toNomination(r, unit.name),
    })),
  };
}

export async function getCandidate(deps: Deps, actor: Actor | null, applicationId: string) {
  const { row, unit, rec } = await loadCandidate(deps, actor, applicationId);
  const app = (await findApplication(deps.db, applicationId))!;
  const used = (await quotaUsageOf(deps.db, [unit.id])).get(unit.id);
  return {
    application: await applicationDetail(deps, actor!, app),
    nomination: toNomination(row, unit.name),
    quota: quotaMeters(rec, unit, used).find((q) => q.trackId === row.track_id) ?? { trackId: row.track_id, trackName: trackName(rec.def, row.track_id), used: 0, limit: null, left: null, min: null, short: 0 },
    requires: endorsementRequires(rec.block),
  };
}

/** Who may decide: the unit's member with the recommender grant, never the applicant itself. */
async function loadDecidable(deps: Deps, actor: Actor | null, applicationId: string) {
  const c = await loadCandidate(deps, actor, applicationId);
  authorize(actor, 'nomination.endorse', { programId: c.row.program_id, trackId: c.row.track_id });
  if (c.row.applicant_user_id === actor.userId || c.row.owner_user_id === actor.userId) {
    throw new AppError('FORBIDDEN', { message: { 'zh-CN': '不能推荐本人（本单位）的申报', en: 'You cannot decide on your own application' } });
  }
  if (c.row.nomination_status) throw new AppError('CONFLICT', { message: { 'zh-CN': '本单位已对该申报作出推荐决定', en: 'Your unit has already decided on this application' } });
  // The server's clock decides: the recommendation phase's end (the call's, without one), or the unit's extension.
  const deadline = await unitRecommendationDeadline(deps.db, c.rec.def, c.row.program_id, c.unit.id);
  if (deps.now() > deadline) {
    throw new AppError('DEADLINE_PASSED', { message: { 'zh-CN': `推荐截止时间 ${formatShanghaiDeadline(deadline)}（北京时间）已过，不能再作出推荐决定`, en: `The recommendation deadline ${formatShanghaiDeadline(deadline)} (Beijing time) has passed` } });
  }
  return c;
}

const conflict = () => new AppError('CONFLICT', { message: { 'zh-CN': '申报状态已变化（已决定、已撤回或已更换推荐单位），请刷新', en: 'The application changed meanwhile (decided, withdrawn or moved to another unit); reload' } });
const mapUnique = (e: unknown) => {
  if (isUniqueViolation(e)) throw conflict();
  throw e;
};

export async function endorseCandidate(deps: Deps, actor: Actor | null, applicationId: string, input: { opinion?: string; stampedFileId?: string }, requestId: string | null = null) {
  const { row, unit, rec } = await loadDecidable(deps, actor, applicationId);
  const to = nextStatus(row.status as ApplicationStatus, 'endorse');
  if (!to) throw conflict();
  // The call decides whether the opinion and the stamped page may be left out; a page named must be this application's stamped page.
  const requires = endorsementRequires(rec.block);
  const opinion = input.opinion?.trim() ?? '';
  const stamp = input.stampedFileId ? await findApplicationFile(deps.db, applicationId, input.stampedFileId) : undefined;
  const missing = [
    ...(requires.opinion && !opinion ? [{ path: 'opinion', message: { 'zh-CN': '请填写推荐意见', en: 'Write the recommendation' } }] : []),
    ...((input.stampedFileId ? stamp?.field_path !== STAMP_FIELD : requires.stampedPage)
      ? [{ path: 'stampedFileId', message: { 'zh-CN': '请先上传加盖推荐单位公章的推荐意见页', en: 'Upload the stamped recommendation page first' } }]
      : []),
  ];
  if (missing.length) throw new AppError('VALIDATION', { fields: missing });
  // Every ledger row this endorsement takes — its track's and each binding group or program max —
  // in key order, so two endorsements of one unit lock them in the same order.
  const takes = quotaTakes(rec.block, row.track_id, channelsOf(unit), recommendedTracks(rec.def).map((t) => t.id));
  const max = takes.find((t) => t.scope === 'track')?.limit ?? null;
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await decideApplicationIfCurrent(trx, applicationId, unit.id, statusesAllowing('endorse'), to, now))) throw conflict();
    for (const take of takes) {
      if (await takeQuota(trx, unit.id, take.key, take.limit, take.tracks)) continue;
      const limit = take.limit!;
      const message = take.scope === 'track'
        ? quotaExhaustedMessage(trackName(rec.def, row.track_id), limit, limit)
        : scopedQuotaExhaustedMessage(take, take.tracks.map((t) => trackName(rec.def, t)), limit);
      throw new AppError('QUOTA_EXHAUSTED', { message, details: { trackId: row.track_id, ruleId: take.ruleId, scope: take.scope, tracks: take.tracks, limit, used: limit } });
    }
    await insertNomination(trx, {
      application_id: applicationId, program_id: row.program_id, unit_id: unit.id, track_id: row.track_id, status: 'endorsed',
      opinion: opinion || null, stamped_file_id: stamp?.id ?? null, reason: null, decided_by: actor!.userId, decided_at: now,
      quota_keys_json: JSON.stringify(takes.map((t) => t.key)), preference: await nextPreference(trx, unit.id),
    });
    await insertEvent(trx, { id: newId(), application_id: applicationId, at: now, status: to, note: `推荐单位：${unit.name}`, actor_id: actor!.userId });
    await emitWebhookEvent(trx, row.program_id, 'application.endorsed', { applicationId, number: row.number, trackId: row.track_id, unitId: unit.id, unitName: unit.name, endorsedAt: now }, now);
    await appendAudit(trx, { actorId: actor!.userId, action: 'nomination.endorse', entity: 'application', entityId: applicationId, before: { status: row.status }, after: { status: to, unitId: unit.id, trackId: row.track_id, stampedFileId: stamp?.id ?? null, limit: max }, requestId }, now);
  }).catch(mapUnique);
  return getCandidate(deps, actor, applicationId);
}

export async function declineCandidate(deps: Deps, actor: Actor | null, applicationId: string, reason: string, requestId: string | null = null) {
  const { row, unit } = await loadDecidable(deps, actor, applicationId);
  const to = nextStatus(row.status as ApplicationStatus, 'decline');
  if (!to) throw conflict();
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await decideApplicationIfCurrent(trx, applicationId, unit.id, statusesAllowing('decline'), to, now))) throw conflict();
    await insertNomination(trx, {
      application_id: applicationId, program_id: row.program_id, unit_id: unit.id, track_id: row.track_id, status: 'declined',
      opinion: null, stamped_file_id: null, reason, decided_by: actor!.userId, decided_at: now, quota_keys_json: null, preference: null,
    });
    await insertEvent(trx, { id: newId(), application_id: applicationId, at: now, status: to, note: reason, actor_id: actor!.userId });
    await appendAudit(trx, { actorId: actor!.userId, action: 'nomination.decline', entity: 'application', entityId: applicationId, before: { status: row.status }, after: { status: to, unitId: unit.id, reason }, requestId }, now);
  }).catch(mapUnique);
  return getCandidate(deps, actor, applicationId);
}
