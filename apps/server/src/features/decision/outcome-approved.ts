import { nextStatus, type ApplicationStatus, type ProgramDefinition } from '@lvping/domain';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { insertEvent, setStatusIfCurrent } from '../applications/application.repository.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { listDecisions } from '../outcome/outcome.repository.ts';
import { emitWebhookEvent } from '../webhooks/webhook-outbox.ts';
import { applicationHeads, programRoleHolders } from './decision.repository.ts';

// What follows once the outcome is approved (the committee's approvals reached, or the
// organizer finalized a program without a committee), in that transaction: every application
// decided with a tier becomes a candidate (拟入选), the 'outcome.decided' webhook, the audit
// record, and a notice to the organizers. Applicants learn their result at 公示 or publication.

export async function afterApproved(trx: Db, def: ProgramDefinition, programId: string, by: { actorId: string; requestId: string | null; now: number; submission: number }): Promise<number> {
  const decided = (await listDecisions(trx, programId)).filter((d) => d.tier_id !== null && !d.removed);
  const heads = new Map((await applicationHeads(trx, decided.map((d) => d.application_id))).map((h) => [h.id, h]));
  const tierName = (trackId: string, tierId: string) => def.tracks.find((t) => t.id === trackId)?.awardTiers.find((t) => t.id === tierId)?.name ?? tierId;
  const shortlisted: string[] = [];
  for (const d of decided) {
    const h = heads.get(d.application_id);
    if (!h) continue;
    const to = nextStatus(h.status as ApplicationStatus, 'shortlist');
    if (!to || !(await setStatusIfCurrent(trx, h.id, { statuses: [h.status] }, { status: to, updated_at: by.now }))) continue;
    await insertEvent(trx, { id: newId(), application_id: h.id, at: by.now, status: to, note: `拟入选：${tierName(d.track_id, d.tier_id!)}`, actor_id: by.actorId });
    shortlisted.push(h.id);
  }
  await emitWebhookEvent(trx, programId, 'outcome.decided', {
    status: 'approved', submission: by.submission, approvedAt: by.now,
    decisions: decided.map((d) => ({ applicationId: d.application_id, number: heads.get(d.application_id)?.number ?? '', trackId: d.track_id, tierId: d.tier_id, tierName: tierName(d.track_id, d.tier_id!) })),
  }, by.now);
  await appendAudit(trx, { actorId: by.actorId, action: 'decision.approved', entity: 'program', entityId: programId, after: { submission: by.submission, shortlisted }, requestId: by.requestId }, by.now);
  for (const userId of await programRoleHolders(trx, programId, 'organizer')) {
    await addNotice(trx, { userId, kind: 'decision.approved', title: `获奖名单已审定：${def.name}`, body: `${decided.length} 项获奖等级已审定，可进行公示或发布。`, link: `/organizer/programs/${programId}?tab=decisions` }, by.now);
  }
  return shortlisted.length;
}
