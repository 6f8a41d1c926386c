import { coverageOf, statusesAllowing, trackQuota, type Compliance } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { authorize } from '../access/access.service.ts';
import { nominationCounts, pendingCounts, quotaUsageOf } from './nomination.repository.ts';
import { loadProgramRec, programUnits, quotaMeters, recommendedTracks } from './recommendation-access.ts';

/**
 * The organizer's compliance view: every unit's quota used per track, units short of a minimum
 * (河南: ≥3 per track per city), and which units entered every recommended track — for a program
 * of city teams, the basis of the 优秀组织奖.
 */
export async function recommendationCompliance(deps: Deps, actor: Actor | null, programId: string): Promise<Compliance> {
  authorize(actor, 'application.list', { programId });
  const rec = await loadProgramRec(deps.db, programId);
  const units = await programUnits(deps.db, rec, deps.now());
  const tracks = recommendedTracks(rec.def);
  const trackIds = new Set(tracks.map((t) => t.id));
  const [usage, decisions, waiting] = await Promise.all([
    quotaUsageOf(deps.db, units.map((u) => u.id)),
    nominationCounts(deps.db, programId),
    pendingCounts(deps.db, programId, statusesAllowing('endorse')),
  ]);
  const count = (rows: { unit_id: string | null; track_id: string; n: number }[], unitId: string, trackId: string) =>
    rows.filter((r) => r.unit_id === unitId && r.track_id === trackId).reduce((s, r) => s + Number(r.n), 0);
  const declined = decisions.filter((d) => d.status === 'declined');

  const rows = units.map((u) => {
    const meters = quotaMeters(rec, u, usage.get(u.id));
    const coverage = coverageOf(new Map(meters.map((m) => [m.trackId, m.used])), meters.map((m) => ({ id: m.trackId, min: m.min })));
    return {
      unitId: u.id, name: u.name, regionCode: u.region_code,
      quotas: meters.map((m) => ({ ...m, pending: count(waiting, u.id, m.trackId), declined: count(declined, u.id, m.trackId) })),
      ...coverage,
    };
  });
  return {
    unitKind: rec.block.unitKind,
    tracks: tracks.map((t) => ({ id: t.id, name: t.name, ...trackQuota(rec.block, t.id, []) })),
    units: rows,
    short: rows.flatMap((r) => r.quotas.filter((q) => q.short > 0).map((q) => ({ unitId: r.unitId, unitName: r.name, trackId: q.trackId, trackName: q.trackName, used: q.used, min: q.min!, short: q.short }))),
    unassigned: waiting.filter((w) => w.unit_id === null && trackIds.has(w.track_id)).reduce((s, w) => s + Number(w.n), 0),
  };
}
