import { AppError, buildJiebangProgram, isPlatformAdmin, validateDefinition, type FieldError, type NeedFields } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { authorize } from '../access/access.service.ts';
import { insertGrant } from '../access/grant.repository.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { insertProgramDefinition } from '../programs/program.service.ts';
import { linkNeedToTrack, needsByIds } from './need.repository.ts';
import { shanghaiToday } from './need.service.ts';

// "Create a 揭榜挂帅 program from these needs": the catalog organizer (catalog.manage; a platform
// admin may too) picks published needs that are not yet a track; the domain's builder makes the
// definition (one track per need), which must pass ProgramDefinitionSchema, and the program is
// stored by the programs feature's own insertProgramDefinition — so applications, screening,
// review and the outcome run on it unchanged. Catalog organizers hold no program.create: this is
// the one kind of program they may start, and they become its organizer as a creator does.

export type CreateJiebangInput = {
  needIds: string[]; slug: string; name: string; organizers?: string[]; opensOn?: string;
  solversPerNeed: number; reviewDays: number; approval: 'none' | 'committee';
};

const DEFAULT_ORGANIZERS = ['绿色技术推广与对接平台'];

export async function createJiebangProgram(deps: Deps, actor: Actor | null, req: CreateJiebangInput, requestId: string | null = null) {
  authorize(actor, 'catalog.manage');
  const ids = [...new Set(req.needIds)];
  const rows = new Map((await needsByIds(deps.db, ids)).map((r) => [r.id, r]));
  const now = deps.now();
  const today = shanghaiToday(now);
  const opensOn = req.opensOn ?? today;
  const problems: FieldError[] = [];
  ids.forEach((id, i) => {
    const r = rows.get(id);
    const path = `needIds.${i}`;
    if (!r || r.status !== 'published') problems.push({ path, message: { 'zh-CN': '只能选择已发布的需求', en: 'Only a published need can be chosen' } });
    else if (r.program_id) problems.push({ path, message: { 'zh-CN': '该需求已是另一揭榜挂帅活动的赛道', en: 'This need is already a track of another 揭榜挂帅 program' } });
    else if ((r.deadline ?? '') < today || (r.deadline ?? '') < opensOn) problems.push({ path, message: { 'zh-CN': '该需求的揭榜截止日期早于征集开始日期', en: 'This need’s deadline is before the call opens' } });
  });
  if (problems.length) throw new AppError('VALIDATION', { fields: problems });

  const needs = ids.map((id) => {
    const r = rows.get(id)!;
    const f = JSON.parse(r.fields_json) as NeedFields;
    return { id, problem: f.problem, description: f.description, fieldId: f.fieldId, indicators: f.indicators, budget: f.budget, deadline: f.deadline, funded: f.funded, posterName: r.org_name };
  });
  const { definition, tracks } = buildJiebangProgram({
    slug: req.slug, name: req.name, organizers: req.organizers ?? DEFAULT_ORGANIZERS, opensOn, needs,
    solversPerNeed: req.solversPerNeed, reviewDays: req.reviewDays, approval: req.approval,
  });
  const parsed = validateDefinition(definition);
  if (!parsed.ok) throw new AppError('VALIDATION', { fields: parsed.problems });

  const programId = await deps.db.transaction().execute(async (trx) => {
    const id = await insertProgramDefinition(trx, parsed.definition, { status: 'draft', createdBy: actor.userId, now, requestId });
    if (!isPlatformAdmin(actor)) await insertGrant(trx, { id: newId(), userId: actor.userId, role: 'organizer', programId: id, trackId: null, createdBy: actor.userId, now });
    for (const t of tracks) {
      if (!(await linkNeedToTrack(trx, t.needId, id, t.trackId, now))) {
        throw new AppError('CONFLICT', { message: { 'zh-CN': '所选需求已被用于另一活动或已不再发布，请刷新后重选', en: 'A chosen need was used by another program or is no longer published: reload and choose again' } });
      }
      const poster = rows.get(t.needId)!.poster_user_id;
      await addNotice(trx, { userId: poster, kind: 'need.jiebang', title: `您的技术需求已列入揭榜挂帅：${req.name}`, body: t.name, link: `/needs/mine/${t.needId}` }, now);
    }
    await appendAudit(trx, { actorId: actor.userId, action: 'need.create_jiebang_program', entity: 'program', entityId: id, after: { slug: req.slug, tracks }, requestId }, now);
    return id;
  });
  return { programId, slug: parsed.definition.slug, tracks };
}
