import { AppError, catalogPublicFields, catalogSnippet, formatRegion, highlightCatalogText, type CatalogPublicEntry, type CatalogSearchQuery, type ProgramDefinition } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { findUserById } from '../auth/user.repository.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { enqueueMail } from '../jobs/mail-job.ts';
import { parseFields } from './catalog-access.ts';
import { fieldNameOf, freshCatalogIndex, searchTexts } from './catalog-index.ts';
import { entryWithOrg, eventsOf, findVersion } from './catalog.repository.ts';

// What anyone sees: the search over published versions (the in-process index, never the
// contacts), and an entry's public page — its approved version and history, or, once suspended
// or retired, only that with the reason.

const PUBLIC_HISTORY = new Set(['approved', 'suspended', 'retired', 'reinstated']);

export async function searchCatalog(deps: Deps, q: CatalogSearchQuery) {
  const { index, views } = await freshCatalogIndex(deps.db);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const found = index.search({ q: q.q, fieldId: q.field, region: q.region, trlMin: q.trlMin, trlMax: q.trlMax, co2Min: q.co2Min, energyMin: q.energyMin }, (page - 1) * pageSize, pageSize);
  const items = found.hits.map((h) => {
    const v = views.get(h.id)!;
    return {
      id: v.id, name: highlightCatalogText(v.fields.name, found.terms), snippet: catalogSnippet(searchTexts(v.fields, v.organizationName).slice(0, 4), found.terms),
      fieldId: v.fields.fieldId, fieldName: v.fieldName, organizationName: v.organizationName, regionCode: v.regionCode, regionName: v.regionName,
      trl: v.fields.trl, co2ReducedT: v.fields.benefits.co2ReducedT, energySavedTce: v.fields.benefits.energySavedTce, score: h.score,
    };
  });
  return { total: found.total, page, pageSize, items };
}

export async function publicEntry(deps: Deps, entryId: string): Promise<CatalogPublicEntry> {
  const row = await entryWithOrg(deps.db, entryId);
  if (!row || !['published', 'suspended', 'retired'].includes(row.status) || !row.published_version) throw new AppError('NOT_FOUND');
  const history = (await eventsOf(deps.db, row.id)).filter((e) => PUBLIC_HISTORY.has(e.kind)).map((e) => ({ kind: e.kind as 'approved', at: e.at, version: e.version, reason: e.reason }));
  const base = { id: row.id, status: row.status as 'published', statusReason: row.status_reason, organizationName: row.org_name, regionCode: row.region_code, regionName: formatRegion(row.region_code) ?? row.region_code, programName: row.program_name ?? null, history };
  if (row.status !== 'published') return { ...base, version: null, approvedAt: null, fields: null, fieldName: null };
  const v = (await findVersion(deps.db, row.id, row.published_version))!;
  const fields = catalogPublicFields(parseFields(v.fields_json));
  const def = row.definition_json ? (JSON.parse(row.definition_json) as ProgramDefinition) : null;
  return { ...base, version: v.version, approvedAt: v.reviewed_at, fields, fieldName: fieldNameOf(fields.fieldId, def) };
}

/**
 * 联系方式仅限申请: a signed-in visitor sends the owner a message; the owner answers if they
 * wish. The visitor never gets the contact; the owner gets the visitor's name and email.
 */
export async function requestContact(deps: Deps, actor: Actor | null, entryId: string, message: string) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const entry = await publicEntry(deps, entryId);
  if (entry.status !== 'published') throw new AppError('NOT_FOUND');
  const row = (await entryWithOrg(deps.db, entryId))!;
  const owner = (await findUserById(deps.db, row.owner_user_id))!;
  const now = deps.now();
  const name = entry.fields!.name;
  await deps.db.transaction().execute((trx) => addNotice(trx, {
    userId: row.owner_user_id, kind: 'catalog.contact_request', title: `有人希望联系您：${name}`,
    body: `${actor.displayName}（${actor.email}）关于“${name}”留言：${message}`, link: `/catalog/entries/${entryId}/edit`,
  }, now));
  await enqueueMail(deps.db, {
    to: owner.email, subject: `有人希望联系您：${name} — 绿色技术推广目录`,
    text: `${owner.display_name}，您好：\n\n${actor.displayName}（${actor.email}）看到了目录中的“${name}”，留言如下：\n\n${message}\n\n是否回复由您决定；平台不会向对方提供您的联系方式。\n`,
  });
  return { ok: true as const };
}
