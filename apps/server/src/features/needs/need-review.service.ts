import { AppError, type NeedFields, type NeedView } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { authorize } from '../access/access.service.ts';
import { findUserById } from '../auth/user.repository.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { enqueueMail } from '../jobs/mail-job.ts';
import { findNeed, needsWithStatus, updateNeedIf } from './need.repository.ts';
import { needView } from './need.service.ts';

// The catalog organizer (catalog.manage) reviews submitted needs: publish, or reject with a note
// the poster reads. The poster is told in the app and by email.

export async function reviewQueue(deps: Deps, actor: Actor | null, status: 'pending' | 'published'): Promise<{ items: NeedView[] }> {
  authorize(actor, 'catalog.manage');
  const rows = await needsWithStatus(deps.db, status);
  return { items: await Promise.all(rows.map((r) => needView(deps, r, actor))) };
}

export async function reviewNeed(deps: Deps, actor: Actor | null, needId: string, req: { decision: 'publish' | 'reject'; note: string }, requestId: string | null = null): Promise<NeedView> {
  authorize(actor, 'catalog.manage');
  const r = await findNeed(deps.db, needId);
  if (!r) throw new AppError('NOT_FOUND');
  const fields = JSON.parse(r.fields_json) as NeedFields;
  const publish = req.decision === 'publish';
  const status = publish ? 'published' : 'rejected';
  const note = req.note.trim() || null;
  const title = publish ? `您的技术需求已发布：${fields.problem}` : `您的技术需求未通过审核：${fields.problem}`;
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.now();
    const set = { status, review_note: note, reviewed_by: actor.userId, reviewed_at: now, updated_at: now, ...(publish ? { published_at: now } : {}) };
    if (!(await updateNeedIf(trx, needId, ['pending'], set))) {
      throw new AppError('CONFLICT', { message: { 'zh-CN': '该需求不在待审核状态（可能已由他人审核）', en: 'The need is not awaiting review (someone may have reviewed it)' } });
    }
    await appendAudit(trx, { actorId: actor.userId, action: `need.${req.decision}`, entity: 'tech_need', entityId: needId, before: { status: 'pending' }, after: { status, note }, requestId }, now);
    await addNotice(trx, { userId: r.poster_user_id, kind: `need.${status}`, title, body: note ?? '', link: `/needs/mine/${needId}` }, now);
  });
  const poster = await findUserById(deps.db, r.poster_user_id);
  if (poster) {
    await enqueueMail(deps.db, { to: poster.email, subject: title, text: `${title}\n${note ? `\n审核意见：${note}\n` : ''}\n${deps.config.publicUrl}/needs/mine/${needId}\n` });
  }
  return needView(deps, (await findNeed(deps.db, needId))!, actor);
}
