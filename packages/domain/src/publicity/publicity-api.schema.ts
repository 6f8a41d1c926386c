import { z } from 'zod';
import { publicityColumns } from '../decision/decision-definition.schema.ts';
import { ContactSchema } from '../program/program-definition.schema.ts';
import { outcomeStatuses } from '../decision/outcome-status.ts';

// 公示 over HTTP: the holiday calendar platform admins edit, the public page of a program's
// 公示 (only the columns the definition shows), and the organizer's view with its objections.

const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const validDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

export const HolidayRangeSchema = z.strictObject({ name: z.string().trim().min(1).max(50), from: DateText, to: DateText });

export const HolidayYearSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  status: z.enum(['official', 'provisional']),
  holidays: z.array(HolidayRangeSchema).max(40),
  workdays: z.array(DateText).max(40),
  source: z.string().max(500).optional(),
});

/** A calendar as platform admins edit it: valid dates, ranges in order, no day both off and worked. */
export const HolidayCalendarSchema = z.strictObject({ years: z.array(HolidayYearSchema).max(101) }).superRefine((cal, ctx) => {
  const issue = (path: (string | number)[], zh: string, en: string) => ctx.addIssue({ code: 'custom', path, message: zh, params: { en } });
  const seenYears = new Set<number>();
  const off = new Map<string, (string | number)[]>();
  cal.years.forEach((y, i) => {
    if (seenYears.has(y.year)) issue(['years', i, 'year'], `年份 ${y.year} 重复`, `year ${y.year} appears twice`);
    seenYears.add(y.year);
    y.holidays.forEach((h, j) => {
      for (const k of ['from', 'to'] as const) if (!validDate(h[k])) issue(['years', i, 'holidays', j, k], `不是有效日期：${h[k]}`, `not a valid date: ${h[k]}`);
      if (!validDate(h.from) || !validDate(h.to)) return;
      if (h.from > h.to) { issue(['years', i, 'holidays', j, 'to'], `结束日期 ${h.to} 早于开始日期 ${h.from}`, `ends (${h.to}) before it starts (${h.from})`); return; }
      if (Date.parse(h.to) - Date.parse(h.from) > 31 * 86_400_000) { issue(['years', i, 'holidays', j, 'to'], '一段假期不能超过31天', 'a holiday may not exceed 31 days'); return; }
      for (let t = Date.parse(`${h.from}T00:00:00Z`); t <= Date.parse(`${h.to}T00:00:00Z`); t += 86_400_000) off.set(new Date(t).toISOString().slice(0, 10), ['years', i, 'holidays', j]);
    });
  });
  cal.years.forEach((y, i) => y.workdays.forEach((w, j) => {
    if (!validDate(w)) issue(['years', i, 'workdays', j], `不是有效日期：${w}`, `not a valid date: ${w}`);
    else if (off.has(w)) issue(['years', i, 'workdays', j], `${w} 既是放假日又是上班日`, `${w} is both a holiday and a working day`);
  }));
});
export type HolidayCalendarInput = z.infer<typeof HolidayCalendarSchema>;

export const HolidayCalendarViewSchema = z.object({
  calendar: HolidayCalendarSchema,
  /** Still the calendar shipped with lvping (never edited here). */
  isDefault: z.boolean(),
  updatedAt: z.number().nullable(),
});
export type HolidayCalendarView = z.infer<typeof HolidayCalendarViewSchema>;

export const publicityKinds = ['results', 'candidates'] as const;
export type PublicityKindId = (typeof publicityKinds)[number];
export const PublicityColumnSchema = z.enum(publicityColumns);

/** open: objections accepted; ended: the period is over, not yet closed; closed: every objection ruled. */
export const publicityStates = ['open', 'ended', 'closed'] as const;

export const PublicItemSchema = z.object({
  applicationId: z.string(),
  number: z.string(),
  title: z.string().optional(),
  organization: z.string().optional(),
  track: z.string().optional(),
  tier: z.string().optional(),
  unit: z.string().optional(),
});
export type PublicItem = z.infer<typeof PublicItemSchema>;

export const PublicPublicitySchema = z.object({
  id: z.string(),
  kind: z.enum(publicityKinds),
  title: z.string(),
  programName: z.string(),
  programSlug: z.string(),
  workingDays: z.number(),
  startsAt: z.number(),
  /** The first working day counted and the last (Shanghai); it ends at 24:00 of endsOn. */
  startsOn: z.string(),
  endsOn: z.string(),
  endsAt: z.number(),
  closedAt: z.number().nullable(),
  state: z.enum(publicityStates),
  /** Some day counted lies in a year whose 放假安排 is not yet official. */
  provisional: z.boolean(),
  columns: z.array(PublicityColumnSchema),
  items: z.array(PublicItemSchema),
  howToObject: z.string().nullable(),
  howToObjectEn: z.string().nullable(),
  contacts: z.array(ContactSchema),
  issuers: z.array(z.string()),
});
export type PublicPublicity = z.infer<typeof PublicPublicitySchema>;

export const ProgramPublicitiesSchema = z.object({ programName: z.string(), programSlug: z.string(), publicities: z.array(PublicPublicitySchema) });
export type ProgramPublicities = z.infer<typeof ProgramPublicitiesSchema>;

export const OpenPublicityRequestSchema = z.strictObject({
  kind: z.enum(publicityKinds),
  title: z.string().trim().min(2).max(200).optional(),
});
export type OpenPublicityRequest = z.infer<typeof OpenPublicityRequestSchema>;

export const AdminItemSchema = z.object({
  applicationId: z.string(),
  number: z.string(),
  title: z.string(),
  organization: z.string(),
  trackId: z.string(),
  trackName: z.string(),
  tierId: z.string().nullable(),
  tierName: z.string().nullable(),
  unit: z.string().nullable(),
  removedAt: z.number().nullable(),
  objections: z.number(),
});

export const AdminPublicitySchema = PublicPublicitySchema.omit({ items: true }).extend({
  openedAt: z.number(),
  openedBy: z.string(),
  items: z.array(AdminItemSchema),
  openObjections: z.number(),
});
export type AdminPublicity = z.infer<typeof AdminPublicitySchema>;

/** What opening now would give: whether it may, why not, and the period it would run. */
export const PublicityOpeningSchema = z.object({
  kind: z.enum(publicityKinds),
  configured: z.boolean(),
  allowed: z.boolean(),
  reason: z.object({ 'zh-CN': z.string(), en: z.string() }).nullable(),
  workingDays: z.number().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  endsAt: z.number().nullable(),
  provisional: z.boolean(),
  items: z.number(),
});

export const PublicityOverviewSchema = z.object({
  outcomeStatus: z.enum(outcomeStatuses),
  openings: z.array(PublicityOpeningSchema),
  publicities: z.array(AdminPublicitySchema),
});
export type PublicityOverview = z.infer<typeof PublicityOverviewSchema>;

export const ProgramSlugParams = z.object({ slug: z.string().min(1).max(100) });
export const PublicityParamsSchema = z.object({ programId: z.string().min(1).max(100), publicityId: z.string().min(1).max(100) });
