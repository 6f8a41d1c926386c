import { AppError, nextStatus, type ApplicationStatus, type CorrectionRequest } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { authorize } from '../access/access.service.ts';
import { insertEvent, setStatusIfCurrent } from '../applications/application.repository.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { enqueueMail } from '../jobs/mail-job.ts';
import { findDecision, findOutcome } from '../outcome/outcome.repository.ts';
import { titleOf } from '../review/ranking.service.ts';
import { issueCertificate, serialAllocator, tierOf, trackOf } from './certificates.ts';
import { correctDecisionIfCurrent, insertCorrection, publicationApplications, revokeCertificatesOf } from './publication.repository.ts';
import { loadProgramDef } from './publish.service.ts';

// 更正: a decision changed after publication, by an organizer with a reason. The correction is
// kept (and shown on the public results page with its date), the decision and the
// application's status follow, the old certificate is revoked with the reason and a new one
// issued when there is a new tier.

const field = (path: string, zh: string, en: string) => new AppError('VALIDATION', { fields: [{ path, message: { 'zh-CN': zh, en } }] });

export async function correctDecision(deps: Deps, actor: Actor | null, programId: string, input: CorrectionRequest, requestId: string | null = null) {
  authorize(actor, 'program.publish', { programId });
  const { def } = await loadProgramDef(deps, programId);
  const reason = input.reason?.trim() ?? '';
  if (reason.length < 2) throw field('reason', '发布后更改结果须填写更正原因（将随更正公开）', 'A change after publication needs a reason (it is shown with the correction)');
  const outcome = await findOutcome(deps.db, programId);
  if (outcome?.status !== 'published') throw new AppError('CONFLICT', { message: { 'zh-CN': '结果尚未发布：发布前请在“决定”中修改', en: 'The results are not published: change the decision before publication instead' } });
  const decision = await findDecision(deps.db, programId, input.applicationId);
  const [app] = await publicationApplications(deps.db, programId, [input.applicationId]);
  if (!decision || !app) throw new AppError('NOT_FOUND', { message: { 'zh-CN': '该申报不在评选结果中', en: 'This application is not in the results' } });
  const track = trackOf(def, app.track_id);
  if (input.toTierId !== null && !track?.awardTiers.some((t) => t.id === input.toTierId)) throw field('toTierId', `赛道“${track?.name ?? app.track_id}”没有该获奖等级`, 'No such tier in this track');
  const from = decision.removed ? null : decision.tier_id;
  if (from === input.toTierId) throw field('toTierId', '与当前结果相同，无需更正', 'That is the current result: nothing to correct');
  const to = tierOf(def, app.track_id, input.toTierId);
  const title = titleOf(def, app);
  const now = deps.now();
  const result = await deps.db.transaction().execute(async (trx) => {
    // The write first: SQLite takes its lock before anything is read, and a concurrent correction of the same decision fails here.
    if (!(await correctDecisionIfCurrent(trx, programId, app.id, from, { tier_id: input.toTierId, reason, decided_by: actor.userId, decided_at: now }))) {
      throw new AppError('CONFLICT', { message: { 'zh-CN': '该结果刚被他人更正，请刷新后重试', en: 'Someone else just corrected this result: reload and try again' } });
    }
    await insertCorrection(trx, { id: newId(), program_id: programId, application_id: app.id, from_tier_id: from, to_tier_id: input.toTierId, reason, created_by: actor.userId, created_at: now });
    const event = to ? 'award' : 'revoke_award';
    const status = app.status as ApplicationStatus;
    const next = status === 'awarded' && to ? status : nextStatus(status, event);
    if (next && next !== status && !(await setStatusIfCurrent(trx, app.id, { statuses: [status] }, { status: next, updated_at: now }))) {
      throw new AppError('CONFLICT', { message: { 'zh-CN': '申报状态刚被更改，请刷新后重试', en: 'The application just changed: reload and try again' } });
    }
    await insertEvent(trx, { id: newId(), application_id: app.id, at: now, status: next ?? status, note: `结果更正：${to ? `${track?.name ?? ''}${to.name}` : '取消获奖'}（${reason}）`, actor_id: actor.userId });
    const revoked = await revokeCertificatesOf(trx, app.id, now, `结果更正：${reason}`);
    const issued = to
      ? await issueCertificate(trx, programId, await serialAllocator(trx, programId, def), {
        application_id: app.id, award_id: null, unit_id: null, tier_id: to.id, tier_name: to.name, organization: app.org_name, project: title, track_name: track?.name ?? app.track_id, issued_at: now,
      })
      : null;
    await addNotice(trx, {
      userId: app.applicant_user_id, kind: 'publication.corrected', title: `评选结果更正：${def.name}`,
      body: `您的申报“${title}”（${app.number}）的结果已更正为：${to ? `${track?.name ?? ''}${to.name}` : '未获奖'}。原因：${reason}`, link: `/applications/${app.id}`,
    }, now);
    await appendAudit(trx, {
      actorId: actor.userId, action: 'publication.correct', entity: 'application', entityId: app.id,
      before: { tierId: from, status }, after: { tierId: input.toTierId, status: next ?? status, reason, revoked, issued }, requestId,
    }, now);
    return { revoked, issued };
  });
  await enqueueMail(deps.db, {
    to: app.email, subject: `评选结果更正：${def.name}`,
    text: `${app.display_name}，您好：\n\n您的申报“${title}”（${app.number}）在“${def.name}”中的结果已更正为：${to ? `${track?.name ?? ''}${to.name}` : '未获奖'}。\n原因：${reason}\n详情：${deps.config.publicUrl}/applications/${app.id}\n\nYour result in ${def.nameEn ?? def.name} was corrected. Reason: ${reason}\n`,
  });
  return result;
}
