import { z } from 'zod';
import { LocalizedSchema } from '../api/error.schema.ts';
import { outcomeStatuses } from './outcome-status.ts';

// The organizer's decisions (获奖决定) after the last review round, shared by server and
// browser: the view per track (the ranking with its explanation, the proposed and the decided
// tier with its reason), proposing from the ranking with counts, changing one decision,
// program-level awards, and moving the outcome (submit to the committee, finalize, reopen).

const IdSchema = z.string().min(1).max(100);
const TierId = z.string().min(1).max(64);

export const DecisionProgramParamsSchema = z.strictObject({ programId: IdSchema });
export const DecisionTrackParamsSchema = z.strictObject({ programId: IdSchema, trackId: IdSchema });
export const DecisionAppParamsSchema = z.strictObject({ programId: IdSchema, applicationId: IdSchema });
export const AwardParamsSchema = z.strictObject({ programId: IdSchema, awardId: IdSchema });
export const AwardWinnerParamsSchema = z.strictObject({ programId: IdSchema, awardId: IdSchema, unitId: IdSchema });
export const DecisionViewQuerySchema = z.strictObject({ track: IdSchema.optional() });

export const TierViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  /** The count in force (the organizer's, else the definition's) and the definition's own. */
  count: z.number().nullable(),
  definedCount: z.number().nullable(),
  minScore: z.number().nullable(),
  /** How many the proposal gives it, and how many are decided with it now. */
  proposed: z.number(),
  decided: z.number(),
  needsCount: z.boolean(),
});

export const DecisionItemSchema = z.object({
  applicationId: z.string(),
  number: z.string(),
  title: z.string(),
  orgName: z.string(),
  unitName: z.string().nullable(),
  status: z.string(),
  /** Null when the application is not ranked (a failed gate, not scored). */
  rank: z.number().nullable(),
  score: z.number().nullable(),
  sd: z.number().nullable(),
  n: z.number(),
  /** P(above the cut): the next tier boundary the proposal draws, where there is one. */
  pAbove: z.number().nullable(),
  /** Why it is not ranked. */
  excludedBy: LocalizedSchema.nullable(),
  /** Why the proposal gives it this tier (or none). */
  why: LocalizedSchema.nullable(),
  proposedTierId: z.string().nullable(),
  tierId: z.string().nullable(),
  reason: z.string().nullable(),
  /** Not yet proposed (no decision row). */
  decided: z.boolean(),
  /** The tier differs from the proposal and no reason is given. */
  needsReason: z.boolean(),
});
export type DecisionItem = z.infer<typeof DecisionItemSchema>;

export const DecisionTrackSchema = z.object({
  trackId: z.string(),
  trackName: z.string(),
  tiers: z.array(TierViewSchema),
  items: z.array(DecisionItemSchema),
  problems: z.array(LocalizedSchema),
});
export type DecisionTrack = z.infer<typeof DecisionTrackSchema>;

export const CommitteeReviewItemSchema = z.object({
  id: z.string(),
  submission: z.number(),
  userId: z.string(),
  userName: z.string(),
  verdict: z.enum(['approve', 'changes', 'comment']),
  applicationId: z.string().nullable(),
  proposedTierId: z.string().nullable(),
  body: z.string(),
  createdAt: z.number(),
});
export type CommitteeReviewItem = z.infer<typeof CommitteeReviewItemSchema>;

export const ProgramAwardViewSchema = z.object({
  awardId: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  rule: z.enum(['unitsInEveryTrack', 'topUnitsByCount', 'manual']),
  ruleText: LocalizedSchema,
  /** What the rule gives now, with why (not yet written until computed). */
  byRule: z.array(z.object({ unitId: z.string(), unitName: z.string(), why: LocalizedSchema, tracksCovered: z.array(z.string()) })),
  winners: z.array(z.object({ unitId: z.string(), unitName: z.string(), byRule: z.boolean(), reason: z.string(), decidedAt: z.number() })),
});

export const DecisionViewSchema = z.object({
  programId: z.string(),
  programName: z.string(),
  status: z.enum(outcomeStatuses),
  submission: z.number(),
  editable: z.boolean(),
  approval: z.object({ by: z.enum(['committee', 'none']), name: z.string().nullable(), approvalsRequired: z.number(), approvals: z.number() }),
  round: z.object({ roundId: z.string(), name: z.string() }),
  tracks: z.array(DecisionTrackSchema),
  awards: z.array(ProgramAwardViewSchema),
  /** Recommending units, for adding an award winner by hand. */
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  committee: z.array(CommitteeReviewItemSchema),
  /** What keeps the list from going to the committee (or being finalized). */
  blockers: z.array(LocalizedSchema),
});
export type DecisionView = z.infer<typeof DecisionViewSchema>;

export const ProposeTiersRequestSchema = z.strictObject({
  /** Places per tier, overriding the definition's (0: none this year). */
  counts: z.record(TierId, z.number().int().min(0).max(10_000)).optional(),
});
export const SetDecisionRequestSchema = z.strictObject({
  tierId: TierId.nullable(),
  /** Required whenever the tier differs from the proposal. */
  reason: z.string().trim().max(1000).optional(),
});
export const ReasonRequestSchema = z.strictObject({ reason: z.string().trim().max(1000).optional() });
export const AddAwardWinnerRequestSchema = z.strictObject({ unitId: IdSchema, reason: z.string().trim().max(1000).optional() });

export const OutcomeMoveResultSchema = z.object({ status: z.enum(outcomeStatuses), submission: z.number() });
export type OutcomeMoveResult = z.infer<typeof OutcomeMoveResultSchema>;
