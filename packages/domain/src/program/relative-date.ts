import { z } from 'zod';
import type { Localized } from '../errors.ts';
import { formatShanghai, shanghaiToEpoch } from './shanghai-time.ts';

// A date in a rule is either fixed ("2020-09-01") or counted from one of the program's phases
// ("1 year before the call closes"): `{ phase: call, at: end, offsetYears: -1 }`. A relative
// date follows the program when its phases move (a demo edition, next year's call), so the
// organizer writes the rule as the call states it and never recomputes a date by hand.

const Id = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/);
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date: YYYY-MM-DD');

export const RelativeDateSchema = z.strictObject({
  /** A phase id of the program. */
  phase: Id,
  /** The phase's first day, or its last (a phase ending "2022-10-31 24:00" ends on 2022-10-31). */
  at: z.enum(['start', 'end']),
  offsetYears: z.number().int().min(-200).max(200).optional(),
  offsetMonths: z.number().int().min(-2400).max(2400).optional(),
  offsetDays: z.number().int().min(-100_000).max(100_000).optional(),
});
export type RelativeDate = z.infer<typeof RelativeDateSchema>;

export const DateRefSchema = z.union([IsoDateSchema, RelativeDateSchema]);
export type DateRef = z.infer<typeof DateRefSchema>;

export type PhaseDates = { id: string; startsAt: string; endsAt: string };

export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const t = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return t.getUTCFullYear() === +m[1] && t.getUTCMonth() === +m[2] - 1 && t.getUTCDate() === +m[3];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Moves a calendar date; a month shift keeps the day where it exists (2024-02-29 − 1 year = 2023-02-28). */
export function shiftDate(iso: string, years = 0, months = 0, days = 0): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + years * 12 + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12;
  const lastDay = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  const t = new Date(Date.UTC(ny, nm, Math.min(d, lastDay) + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** The phase's first or last calendar day in Shanghai. */
function phaseDay(phase: PhaseDates, at: 'start' | 'end'): string {
  if (at === 'start') return formatShanghai(shanghaiToEpoch(phase.startsAt), false);
  // The end is the instant it closes; the day it closes on is the one holding the instant before.
  return formatShanghai(shanghaiToEpoch(phase.endsAt, { endOfDay: true }) - 1, false);
}

/** The calendar date a reference stands for; null when it names a phase the program lacks. */
export function resolveDateRef(ref: DateRef, phases: readonly PhaseDates[] | undefined): string | null {
  if (typeof ref === 'string') return ref;
  const phase = phases?.find((p) => p.id === ref.phase);
  if (!phase) return null;
  return shiftDate(phaseDay(phase, ref.at), ref.offsetYears, ref.offsetMonths, ref.offsetDays);
}

/** How a reference reads in a message: "2021-10-31（征集阶段结束前1年）". */
export function describeDateRef(ref: DateRef, phases: readonly (PhaseDates & { name?: string; nameEn?: string })[] | undefined): Localized {
  const resolved = resolveDateRef(ref, phases);
  if (typeof ref === 'string') return { 'zh-CN': ref, en: ref };
  const phase = phases?.find((p) => p.id === ref.phase);
  const nameZh = phase?.name ?? ref.phase;
  const nameEn = phase?.nameEn ?? phase?.name ?? ref.phase;
  const parts: Array<[number | undefined, string, string]> = [
    [ref.offsetYears, '年', 'year'], [ref.offsetMonths, '个月', 'month'], [ref.offsetDays, '天', 'day'],
  ];
  const shifts = parts.filter(([n]) => n);
  const zhShift = shifts.map(([n, zh]) => `${Math.abs(n!)}${zh}`).join('');
  const enShift = shifts.map(([n, , en]) => `${Math.abs(n!)} ${en}${Math.abs(n!) === 1 ? '' : 's'}`).join(' ');
  const sign = shifts.length ? Math.sign(shifts[0][0]!) : 0;
  const zhAt = ref.at === 'start' ? '开始' : '结束';
  const enAt = ref.at === 'start' ? 'starts' : 'ends';
  const zh = sign === 0 ? `${nameZh}${zhAt}之日` : `${nameZh}${zhAt}${sign < 0 ? '前' : '后'}${zhShift}`;
  const en = sign === 0 ? `the day ${nameEn} ${enAt}` : `${enShift} ${sign < 0 ? 'before' : 'after'} ${nameEn} ${enAt}`;
  const at = resolved ?? '?';
  return { 'zh-CN': `${at}（${zh}）`, en: `${at} (${en})` };
}
