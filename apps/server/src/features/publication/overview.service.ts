import type { PublicationOverview } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { authorize } from '../access/access.service.ts';
import { listDecisions } from '../outcome/outcome.repository.ts';
import { titleOf } from '../review/ranking.service.ts';
import { tierOf, trackOf } from './certificates.ts';
import { listAwardWinners, listCertificates, publicationApplications } from './publication.repository.ts';
import { loadProgramDef, outcomeStatusOf, publishRefusal } from './publish.service.ts';
import { correctionsOf } from './results.service.ts';

/** The organizer's 发布 tab: whether publishing may happen, the list with tiers and certificates, corrections. */
export async function publicationOverview(deps: Deps, actor: Actor | null, programId: string): Promise<PublicationOverview> {
  authorize(actor, 'program.publish', { programId });
  const { def, slug } = await loadProgramDef(deps, programId);
  const { status, publishedAt } = await outcomeStatusOf(deps, programId);
  const [decisions, certs, winners, corrections] = await Promise.all([
    listDecisions(deps.db, programId), listCertificates(deps.db, programId), listAwardWinners(deps.db, programId), correctionsOf(deps.db, programId, def),
  ]);
  const apps = new Map((await publicationApplications(deps.db, programId, decisions.map((d) => d.application_id))).map((a) => [a.id, a]));
  const valid = certs.filter((c) => c.revoked_at === null);
  const serialOfApp = new Map(valid.filter((c) => c.application_id).map((c) => [c.application_id!, c.serial]));
  const refusal = publishRefusal(def, status);
  return {
    outcomeStatus: status,
    canPublish: !refusal,
    refusal,
    publishedAt,
    items: decisions.filter((d) => apps.has(d.application_id)).map((d) => {
      const a = apps.get(d.application_id)!;
      return {
        applicationId: a.id, number: a.number, title: titleOf(def, a), organization: a.org_name, trackId: a.track_id, trackName: trackOf(def, a.track_id)?.name ?? a.track_id,
        rank: d.rank, score: d.score, tier: d.removed ? null : tierOf(def, a.track_id, d.tier_id), status: a.status, serial: serialOfApp.get(a.id) ?? null,
      };
    }),
    tracks: def.tracks.map((t) => ({ id: t.id, name: t.name, tiers: t.awardTiers.map((x) => ({ id: x.id, name: x.name, nameEn: x.nameEn ?? null })) })),
    programAwards: winners.map((w) => ({
      awardId: w.award_id, name: def.programAwards.find((a) => a.id === w.award_id)?.name ?? w.award_id, unitName: w.unit_name,
      serial: valid.find((c) => c.award_id === w.award_id && c.unit_id === w.unit_id)?.serial ?? null,
    })),
    corrections,
    certificates: { valid: valid.length, revoked: certs.length - valid.length },
    resultsPath: `/programs/${slug}/results`,
  };
}
