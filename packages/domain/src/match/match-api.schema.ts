import { z } from 'zod';
import { creditProductKinds, investmentStages, matchProfileKinds, matchProfileStatuses, MatchProfileInputSchema } from './match-profile.schema.ts';
import { matchFilterNames, matchFilterResults } from './match-filters.ts';
import { interestSides, pairStatuses } from './interest-status.ts';

// /api/match: profiles (apply, review), matched lists both ways with their explanations, and
// interest → introduction. Contacts appear only in a profile's own view (its holder, the
// catalog organizer) and in an introduction both sides agreed to.

const IdSchema = z.string().min(1).max(100);
const msg = (zh: string, en: string) => ({ message: zh, params: { en } });

export const MatchProfileParamsSchema = z.strictObject({ profileId: IdSchema });
export const MatchEntryParamsSchema = z.strictObject({ entryId: IdSchema });
export const MatchNeedParamsSchema = z.strictObject({ needId: IdSchema });

export const MatchProfileViewSchema = z.object({
  id: z.string(),
  kind: z.enum(matchProfileKinds),
  status: z.enum(matchProfileStatuses),
  orgName: z.string(),
  /** The profile as applied for, its contact included: the holder's and the catalog organizer's view only. */
  profile: MatchProfileInputSchema,
  reviewNote: z.string().nullable(),
  applicant: z.object({ userId: z.string(), displayName: z.string(), email: z.string() }),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type MatchProfileView = z.infer<typeof MatchProfileViewSchema>;
export const MatchProfileListSchema = z.object({ items: z.array(MatchProfileViewSchema) });
export const MatchProfileListQuerySchema = z.strictObject({ status: z.enum(matchProfileStatuses).optional(), kind: z.enum(matchProfileKinds).optional() });

export const MatchProfileReviewRequestSchema = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(2000).default(''),
}).refine((r) => r.decision === 'approve' || r.note.length >= 2, { ...msg('退回须写明理由（至少 2 字）', 'Give the reason for rejecting (at least 2 characters)'), path: ['note'] });

/** A published technology as the other side sees it: never its contact. */
export const MatchTechnologySchema = z.object({
  entryId: z.string(),
  name: z.string(),
  organizationName: z.string(),
  fieldIds: z.array(z.string()),
  trl: z.number().nullable(),
  stage: z.enum(investmentStages).nullable(),
  regionCode: z.string().nullable(),
  /** The first lines of what it does (适用范围 or the first text). */
  summary: z.string(),
});
export type MatchTechnologyView = z.infer<typeof MatchTechnologySchema>;

export const counterpartTypes = ['profile', 'need'] as const;
export type CounterpartType = (typeof counterpartTypes)[number];

/** A profile or a need as the technology's owner sees it: what it looks for, never its contact. */
export const MatchCounterpartSchema = z.object({
  type: z.enum(counterpartTypes),
  id: z.string(),
  kind: z.enum([...matchProfileKinds, 'need']),
  name: z.string(),
  fieldIds: z.array(z.string()),
  regions: z.array(z.string()),
  summary: z.string(),
  stages: z.array(z.enum(investmentStages)).nullable(),
  ticket: z.object({ min: z.number(), max: z.number() }).nullable(),
  products: z.array(z.object({ name: z.string(), kind: z.enum(creditProductKinds), amountMin: z.number(), amountMax: z.number(), rateNote: z.string() })).nullable(),
});
export type MatchCounterpartView = z.infer<typeof MatchCounterpartSchema>;

export const MatchExplanationSchema = z.object({
  score: z.number(),
  textScore: z.number(),
  fieldBonus: z.number(),
  sharedTerms: z.array(z.string()),
  filters: z.array(z.object({ filter: z.enum(matchFilterNames), result: z.enum(matchFilterResults), values: z.array(z.string()) })),
  products: z.array(z.string()),
});

export const PairInterestSchema = z.object({ technology: z.boolean(), counterpart: z.boolean(), status: z.enum(pairStatuses) });

export const TechnologyMatchesSchema = z.object({
  technology: MatchTechnologySchema,
  items: z.array(z.object({ counterpart: MatchCounterpartSchema, explanation: MatchExplanationSchema, interest: PairInterestSchema })),
});
export type TechnologyMatches = z.infer<typeof TechnologyMatchesSchema>;
export const CounterpartMatchesSchema = z.object({
  counterpart: MatchCounterpartSchema,
  items: z.array(z.object({ technology: MatchTechnologySchema, explanation: MatchExplanationSchema, interest: PairInterestSchema })),
});
export type CounterpartMatches = z.infer<typeof CounterpartMatchesSchema>;

export const InterestRequestSchema = z.strictObject({ entryId: IdSchema, counterpartType: z.enum(counterpartTypes), counterpartId: IdSchema });
export type InterestRequest = z.infer<typeof InterestRequestSchema>;

/** The other side's contact, once both sides are interested. */
export const IntroductionContactSchema = z.object({ organization: z.string(), name: z.string(), phone: z.string(), email: z.string() });
export const InterestPairSchema = z.object({
  technology: MatchTechnologySchema,
  counterpart: MatchCounterpartSchema,
  /** Which side I am on (null: I see it as the catalog organizer). */
  mySide: z.enum(interestSides).nullable(),
  interest: PairInterestSchema,
  technologyAt: z.number().nullable(),
  counterpartAt: z.number().nullable(),
  introducedAt: z.number().nullable(),
  /** The other side's contact: only while the interest is mutual, only to the two sides. */
  contact: IntroductionContactSchema.nullable(),
});
export type InterestPair = z.infer<typeof InterestPairSchema>;
export const InterestPairListSchema = z.object({ items: z.array(InterestPairSchema) });

/** What I can find matches for: my profiles, my published technologies, my published needs. */
export const MyMatchSubjectsSchema = z.object({
  profiles: z.array(MatchProfileViewSchema),
  entries: z.array(z.object({ entryId: z.string(), name: z.string(), status: z.string() })),
  needs: z.array(z.object({ needId: z.string(), problem: z.string(), status: z.string() })),
  /** May review profiles and see every list (catalog.manage). */
  organizer: z.boolean(),
});
export type MyMatchSubjects = z.infer<typeof MyMatchSubjectsSchema>;
