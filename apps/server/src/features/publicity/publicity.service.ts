import {
  AppError, defaultDecisionBlock, formatShanghaiDeadline, nextOutcome, publicityPeriod, type OpenPublicityRequest, type OutcomeStatus, type ProgramDefinition, type ProgramPublicities, type PublicityOverview,
} from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { authorize } from '../access/access.service.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { anchorAfter } from '../audit/audit-anchor.service.ts';
import { listDecisions, outcomeOf } from '../outcome/outcome.repository.ts';
import { moveOutcome } from '../outcome/move-outcome.ts';
import { findProgramById, findProgramBySlug, type ProgramRow } from '../programs/program.repository.ts';
import { programDefinition } from '../programs/program.service.ts';
import { titleOf } from '../review/ranking.service.ts';
import { currentCalendar } from './holiday-calendar.service.ts';
import {
  applicationsForList, closePublicityIfOpen, findPublicity, findPublicityById, insertPublicity, itemsOf, listObjections, listPublicities, type PublicityItemRow,
} from './publicity.repository.ts';
import { publicPublicity, settingsOf, tierName, trackName, type PublicityKindId } from './publicity-view.ts';

// Opening and closing a 公示 and reading it. A results 公示 is a step of the outcome (approved →
// in_publicity → publicity_closed, through moveOutcome); a candidates 公示 (河南's recommended
// projects per city) stands apart from it. Either list is a snapshot taken when it opens, so
// later changes show only through an objection's ruling.

/** Candidates: in the program through its unit's endorsement or past screening, and still in it. */
const candidateStatuses = ['endorsed', 'eligible', 'in_review', 'advanced', 'eliminated', 'candidate', 'awarded', 'not_awarded'];

export async function loadProgramFor(deps: Deps, actor: Actor | null, programId: string): Promise<{ row: ProgramRow; def: ProgramDefinition }> {
  authorize(actor, 'publicity.rule', { programId });
  const row = await findProgramById(deps.db, programId);
  if (!row?.definition_json) throw new AppError('NOT_FOUND');
  return { row, def: programDefinition(row) };
}

/** The list a 公示 of this kind would show if opened now. */
async function snapshot(db: Db, programId: string, def: ProgramDefinition, kind: PublicityKindId): Promise<Omit<PublicityItemRow, 'publicity_id'>[]> {
  const trackOrder = new Map(def.tracks.map((t, i) => [t.id, i]));
  if (kind === 'results') {
    const decisions = (await listDecisions(db, programId)).filter((d) => d.tier_id !== null && d.removed === 0);
    const apps = new Map((await applicationsForList(db, programId, { ids: decisions.map((d) => d.application_id) })).map((a) => [a.id, a]));
    const tierOrder = (trackId: string, tierId: string) => def.tracks.find((t) => t.id === trackId)?.awardTiers.findIndex((x) => x.id === tierId) ?? 0;
    return decisions
      .filter((d) => apps.has(d.application_id))
      .sort((a, b) => (trackOrder.get(a.track_id) ?? 0) - (trackOrder.get(b.track_id) ?? 0) || tierOrder(a.track_id, a.tier_id!) - tierOrder(b.track_id, b.tier_id!) || (a.rank ?? 1e9) - (b.rank ?? 1e9))
      .map((d, position) => {
        const a = apps.get(d.application_id)!;
        return { application_id: a.id, position, number: a.number, title: titleOf(def, a), org_name: a.org_name, track_id: d.track_id, tier_id: d.tier_id, unit_name: a.endorsing_unit ?? a.named_unit, removed_at: null };
      });
  }
  const apps = await applicationsForList(db, programId, { statuses: candidateStatuses });
  return apps
    .sort((a, b) => (trackOrder.get(a.track_id) ?? 0) - (trackOrder.get(b.track_id) ?? 0) || (a.endorsing_unit ?? a.named_unit ?? '').localeCompare(b.endorsing_unit ?? b.named_unit ?? '', 'zh-CN') || a.number.localeCompare(b.number))
    .map((a, position) => ({ application_id: a.id, position, number: a.number, title: titleOf(def, a), org_name: a.org_name, track_id: a.track_id, tier_id: null, unit_name: a.endorsing_unit ?? a.named_unit, removed_at: null }));
}

/** Why a 公示 of this kind may not open now, or null. */
function refusal(def: ProgramDefinition, kind: PublicityKindId, status: OutcomeStatus, publicities: { kind: string; closed_at: number | null }[], items: number) {
  if (!settingsOf(def, kind)) return kind === 'results' ? { 'zh-CN': '本活动未设评比结果公示', en: 'This program holds no results 公示' } : { 'zh-CN': '本活动未设推荐项目公示', en: 'This program holds no candidates 公示' };
  if (kind === 'results') {
    const step = nextOutcome(status, 'open_publicity', def.decision ?? defaultDecisionBlock);
    if ('refused' in step) return { 'zh-CN': `名单须先审定：${step.refused.zh}`, en: `The list must be approved first: ${step.refused.en}` };
  } else if (publicities.some((p) => p.kind === 'candidates' && p.closed_at === null)) {
    return { 'zh-CN': '推荐项目公示尚未结束', en: 'A candidates 公示 is still running' };
  }
  if (!items) return { 'zh-CN': kind === 'results' ? '没有获奖等级的项目可公示' : '没有已推荐或通过初筛的项目可公示', en: kind === 'results' ? 'No application has a tier to announce' : 'No endorsed or screened application to announce' };
  return null;
}

export async function publicityOverview(deps: Deps, actor: Actor | null, programId: string): Promise<PublicityOverview> {
  const { def } = await loadProgramFor(deps, actor, programId);
  const now = deps.now();
  const [outcome, publicities, calendar] = await Promise.all([outcomeOf(deps.db, programId, now), listPublicities(deps.db, programId), currentCalendar(deps.db)]);
  const status = outcome.status as OutcomeStatus;
  const openings = [];
  for (const kind of ['results', 'candidates'] as const) {
    const s = settingsOf(def, kind);
    const items = s ? (await snapshot(deps.db, programId, def, kind)).length : 0;
    const period = s ? publicityPeriod(now, s.workingDays, calendar) : null;
    const reason = refusal(def, kind, status, publicities, items);
    openings.push({
      kind, configured: !!s, allowed: !reason, reason, workingDays: s?.workingDays ?? null,
      startsOn: period?.startsOn ?? null, endsOn: period?.endsOn ?? null, endsAt: period?.endsAt ?? null, provisional: !!period && period.basis !== 'official', items,
    });
  }
  const allItems = await itemsOf(deps.db, publicities.map((p) => p.id));
  const objections = await listObjections(deps.db, programId);
  const row = (await findProgramById(deps.db, programId))!;
  return {
    outcomeStatus: status,
    openings,
    publicities: publicities.map((p) => {
      const items = allItems.filter((i) => i.publicity_id === p.id);
      const mine = objections.filter((o) => o.publicity_id === p.id);
      return {
        ...publicPublicity(def, row.slug, p, items, calendar, now),
        openedAt: p.opened_at, openedBy: p.opened_by, openObjections: mine.filter((o) => o.status !== 'ruled').length,
        items: items.map((i) => ({
          applicationId: i.application_id, number: i.number, title: i.title, organization: i.org_name, trackId: i.track_id, trackName: trackName(def, i.track_id),
          tierId: i.tier_id, tierName: tierName(def, i.track_id, i.tier_id), unit: i.unit_name, removedAt: i.removed_at, objections: mine.filter((o) => o.application_id === i.application_id).length,
        })),
      };
    }),
  };
}

export async function openPublicity(deps: Deps, actor: Actor | null, programId: string, input: OpenPublicityRequest, requestId: string | null = null): Promise<PublicityOverview> {
  const { def } = await loadProgramFor(deps, actor, programId);
  const now = deps.now();
  const id = newId();
  await anchorAfter(deps, `publicity.open ${programId}`, deps.db.transaction().execute(async (trx) => {
    const [outcome, publicities, calendar] = await Promise.all([outcomeOf(trx, programId, now), listPublicities(trx, programId), currentCalendar(trx)]);
    const items = await snapshot(trx, programId, def, input.kind);
    const reason = refusal(def, input.kind, outcome.status as OutcomeStatus, publicities, items.length);
    if (reason) throw new AppError('CONFLICT', { message: reason });
    const s = settingsOf(def, input.kind)!;
    const period = publicityPeriod(now, s.workingDays, calendar);
    const title = input.title ?? `${def.name}${input.kind === 'results' ? '评比结果公示' : '推荐项目公示'}`;
    await insertPublicity(trx, { id, program_id: programId, kind: input.kind, title, working_days: s.workingDays, starts_at: now, ends_at: period.endsAt, opened_by: actor!.userId, opened_at: now, closed_at: null }, items.map((i) => ({ ...i, publicity_id: id })));
    const details = { publicityId: id, kind: input.kind, workingDays: s.workingDays, endsOn: period.endsOn, endsAt: period.endsAt, basis: period.basis, items: items.length };
    if (input.kind === 'results') await moveOutcome(trx, def, programId, 'open_publicity', { actorId: actor!.userId, requestId, now, details });
    else await appendAudit(trx, { actorId: actor!.userId, action: 'publicity.open', entity: 'program', entityId: programId, after: details, requestId }, now);
  }));
  return publicityOverview(deps, actor, programId);
}

/** After its end, once every objection is ruled: the results move on to publication. */
export async function closePublicity(deps: Deps, actor: Actor | null, programId: string, publicityId: string, requestId: string | null = null): Promise<PublicityOverview> {
  const { def } = await loadProgramFor(deps, actor, programId);
  const now = deps.now();
  await anchorAfter(deps, `publicity.close ${programId}`, deps.db.transaction().execute(async (trx) => {
    const p = await findPublicity(trx, programId, publicityId);
    if (!p) throw new AppError('NOT_FOUND');
    if (p.closed_at !== null) throw new AppError('CONFLICT', { message: { 'zh-CN': '该公示已结束', en: 'This 公示 is already closed' } });
    if (now < p.ends_at) throw new AppError('CONFLICT', { message: { 'zh-CN': `公示期未满：至 ${formatEnd(p.ends_at)} 结束`, en: `The period runs until ${formatEnd(p.ends_at)} (Beijing time)` } });
    const open = (await listObjections(trx, programId, publicityId)).filter((o) => o.status !== 'ruled');
    if (open.length) {
      const list = open.map((o) => o.receipt_no).join('、');
      throw new AppError('CONFLICT', { message: { 'zh-CN': `还有 ${open.length} 件异议未裁定：${list}`, en: `${open.length} objection(s) not yet ruled: ${list}` }, details: { open: open.map((o) => o.receipt_no) } });
    }
    if (!(await closePublicityIfOpen(trx, publicityId, now))) throw new AppError('CONFLICT', { message: { 'zh-CN': '该公示已结束', en: 'This 公示 is already closed' } });
    const details = { publicityId, kind: p.kind };
    if (p.kind === 'results') await moveOutcome(trx, def, programId, 'close_publicity', { actorId: actor!.userId, requestId, now, details });
    else await appendAudit(trx, { actorId: actor!.userId, action: 'publicity.close', entity: 'program', entityId: programId, after: details, requestId }, now);
  }));
  return publicityOverview(deps, actor, programId);
}

const formatEnd = formatShanghaiDeadline;

/** The public page: every 公示 of a published program, newest first. */
export async function programPublicities(deps: Deps, slug: string): Promise<ProgramPublicities> {
  const row = await findProgramBySlug(deps.db, slug);
  if (!row?.definition_json || row.status === 'draft') throw new AppError('NOT_FOUND');
  const def = programDefinition(row);
  const [publicities, calendar] = await Promise.all([listPublicities(deps.db, row.id), currentCalendar(deps.db)]);
  const items = await itemsOf(deps.db, publicities.map((p) => p.id));
  const now = deps.now();
  return { programName: def.name, programSlug: row.slug, publicities: publicities.map((p) => publicPublicity(def, row.slug, p, items.filter((i) => i.publicity_id === p.id), calendar, now)) };
}

/** One 公示 as the public reads it (for its printed notice and the objection form). */
export async function loadPublicPublicity(deps: Deps, publicityId: string) {
  const p = await findPublicityById(deps.db, publicityId);
  if (!p) throw new AppError('NOT_FOUND');
  const row = await findProgramById(deps.db, p.program_id);
  if (!row?.definition_json || row.status === 'draft') throw new AppError('NOT_FOUND');
  const def = programDefinition(row);
  const items = await itemsOf(deps.db, [p.id]);
  return { p, row, def, view: publicPublicity(def, row.slug, p, items, await currentCalendar(deps.db), deps.now()) };
}
