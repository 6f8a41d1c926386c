import {
  AppError, formatShanghaiDeadline, nextStatus, quotaExhaustedMessage, quotaTakes, scopedQuotaExhaustedMessage, statusesAllowing,
  type ApplicationFeed, type ApplicationStatus,
} from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { emitWebhookEvent } from '../webhooks/webhook-outbox.ts';
import { loadOwn, loadReadable } from '../applications/application-access.ts';
import { findApplication, insertEvent, setStatusIfCurrent } from '../applications/application.repository.ts';
import { getApplication } from '../applications/application.service.ts';
import { recordSubmittedVersion } from '../screening/version.repository.ts';
import { unitRecommendationDeadline } from '../screening/deadline.service.ts';
import { decideApplicationIfCurrent, insertNomination, nextPreference, takeQuota } from '../recommendation/nomination.repository.ts';
import { channelsOf, loadProgramRec, recommendedTracks, trackName } from '../recommendation/recommendation-access.ts';
import { findUnit } from '../recommendation/unit.repository.ts';
import { findProgramById } from './program.repository.ts';
import { decideFeedItemIfPending, findFeedItem } from './program-feed.repository.ts';
import { feedState } from './program-feed.service.ts';

// The applicant's answer to a fed application (program-feed.service.ts): confirming submits it
// and, in the same transaction, records the unit's endorsement through the same quota ledger an
// endorsement by hand takes (nomination.repository.ts): a unit at its max refuses it and nothing
// changes. Declining withdraws it. Either answer is given once.

const changed = () => new AppError('CONFLICT', { message: { 'zh-CN': '该推荐已确认或已谢绝', en: 'This recommendation has already been answered' } });

/** The feed behind a fed application, to its readers (the applicant, the target's organizers). */
export async function getApplicationFeed(deps: Deps, actor: Actor | null, applicationId: string): Promise<ApplicationFeed> {
  const app = await loadReadable(deps, actor, applicationId);
  const item = await findFeedItem(deps.db, applicationId);
  if (!item) throw new AppError('NOT_FOUND');
  const [source, target, src, unit] = await Promise.all([
    findProgramById(deps.db, item.source_program_id), findProgramById(deps.db, item.target_program_id), findApplication(deps.db, item.source_application_id), findUnit(deps.db, item.unit_id),
  ]);
  return {
    applicationId, state: feedState(item.state, app.status), sourceProgramName: source!.name, sourceProgramSlug: source!.slug,
    sourceNumber: src!.number, sourceApplicationId: src!.id, targetProgramName: target!.name, unitName: unit!.name, opinion: item.opinion,
    fedAt: item.fed_at, decidedAt: item.decided_at, mappedFields: JSON.parse(item.mapped_json) as string[],
  };
}

async function ownPending(deps: Deps, actor: Actor | null, applicationId: string) {
  const app = await loadOwn(deps, actor, applicationId);
  const item = await findFeedItem(deps.db, applicationId);
  if (!item) throw new AppError('NOT_FOUND');
  if (item.state !== 'pending' || app.status !== 'fed') throw changed();
  return { app, item };
}

export async function confirmFeed(deps: Deps, actor: Actor | null, applicationId: string, requestId: string | null = null) {
  const { app, item } = await ownPending(deps, actor, applicationId);
  const rec = await loadProgramRec(deps.db, app.program_id);
  const unit = (await findUnit(deps.db, item.unit_id))!;
  const now = deps.now();
  const deadline = await unitRecommendationDeadline(deps.db, rec.def, app.program_id, unit.id);
  if (now > deadline) throw new AppError('DEADLINE_PASSED', { message: { 'zh-CN': `推荐截止时间 ${formatShanghaiDeadline(deadline)}（北京时间）已过，不能再确认`, en: `The recommendation deadline ${formatShanghaiDeadline(deadline)} (Beijing time) has passed` } });
  const submitted = nextStatus(app.status as ApplicationStatus, 'confirm_feed')!;
  const endorsed = nextStatus(submitted, 'endorse')!;
  // The ledger rows an endorsement takes, in key order (as nomination.service.ts's endorsement does).
  const takes = quotaTakes(rec.block, app.track_id, channelsOf(unit), recommendedTracks(rec.def).map((t) => t.id));
  await deps.db.transaction().execute(async (trx) => {
    if (!(await decideFeedItemIfPending(trx, applicationId, 'confirmed', now))) throw changed();
    if (!(await setStatusIfCurrent(trx, applicationId, { statuses: ['fed'] }, { status: submitted, submitted_at: now, updated_at: now }))) throw changed();
    await insertEvent(trx, { id: newId(), application_id: applicationId, at: now, status: submitted, note: '申报单位确认上级推荐', actor_id: actor!.userId });
    await recordSubmittedVersion(trx, { applicationId, answersJson: app.answers_json, formVersion: app.form_version, at: now, by: actor!.userId });
    await appendAudit(trx, { actorId: actor!.userId, action: 'application.feed_confirm', entity: 'application', entityId: applicationId, before: { status: app.status }, after: { status: submitted, sourceApplicationId: item.source_application_id }, requestId }, now);
    await emitWebhookEvent(trx, app.program_id, 'application.submitted', { applicationId, number: app.number, trackId: app.track_id, status: submitted, resubmission: false, submittedAt: now }, now);
    // The unit's endorsement: the one who sent it acted as the unit.
    if (!(await decideApplicationIfCurrent(trx, applicationId, unit.id, statusesAllowing('endorse'), endorsed, now))) throw changed();
    for (const take of takes) {
      if (await takeQuota(trx, unit.id, take.key, take.limit, take.tracks)) continue;
      const limit = take.limit!;
      const message = take.scope === 'track'
        ? quotaExhaustedMessage(trackName(rec.def, app.track_id), limit, limit)
        : scopedQuotaExhaustedMessage(take, take.tracks.map((t) => trackName(rec.def, t)), limit);
      throw new AppError('QUOTA_EXHAUSTED', { message, details: { trackId: app.track_id, ruleId: take.ruleId, scope: take.scope, tracks: take.tracks, limit, used: limit } });
    }
    await insertNomination(trx, {
      application_id: applicationId, program_id: app.program_id, unit_id: unit.id, track_id: app.track_id, status: 'endorsed',
      opinion: item.opinion, stamped_file_id: null, reason: null, decided_by: item.fed_by, decided_at: now,
      quota_keys_json: JSON.stringify(takes.map((t) => t.key)), preference: await nextPreference(trx, unit.id),
    });
    await insertEvent(trx, { id: newId(), application_id: applicationId, at: now, status: endorsed, note: `推荐单位：${unit.name}`, actor_id: item.fed_by });
    await emitWebhookEvent(trx, app.program_id, 'application.endorsed', { applicationId, number: app.number, trackId: app.track_id, unitId: unit.id, unitName: unit.name, endorsedAt: now }, now);
    await appendAudit(trx, { actorId: item.fed_by, action: 'nomination.endorse', entity: 'application', entityId: applicationId, before: { status: submitted }, after: { status: endorsed, unitId: unit.id, trackId: app.track_id, via: 'feed', confirmedBy: actor!.userId }, requestId }, now);
  });
  return getApplication(deps, actor, applicationId);
}

export async function declineFeed(deps: Deps, actor: Actor | null, applicationId: string, reason: string | undefined, requestId: string | null = null) {
  const { app } = await ownPending(deps, actor, applicationId);
  const to = nextStatus(app.status as ApplicationStatus, 'withdraw')!;
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await decideFeedItemIfPending(trx, applicationId, 'declined', now))) throw changed();
    if (!(await setStatusIfCurrent(trx, applicationId, { statuses: ['fed'] }, { status: to, updated_at: now }))) throw changed();
    await insertEvent(trx, { id: newId(), application_id: applicationId, at: now, status: to, note: reason ? `谢绝上级推荐：${reason}` : '谢绝上级推荐', actor_id: actor!.userId });
    await appendAudit(trx, { actorId: actor!.userId, action: 'application.feed_decline', entity: 'application', entityId: applicationId, before: { status: app.status }, after: { status: to, reason: reason ?? null }, requestId }, now);
  });
  return getApplication(deps, actor, applicationId);
}
