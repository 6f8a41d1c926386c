// Program times as China writes them, in Asia/Shanghai whatever the browser's zone: a deadline
// at local midnight reads "2022-10-31 24:00" (the end of the 31st), not "2022-11-01 00:00".
import { formatShanghai, formatShanghaiDeadline, shanghaiToEpoch } from '@lvping/domain/program/shanghai-time.ts';


/** A start: the date alone at 00:00, else date and time. */
export function formatStart(epochMs: number): string {
  const s = formatShanghai(epochMs);
  return s.endsWith(' 00:00') ? s.slice(0, 10) : s;
}

/** An end or deadline: local midnight is written as 24:00 of the day before. */
export const formatEnd = formatShanghaiDeadline;

/** Date and time, always (timelines, saved-at stamps of other days). */
export function formatDateTime(epochMs: number): string {
  return formatShanghai(epochMs);
}

export type PhaseLike = { startsAt: string; endsAt: string };
export type PhaseWindow = { start: number; end: number };

/** A phase's instants: a date alone starts at 00:00 and ends at 24:00. */
export function phaseWindow(p: PhaseLike): PhaseWindow {
  return { start: shanghaiToEpoch(p.startsAt), end: shanghaiToEpoch(p.endsAt, { endOfDay: true }) };
}

/**
 * Which phase is current at `now`: the one running (the latest to start if several overlap, the
 * first listed among those starting together); between phases, the next one; after all, the last.
 */
export function currentPhaseIndex(phases: readonly PhaseLike[], now: number): number {
  const windows = phases.map(phaseWindow);
  let running = -1;
  windows.forEach((w, i) => {
    if (w.start <= now && now < w.end && (running < 0 || w.start > windows[running].start)) running = i;
  });
  if (running >= 0) return running;
  const next = windows.findIndex((w) => w.start > now);
  return next >= 0 ? next : phases.length - 1;
}

/** hh:mm:ss of an instant in Shanghai ("已保存 14:03:27"). */
export function formatClock(epochMs: number): string {
  return new Date(epochMs + 8 * 3600_000).toISOString().slice(11, 19);
}

/** Each phase's state at `now`: done, running (several may run at once, e.g. 宣传推广 beside 征集) or ahead. */
export function phaseStates(phases: readonly PhaseLike[], now: number): Array<'finish' | 'process' | 'wait'> {
  return phases.map((p) => {
    const w = phaseWindow(p);
    return w.end <= now ? 'finish' : w.start <= now ? 'process' : 'wait';
  });
}
