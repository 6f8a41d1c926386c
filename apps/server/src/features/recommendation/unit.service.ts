import { AppError, can, type QuotaMeter, type Unit, type UpdateUnitRequest } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { authorize } from '../access/access.service.ts';
import { randomToken, sha256 } from '../auth/tokens.ts';
import { quotaUsageOf } from './nomination.repository.ts';
import {
  adminEmailsOf, channelRefs, channelsOf, contactsOf, loadMemberUnit, loadProgramRec, loadUnitForMemberOrOrganizer, programUnits,
  quotaMeters, recommendedTracks, refusalOf, scopedQuotaMeters, type ProgramRec,
} from './recommendation-access.ts';
import { loadReadable } from '../applications/application-access.ts';
import { organizationSubject } from './unit-choice.ts';
import { findUnitByInviteHash, findUnit, listUnitsOfMember, memberCounts, openInvitationsOf, updateUnit, updateUnitIfUnchanged, type UnitRow } from './unit.repository.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';

const choiceOf = (rec: ProgramRec, u: UnitRow) => ({ id: u.id, name: u.name, regionCode: u.region_code, channels: channelRefs(rec.block, channelsOf(u)) });

/** The units an applicant picks from: names and channels only. A draft program stays hidden. */
export async function listUnitChoices(deps: Deps, actor: Actor | null, programId: string) {
  const rec = await loadProgramRec(deps.db, programId);
  if (rec.program.status === 'draft' && !can(actor, 'program.configure', { programId })) throw new AppError('NOT_FOUND');
  const units = await programUnits(deps.db, rec, deps.now());
  return { unitKind: rec.block.unitKind, units: units.map((u) => choiceOf(rec, u)), outOfReach: 0 };
}

/** The units that may recommend this application's organization (the definition's reach); the rest are counted, not listed. */
export async function listUnitChoicesFor(deps: Deps, actor: Actor | null, applicationId: string) {
  const app = await loadReadable(deps, actor, applicationId);
  const rec = await loadProgramRec(deps.db, app.program_id);
  const [units, org] = await Promise.all([programUnits(deps.db, rec, deps.now()), organizationSubject(deps.db, app.organization_id)]);
  const open = org ? units.filter((u) => !refusalOf(rec, u, org)) : units;
  return { unitKind: rec.block.unitKind, units: open.map((u) => choiceOf(rec, u)), outOfReach: units.length - open.length };
}

/** The organizer's table: contacts, administrators, members and each unit's quota per track. */
export async function listProgramUnits(deps: Deps, actor: Actor | null, programId: string) {
  authorize(actor, 'application.list', { programId });
  const rec = await loadProgramRec(deps.db, programId);
  const units = await programUnits(deps.db, rec, deps.now());
  const ids = units.map((u) => u.id);
  const [usage, members, open] = await Promise.all([quotaUsageOf(deps.db, ids), memberCounts(deps.db, programId), openInvitationsOf(deps.db, ids, deps.now())]);
  return {
    unitKind: rec.block.unitKind,
    stacking: rec.block.stacking,
    channels: rec.block.channels.map((c) => ({ id: c.id, name: c.name })),
    units: units.map((u): Unit => ({
      id: u.id, programId, name: u.name, regionCode: u.region_code, channels: channelRefs(rec.block, channelsOf(u)),
      contacts: contactsOf(u), adminEmails: adminEmailsOf(u), fromDefinition: u.definition_unit_id !== null,
      members: members.get(u.id) ?? 0, pendingInvitations: open.filter((i) => i.unit_id === u.id).length,
      quotas: quotaMeters(rec, u, usage.get(u.id)), scopedQuotas: scopedQuotaMeters(rec, u, usage.get(u.id)), updatedAt: u.updated_at,
    })),
  };
}

/** The organizer corrects a unit: name, region, channels, 组织负责人/联络员, administrators. */
export async function updateUnitDetails(deps: Deps, actor: Actor | null, unitId: string, input: UpdateUnitRequest, requestId: string | null = null) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const unit = await findUnit(deps.db, unitId);
  if (!unit) throw new AppError('NOT_FOUND');
  authorize(actor, 'program.configure', { programId: unit.program_id });
  const rec = await loadProgramRec(deps.db, unit.program_id);
  const unknown = input.channels.filter((c) => !rec.block.channels.some((x) => x.id === c));
  if (unknown.length) throw new AppError('VALIDATION', { fields: [{ path: 'channels', message: { 'zh-CN': `不是本活动的推荐渠道：${unknown.join('、')}`, en: `Not channels of this program: ${unknown.join(', ')}` } }] });
  const now = Math.max(deps.now(), input.baseUpdatedAt + 1);
  const after = {
    name: input.name, region_code: input.regionCode, channels_json: JSON.stringify([...new Set(input.channels)]),
    contacts_json: JSON.stringify(input.contacts), admin_emails_json: JSON.stringify([...new Set(input.adminEmails.map((e) => e.toLowerCase()))]),
  };
  await deps.db.transaction().execute(async (trx) => {
    if (!(await updateUnitIfUnchanged(trx, unitId, input.baseUpdatedAt, { ...after, updated_at: now }))) throw new AppError('STALE_REVISION');
    await appendAudit(trx, { actorId: actor.userId, action: 'recommendation.unit_update', entity: 'recommending_unit', entityId: unitId, before: { name: unit.name, channels: channelsOf(unit), contacts: contactsOf(unit), adminEmails: adminEmailsOf(unit) }, after: input, requestId }, now);
  }).catch((e) => {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', { fields: [{ path: 'name', message: { 'zh-CN': '本活动已有同名推荐单位', en: 'Another unit of this program has this name' } }] });
    throw e;
  });
  return (await listProgramUnits(deps, actor, unit.program_id)).units.find((u) => u.id === unitId)!;
}

async function myUnitView(deps: Deps, rec: ProgramRec, unit: UnitRow, used?: ReadonlyMap<string, number>) {
  const usage = used ?? (await quotaUsageOf(deps.db, [unit.id])).get(unit.id);
  return {
    id: unit.id, name: unit.name, regionCode: unit.region_code, channels: channelRefs(rec.block, channelsOf(unit)),
    programId: rec.program.id, programSlug: rec.def.slug, programName: rec.def.name, updatedAt: unit.updated_at,
    quotas: quotaMeters(rec, unit, usage),
    scopedQuotas: scopedQuotaMeters(rec, unit, usage),
  };
}

/** The units the signed-in user acts for, each with its quota meter. */
export async function listMyUnits(deps: Deps, actor: Actor) {
  const units = await listUnitsOfMember(deps.db, actor.userId);
  const usage = await quotaUsageOf(deps.db, units.map((u) => u.id));
  const out = [];
  for (const u of units) out.push(await myUnitView(deps, await loadProgramRec(deps.db, u.program_id), u, usage.get(u.id) ?? new Map()));
  return { units: out };
}

export async function getMyUnit(deps: Deps, actor: Actor | null, unitId: string) {
  const unit = await loadMemberUnit(deps, actor, unitId);
  return myUnitView(deps, await loadProgramRec(deps.db, unit.program_id), unit);
}

export async function unitQuotaMeter(deps: Deps, actor: Actor | null, unitId: string): Promise<{ quotas: QuotaMeter[] }> {
  return { quotas: (await getMyUnit(deps, actor, unitId)).quotas };
}

/**
 * A new link for applicants to name this unit. Only its hash is kept, so asking again makes a
 * new link and the old one stops working.
 */
export async function createInviteLink(deps: Deps, actor: Actor | null, unitId: string, requestId: string | null = null) {
  await loadUnitForMemberOrOrganizer(deps, actor, unitId);
  const token = randomToken(24);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await updateUnit(trx, unitId, { invite_token_hash: sha256(token) });
    await appendAudit(trx, { actorId: actor!.userId, action: 'recommendation.invite_link', entity: 'recommending_unit', entityId: unitId, requestId }, now);
  });
  return { token, url: `${deps.config.publicUrl}/apply/invite/${token}` };
}

/** What the link shows an applicant: the unit, its program and the tracks it recommends for. */
export async function inviteInfo(deps: Deps, token: string) {
  const unit = await findUnitByInviteHash(deps.db, sha256(token));
  if (!unit) throw new AppError('TOKEN_INVALID');
  const rec = await loadProgramRec(deps.db, unit.program_id);
  if (rec.program.status === 'draft') throw new AppError('TOKEN_INVALID');
  return {
    unitId: unit.id, unitName: unit.name, programId: rec.program.id, programSlug: rec.def.slug, programName: rec.def.name,
    tracks: recommendedTracks(rec.def).map((t) => ({ id: t.id, name: t.name })),
  };
}
