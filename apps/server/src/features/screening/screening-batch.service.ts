import {
  AppError, can, isAppError, ruleSummary, screenableStatus, screenTrackRules, type ChecklistMark, type FormTemplate, type RuleResult,
  type ScreeningOutcome, type ScreeningQueueQuery,
} from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { authorize } from '../access/access.service.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { statusOf } from '../applications/application-access.ts';
import { searchTerms } from '../applications/search-text.ts';
import { findUserById } from '../auth/user.repository.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { enqueueMail } from '../jobs/mail-job.ts';
import { findFormVersion } from '../programs/program.repository.ts';
import { loadForScreening, programAndTrack } from './screening-access.ts';
import { screeningNotice } from './screening-notify.ts';
import { applyDecision } from './screening.service.ts';
import { listUnreleasedFailures, markReleased, queryQueue } from './screening.repository.ts';

// Screening many at once: a track's queue, passing a selection, releasing reasons.

export async function screeningQueue(deps: Deps, actor: Actor | null, programId: string, q: ScreeningQueueQuery) {
  const { def, track } = await programAndTrack(deps, programId, q.trackId);
  authorize(actor, 'application.screen', { programId, trackId: track!.id });
  const waiting = screenableStatus(track!);
  const statuses = { pending: [waiting], returned: ['returned'], eligible: ['eligible'], ineligible: ['ineligible'], all: null }[q.state];
  const { total, rows } = await queryQueue(deps.db, { programId, trackId: track!.id, statuses, region: q.region, terms: searchTerms(q.q) }, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  const forms = new Map<number, FormTemplate>();
  const items = [];
  for (const r of rows) {
    if (!forms.has(r.form_version)) {
      const v = await findFormVersion(deps.db, programId, track!.formId, r.form_version);
      forms.set(r.form_version, JSON.parse(v!.definition_json) as FormTemplate);
    }
    const org = { name: r.organization_name, creditCode: r.credit_code, regionCode: r.org_region_code, kind: r.org_kind };
    const rules = screenTrackRules(track!, forms.get(r.form_version)!, JSON.parse(r.answers_json), org, def);
    const marks = Object.values(JSON.parse(r.checklist_json ?? '{}') as Record<string, ChecklistMark>);
    items.push({
      id: r.id, number: r.number, organizationName: r.organization_name, creditCode: r.credit_code, regionCode: r.region_code,
      status: r.status as ReturnType<typeof statusOf>, submittedAt: r.submitted_at, revision: r.revision, ruleSummary: ruleSummary(rules),
      checklist: { checked: marks.filter((m) => m.checked === true).length, total: track!.eligibility.checklist.length },
      outcome: r.outcome as ScreeningOutcome | null, releasedAt: r.released_at,
    });
  }
  return { track: { id: track!.id, name: track!.name, entry: track!.entry }, screenableStatus: waiting, total, items };
}

/**
 * Passes each selected application on its own: permission, status and automatic rules are
 * checked per id, each in its own transaction, so one refusal does not undo the others.
 * One whose rules failed is left for an individual decision.
 */
export async function bulkPass(deps: Deps, actor: Actor | null, programId: string, ids: string[], requestId: string | null = null) {
  const { def } = await programAndTrack(deps, programId);
  if (!def.tracks.some((t) => can(actor, 'application.screen', { programId, trackId: t.id }))) authorize(actor, 'application.screen', { programId });
  const results = [];
  for (const id of [...new Set(ids)]) {
    try {
      const s = await loadForScreening(deps, actor, id);
      if (s.row.program_id !== programId) throw new AppError('NOT_FOUND');
      await applyDecision(deps, actor!, s, { outcome: 'pass', text: null, bulk: true }, requestId);
      results.push({ applicationId: id, ok: true, status: 'eligible' as const });
    } catch (e) {
      if (!isAppError(e)) throw e;
      results.push({ applicationId: id, ok: false, error: { code: e.code, message: e.localized } });
    }
  }
  return { passed: results.filter((r) => r.ok).length, results };
}

/**
 * Lets applicants read why they were found ineligible: marks the decided failures released,
 * with an in-app notice each in the same transaction, then emails them. Organizers only.
 */
export async function releaseReasons(deps: Deps, actor: Actor | null, programId: string, scope: { trackId?: string; applicationIds?: string[] }, requestId: string | null = null) {
  const { def } = await programAndTrack(deps, programId, scope.trackId);
  authorize(actor, 'program.publish', { programId });
  const rows = await listUnreleasedFailures(deps.db, programId, scope);
  const now = deps.now();
  const released: typeof rows = [];
  const notices = rows.map((r) => {
    const failedRules = (JSON.parse(r.rules_json ?? '[]') as RuleResult[]).filter((x) => x.status === 'fail').map((x) => x.reason?.['zh-CN'] ?? x.description);
    return screeningNotice(deps, 'screening.ineligible', { applicationId: r.application_id, number: r.number, trackId: r.track_id, applicantUserId: r.applicant_user_id }, def, { message: r.reason, failedRules });
  });
  await deps.db.transaction().execute(async (trx) => {
    for (const [i, r] of rows.entries()) {
      // Per row, so a release racing this one cannot make an applicant hear twice.
      if ((await markReleased(trx, [r.id], now)) === 0) continue;
      released.push(r);
      await addNotice(trx, notices[i].notice, now);
    }
    if (released.length) {
      await appendAudit(trx, { actorId: actor!.userId, action: 'screening.release', entity: 'program', entityId: programId, after: { trackId: scope.trackId ?? null, applicationIds: released.map((r) => r.application_id) }, requestId }, now);
    }
  });
  for (const r of released) {
    const user = await findUserById(deps.db, r.applicant_user_id);
    const n = notices[rows.indexOf(r)];
    if (user) await enqueueMail(deps.db, n.mail({ email: user.email, name: user.display_name }));
  }
  return { released: released.length, applicationIds: released.map((r) => r.application_id) };
}
