import { AppError, catalogPrefillFromAnswers, type ProgramDefinition } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { enqueueMail } from '../jobs/mail-job.ts';
import { findOutcome } from '../outcome/outcome.repository.ts';
import { findProgramById } from '../programs/program.repository.ts';
import { programDefinition } from '../programs/program.service.ts';
import { titleOf } from '../review/ranking.service.ts';
import { addCatalogEvent, isCatalogOrganizer } from './catalog-access.ts';
import { awardedApplications, insertEntry, insertVersion, publishedPrograms } from './catalog.repository.ts';

// Entries from results: the catalog organizer adds a published program's awarded applications
// (winners and 入榜). Each becomes an invited entry owned by its applicant, with a draft version
// prefilled from the application (the name from its title, as the ranking names it); the owner
// gets a notice and an email and decides whether to join. Adding twice adds nothing new.

export async function catalogPrograms(deps: Deps, actor: Actor | null) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!isCatalogOrganizer(actor)) throw new AppError('FORBIDDEN');
  const rows = await publishedPrograms(deps.db);
  return { items: rows.map((r) => ({ id: r.id, name: r.name, publishedAt: r.published_at, awarded: Number(r.awarded ?? 0), inCatalog: Number(r.in_catalog ?? 0) })) };
}

export async function importWinners(deps: Deps, actor: Actor | null, programId: string, requestId: string | null = null) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!isCatalogOrganizer(actor)) throw new AppError('FORBIDDEN');
  const program = await findProgramById(deps.db, programId);
  if (!program?.definition_json) throw new AppError('NOT_FOUND');
  if ((await findOutcome(deps.db, programId))?.status !== 'published') {
    throw new AppError('CONFLICT', { message: { 'zh-CN': '该活动的评选结果尚未发布，不能加入目录', en: 'The program’s results are not published yet' } });
  }
  const def: ProgramDefinition = programDefinition(program);
  const invited = await deps.db.transaction().execute((trx) => inviteWinnersIn(trx, def, programId, { actorId: actor.userId, requestId, now: deps.now() }));
  await mailInvitations(deps, def, invited.out);
  return { added: invited.out.length, alreadyInCatalog: invited.already };
}

export type Invitation = { entryId: string; email: string; displayName: string; title: string };

/**
 * Invites a published program's awarded applications not yet in the catalog, inside the caller's
 * transaction (the catalog organizer's import, or the publication of a catalog-selection program).
 */
export async function inviteWinnersIn(trx: Db, def: ProgramDefinition, programId: string, by: { actorId: string; requestId: string | null; now: number }): Promise<{ out: Invitation[]; already: number }> {
  const { now } = by;
  const apps = await awardedApplications(trx, programId);
  const fresh = apps.filter((a) => !a.entry_id);
  const out: Invitation[] = [];
  for (const a of fresh) {
    const id = newId();
    const title = titleOf(def, a);
    const prefill = catalogPrefillFromAnswers(title, JSON.parse(a.answers_json) as Record<string, unknown>, a.track_id);
    await insertEntry(trx, {
      id, organization_id: a.organization_id, owner_user_id: a.applicant_user_id, program_id: programId, application_id: a.id,
      status: 'invited', status_reason: null, published_version: null, created_at: now, updated_at: now,
    });
    await insertVersion(trx, { entry_id: id, version: 1, fields_json: JSON.stringify(prefill), status: 'draft', submitted_by: null, submitted_at: null, reviewed_by: null, reviewed_at: null, review_note: null, created_at: now });
    await addCatalogEvent(trx, id, 'invited', now, by.actorId);
    await addNotice(trx, {
      userId: a.applicant_user_id, kind: 'catalog.invited', title: `邀请加入绿色技术推广目录：${title}`,
      body: `您在“${def.name}”中获奖的“${title}”可加入绿色技术推广目录。确认加入并补全目录信息，经审核后公开展示。`,
      link: `/catalog/entries/${id}/edit`,
    }, now);
    out.push({ entryId: id, email: a.email, displayName: a.display_name, title });
  }
  await appendAudit(trx, { actorId: by.actorId, action: 'catalog.import', entity: 'program', entityId: programId, after: { added: out.map((o) => o.entryId) }, requestId: by.requestId }, now);
  return { out, already: apps.length - fresh.length };
}

/** The invitation emails, after the commit. */
export async function mailInvitations(deps: Deps, def: ProgramDefinition, invited: Invitation[]): Promise<void> {
  for (const o of invited) {
    await enqueueMail(deps.db, {
      to: o.email, subject: `邀请加入绿色技术推广目录：${o.title}`,
      text: `${o.displayName}，您好：\n\n您在“${def.name}”中获奖的“${o.title}”可加入绿色技术推广目录。\n确认加入并补全目录信息：${deps.config.publicUrl}/catalog/entries/${o.entryId}/edit\n\n“${o.title}” can join the green technology catalog: ${deps.config.publicUrl}/catalog/entries/${o.entryId}/edit\n`,
    });
  }
}
