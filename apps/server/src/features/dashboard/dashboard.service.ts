import { AppError, can, formatShanghai, regionByCode, type CountRow, type Dashboard, type ProgramDefinition } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { authorize } from '../access/access.service.ts';
import { findProgramById } from '../programs/program.repository.ts';
import { programDefinition } from '../programs/program.service.ts';
import { countByProvinceStatus, countByTrackStatus, countByUnitStatus, submitEvents } from './dashboard.repository.ts';
import { recommendationTables, unitsById } from './recommendation-tables.ts';

// The organizer's dashboard: who may read a program's applications sees their counts (a
// track-scoped reader only its tracks'). Units and channels come from the recommendation
// feature when its tables exist; without them, channel means the track's way of entry.

type Count = { key: string; label: string; status: string; n: number };

/** Rows with totals and a split by status; `order` keeps listed keys first (with zeros), the rest by size. */
function tally(counts: Count[], order: { key: string; label: string }[] = []): CountRow[] {
  const rows = new Map<string, CountRow>(order.map((o) => [o.key, { key: o.key, label: o.label, total: 0, byStatus: {} }]));
  for (const c of counts) {
    const row = rows.get(c.key) ?? { key: c.key, label: c.label, total: 0, byStatus: {} };
    row.total += c.n;
    row.byStatus[c.status] = (row.byStatus[c.status] ?? 0) + c.n;
    rows.set(c.key, row);
  }
  const listed = new Set(order.map((o) => o.key));
  return [...rows.values()].sort((a, b) => (listed.has(a.key) === listed.has(b.key) ? (listed.has(a.key) ? 0 : b.total - a.total) : listed.has(a.key) ? -1 : 1));
}

async function readableTracks(actor: Actor | null, programId: string, def: ProgramDefinition): Promise<string[] | null> {
  if (can(actor, 'application.list', { programId })) return null;
  const tracks = def.tracks.filter((t) => can(actor, 'application.list', { programId, trackId: t.id })).map((t) => t.id);
  if (!tracks.length) authorize(actor, 'application.list', { programId });
  return tracks;
}

const channelNames = (def: ProgramDefinition): Map<string, string> => {
  // The recommendation block is the recommendation feature's; read loosely so this works without it.
  const channels = (def as { recommendation?: { channels?: { id: string; name: string }[] } }).recommendation?.channels ?? [];
  return new Map(channels.map((c) => [c.id, c.name]));
};

/** The slice of applications whose recommending unit belongs to no channel of the program. */
export const UNIT_WITHOUT_CHANNEL = '推荐单位未归入推荐渠道';

async function unitAndChannelRows(deps: Deps, programId: string, def: ProgramDefinition, trackIds: string[] | null) {
  const entryOf = new Map(def.tracks.map((t) => [t.id, t.entry]));
  const entryLabel = { direct: '直接申报', recommendation: '推荐申报' } as const;
  const tables = await recommendationTables(deps.db);
  if (!tables.applicationUnitId) {
    const byTrack = await countByTrackStatus(deps.db, programId, trackIds);
    const counts = byTrack.map((r) => {
      const entry = entryOf.get(r.track_id) ?? 'direct';
      return { key: entry, label: entryLabel[entry], status: r.status, n: Number(r.n) };
    });
    return { byUnit: null, byChannel: tally(counts) };
  }
  const rows = await countByUnitStatus(deps.db, programId, trackIds);
  const units = await unitsById(deps.db, [...new Set(rows.map((r) => r.unit_id).filter((u): u is string => !!u))]);
  const names = channelNames(def);
  const byUnit: Count[] = [];
  const byChannel: Count[] = [];
  for (const r of rows) {
    const n = Number(r.n);
    if (!r.unit_id) {
      byUnit.push({ key: '', label: '未经推荐单位', status: r.status, n });
      const direct = entryOf.get(r.track_id) !== 'recommendation';
      byChannel.push(direct ? { key: 'direct', label: entryLabel.direct, status: r.status, n } : { key: 'no-unit', label: '推荐申报（未指定推荐单位）', status: r.status, n });
      continue;
    }
    const unit = units.get(r.unit_id);
    byUnit.push({ key: r.unit_id, label: unit?.name ?? r.unit_id, status: r.status, n });
    // A unit in several channels counts its applications in each of them; one in none (imported
    // without a channel) under 'unassigned', named for what it is: the unit has no channel.
    const channels = unit?.channels.length ? unit.channels : ['unassigned'];
    for (const c of channels) byChannel.push({ key: c, label: names.get(c) ?? (c === 'unassigned' ? UNIT_WITHOUT_CHANNEL : c), status: r.status, n });
  }
  return { byUnit: tally(byUnit), byChannel: tally(byChannel) };
}

function daily(events: { application_id: string; at: number }[]): Dashboard['daily'] {
  const seen = new Set<string>();
  const days = new Map<string, { date: string; submitted: number; resubmitted: number }>();
  for (const e of events) {
    const date = formatShanghai(e.at, false);
    const day = days.get(date) ?? { date, submitted: 0, resubmitted: 0 };
    if (seen.has(e.application_id)) day.resubmitted++;
    else day.submitted++;
    seen.add(e.application_id);
    days.set(date, day);
  }
  return [...days.values()];
}

/** The dashboard and the program it counts (for the export's names). */
export async function buildDashboard(deps: Deps, actor: Actor | null, programId: string): Promise<{ dashboard: Dashboard; def: ProgramDefinition }> {
  const program = await findProgramById(deps.db, programId);
  if (!program?.definition_json) throw new AppError('NOT_FOUND');
  const def = programDefinition(program);
  const trackIds = await readableTracks(actor, programId, def);
  const [tracks, provinces, events, units] = await Promise.all([
    countByTrackStatus(deps.db, programId, trackIds), countByProvinceStatus(deps.db, programId, trackIds),
    submitEvents(deps.db, programId, trackIds), unitAndChannelRows(deps, programId, def, trackIds),
  ]);
  const trackName = new Map(def.tracks.map((t) => [t.id, t.name]));
  const byTrack = tally(
    tracks.map((r) => ({ key: r.track_id, label: trackName.get(r.track_id) ?? r.track_id, status: r.status, n: Number(r.n) })),
    def.tracks.filter((t) => !trackIds || trackIds.includes(t.id)).map((t) => ({ key: t.id, label: t.name })),
  );
  const byRegion = tally(provinces.map((r) => ({ key: r.province, label: regionByCode(`${r.province}0000`)?.name ?? r.province, status: r.status, n: Number(r.n) })));
  const byStatus: Record<string, number> = {};
  for (const row of byTrack) for (const [s, n] of Object.entries(row.byStatus)) byStatus[s] = (byStatus[s] ?? 0) + n;
  return {
    def,
    dashboard: {
      programId, generatedAt: deps.now(), total: byTrack.reduce((a, r) => a + r.total, 0), byStatus, byTrack, byRegion,
      byUnit: units.byUnit, byChannel: units.byChannel, daily: daily(events),
    },
  };
}

export const programDashboard = async (deps: Deps, actor: Actor | null, programId: string): Promise<Dashboard> => (await buildDashboard(deps, actor, programId)).dashboard;
