import { z } from 'zod';
import { LocalizedSchema } from '../api/error.schema.ts';
import { rankingMethods } from './ranking/types.ts';

// The organizer's ranking of a round, per track, with the explanation of every result:
// each review's weighted parts, what trimmed mean dropped, the experts' estimated offsets,
// the final score with its uncertainty and P(above the next round's cut).

export const RankingQuerySchema = z.strictObject({ method: z.enum(rankingMethods).optional() });

const ReviewPart = z.object({ criterionId: z.string(), name: z.string(), score: z.number().nullable(), max: z.number(), weighted: z.number().nullable() });

export const RankedApplicationSchema = z.object({
  applicationId: z.string(),
  number: z.string(),
  title: z.string(),
  orgName: z.string(),
  rank: z.number(),
  score: z.number(),
  sd: z.number().nullable(),
  n: z.number(),
  mean: z.number(),
  spread: z.number(),
  pAbove: z.number().nullable(),
  component: z.number(),
  reviews: z.array(z.object({
    assignmentId: z.string(), expertId: z.string(), expertName: z.string(), total: z.number(),
    dropped: z.enum(['highest', 'lowest']).nullable(), adjusted: z.number().nullable(), offset: z.number(),
    parts: z.array(ReviewPart), comment: z.string(),
  })),
});

export const TrackRankingSchema = z.object({
  trackId: z.string(),
  trackName: z.string(),
  cut: z.number().nullable(),
  components: z.number(),
  items: z.array(RankedApplicationSchema),
  /** A failed 基本要求 gate (by most of its reviewers) keeps it out of the ranking. */
  excluded: z.array(z.object({ applicationId: z.string(), number: z.string(), title: z.string(), reasons: z.array(z.object({ gate: z.string(), gateEn: z.string(), failedBy: z.number(), of: z.number(), notes: z.array(z.string()) })) })),
  /** No submitted sheet yet. */
  unscored: z.array(z.object({ applicationId: z.string(), number: z.string(), title: z.string(), assigned: z.number(), submitted: z.number() })),
  experts: z.array(z.object({ expertId: z.string(), name: z.string(), n: z.number(), offset: z.number(), scale: z.number(), residualSd: z.number(), outlier: z.boolean() })),
  flags: z.array(z.object({ kind: z.string(), applicationId: z.string().nullable(), expertId: z.string().nullable(), value: z.number(), threshold: z.number(), message: LocalizedSchema })),
});

export const RoundRankingSchema = z.object({
  roundId: z.string(),
  roundName: z.string(),
  method: z.enum(rankingMethods),
  /** The round's own method (the definition's), and what each method does and how accurate it is. */
  defaultMethod: z.enum(rankingMethods),
  methods: z.array(z.object({ method: z.enum(rankingMethods), explanation: LocalizedSchema })),
  tieBreak: z.array(LocalizedSchema),
  /** The next round's entry rule the cut comes from, in words. */
  cutRule: LocalizedSchema.nullable(),
  tracks: z.array(TrackRankingSchema),
});
export type RoundRanking = z.infer<typeof RoundRankingSchema>;
