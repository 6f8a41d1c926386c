import { z } from 'zod';

// Expert review as part of a program definition: how many experts read each application, which
// answers describe it for matching experts (affinity), and which 回避 rules beyond the always-on
// ones (same organization, recommending unit, declared) the program turns on.

const Ref = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,200}$/, 'a field reference: section.field');

export const ReviewBlockSchema = z.strictObject({
  /** Experts per application in online review (入围评估 / 初评). */
  reviewsPerApplication: z.number().int().min(1).max(20).default(3),
  /** Most applications one expert is given, unless the expert's own availability says fewer. */
  maxLoad: z.number().int().min(1).max(10_000).default(30),
  /** "A strong match": at least one reviewer per application should have affinity ≥ this. */
  strongAffinity: z.number().int().min(0).max(1_000_000).default(400),
  /**
   * The answers that describe an application for matching (technology name, field, summary,
   * keywords), per form. A form not listed is matched on all of its text answers.
   */
  affinityFields: z.array(z.strictObject({ form: z.string().min(1).max(64), fields: z.array(Ref).min(1).max(50) })).default([]),
  conflicts: z
    .strictObject({
      /** 同地区回避: an expert from the applicant's province (or city) may not review it. */
      sameRegion: z.enum(['off', 'province', 'city']).default('off'),
      /** 同一集团回避: same parent group (上级集团) as the applicant. */
      sameParentGroup: z.boolean().default(false),
    })
    .default({ sameRegion: 'off', sameParentGroup: false }),
});
export type ReviewBlock = z.infer<typeof ReviewBlockSchema>;

/** The review settings of a program that says nothing about review. */
export const defaultReviewBlock: ReviewBlock = ReviewBlockSchema.parse({});
