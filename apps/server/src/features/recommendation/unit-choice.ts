import { AppError, statusesAllowing, type ApplicationStatus, type ReachSubject, type Track } from '@lvping/domain';
import type { Db } from '../../db/database.ts';
import { sha256 } from '../auth/tokens.ts';
import { findOrganizationById } from '../organizations/organization.repository.ts';
import { loadProgramRec, reachSubject, refusalOf, type ProgramRec } from './recommendation-access.ts';
import { findUnit, findUnitByInviteHash, type UnitRow } from './unit.repository.ts';

// Which unit an application names. Kept apart from the nomination service so that creating an
// application (applications feature) can use it without importing the unit's side.

/** Until the unit decides, the applicant may name or change its unit (the state machine's statuses before a decision). */
export const NAMEABLE: ApplicationStatus[] = [...new Set([...statusesAllowing('submit'), ...statusesAllowing('endorse')])];

const unitError = (zh: string, en: string) => new AppError('VALIDATION', { message: { 'zh-CN': zh, en }, fields: [{ path: 'unitId', message: { 'zh-CN': zh, en } }] });

/**
 * The unit an applicant names: one of the program's, on a track that takes recommendations, and —
 * when the definition routes — one that may recommend the applying organization (its reach).
 */
export async function resolveUnit(db: Db, rec: ProgramRec, track: Pick<Track, 'id' | 'entry'>, ref: { unitId?: string; inviteToken?: string }, org?: ReachSubject): Promise<UnitRow> {
  if (track.entry !== 'recommendation') throw unitError('该赛道/榜单为直接申报，不经推荐单位推荐', 'This track takes direct applications; no recommending unit is involved');
  const unit = ref.inviteToken ? await findUnitByInviteHash(db, sha256(ref.inviteToken)) : await findUnit(db, ref.unitId ?? '');
  if (!unit || unit.program_id !== rec.program.id) {
    if (ref.inviteToken) throw new AppError('TOKEN_INVALID', { message: { 'zh-CN': '推荐单位的邀请链接无效或已更换', en: "The unit's link is invalid or has been replaced" } });
    throw unitError('不是本活动的推荐单位', 'Not a recommending unit of this program');
  }
  const refusal = org ? refusalOf(rec, unit, org) : null;
  if (refusal) throw unitError(refusal['zh-CN'], refusal.en);
  return unit;
}

/** The applying organization as routing sees it. */
export async function organizationSubject(db: Db, organizationId: string): Promise<ReachSubject | undefined> {
  const org = await findOrganizationById(db, organizationId);
  return org ? reachSubject(org) : undefined;
}

/** Called by createApplication: the unit picked with the new draft (or through a link), if any, checked against the organization. */
export async function unitNamedOnCreate(db: Db, programId: string, track: Pick<Track, 'id' | 'entry'>, ref: { unitId?: string; inviteToken?: string; organizationId?: string }): Promise<string | null> {
  if (!ref.unitId && !ref.inviteToken) return null;
  const org = ref.organizationId ? await organizationSubject(db, ref.organizationId) : undefined;
  return (await resolveUnit(db, await loadProgramRec(db, programId), track, ref, org)).id;
}
