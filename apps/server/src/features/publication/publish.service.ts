import { AppError, defaultDecisionBlock, nextOutcome, nextStatus, type ApplicationStatus, type OutcomeStatus, type ProgramDefinition, type PublishResult } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { authorize } from '../access/access.service.ts';
import { insertEvent, setStatusIfCurrent } from '../applications/application.repository.ts';
import { reviewableApplications } from '../assignment/assignment.repository.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { anchorPublication } from '../audit/audit-anchor.service.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { enqueueMail } from '../jobs/mail-job.ts';
import { moveOutcome } from '../outcome/move-outcome.ts';
import { findOutcome, listDecisions } from '../outcome/outcome.repository.ts';
import { findProgramById } from '../programs/program.repository.ts';
import { programDefinition } from '../programs/program.service.ts';
import { titleOf } from '../review/ranking.service.ts';
import { roundsOf } from '../review/rounds.ts';
import { emitWebhookEvent } from '../webhooks/webhook-outbox.ts';
import { inviteWinnersIn, mailInvitations } from '../catalog/catalog-import.service.ts';
import { issueCertificate, serialAllocator, tierOf, trackOf } from './certificates.ts';
import { listAwardWinners, publicationApplications, type PublicationApplication } from './publication.repository.ts';

// 发布: the approved (and, where required, announced) list becomes the result. In one
// transaction: the outcome moves to published, every application with a tier is awarded and
// every other one in the final round is not, each winner (and each unit with a program award)
// gets a certificate, each applicant an in-app notice, the webhook event is queued and the
// audit written. Emails go after the commit.

export async function loadProgramDef(deps: Deps, programId: string): Promise<{ def: ProgramDefinition; slug: string }> {
  const row = await findProgramById(deps.db, programId);
  if (!row?.definition_json) throw new AppError('NOT_FOUND');
  return { def: programDefinition(row), slug: row.slug };
}

/** Whether publishing may happen now, and why not. */
export function publishRefusal(def: ProgramDefinition, status: OutcomeStatus) {
  const step = nextOutcome(status, 'publish', def.decision ?? defaultDecisionBlock);
  return 'refused' in step ? { 'zh-CN': step.refused.zh, en: step.refused.en } : null;
}

export async function publishResults(deps: Deps, actor: Actor | null, programId: string, requestId: string | null = null): Promise<PublishResult> {
  authorize(actor, 'program.publish', { programId });
  const { def, slug } = await loadProgramDef(deps, programId);
  const now = deps.now();
  const done = await deps.db.transaction().execute(async (trx) => {
    await moveOutcome(trx, def, programId, 'publish', { actorId: actor.userId, requestId, now, set: { published_at: now, published_by: actor.userId } });
    const decisions = await listDecisions(trx, programId);
    const rounds = roundsOf(def);
    const finalRound = await reviewableApplications(trx, programId, rounds[rounds.length - 1]);
    const tierOfApp = new Map(decisions.filter((d) => d.tier_id && !d.removed).map((d) => [d.application_id, d.tier_id!]));
    const apps = await publicationApplications(trx, programId, [...new Set([...decisions.map((d) => d.application_id), ...finalRound.map((a) => a.id)])]);
    const next = await serialAllocator(trx, programId, def);
    const told: { app: PublicationApplication; title: string; tier: string | null }[] = [];
    const serials: string[] = [];
    let notAwarded = 0;
    for (const app of apps) {
      const tierId = tierOfApp.get(app.id) ?? null;
      const event = tierId ? 'award' : 'not_award';
      const to = nextStatus(app.status as ApplicationStatus, event);
      // An application withdrawn or already out of the review keeps its status and gets no result.
      if (!to || !(await setStatusIfCurrent(trx, app.id, { statuses: [app.status] }, { status: to, updated_at: now }))) continue;
      const title = titleOf(def, app);
      const track = trackOf(def, app.track_id);
      const tier = tierOf(def, app.track_id, tierId);
      await insertEvent(trx, { id: newId(), application_id: app.id, at: now, status: to, note: tier ? `荣获${track?.name ?? ''}${tier.name}` : '未获奖', actor_id: actor.userId });
      if (tier) {
        serials.push(await issueCertificate(trx, programId, next, {
          application_id: app.id, award_id: null, unit_id: null, tier_id: tier.id, tier_name: tier.name, organization: app.org_name, project: title, track_name: track?.name ?? app.track_id, issued_at: now,
        }));
      } else notAwarded++;
      await addNotice(trx, {
        userId: app.applicant_user_id, kind: tier ? 'publication.awarded' : 'publication.not_awarded',
        title: `评选结果已发布：${def.name}`,
        body: tier ? `您的申报“${title}”（${app.number}）荣获${track?.name ?? ''}${tier.name}，可在申报详情中下载证书。` : `您的申报“${title}”（${app.number}）未获奖。感谢参与。`,
        link: `/applications/${app.id}`,
      }, now);
      told.push({ app, title, tier: tier ? `${track?.name ?? ''}${tier.name}` : null });
    }
    for (const w of await listAwardWinners(trx, programId)) {
      const award = def.programAwards.find((a) => a.id === w.award_id);
      serials.push(await issueCertificate(trx, programId, next, {
        application_id: null, award_id: w.award_id, unit_id: w.unit_id, tier_id: null, tier_name: award?.name ?? w.award_id, organization: w.unit_name, project: '', track_name: '', issued_at: now,
      }));
    }
    const awarded = told.length - notAwarded;
    await emitWebhookEvent(trx, programId, 'outcome.published', { publishedAt: now, awarded, notAwarded, certificates: serials.length, resultsUrl: `${deps.config.publicUrl}/programs/${slug}/results` }, now);
    await appendAudit(trx, { actorId: actor.userId, action: 'publication.publish', entity: 'program', entityId: programId, after: { awarded, notAwarded, certificates: serials }, requestId }, now);
    // A catalog-selection program's winners are invited into the 绿色技术推广目录 as they are published.
    const invited = def.decision?.outcome === 'catalog' ? (await inviteWinnersIn(trx, def, programId, { actorId: actor.userId, requestId, now })).out : [];
    return { told, awarded, notAwarded, certificates: serials.length, invited };
  });
  // The head after the commit, signed outside the database and printed on the results page.
  await anchorPublication(deps, programId);
  await mailInvitations(deps, def, done.invited);
  for (const { app, title, tier } of done.told) {
    const results = `${deps.config.publicUrl}/programs/${slug}/results`;
    await enqueueMail(deps.db, {
      to: app.email,
      subject: `评选结果已发布：${def.name}`,
      text: `${app.display_name}，您好：\n\n“${def.name}”评选结果已发布。您的申报“${title}”（${app.number}）${tier ? `荣获${tier}，证书可在申报详情中下载` : '未获奖，感谢参与'}。\n查看您的结果：${deps.config.publicUrl}/applications/${app.id}\n公开结果：${results}\n\nThe results of ${def.nameEn ?? def.name} are published. See your result: ${deps.config.publicUrl}/applications/${app.id}\n`,
    });
  }
  return { awarded: done.awarded, notAwarded: done.notAwarded, certificates: done.certificates, publishedAt: now };
}

/** The outcome's status without creating its row (a GET must not write). */
export async function outcomeStatusOf(deps: Deps, programId: string) {
  const o = await findOutcome(deps.db, programId);
  return { status: (o?.status ?? 'deciding') as OutcomeStatus, publishedAt: o?.published_at ?? null };
}
