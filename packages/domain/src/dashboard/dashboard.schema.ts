import { z } from 'zod';

// The organizer's dashboard: counts of a program's applications (drafts excluded) by track,
// region, recommending unit and channel, each split by status, and submissions per day.

/** One bar or table row: a key, its label, the total and the split by status. */
export const CountRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  total: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
});
export type CountRow = z.infer<typeof CountRowSchema>;

export const DashboardSchema = z.object({
  programId: z.string(),
  generatedAt: z.number(),
  total: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  byTrack: z.array(CountRowSchema),
  /** By province of the organization's registered address (GB/T 2260). */
  byRegion: z.array(CountRowSchema),
  /**
   * By recommending unit and by channel. Null where this installation has no recommending units
   * yet; channel then falls back to the track's entry (direct / recommendation).
   */
  byUnit: z.array(CountRowSchema).nullable(),
  byChannel: z.array(CountRowSchema),
  /** Submissions per day (Beijing date), first submissions and resubmissions after a return. */
  daily: z.array(z.object({ date: z.string(), submitted: z.number().int(), resubmitted: z.number().int() })),
});
export type Dashboard = z.infer<typeof DashboardSchema>;
