// Pure views of a round's review schedule: which kind of schedule a round has, the roadshow
// timetable by panel with overlapping slots found, a sensible next slot, and times as shown
// (Beijing time whatever the browser's zone). Shared by the organizer's panel and the expert's card.
import { formatShanghai } from '@lvping/domain/program/shanghai-time.ts';
import type { RoundSchedule, RoundTiming, ScheduleItem, ScheduleSlot } from '../api/review-schedule-admin.api.ts';

export type ScheduleMode = 'visit' | 'slot' | 'none';

/** A site-visit round has visits; a roadshow (or any round timed like one, as the server allows) has slots. */
export function scheduleMode(s: Pick<RoundSchedule, 'kind' | 'timing'>): ScheduleMode {
  if (s.kind === 'site_visit') return 'visit';
  if (s.kind === 'roadshow' || s.timing) return 'slot';
  return 'none';
}

/** An online meeting: an http(s) address (shown as a link), not a room. */
export function isLink(place: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(place.trim());
}

/** Minutes one application takes: presenting plus questions. */
export function slotMinutes(timing: RoundTiming | null | undefined): number {
  return timing ? timing.presentMinutes + timing.qaMinutes : 0;
}

export function slotEnd(startsAt: number, timing: RoundTiming | null | undefined): number | null {
  const m = slotMinutes(timing);
  return m > 0 ? startsAt + m * 60_000 : null;
}

/** "2022-05-20 09:00–09:15" (the end when the round is timed, on the same day), in Beijing time. */
export function slotTimeText(startsAt: number, timing: RoundTiming | null | undefined): string {
  const start = formatShanghai(startsAt);
  const end = slotEnd(startsAt, timing);
  if (end === null) return start;
  const e = formatShanghai(end);
  return e.slice(0, 10) === start.slice(0, 10) ? `${start}–${e.slice(11)}` : `${start}–${e}`;
}

export type SlotRow = ScheduleItem & { slot: ScheduleSlot };
export type PanelGroup = { panel: string; rows: SlotRow[]; members: RoundSchedule['panels'][number]['members'] };

/** The timetable: each panel's slots in time order (panels by name), and the applications without a slot. */
export function timetable(s: RoundSchedule): { panels: PanelGroup[]; unscheduled: ScheduleItem[] } {
  const byPanel = new Map<string, SlotRow[]>();
  const unscheduled: ScheduleItem[] = [];
  for (const it of s.items) {
    if (!it.slot) {
      unscheduled.push(it);
      continue;
    }
    const rows = byPanel.get(it.slot.panel) ?? [];
    rows.push(it as SlotRow);
    byPanel.set(it.slot.panel, rows);
  }
  const members = new Map(s.panels.map((p) => [p.panel, p.members]));
  const panels = [...byPanel.entries()]
    .map(([panel, rows]) => ({
      panel,
      rows: rows.sort((a, b) => a.slot.startsAt - b.slot.startsAt || a.number.localeCompare(b.number)),
      members: members.get(panel) ?? [],
    }))
    // The panel that starts first comes first (第一组 before 第二组, whatever their names sort as).
    .sort((a, b) => a.rows[0].slot.startsAt - b.rows[0].slot.startsAt || byName(a.panel, b.panel));
  return { panels, unscheduled };
}

/**
 * Slots of one panel that overlap another of the same panel: the application → the number of the
 * first one it overlaps. Untimed rounds only catch two slots at the same minute.
 */
export function overlapsOf(rows: readonly SlotRow[], timing: RoundTiming | null | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const len = Math.max(1, slotMinutes(timing)) * 60_000;
  for (const a of rows) {
    for (const b of rows) {
      if (a === b) continue;
      if (a.slot.startsAt < b.slot.startsAt + len && b.slot.startsAt < a.slot.startsAt + len) {
        if (!out.has(a.applicationId)) out.set(a.applicationId, b.number);
      }
    }
  }
  return out;
}

/** A slot's form values as the dialog shows them: Beijing wall time "YYYY-MM-DD HH:mm". */
export type SlotDraft = { panel: string; startsAt: string | null; place: string };

/**
 * What the slot dialog starts with: the slot itself; else, after the last slot of the last panel
 * used (same panel and place, the next time once its presentation and questions are over).
 */
export function slotDraft(s: RoundSchedule, item: ScheduleItem): SlotDraft {
  if (item.slot) return { panel: item.slot.panel, startsAt: formatShanghai(item.slot.startsAt), place: item.slot.place };
  const slots = s.items.map((i) => i.slot).filter((x): x is ScheduleSlot => !!x);
  if (!slots.length) return { panel: '', startsAt: null, place: '' };
  const latest = slots.reduce((a, b) => (b.startsAt >= a.startsAt ? b : a));
  const end = slotEnd(latest.startsAt, s.timing);
  return { panel: latest.panel, startsAt: end === null ? null : formatShanghai(end), place: latest.place };
}

/** Distinct panel names in use, in timetable order, for the dialog's suggestions. */
export function panelNames(s: RoundSchedule): string[] {
  return timetable(s).panels.map((p) => p.panel);
}

const byName = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
