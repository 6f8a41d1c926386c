import {
  AppError, can, emptyRecommendationBlock, quotaStatus, routingRefusal, scopedQuotaStatuses, trackQuota, type Localized, type ProgramDefinition,
  type QuotaMeter, type ReachSubject, type RecommendationBlock, type RoutedUnit, type ScopedQuotaMeter, type UnitContact, type UnitReach,
} from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { findProgramById, type ProgramRow } from '../programs/program.repository.ts';
import { programDefinition } from '../programs/program.service.ts';
import { findUnit, insertUnitsIfMissing, isMember, listUnitsOfProgram, type UnitRow } from './unit.repository.ts';

// What every recommendation use case starts from: the program with its recommendation block,
// the units (those the definition names are created on first use), and membership checks.

export type ProgramRec = { program: ProgramRow; def: ProgramDefinition; block: RecommendationBlock };

export async function loadProgramRec(db: Db, programId: string): Promise<ProgramRec> {
  const program = await findProgramById(db, programId);
  if (!program?.definition_json) throw new AppError('NOT_FOUND');
  const def = programDefinition(program);
  return { program, def, block: def.recommendation ?? emptyRecommendationBlock };
}

export const recommendedTracks = (def: ProgramDefinition) => def.tracks.filter((t) => t.entry === 'recommendation');
export const trackName = (def: ProgramDefinition, trackId: string) => def.tracks.find((t) => t.id === trackId)?.name ?? trackId;

export const channelsOf = (u: UnitRow): string[] => JSON.parse(u.channels_json) as string[];
export const contactsOf = (u: UnitRow): UnitContact[] => JSON.parse(u.contacts_json) as UnitContact[];
export const adminEmailsOf = (u: UnitRow): string[] => JSON.parse(u.admin_emails_json) as string[];

export function channelRefs(block: RecommendationBlock, ids: string[]) {
  return ids.map((id) => ({ id, name: block.channels.find((c) => c.id === id)?.name ?? id }));
}

/** The unit's meter on every recommended track. */
export function quotaMeters(rec: ProgramRec, unit: UnitRow, used: ReadonlyMap<string, number> | undefined): QuotaMeter[] {
  return recommendedTracks(rec.def).map((t) => ({
    trackId: t.id, trackName: t.name, ...quotaStatus(used?.get(t.id) ?? 0, trackQuota(rec.block, t.id, channelsOf(unit))),
  }));
}

/** The unit's meter on every group and program rule that binds it. */
export function scopedQuotaMeters(rec: ProgramRec, unit: UnitRow, used: ReadonlyMap<string, number> | undefined): ScopedQuotaMeter[] {
  const tracks = recommendedTracks(rec.def);
  return scopedQuotaStatuses(rec.block, channelsOf(unit), used ?? new Map(), tracks.map((t) => t.id)).map((s) => ({
    ruleId: s.ruleId, scope: s.scope, trackIds: s.tracks, used: s.used, limit: s.limit, left: s.left, min: s.min, short: s.short,
    label: s.description ?? (s.scope === 'program' ? '全部推荐赛道合计' : `${s.tracks.map((t) => trackName(rec.def, t)).join('、')}合计`),
  }));
}

/** Routing: the unit as reach.ts sees it (a named unit's own reach from the definition, its channels' otherwise). */
export function routedUnit(rec: ProgramRec, unit: UnitRow): RoutedUnit {
  const defined = unit.definition_unit_id ? rec.block.units.find((u) => u.id === unit.definition_unit_id) : undefined;
  return { name: unit.name, regionCode: unit.region_code || null, channels: channelsOf(unit), reach: defined?.reach };
}

export const channelReach = (block: RecommendationBlock): Map<string, UnitReach> =>
  new Map(block.channels.filter((c) => c.reach).map((c) => [c.id, c.reach!]));

/** What routing reads of an organization row. */
export const reachSubject = (org: { region_code: string; kind: string; ownership: unknown; credit_code: string }): ReachSubject => ({
  regionCode: org.region_code, kind: org.kind, ownership: String(org.ownership ?? ''), creditCode: org.credit_code,
});

/** Why the unit may not recommend the organization, or null when it may. */
export const refusalOf = (rec: ProgramRec, unit: UnitRow, org: ReachSubject): Localized | null => routingRefusal(routedUnit(rec, unit), channelReach(rec.block), org);

/**
 * The program's units, those its definition names first in its order (河南's cities as the
 * work plan lists them), then the rest in pinyin order. The definition's units are created here
 * on first use, so a program made before recommendation existed gets them too.
 */
export async function programUnits(db: Db, rec: ProgramRec, now: number): Promise<UnitRow[]> {
  let rows = await listUnitsOfProgram(db, rec.program.id);
  const have = new Set(rows.map((r) => r.definition_unit_id));
  const missing = rec.block.units.filter((u) => !have.has(u.id));
  if (missing.length) {
    await insertUnitsIfMissing(db, missing.map((u) => ({
      id: newId(), program_id: rec.program.id, definition_unit_id: u.id, name: u.name, region_code: u.regionCode ?? '',
      channels_json: JSON.stringify(u.channels), contacts_json: '[]', admin_emails_json: '[]', invite_token_hash: null, created_at: now, updated_at: now,
    })));
    rows = await listUnitsOfProgram(db, rec.program.id);
  }
  const order = new Map(rec.block.units.map((u, i) => [u.id, i]));
  const collator = new Intl.Collator('zh-CN');
  const rank = (r: UnitRow) => (r.definition_unit_id !== null && order.has(r.definition_unit_id) ? order.get(r.definition_unit_id)! : Infinity);
  return rows.sort((a, b) => rank(a) - rank(b) || collator.compare(a.name, b.name));
}

/**
 * A unit its member acts for. Anyone else — another unit's member, an applicant, a forged id —
 * gets 404, so unit ids reveal nothing.
 */
export async function loadMemberUnit(deps: Deps, actor: Actor | null, unitId: string): Promise<UnitRow> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const unit = await findUnit(deps.db, unitId);
  if (!unit || !(await isMember(deps.db, unitId, actor.userId))) throw new AppError('NOT_FOUND');
  return unit;
}

/** Organizers see every unit of their program; a unit's member sees its own. */
export async function loadUnitForMemberOrOrganizer(deps: Deps, actor: Actor | null, unitId: string): Promise<UnitRow> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const unit = await findUnit(deps.db, unitId);
  if (unit && can(actor, 'program.configure', { programId: unit.program_id })) return unit;
  return loadMemberUnit(deps, actor, unitId);
}
