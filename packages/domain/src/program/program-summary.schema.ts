import { z } from 'zod';

export const programStatuses = ['draft', 'open', 'reviewing', 'publicity', 'published', 'closed'] as const;

/** A program as the public home page lists it. */
export const ProgramSummarySchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  nameEn: z.string().optional(),
  year: z.number().int(),
  organizers: z.array(z.string()),
  organizersEn: z.array(z.string()).optional(),
  status: z.enum(programStatuses),
  summary: z.string(),
  summaryEn: z.string().optional(),
  /** The call's window (epoch ms), so a card says 征集中 only while it is open (program-display.ts). */
  callOpensAt: z.number().optional(),
  callClosesAt: z.number().optional(),
});
export type ProgramSummary = z.infer<typeof ProgramSummarySchema>;
export const ProgramListResponseSchema = z.object({ programs: z.array(ProgramSummarySchema) });
