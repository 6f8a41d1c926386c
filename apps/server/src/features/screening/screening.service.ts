import {
  AppError, can, checklistState, isScreenable, ruleSummary, screenTrackRules, shanghaiToEpoch, statusAfter,
  type ChecklistItemState, type ChecklistMark, type OrganizationFacts, type RuleResult, type ScreeningOutcome, type ScreeningRecord, type ScreeningView,
} from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { authorize } from '../access/access.service.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { emitWebhookEvent } from '../webhooks/webhook-outbox.ts';
import { statusOf } from '../applications/application-access.ts';
import { insertEvent, setStatusIfCurrent, type ApplicationRow } from '../applications/application.repository.ts';
import { deadlineOf, formOf } from '../applications/application.service.ts';
import { findUserById } from '../auth/user.repository.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { enqueueMail } from '../jobs/mail-job.ts';
import { findOrganizationById } from '../organizations/organization.repository.ts';
import { setApplicationDeadline } from './deadline.repository.ts';
import { loadForScreening, type Screenable } from './screening-access.ts';
import { screeningNotice } from './screening-notify.ts';
import { decideIfOpen, ensureScreening, listScreenings, saveChecklistIfCurrent, userNames, type ScreeningRow } from './screening.repository.ts';
import { latestVersionNo, listVersions } from './version.repository.ts';

// 初筛 of one application: the automatic rules, the checklist worked item by item, and the
// decision (pass / fail with a reason / return with comments), which moves the status only
// through the state machine, in one transaction with its event, audit record and notice.

export async function organizationFacts(db: Db, organizationId: string): Promise<OrganizationFacts> {
  const org = (await findOrganizationById(db, organizationId))!;
  return { name: org.name, creditCode: org.credit_code, regionCode: org.region_code, kind: org.kind };
}

export async function rulesFor(deps: Deps, s: Screenable): Promise<RuleResult[]> {
  const [form, org] = await Promise.all([formOf(deps.db, s.row), organizationFacts(deps.db, s.row.organization_id)]);
  return screenTrackRules(s.track, form, JSON.parse(s.row.answers_json), org, s.def);
}

const newScreening = (applicationId: string, versionNo: number, now: number) => (): ScreeningRow => ({
  id: newId(), application_id: applicationId, version_no: versionNo, checklist_json: '{}', rules_json: null, outcome: null, reason: null,
  decided_by: null, decided_at: null, released_at: null, revision: 0, created_at: now, updated_at: now,
});

type ScreeningWithName = ScreeningRow & { decider_name: string | null };
function toRecord(r: ScreeningWithName): ScreeningRecord {
  const rules = r.rules_json ? (JSON.parse(r.rules_json) as RuleResult[]) : [];
  return {
    versionNo: r.version_no, outcome: r.outcome as ScreeningOutcome | null, reason: r.reason, failedRules: rules.filter((x) => x.status === 'fail'),
    decidedAt: r.decided_at, decidedBy: r.decider_name, releasedAt: r.released_at,
  };
}

async function checklistOf(db: Db, s: Screenable, row: Pick<ScreeningRow, 'checklist_json'> | undefined): Promise<ChecklistItemState[]> {
  const marks = JSON.parse(row?.checklist_json ?? '{}') as Record<string, ChecklistMark>;
  return checklistState(s.track.eligibility.checklist, marks, await userNames(db, Object.values(marks).map((m) => m.by)));
}

export async function getScreeningView(deps: Deps, actor: Actor | null, id: string): Promise<ScreeningView> {
  const s = await loadForScreening(deps, actor, id);
  const { row, def, track } = s;
  const [rules, versions, screenings, org] = await Promise.all([
    rulesFor(deps, s), listVersions(deps.db, id), listScreenings(deps.db, id), findOrganizationById(deps.db, row.organization_id),
  ]);
  const versionNo = versions.at(-1)?.version_no ?? 0;
  const current = screenings.find((x) => x.version_no === versionNo);
  return {
    applicationId: row.id, number: row.number, programId: row.program_id, trackId: track.id, trackName: track.name, entry: track.entry,
    status: statusOf(row), revision: row.revision, organizationName: org!.name, creditCode: org!.credit_code, regionCode: org!.region_code,
    submittedAt: row.submitted_at, deadline: deadlineOf(row, def), versionNo, versionCount: versions.length,
    rules, ruleSummary: ruleSummary(rules), checklist: await checklistOf(deps.db, s, current),
    current: current ? toRecord(current) : null,
    history: screenings.filter((x) => x !== current).map(toRecord),
    canDecide: isScreenable(track, statusOf(row)) && !current?.outcome,
    canRelease: can(actor, 'program.publish', { programId: row.program_id }),
  };
}

const notAwaiting = (row: ApplicationRow) =>
  new AppError('CONFLICT', { message: { 'zh-CN': '该申报当前不在待初筛状态', en: 'This application is not awaiting screening' }, details: { status: row.status } });

/** Saves one checklist mark as the screener goes; a concurrent mark on another item is kept. */
export async function markChecklistItem(deps: Deps, actor: Actor | null, id: string, itemId: string, input: { checked: boolean | null; note: string }) {
  const s = await loadForScreening(deps, actor, id);
  if (!s.track.eligibility.checklist.some((i) => i.id === itemId)) {
    throw new AppError('NOT_FOUND', { fields: [{ path: 'itemId', message: { 'zh-CN': '该赛道的检查清单中没有此项', en: 'No such item on this track’s checklist' } }] });
  }
  if (!isScreenable(s.track, statusOf(s.row))) throw notAwaiting(s.row);
  const versionNo = await latestVersionNo(deps.db, id);
  for (let attempt = 0; attempt < 5; attempt++) {
    const now = deps.now();
    const sc = await ensureScreening(deps.db, id, versionNo, newScreening(id, versionNo, now));
    if (sc.outcome) throw new AppError('CONFLICT', { message: { 'zh-CN': '该版本已作出初筛决定，清单不能再修改', en: 'This version has been decided; its checklist is closed' } });
    const marks = JSON.parse(sc.checklist_json) as Record<string, ChecklistMark>;
    marks[itemId] = { checked: input.checked, note: input.note, by: actor!.userId, at: now };
    const json = JSON.stringify(marks);
    if (await saveChecklistIfCurrent(deps.db, sc.id, sc.revision, json, now)) return { checklist: await checklistOf(deps.db, s, { checklist_json: json }) };
  }
  throw new AppError('STALE_REVISION');
}

export type Decision = { outcome: ScreeningOutcome; text: string | null; baseRevision?: number; resubmitBy?: string; bulk?: boolean };

/**
 * Takes a decision on the application's latest version. The status moves only if it is still
 * what was read (and, given baseRevision, nothing changed since the screener looked), so a
 * replayed or stale request is refused and changes nothing.
 */
export async function applyDecision(deps: Deps, actor: Actor, s: Screenable, d: Decision, requestId: string | null): Promise<void> {
  const { row, def, track } = s;
  const from = statusOf(row);
  const to = statusAfter(track, from, d.outcome);
  if (!to) throw notAwaiting(row);
  if (d.baseRevision !== undefined && d.baseRevision !== row.revision) throw new AppError('STALE_REVISION', { details: { currentRevision: row.revision } });
  const rules = await rulesFor(deps, s);
  const failed = rules.filter((r) => r.status === 'fail');
  if (d.outcome === 'pass' && failed.length && d.bulk) {
    throw new AppError('CONFLICT', { message: { 'zh-CN': '自动规则未通过，请逐件审查', en: 'An automatic rule failed; decide this one individually' }, details: { failedRules: failed.map((r) => r.ruleId) } });
  }
  if (d.outcome === 'pass' && failed.length && !d.text) {
    throw new AppError('VALIDATION', { fields: [{ path: 'note', message: { 'zh-CN': '自动规则未通过，判定通过须说明理由', en: 'An automatic rule failed: say why it passes anyway' } }] });
  }
  let resubmitBy: number | null = null;
  if (d.resubmitBy) {
    // A new deadline is an extension, which only organizers grant.
    authorize(actor, 'program.configure', { programId: row.program_id });
    resubmitBy = shanghaiToEpoch(d.resubmitBy, { endOfDay: true });
    if (resubmitBy <= deps.now()) throw new AppError('VALIDATION', { fields: [{ path: 'resubmitBy', message: { 'zh-CN': '重新提交截止时间须晚于当前时间', en: 'The new deadline must be in the future' } }] });
  }
  const versionNo = await latestVersionNo(deps.db, row.id);
  const now = deps.now();
  const kind = d.outcome === 'return' ? 'screening.returned' : d.outcome === 'pass' ? 'screening.passed' : null;
  const deadline = resubmitBy ?? deadlineOf(row, def);
  const notice = kind ? screeningNotice(deps, kind, { applicationId: row.id, number: row.number, trackId: row.track_id, applicantUserId: row.applicant_user_id }, def, { message: d.outcome === 'return' ? d.text : null, deadline }) : null;
  await deps.db.transaction().execute(async (trx) => {
    const sc = await ensureScreening(trx, row.id, versionNo, newScreening(row.id, versionNo, now));
    if (!(await setStatusIfCurrent(trx, row.id, { revision: row.revision, statuses: [from] }, { status: to, updated_at: now }))) throw new AppError('STALE_REVISION');
    if (!(await decideIfOpen(trx, sc.id, sc.revision, { outcome: d.outcome, reason: d.text, rules_json: JSON.stringify(rules), decided_by: actor.userId, decided_at: now, released_at: null }))) {
      throw new AppError('CONFLICT', { message: { 'zh-CN': '该版本已作出初筛决定，或检查清单刚被他人修改，请刷新', en: 'This version was decided, or its checklist changed, meanwhile; reload' } });
    }
    if (resubmitBy !== null) await setApplicationDeadline(trx, row.id, resubmitBy);
    // The timeline is the applicant's too: a return's comments belong there, a failure's reason waits for its release.
    await insertEvent(trx, { id: newId(), application_id: row.id, at: now, status: to, note: d.outcome === 'return' ? d.text : null, actor_id: actor.userId });
    await appendAudit(trx, {
      actorId: actor.userId, action: `screening.${d.outcome}`, entity: 'application', entityId: row.id, requestId,
      before: { status: from, ...(resubmitBy !== null ? { deadlineOverride: row.deadline_override } : {}) },
      after: { status: to, versionNo, text: d.text, failedRules: failed.map((r) => r.ruleId), checklist: JSON.parse(sc.checklist_json), ...(d.bulk ? { bulk: true } : {}), ...(resubmitBy !== null ? { deadlineOverride: resubmitBy } : {}) },
    }, now);
    if (notice) await addNotice(trx, notice.notice, now);
    // A return is not a screening result (the applicant revises and resubmits); a failure's reason stays out, as it does for the applicant until released.
    if (d.outcome !== 'return') await emitWebhookEvent(trx, row.program_id, 'application.screened', { applicationId: row.id, number: row.number, trackId: row.track_id, outcome: d.outcome, status: to, versionNo, screenedAt: now }, now);
  });
  if (notice) {
    const user = await findUserById(deps.db, row.applicant_user_id);
    if (user) await enqueueMail(deps.db, notice.mail({ email: user.email, name: user.display_name }));
  }
}

export async function decideScreening(
  deps: Deps, actor: Actor | null, id: string,
  input: { outcome: 'pass'; baseRevision: number; note?: string } | { outcome: 'fail'; baseRevision: number; reason: string } | { outcome: 'return'; baseRevision: number; comments: string; resubmitBy?: string },
  requestId: string | null = null,
): Promise<ScreeningView> {
  const s = await loadForScreening(deps, actor, id);
  const text = input.outcome === 'pass' ? (input.note || null) : input.outcome === 'fail' ? input.reason : input.comments;
  await applyDecision(deps, actor!, s, { outcome: input.outcome, text, baseRevision: input.baseRevision, resubmitBy: input.outcome === 'return' ? input.resubmitBy : undefined }, requestId);
  return getScreeningView(deps, actor, id);
}
