import type { ProgramDefinition } from './program-definition.schema.ts';
import { isShanghaiTime } from './shanghai-time.ts';

// A template's dates are its year's. A new edition (or a demo) keeps the same rhythm:
// every phase moves by the same number of days, so the call ends on the chosen day.

function addDays(local: string, days: number): string {
  const [date, time] = local.split(' ');
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  const p = (n: number) => String(n).padStart(2, '0');
  const moved = `${t.getUTCFullYear()}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())}`;
  return time ? `${moved} ${time}` : moved;
}

function dayNumber(local: string): number {
  const [y, m, d] = local.slice(0, 10).split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** The definition with every phase shifted so the call phase ends on `callEndsOn` (YYYY-MM-DD, Shanghai). */
export function rescheduleProgram(def: ProgramDefinition, callEndsOn: string): ProgramDefinition {
  if (!isShanghaiTime(callEndsOn) || callEndsOn.length !== 10) throw new Error(`not a date: ${callEndsOn}`);
  const call = def.phases.find((p) => p.kind === 'call');
  if (!call) throw new Error('the program has no call phase');
  // "2022-10-31 24:00" ends on the 31st: count from the day it is written on.
  const delta = dayNumber(callEndsOn) - dayNumber(call.endsAt);
  return {
    ...def,
    phases: def.phases.map((p) => ({ ...p, startsAt: addDays(p.startsAt, delta), endsAt: addDays(p.endsAt, delta) })),
  };
}
