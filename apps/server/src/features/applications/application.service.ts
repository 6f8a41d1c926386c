import {
  AppError, callWindow, isEditable, isWithdrawable, nextStatus, submitRuleErrors, compileFormValidator, formatShanghai, formatShanghaiDeadline, prefillAnswers,
  resubmissionSteps, type ApplicationDetail, type ApplicationStatus, type ApplicationSummary, type FormTemplate, type FormValidator, type ProgramDefinition,
} from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { emitWebhookEvent } from '../webhooks/webhook-outbox.ts';
import { enqueueMail } from '../jobs/mail-job.ts';
import type { Mail } from '../../mail/mailer.ts';
import { findOrganizationById } from '../organizations/organization.repository.ts';
import { toOrganization } from '../organizations/organization.service.ts';
import { findFormVersion, findProgramById, latestFormVersions, takeApplicationNumber } from '../programs/program.repository.ts';
import { programDefinition } from '../programs/program.service.ts';
import { listApplicationFileIds } from '../files/file.repository.ts';
import { isOwner, loadOwn, loadOwnHeadWithFiles, loadReadable, statusOf } from './application-access.ts';
import {
  applicationSlotsOf, insertApplication, insertEvent, listApplicationsOf, listEvents, saveAnswersIfCurrent, setStatusIfCurrent, type ApplicationRow,
} from './application.repository.ts';
import { fileRefIds, searchTextOf } from './search-text.ts';
import { findNomination, releaseNominationQuota } from '../recommendation/nomination.repository.ts';
import { recordSubmittedVersion } from '../screening/version.repository.ts';
import { unitNamedOnCreate } from '../recommendation/unit-choice.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';

async function programOf(db: Db, programId: string): Promise<{ def: ProgramDefinition; status: string }> {
  const p = await findProgramById(db, programId);
  if (!p?.definition_json) throw new AppError('NOT_FOUND');
  return { def: programDefinition(p), status: p.status };
}

// A stored form version never changes, so every process may keep the parsed ones with their
// compiled validators: an autosave then costs no form read, no parse of a 100 KB definition and
// no working out of the template's lookups. Keyed by version: a changed form is a new version.
const formCache = new Map<string, { form: FormTemplate; validate: FormValidator }>();

async function cachedForm(db: Db, row: Pick<ApplicationRow, 'program_id' | 'form_id' | 'form_version'>) {
  const key = `${row.program_id}/${row.form_id}/${row.form_version}`;
  const cached = formCache.get(key);
  if (cached) return cached;
  const v = await findFormVersion(db, row.program_id, row.form_id, row.form_version);
  if (!v) throw new Error(`form ${row.form_id}@${row.form_version} of program ${row.program_id} is missing`);
  const form = JSON.parse(v.definition_json) as FormTemplate;
  const entry = { form, validate: compileFormValidator(form) };
  if (formCache.size >= 500) formCache.delete(formCache.keys().next().value!);
  formCache.set(key, entry);
  return entry;
}

export const formOf = async (db: Db, row: Pick<ApplicationRow, 'program_id' | 'form_id' | 'form_version'>): Promise<FormTemplate> => (await cachedForm(db, row)).form;

/** The compiled validator of the application's form version (kept with the parsed form). */
export const formValidatorOf = async (db: Db, row: Pick<ApplicationRow, 'program_id' | 'form_id' | 'form_version'>): Promise<FormValidator> => (await cachedForm(db, row)).validate;

export const deadlineOf = (row: ApplicationRow, def: ProgramDefinition) => row.deadline_override ?? callWindow(def).closesAt;

export async function applicationDetail(deps: Deps, actor: Actor, row: ApplicationRow): Promise<ApplicationDetail> {
  const [{ def }, org, form, events] = await Promise.all([
    programOf(deps.db, row.program_id), findOrganizationById(deps.db, row.organization_id), formOf(deps.db, row), listEvents(deps.db, row.id),
  ]);
  const track = def.tracks.find((t) => t.id === row.track_id);
  const own = isOwner(actor, row);
  const resubmissions = resubmissionSteps(events.map((e) => ({ status: e.status as ApplicationStatus, actorId: e.actorId })), row.applicant_user_id);
  return {
    id: row.id, number: row.number, programId: row.program_id, programSlug: def.slug, programName: def.name,
    ...(def.nameEn ? { programNameEn: def.nameEn } : {}), ...(track?.nameEn ? { trackNameEn: track.nameEn } : {}),
    trackId: row.track_id, trackName: track?.name ?? row.track_id, organization: toOrganization(org!),
    status: statusOf(row), answers: JSON.parse(row.answers_json), revision: row.revision, form,
    createdAt: row.created_at, updatedAt: row.updated_at, submittedAt: row.submitted_at, deadline: deadlineOf(row, def),
    timeline: events.map((e, i) => ({ at: e.at, status: e.status as ApplicationStatus, note: e.note, actorName: e.actorName, ...(resubmissions[i] ? { kind: 'resubmitted' as const } : {}) })),
    ...(resubmissions.at(-1) && events.at(-1)?.status === row.status ? { resubmitted: true } : {}),
    canEdit: own && isEditable(statusOf(row)) && deps.now() <= deadlineOf(row, def),
    canWithdraw: own && isWithdrawable(statusOf(row)),
  };
}

export async function getApplication(deps: Deps, actor: Actor | null, id: string): Promise<ApplicationDetail> {
  const row = await loadReadable(deps, actor, id);
  return applicationDetail(deps, actor!, row);
}

/** Starts a draft on an open track for one of the applicant's organizations. */
export async function createApplication(
  deps: Deps, actor: Actor, input: { programId: string; trackId: string; organizationId: string; unitId?: string; inviteToken?: string }, requestId: string | null = null,
): Promise<ApplicationDetail> {
  const program = await findProgramById(deps.db, input.programId);
  if (!program?.definition_json || program.status === 'draft') throw new AppError('NOT_FOUND', { fields: [{ path: 'programId', message: { 'zh-CN': '没有这个活动', en: 'No such program' } }] });
  const def = programDefinition(program);
  const track = def.tracks.find((t) => t.id === input.trackId);
  if (!track) throw new AppError('NOT_FOUND', { fields: [{ path: 'trackId', message: { 'zh-CN': '没有这个赛道/榜单', en: 'No such track' } }] });
  const org = await findOrganizationById(deps.db, input.organizationId);
  if (!org || org.owner_user_id !== actor.userId) throw new AppError('NOT_FOUND', { fields: [{ path: 'organizationId', message: { 'zh-CN': '没有这个申报单位', en: 'No such organization of yours' } }] });
  const now = deps.now();
  const { opensAt, closesAt } = callWindow(def);
  if (program.status !== 'open' || now < opensAt || now > closesAt) {
    throw new AppError('CALL_NOT_OPEN', { message: { 'zh-CN': `该活动的征集期为 ${formatShanghai(opensAt)} 至 ${formatShanghaiDeadline(closesAt)}，当前不能申报`, en: `The call runs from ${formatShanghai(opensAt)} to ${formatShanghaiDeadline(closesAt)} (Beijing time); applications cannot be started now` } });
  }
  // How many one organization may start on the track is the definition's (default 1).
  const limit = track.applicationsPerOrganization ?? 1;
  const atLimit = (applicationId: string | null, count: number) => new AppError('CONFLICT', {
    message: limit === 1
      ? { 'zh-CN': '该单位已在此赛道申报', en: 'This organization already has an application on this track' }
      : { 'zh-CN': `该单位在此赛道已有 ${count} 份申报，已达每个单位 ${limit} 份的上限`, en: `This organization already has ${count} applications on this track, the most one organization may have (${limit})` },
    details: { applicationId, limit },
  });
  const before = await applicationSlotsOf(deps.db, input.programId, input.trackId, input.organizationId);
  if (before.count >= limit) throw atLimit(before.firstId, before.count);
  // 推荐: the unit picked with the draft, or the one whose link the applicant came through.
  const unitId = await unitNamedOnCreate(deps.db, input.programId, track, input);
  const formVersion = (await latestFormVersions(deps.db, input.programId)).get(track.formId)!.version;
  // What the platform knows about the organization goes into the fields the form maps it to.
  const answers = prefillAnswers(await formOf(deps.db, { program_id: input.programId, form_id: track.formId, form_version: formVersion }), toOrganization(org));
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    const seq = await takeApplicationNumber(trx, input.programId);
    // Counted again after that write: a concurrent creation for the same organization has committed or waits.
    const taken = await applicationSlotsOf(trx, input.programId, input.trackId, input.organizationId);
    if (taken.count >= limit) throw atLimit(taken.firstId, taken.count);
    const row: ApplicationRow = {
      id, number: `${def.slug.toUpperCase()}-${String(seq).padStart(5, '0')}`, program_id: input.programId, track_id: track.id,
      organization_id: org.id, applicant_user_id: actor.userId, status: 'draft', form_id: track.formId, form_version: formVersion,
      answers_json: JSON.stringify(answers), revision: 0, search_text: searchTextOf(answers, [org.name, org.credit_code]), region_code: org.region_code,
      deadline_override: null, created_at: now, updated_at: now, submitted_at: null, unit_id: unitId, slot: taken.maxSlot + 1,
    };
    await insertApplication(trx, row);
    await insertEvent(trx, { id: newId(), application_id: id, at: now, status: 'draft', note: null, actor_id: actor.userId });
    await appendAudit(trx, { actorId: actor.userId, action: 'application.create', entity: 'application', entityId: id, after: { programId: row.program_id, trackId: row.track_id, organizationId: org.id, number: row.number, unitId }, requestId }, now);
  }).catch((e) => {
    if (isUniqueViolation(e)) throw atLimit(null, limit);
    throw e;
  });
  return getApplication(deps, actor, id);
}

async function checkFileRefs(deps: Deps, applicationId: string, answers: unknown, known?: string[]): Promise<void> {
  const refs = fileRefIds(answers);
  if (refs.length === 0) return;
  const own = new Set(known ?? (await listApplicationFileIds(deps.db, applicationId)));
  const foreign = refs.filter((r) => !own.has(r));
  if (foreign.length) throw new AppError('VALIDATION', { message: { 'zh-CN': '引用了不属于本申报书的附件', en: 'The answers refer to files not uploaded to this application' }, details: { fileIds: foreign } });
}

function notEditable(row: Pick<ApplicationRow, 'status'>): AppError {
  return new AppError('CONFLICT', { message: { 'zh-CN': '当前状态下不能修改申报书', en: 'The application cannot be changed in its current status' }, details: { status: row.status } });
}

/**
 * Autosave. A draft is a draft: answers over a limit, out of range or of a wrong plain type are
 * stored and come back as `problems` (the same field errors a 400 carries), checked again at
 * submit. Only what is no answer of this form at all (unknown ids, a list for a text, someone
 * else's section, a foreign file) is refused with 400, so nothing malformed is stored.
 */
export async function saveDraft(deps: Deps, actor: Actor, id: string, input: { answers: Record<string, unknown>; baseRevision: number }) {
  // The hot path of every open form: one read (the head without the answers, and its file ids),
  // a cached form and validator, one conditional write; each statement compiled once.
  const { head: row, fileIds } = await loadOwnHeadWithFiles(deps, actor, id);
  if (!isEditable(statusOf(row))) throw notEditable(row);
  const result = (await formValidatorOf(deps.db, row))(input.answers, { mode: 'draft' });
  if (result.malformed) throw new AppError('VALIDATION', { fields: result.malformed });
  await checkFileRefs(deps, id, input.answers, fileIds);
  const now = deps.now();
  const saved = await saveAnswersIfCurrent(deps.db, id, input.baseRevision, {
    answers_json: JSON.stringify(input.answers), search_text: searchTextOf(input.answers, [row.organization_name, row.credit_code, row.number]), updated_at: now,
  });
  if (!saved) throw await staleOrLocked(deps, id);
  return { revision: input.baseRevision + 1, savedAt: now, problems: result.errors };
}

async function staleOrLocked(deps: Deps, id: string): Promise<AppError> {
  const current = (await loadOwnUnchecked(deps, id))!;
  return isEditable(statusOf(current))
    ? new AppError('STALE_REVISION', { details: { currentRevision: current.revision, updatedAt: current.updated_at } })
    : notEditable(current);
}
const loadOwnUnchecked = (deps: Deps, id: string) => deps.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();

export async function submitApplication(deps: Deps, actor: Actor, id: string, baseRevision: number, requestId: string | null = null): Promise<ApplicationDetail> {
  const row = await loadOwn(deps, actor, id);
  if (!isEditable(statusOf(row))) throw notEditable(row);
  const { def } = await programOf(deps.db, row.program_id);
  const deadline = deadlineOf(row, def);
  // The server's clock decides, whatever the browser's says.
  if (deps.now() > deadline) throw new AppError('DEADLINE_PASSED', { message: { 'zh-CN': `申报截止时间 ${formatShanghaiDeadline(deadline)}（北京时间）已过，不能再提交`, en: `The deadline ${formatShanghaiDeadline(deadline)} (Beijing time) has passed` } });
  if (row.revision !== baseRevision) throw new AppError('STALE_REVISION', { details: { currentRevision: row.revision, updatedAt: row.updated_at } });
  const answers = JSON.parse(row.answers_json);
  const { form, validate } = await cachedForm(deps.db, row);
  const result = validate(answers, { mode: 'submit' });
  const errors = [...result.errors, ...(await submitRuleProblems(deps.db, row, def, form, answers))];
  if (errors.length) throw new AppError('VALIDATION', { message: { 'zh-CN': `申报书还有 ${errors.length} 处需要完善`, en: `${errors.length} field(s) still need attention` }, fields: errors });
  await checkFileRefs(deps, id, answers);
  const now = deps.now();
  const endorsed = row.status === 'returned' && (await findNomination(deps.db, id))?.status === 'endorsed';
  const to = nextStatus(statusOf(row), endorsed ? 'resubmit_endorsed' : 'submit')!;
  await deps.db.transaction().execute(async (trx) => {
    if (!(await setStatusIfCurrent(trx, id, { revision: baseRevision, statuses: [row.status] }, { status: to, submitted_at: now, updated_at: now }))) {
      throw new AppError('STALE_REVISION');
    }
    await insertEvent(trx, { id: newId(), application_id: id, at: now, status: to, note: null, actor_id: actor.userId });
    // Screening keeps every submitted version (resubmissions too) so returned ones can be compared: features/screening.
    await recordSubmittedVersion(trx, { applicationId: id, answersJson: row.answers_json, formVersion: row.form_version, at: now, by: actor.userId });
    await appendAudit(trx, { actorId: actor.userId, action: 'application.submit', entity: 'application', entityId: id, before: { status: row.status }, after: { status: to, revision: baseRevision + 1 }, requestId }, now);
    await emitWebhookEvent(trx, row.program_id, 'application.submitted', { applicationId: id, number: row.number, trackId: row.track_id, status: to, resubmission: row.status !== 'draft', submittedAt: now }, now);
    // Queued with the submission: the receipt goes out exactly when the submission stands.
    await enqueueMail(trx, receiptMail(deps, actor, row, def, now));
  });
  return getApplication(deps, actor, id);
}

function receiptMail(deps: Deps, actor: Actor, row: ApplicationRow, def: ProgramDefinition, at: number): Mail {
  const track = def.tracks.find((t) => t.id === row.track_id)?.name ?? row.track_id;
  return {
    to: actor.email,
    subject: `申报回执 / Receipt ${row.number}：${def.name}`,
    text:
      `${actor.displayName}，您好：\n\n您的申报已于 ${formatShanghai(at)}（北京时间）提交成功。\n活动：${def.name}\n赛道/榜单：${track}\n申报编号：${row.number}\n\n` +
      `可登录平台查看进度：${deps.config.publicUrl}/applications/${row.id}\n\n` +
      `Your application ${row.number} to ${def.name} (${track}) was submitted at ${formatShanghai(at)} Beijing time.\n`,
  };
}

/** The track's checkAtSubmit rules not yet met (e.g. fewer than 2 qualifying cases), as field errors. */
async function submitRuleProblems(db: Db, row: ApplicationRow, def: ProgramDefinition, form: FormTemplate, answers: Record<string, unknown>) {
  const track = def.tracks.find((t) => t.id === row.track_id);
  if (!track?.eligibility.rules.some((r) => r.checkAtSubmit)) return [];
  const org = (await findOrganizationById(db, row.organization_id))!;
  return submitRuleErrors(track, form, answers, { name: org.name, creditCode: org.credit_code, regionCode: org.region_code, kind: org.kind }, def);
}

export async function withdrawApplication(deps: Deps, actor: Actor, id: string, reason: string, requestId: string | null = null): Promise<ApplicationDetail> {
  const row = await loadOwn(deps, actor, id);
  if (!isWithdrawable(statusOf(row))) throw notEditable(row);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await setStatusIfCurrent(trx, id, { statuses: [row.status] }, { status: 'withdrawn', updated_at: now }))) throw new AppError('STALE_REVISION');
    await insertEvent(trx, { id: newId(), application_id: id, at: now, status: 'withdrawn', note: reason || null, actor_id: actor.userId });
    // A withdrawn candidate no longer uses its unit's place: the unit may endorse another.
    const nomination = await findNomination(trx, id);
    if (nomination?.status === 'endorsed') await releaseNominationQuota(trx, nomination);
    await appendAudit(trx, { actorId: actor.userId, action: 'application.withdraw', entity: 'application', entityId: id, before: { status: row.status }, after: { status: 'withdrawn', reason }, requestId }, now);
  });
  return getApplication(deps, actor, id);
}

export async function listMyApplications(deps: Deps, actor: Actor): Promise<{ total: number; items: ApplicationSummary[] }> {
  const rows = await listApplicationsOf(deps.db, actor.userId);
  const trackNames = await trackNamesFor(deps.db, rows.map((r) => r.program_id));
  const items = rows.map((r) => toSummary(r, trackNames));
  return { total: items.length, items };
}

export async function trackNamesFor(db: Db, programIds: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const pid of new Set(programIds)) {
    const { def } = await programOf(db, pid);
    for (const t of def.tracks) names.set(`${pid}/${t.id}`, t.name);
  }
  return names;
}

type SummaryRow = Awaited<ReturnType<typeof listApplicationsOf>>[number];
export function toSummary(r: SummaryRow, trackNames: Map<string, string>): ApplicationSummary {
  return {
    id: r.id, number: r.number, programId: r.program_id, programName: r.program_name, trackId: r.track_id,
    trackName: trackNames.get(`${r.program_id}/${r.track_id}`) ?? r.track_id, organizationName: r.organization_name,
    creditCode: r.credit_code, regionCode: r.region_code, status: r.status as ApplicationSummary['status'],
    updatedAt: r.updated_at, submittedAt: r.submitted_at,
  };
}
