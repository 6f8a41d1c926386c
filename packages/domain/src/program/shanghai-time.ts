// Program dates are written as China writes them: local Asia/Shanghai wall time, where
// "10月31日24时" is the end of that day. China keeps UTC+8 all year (no DST), so the
// conversion is a fixed offset and needs no time-zone database.

const OFFSET_MS = 8 * 3600_000;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/;

/** "2022-10-31", "2022-10-31 24:00", "2022-09-01 09:00" → valid? */
export function isShanghaiTime(s: string): boolean {
  const m = LOCAL.exec(s);
  if (!m) return false;
  const [, y, mo, d, h = '0', mi = '0'] = m;
  const date = new Date(Date.UTC(+y, +mo - 1, +d));
  if (date.getUTCFullYear() !== +y || date.getUTCMonth() !== +mo - 1 || date.getUTCDate() !== +d) return false;
  return (+h < 24 && +mi < 60) || (+h === 24 && +mi === 0);
}

/**
 * Epoch ms of a local time. A date alone means its start, unless `endOfDay`, when it means
 * its end (so a deadline "2022-10-31" runs to 2022-10-31 24:00 = 2022-11-01 00:00 local).
 */
export function shanghaiToEpoch(s: string, opts: { endOfDay?: boolean } = {}): number {
  const m = LOCAL.exec(s);
  if (!m || !isShanghaiTime(s)) throw new Error(`not a local time: ${s}`);
  const [, y, mo, d, h, mi] = m;
  const hours = h === undefined ? (opts.endOfDay ? 24 : 0) : +h;
  return Date.UTC(+y, +mo - 1, +d, hours, mi === undefined ? 0 : +mi) - OFFSET_MS;
}

/** "2022-10-31 24:00" style text of an instant, in Shanghai time. */
export function formatShanghai(epochMs: number, withTime = true): string {
  const t = new Date(epochMs + OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${t.getUTCFullYear()}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())}`;
  return withTime ? `${date} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}` : date;
}

/** The calendar year in Shanghai at an instant. */
export function shanghaiYear(epochMs: number): number {
  return new Date(epochMs + OFFSET_MS).getUTCFullYear();
}

/** An end or deadline as China writes it: local midnight is "24:00" of the day before. */
export function formatShanghaiDeadline(epochMs: number): string {
  const s = formatShanghai(epochMs);
  return s.endsWith(' 00:00') ? `${formatShanghai(epochMs - 86_400_000, false)} 24:00` : s;
}
