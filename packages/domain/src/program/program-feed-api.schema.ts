import { z } from 'zod';
import { applicationStatuses } from '../application/application-api.schema.ts';

// Requests and responses of 多级遴选 (a program feeding another), shared by server and browser.

export const feedStates = ['pending', 'confirmed', 'declined'] as const;

/** The source organizer sends chosen applications into the target program along one of its feeds. */
export const SendFeedRequestSchema = z.strictObject({
  targetProgramId: z.string().min(1).max(100),
  feedId: z.string().min(1).max(64),
  applicationIds: z.array(z.string().min(1).max(100)).min(1).max(500),
});

export const SendFeedResponseSchema = z.object({
  fed: z.array(z.object({ sourceApplicationId: z.string(), targetApplicationId: z.string(), number: z.string() })),
});

/** Each feed of another program this one is the source of, with the chosen applications and how far each went. */
export const OutgoingFeedsSchema = z.object({
  feeds: z.array(z.object({
    targetProgramId: z.string(), targetName: z.string(), targetSlug: z.string(), feedId: z.string(), unitName: z.string(),
    candidates: z.array(z.object({
      applicationId: z.string(), number: z.string(), trackId: z.string(), organizationName: z.string(), status: z.enum(applicationStatuses),
      /** Null until sent; then the target application and its applicant's answer. */
      fed: z.object({ targetApplicationId: z.string(), state: z.enum(feedStates) }).nullable(),
    })),
  })),
});

/** What the applicant is asked to confirm. */
export const ApplicationFeedSchema = z.object({
  applicationId: z.string(),
  state: z.enum(feedStates),
  sourceProgramName: z.string(), sourceProgramSlug: z.string(), sourceNumber: z.string(), sourceApplicationId: z.string(),
  targetProgramName: z.string(), unitName: z.string(), opinion: z.string(),
  fedAt: z.number(), decidedAt: z.number().nullable(),
  /** Target fields filled from the source, and those left for the applicant. */
  mappedFields: z.array(z.string()),
});
export type ApplicationFeed = z.infer<typeof ApplicationFeedSchema>;

export const DeclineFeedRequestSchema = z.strictObject({ reason: z.string().trim().max(2000).optional() });
