import {
  AppError, canOnSomeProgram, type ExpertProfile, type ExpertExportQuery, type ExpertProfileData, type ExpertQuery, type ProgramExpert,
} from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { assertKnownFields, fieldNames, knownFields } from './expert-fields.ts';
import {
  deleteExpertIfNeverInvited, findExpert, findExpertOfUser, hasInvitations, insertExpert, programExpertRowsFor, queryExperts,
  updateExpertIfUnchanged, type ExpertFilter, type ExpertRow, type ProgramExpertRow,
} from './expert.repository.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';

// The expert pool (专家库): one profile per person for the whole platform. Whoever runs some
// program's review (platform admins, organizers, review institutions) manages it; an expert
// sees and edits only their own profile.

/** The guard of every pool-management use case. */
export function authorizeExpertManage(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!canOnSomeProgram(actor, 'expert.manage')) throw new AppError('FORBIDDEN');
}

export function toExpert(r: ExpertRow): ExpertProfile {
  return {
    id: r.id, name: r.name, orgName: r.org_name, orgCreditCode: r.org_credit_code, orgParentGroup: r.org_parent_group, regionCode: r.region_code,
    title: r.title, fields: JSON.parse(r.fields_json) as string[], keywords: JSON.parse(r.keywords_json) as string[], bio: r.bio, email: r.email,
    phone: r.phone, userId: r.user_id, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export function toProgramExpert(r: ProgramExpertRow): ProgramExpert {
  return {
    programId: r.program_id, expertId: r.expert_id, trackId: r.track_id, status: r.status as ProgramExpert['status'], maxLoad: r.max_load,
    availabilityNote: r.availability_note, invitedAt: r.invited_at, respondedAt: r.responded_at,
  };
}

/** The columns a profile's data fills (everything but identity, links and times). */
export function profileColumns(p: Omit<ExpertProfileData, 'email'>): Pick<ExpertRow, 'name' | 'org_name' | 'org_credit_code' | 'org_parent_group' | 'region_code' | 'title' | 'fields_json' | 'keywords_json' | 'bio' | 'phone' | 'search_text'> {
  return {
    name: p.name, org_name: p.orgName, org_credit_code: p.orgCreditCode, org_parent_group: p.orgParentGroup, region_code: p.regionCode, title: p.title,
    fields_json: JSON.stringify(p.fields), keywords_json: JSON.stringify(p.keywords), bio: p.bio, phone: p.phone,
    search_text: [p.name, p.orgName, p.orgParentGroup ?? '', p.title, ...p.keywords, p.bio].join('\n').toLowerCase(),
  };
}

const emailTaken = () => new AppError('CONFLICT', { fields: [{ path: 'email', message: { 'zh-CN': '专家库中已有使用此邮箱的专家', en: 'Another expert in the pool has this address' } }] });

export const searchTerms = (q: string | undefined): string[] => (q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);

export function expertFilter(q: ExpertExportQuery): ExpertFilter {
  return { terms: searchTerms(q.q), titleTerms: searchTerms(q.title), field: q.field, region: q.region, programId: q.programId, status: q.status };
}

/** The pool's table: search, filters, paging; with programId, each expert's standing on it. */
export async function listExperts(deps: Deps, actor: Actor | null, q: ExpertQuery) {
  authorizeExpertManage(actor);
  const { total, rows } = await queryExperts(deps.db, expertFilter(q), { offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  const known = await knownFields(deps.db);
  const standing = q.programId ? new Map((await programExpertRowsFor(deps.db, q.programId, rows.map((r) => r.id))).map((r) => [r.expert_id, r])) : new Map<string, ProgramExpertRow>();
  return {
    total,
    items: rows.map((r) => {
      const e = toExpert(r);
      const pe = standing.get(r.id);
      return { ...e, fieldRefs: fieldNames(e.fields, known), invitation: pe ? toProgramExpert(pe) : null };
    }),
  };
}

/** A profile: for those who manage the pool, and for the expert it belongs to. */
export async function getExpert(deps: Deps, actor: Actor | null, expertId: string): Promise<ExpertProfile> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const row = await findExpert(deps.db, expertId);
  if (row && row.user_id === actor.userId) return toExpert(row);
  authorizeExpertManage(actor);
  if (!row) throw new AppError('NOT_FOUND');
  return toExpert(row);
}

export async function createExpert(deps: Deps, actor: Actor | null, input: ExpertProfileData, requestId: string | null = null): Promise<ExpertProfile> {
  authorizeExpertManage(actor);
  assertKnownFields(input.fields, await knownFields(deps.db));
  const now = deps.now();
  const row: ExpertRow = { id: newId(), ...profileColumns(input), email: input.email, user_id: null, created_by: actor.userId, created_at: now, updated_at: now };
  await deps.db.transaction().execute(async (trx) => {
    await insertExpert(trx, row);
    await appendAudit(trx, { actorId: actor.userId, action: 'expert.create', entity: 'expert', entityId: row.id, after: input, requestId }, now);
  }).catch((e) => {
    throw isUniqueViolation(e) ? emailTaken() : e;
  });
  return toExpert(row);
}

async function writeProfile(deps: Deps, actor: Actor, row: ExpertRow, input: Omit<ExpertProfileData, 'email'> & { email?: string }, baseUpdatedAt: number, action: string, requestId: string | null) {
  assertKnownFields(input.fields, await knownFields(deps.db));
  const now = Math.max(deps.now(), baseUpdatedAt + 1);
  const set = { ...profileColumns(input), ...(input.email ? { email: input.email } : {}), updated_at: now };
  await deps.db.transaction().execute(async (trx) => {
    if (!(await updateExpertIfUnchanged(trx, row.id, baseUpdatedAt, set))) throw new AppError('STALE_REVISION');
    const { createdAt: _c, updatedAt: _u, userId: _l, id: _i, ...before } = toExpert(row);
    await appendAudit(trx, { actorId: actor.userId, action, entity: 'expert', entityId: row.id, before, after: input, requestId }, now);
  }).catch((e) => {
    throw isUniqueViolation(e) ? emailTaken() : e;
  });
  return toExpert((await findExpert(deps.db, row.id))!);
}

export async function updateExpert(deps: Deps, actor: Actor | null, expertId: string, input: ExpertProfileData & { baseUpdatedAt: number }, requestId: string | null = null) {
  authorizeExpertManage(actor);
  const row = await findExpert(deps.db, expertId);
  if (!row) throw new AppError('NOT_FOUND');
  const { baseUpdatedAt, ...data } = input;
  return writeProfile(deps, actor, row, data, baseUpdatedAt, 'expert.update', requestId);
}

/** Only a profile never invited anywhere: invitations, answers and conflicts must keep their expert. */
export async function deleteExpert(deps: Deps, actor: Actor | null, expertId: string, requestId: string | null = null) {
  authorizeExpertManage(actor);
  const row = await findExpert(deps.db, expertId);
  if (!row) throw new AppError('NOT_FOUND');
  const refused = () => new AppError('CONFLICT', { message: { 'zh-CN': '该专家已被邀请参加评审，不能删除（可修改其信息）', en: 'This expert has been invited to a program and cannot be deleted (edit the profile instead)' } });
  if (await hasInvitations(deps.db, expertId)) throw refused();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await deleteExpertIfNeverInvited(trx, expertId))) throw refused();
    await appendAudit(trx, { actorId: actor.userId, action: 'expert.delete', entity: 'expert', entityId: expertId, before: toExpert(row), requestId }, deps.now());
  });
  return { deleted: true as const };
}

/** The signed-in expert's own profile (linked when they accepted an invitation). */
export async function getMyExpertProfile(deps: Deps, actor: Actor): Promise<ExpertProfile> {
  const row = await findExpertOfUser(deps.db, actor.userId);
  if (!row) throw new AppError('NOT_FOUND', { message: { 'zh-CN': '您的账号尚未关联专家档案（接受评审邀请后关联）', en: 'No expert profile is linked to your account yet (it is linked when you accept an invitation)' } });
  return toExpert(row);
}

export async function updateMyExpertProfile(deps: Deps, actor: Actor, input: Omit<ExpertProfileData, 'email'> & { baseUpdatedAt: number }, requestId: string | null = null) {
  const row = await findExpertOfUser(deps.db, actor.userId);
  if (!row) throw new AppError('NOT_FOUND');
  const { baseUpdatedAt, ...data } = input;
  return writeProfile(deps, actor, row, data, baseUpdatedAt, 'expert.update_own', requestId);
}

/** What the field pickers offer: the catalogue's categories and every program's tracks. */
export async function listFieldChoices(deps: Deps, actor: Actor | null) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return { fields: (await knownFields(deps.db)).map(({ id, name, kind, programs }) => ({ id, name, kind, programs })) };
}
