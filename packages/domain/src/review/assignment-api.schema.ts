import { z } from 'zod';

// The review assignment as the API speaks it: solving, the organizer's view with the quality
// report, hand edits, pin/ban/override rules, publishing, and the expert's own assignments.

export const assignmentStatuses = ['draft', 'published', 'declined'] as const;
export const pairRuleKinds = ['pin', 'ban', 'override'] as const;

export const SolveAssignmentRequestSchema = z.strictObject({
  /** How much even loads matter: the j-th review of an expert costs loadCost·(j−1). 0 = affinity only. */
  loadCost: z.number().int().min(0).max(1000).default(0),
  /** Require one reviewer per application with affinity ≥ the program's strongAffinity. */
  requireStrong: z.boolean().default(false),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(0),
});

export const AssignmentQualitySchema = z.object({
  totalAffinity: z.number(),
  upperBound: z.number(),
  percentOfUpperBound: z.number().nullable(),
  worstServed: z.object({ applicationId: z.string(), number: z.string(), totalAffinity: z.number(), scores: z.array(z.number()) }).nullable(),
  minAffinityP1: z.number().nullable(),
  minAffinityP5: z.number().nullable(),
  load: z.object({ min: z.number(), max: z.number(), mean: z.number(), gini: z.number() }),
  withoutStrong: z.array(z.object({ applicationId: z.string(), number: z.string() })),
  strongThreshold: z.number(),
  /** Applications with fewer reviewers than the program asks for. */
  short: z.array(z.object({ applicationId: z.string(), number: z.string(), has: z.number(), needs: z.number() })),
});
export type AssignmentQualityView = z.infer<typeof AssignmentQualitySchema>;

export const AssignmentItemSchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  applicationNumber: z.string(),
  orgName: z.string(),
  trackId: z.string(),
  expertId: z.string(),
  expertName: z.string(),
  expertOrg: z.string(),
  affinity: z.number(),
  status: z.enum(assignmentStatuses),
  /** panel: a roadshow panel member, given every application of the panel's slots. */
  source: z.enum(['solver', 'manual', 'refill', 'panel']),
  declinedReason: z.string().nullable(),
});

export const AssignmentRunSchema = z.object({
  id: z.string(),
  at: z.number(),
  objective: z.number(),
  upperBound: z.number(),
  optimal: z.boolean(),
  seconds: z.number(),
  loadCost: z.number(),
  requireStrong: z.boolean(),
});

export const PairRuleSchema = z.object({ applicationId: z.string(), expertId: z.string(), kind: z.enum(pairRuleKinds), reason: z.string(), createdAt: z.number() });

export const AssignmentViewSchema = z.object({
  items: z.array(AssignmentItemSchema),
  quality: AssignmentQualitySchema,
  run: AssignmentRunSchema.nullable(),
  rules: z.array(PairRuleSchema),
  reviewsPerApplication: z.number(),
  applications: z.number(),
  experts: z.number(),
  /** The round this assignment is of ('' for a program without rounds), and every round to pick from. */
  roundId: z.string(),
  rounds: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string().nullable() })),
});
export type AssignmentView = z.infer<typeof AssignmentViewSchema>;

export const SolveAssignmentResultSchema = z.discriminatedUnion('feasible', [
  z.object({ feasible: z.literal(true), view: AssignmentViewSchema }),
  z.object({ feasible: z.literal(false), message: z.string(), shortfalls: z.array(z.object({ kind: z.string(), applicationId: z.string().optional(), number: z.string().optional(), expertId: z.string().optional(), detail: z.string() })) }),
]);

export const EditAssignmentRequestSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('add'), applicationId: z.string().min(1).max(100), expertId: z.string().min(1).max(100) }),
  z.strictObject({ op: z.literal('remove'), assignmentId: z.string().min(1).max(100) }),
  z.strictObject({ op: z.literal('swap'), assignmentId: z.string().min(1).max(100), expertId: z.string().min(1).max(100) }),
]);

export const PairRuleRequestSchema = z.strictObject({
  applicationId: z.string().min(1).max(100),
  expertId: z.string().min(1).max(100),
  kind: z.enum(pairRuleKinds),
  /** Required for every kind; an override of a computed 回避 must say why (it goes to the audit log). */
  reason: z.string().trim().min(2, { message: '请填写理由' }).max(500),
});
export const DeletePairRuleRequestSchema = z.strictObject({ applicationId: z.string().min(1).max(100), expertId: z.string().min(1).max(100) });

export const PairExplanationSchema = z.object({
  affinity: z.number(),
  textScore: z.number(),
  fieldBonus: z.number(),
  sharedTerms: z.array(z.object({ term: z.string(), weight: z.number() })),
  fieldMatch: z.array(z.string()),
  conflicts: z.array(z.object({ kind: z.string(), detail: z.string() })),
  rule: z.enum(pairRuleKinds).nullable(),
});
export const PairParamsSchema = z.strictObject({ programId: z.string().min(1).max(100), applicationId: z.string().min(1).max(100), expertId: z.string().min(1).max(100) });

export const PublishAssignmentResultSchema = z.object({ published: z.number(), experts: z.number() });

/** What an expert sees of an assignment before reading the application: enough to know a conflict. */
export const MyAssignmentSchema = z.object({
  id: z.string(),
  programId: z.string(),
  programName: z.string(),
  applicationId: z.string(),
  applicationNumber: z.string(),
  /** The applicant; null in a blind round, where `title` (the technology or project) is shown instead. */
  orgName: z.string().nullable(),
  title: z.string().nullable(),
  trackName: z.string(),
  status: z.enum(assignmentStatuses),
  roundId: z.string(),
  roundName: z.string(),
  blind: z.boolean(),
  /** The expert confirmed having no conflict: the application may be read and scored. */
  confirmed: z.boolean(),
  sheet: z.enum(['none', 'draft', 'submitted']),
  total: z.number().nullable(),
  /** Why an organizer last unlocked the submitted sheet. */
  unlockReason: z.string().nullable(),
  /** When the round ends (epoch ms), for "due in". */
  dueAt: z.number().nullable(),
});
export const MyAssignmentListSchema = z.object({ items: z.array(MyAssignmentSchema) });
/** The round an assignment call is about; the first round when omitted. */
export const RoundQuerySchema = z.strictObject({ round: z.string().max(64).optional() });
export const AssignmentIdParamsSchema = z.strictObject({ assignmentId: z.string().min(1).max(100) });
export const DeclareAssignmentConflictRequestSchema = z.strictObject({ reason: z.string().trim().min(2, { message: '请填写回避原因' }).max(500) });
export const DeclareAssignmentConflictResultSchema = z.object({ declined: z.literal(true), refilled: z.boolean() });
