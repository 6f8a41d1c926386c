import { defaultDecisionBlock, formatShanghai, publicityPeriod, type HolidayCalendar, type PublicityColumn, type ProgramDefinition, type PublicItem, type PublicPublicity } from '@lvping/domain';
import type { PublicityItemRow, PublicityRow } from './publicity.repository.ts';

// How a 公示 reads: its state at an instant, its list reduced to the columns the definition
// shows, the names of its tracks and tiers. Shared by the public page, the organizer's tab and
// the printed notice, so all three say the same.

export type PublicityKindId = 'results' | 'candidates';

export const settingsOf = (def: ProgramDefinition, kind: PublicityKindId) => (def.decision ?? defaultDecisionBlock).publicity[kind];

export const columnsOf = (def: ProgramDefinition, kind: PublicityKindId): PublicityColumn[] =>
  settingsOf(def, kind)?.show ?? (kind === 'results' ? ['title', 'organization', 'track', 'tier'] : ['title', 'organization', 'track', 'unit']);

export const trackName = (def: ProgramDefinition, trackId: string) => def.tracks.find((t) => t.id === trackId)?.name ?? trackId;
export const tierName = (def: ProgramDefinition, trackId: string, tierId: string | null) =>
  tierId ? def.tracks.find((t) => t.id === trackId)?.awardTiers.find((x) => x.id === tierId)?.name ?? tierId : null;

export function stateOf(p: Pick<PublicityRow, 'ends_at' | 'closed_at'>, now: number): PublicPublicity['state'] {
  if (p.closed_at !== null) return 'closed';
  return now < p.ends_at ? 'open' : 'ended';
}

/** Objections are taken from its opening until 24:00 of its last working day, while not closed. */
export const acceptsObjections = (p: Pick<PublicityRow, 'starts_at' | 'ends_at' | 'closed_at'>, now: number) => p.closed_at === null && now >= p.starts_at && now < p.ends_at;

export function publicItem(def: ProgramDefinition, columns: PublicityColumn[], it: PublicityItemRow): PublicItem {
  const out: PublicItem = { applicationId: it.application_id, number: it.number };
  for (const c of columns) {
    if (c === 'title') out.title = it.title;
    else if (c === 'organization') out.organization = it.org_name;
    else if (c === 'track') out.track = trackName(def, it.track_id);
    else if (c === 'tier') out.tier = tierName(def, it.track_id, it.tier_id) ?? '';
    else if (c === 'unit') out.unit = it.unit_name ?? '';
  }
  return out;
}

export function publicPublicity(def: ProgramDefinition, slug: string, p: PublicityRow, items: PublicityItemRow[], calendar: HolidayCalendar, now: number): PublicPublicity {
  const kind = p.kind as PublicityKindId;
  const columns = columnsOf(def, kind);
  const block = def.decision ?? defaultDecisionBlock;
  // The stored end stands; the days are re-derived for display (and whether they were provisional).
  const period = publicityPeriod(p.opened_at, p.working_days, calendar);
  return {
    id: p.id, kind, title: p.title, programName: def.name, programSlug: slug, workingDays: p.working_days,
    startsAt: p.starts_at, startsOn: period.startsOn, endsOn: formatShanghai(p.ends_at - 1, false), endsAt: p.ends_at, closedAt: p.closed_at,
    state: stateOf(p, now), provisional: period.basis !== 'official', columns,
    items: items.filter((i) => i.removed_at === null).map((i) => publicItem(def, columns, i)),
    howToObject: block.publicity.howToObject ?? null, howToObjectEn: block.publicity.howToObjectEn ?? null,
    contacts: def.contacts ?? [], issuers: block.certificate.issuers ?? def.organizers,
  };
}
