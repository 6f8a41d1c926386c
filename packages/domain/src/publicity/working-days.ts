import { formatShanghai, shanghaiToEpoch } from '../program/shanghai-time.ts';
import type { HolidayCalendar, HolidayYearStatus } from './holidays-cn.ts';

// Working days in Asia/Shanghai: Monday to Friday, less the State Council's holidays, plus the
// weekend days worked in exchange (调休). Dates are local calendar days as YYYY-MM-DD strings,
// so no time zone enters the counting; only publicityPeriod turns an instant into a day and back.

const DAY = 86_400_000;

type Lookup = { off: Set<string>; on: Set<string>; status: Map<number, HolidayYearStatus> };
const lookups = new WeakMap<HolidayCalendar, Lookup>();

function lookupOf(calendar: HolidayCalendar): Lookup {
  let l = lookups.get(calendar);
  if (!l) {
    l = { off: new Set(), on: new Set(), status: new Map() };
    for (const y of calendar.years) {
      l.status.set(y.year, y.status);
      for (const h of y.holidays) for (let d = h.from; d <= h.to; d = addDays(d, 1)) l.off.add(d);
      for (const w of y.workdays) l.on.add(w);
    }
    lookups.set(calendar, l);
  }
  return l;
}

const utcOf = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
const dateOf = (utc: number) => new Date(utc).toISOString().slice(0, 10);

/** The calendar day `n` days after `date` (negative: before). */
export function addDays(date: string, n: number): string {
  return dateOf(utcOf(date) + n * DAY);
}

/** Is the day a working day: a weekday that is no holiday, or a weekend day worked by 调休? */
export function isWorkingDay(date: string, calendar: HolidayCalendar): boolean {
  const l = lookupOf(calendar);
  if (l.on.has(date)) return true;
  if (l.off.has(date)) return false;
  const weekday = new Date(utcOf(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The `n`-th working day after `date` (the day itself never counts). */
export function addWorkingDays(date: string, n: number, calendar: HolidayCalendar): string {
  if (!Number.isInteger(n) || n < 1) throw new Error(`addWorkingDays: n must be a positive integer, got ${n}`);
  let d = date;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(d, calendar)) left--;
  }
  return d;
}

/** How sure the count is: every day in official years, or some in a provisional or unlisted year (weekends only). */
export type CalendarBasis = 'official' | 'provisional' | 'weekends_only';

export type PublicityPeriod = {
  /** The day it opened (Shanghai). */
  openedOn: string;
  /** The first working day counted. */
  startsOn: string;
  /** The last working day counted: the period ends at its 24:00. */
  endsOn: string;
  /** Epoch ms of 24:00 Asia/Shanghai of endsOn. */
  endsAt: number;
  basis: CalendarBasis;
};

/**
 * The period of a 公示 opened at `openedAt` lasting `workingDays`. Counting starts the day after
 * it opens: a 公示 opened at 17:00 would otherwise lose its first day, and the public is owed N
 * full working days to read and object. It ends at 24:00 of the last one.
 */
export function publicityPeriod(openedAt: number, workingDays: number, calendar: HolidayCalendar): PublicityPeriod {
  const openedOn = formatShanghai(openedAt, false);
  const startsOn = addWorkingDays(openedOn, 1, calendar);
  const endsOn = addWorkingDays(openedOn, workingDays, calendar);
  const status = lookupOf(calendar).status;
  let basis: CalendarBasis = 'official';
  for (let y = +openedOn.slice(0, 4); y <= +endsOn.slice(0, 4); y++) {
    const s = status.get(y);
    if (!s) basis = 'weekends_only';
    else if (s === 'provisional' && basis === 'official') basis = 'provisional';
  }
  return { openedOn, startsOn, endsOn, endsAt: shanghaiToEpoch(endsOn, { endOfDay: true }), basis };
}
