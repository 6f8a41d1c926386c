import { AppError, defaultHolidayCalendar, HolidayCalendarSchema, isPlatformAdmin, type HolidayCalendar, type HolidayCalendarView } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { getSetting } from '../system/settings.repository.ts';
import { CALENDAR_KEY, putSetting } from './publicity.repository.ts';

// The holiday calendar every 公示 period is counted with: the file shipped with lvping
// (domain publicity/holidays-cn.ts) until a platform admin saves an edited one in settings, which
// then wins in every process. A 公示 keeps the end it was given when it opened.

type Stored = { calendar: HolidayCalendar; updatedAt: number; updatedBy: string };

async function stored(db: Db): Promise<Stored | null> {
  const raw = await getSetting(db, CALENDAR_KEY);
  return raw ? (JSON.parse(raw) as Stored) : null;
}

export async function currentCalendar(db: Db): Promise<HolidayCalendar> {
  return (await stored(db))?.calendar ?? defaultHolidayCalendar;
}

export async function getHolidayCalendar(deps: Deps): Promise<HolidayCalendarView> {
  const s = await stored(deps.db);
  return { calendar: s?.calendar ?? defaultHolidayCalendar, isDefault: !s, updatedAt: s?.updatedAt ?? null };
}

export async function saveHolidayCalendar(deps: Deps, actor: Actor | null, input: HolidayCalendar, requestId: string | null = null): Promise<HolidayCalendarView> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!isPlatformAdmin(actor)) throw new AppError('FORBIDDEN');
  const calendar = HolidayCalendarSchema.parse(input);
  calendar.years.sort((a, b) => a.year - b.year);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const before = await currentCalendar(trx);
    await putSetting(trx, CALENDAR_KEY, JSON.stringify({ calendar, updatedAt: now, updatedBy: actor.userId } satisfies Stored));
    const summary = (c: HolidayCalendar) => c.years.map((y) => ({ year: y.year, status: y.status, holidays: y.holidays.length, workdays: y.workdays.length }));
    await appendAudit(trx, { actorId: actor.userId, action: 'publicity.calendar_update', entity: 'settings', entityId: CALENDAR_KEY, before: summary(before), after: { years: summary(calendar), calendar }, requestId }, now);
  });
  return getHolidayCalendar(deps);
}
