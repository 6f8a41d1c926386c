import { z } from 'zod';
import { outcomeStatuses } from './outcome-status.ts';
import { CommitteeReviewItemSchema, DecisionTrackSchema, ProgramAwardViewSchema } from './decision-api.schema.ts';

// The committee member's side (评选顾问委员会 / 专家委员会): the programs whose list awaits
// them, the list with the ranking's explanation and the organizer's reasons, comments,
// approval (once per submission of the list) and proposed changes.

const IdSchema = z.string().min(1).max(100);
const Body = z.string().trim().max(5000);

export const CommitteeProgramParamsSchema = z.strictObject({ programId: IdSchema });

export const CommitteeProgramSchema = z.object({
  programId: z.string(),
  programName: z.string(),
  approvalName: z.string().nullable(),
  status: z.enum(outcomeStatuses),
  submission: z.number(),
  approvalsRequired: z.number(),
  approvals: z.number(),
  /** With the committee and not yet approved by me in this submission. */
  awaitingMe: z.boolean(),
});
export const CommitteeProgramsSchema = z.object({ items: z.array(CommitteeProgramSchema) });

export const CommitteeListSchema = z.object({
  program: CommitteeProgramSchema,
  /** Approved by me in the current submission. */
  approvedByMe: z.boolean(),
  /** Actions are open (the list is with the committee). */
  open: z.boolean(),
  tracks: z.array(DecisionTrackSchema),
  awards: z.array(ProgramAwardViewSchema),
  reviews: z.array(CommitteeReviewItemSchema),
});
export type CommitteeList = z.infer<typeof CommitteeListSchema>;

export const CommitteeCommentRequestSchema = z.strictObject({ applicationId: IdSchema.optional(), body: Body });
export const CommitteeApproveRequestSchema = z.strictObject({ body: Body.optional() });
export const CommitteeChangesRequestSchema = z.strictObject({
  body: Body.optional(),
  items: z.array(z.strictObject({ applicationId: IdSchema, proposedTierId: z.string().min(1).max(64).nullable(), reason: Body })).max(1000).default([]),
});
export const CommitteeActionResultSchema = z.object({ status: z.enum(outcomeStatuses), submission: z.number(), approvals: z.number() });
