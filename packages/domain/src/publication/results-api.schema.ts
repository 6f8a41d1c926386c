import { z } from 'zod';
import { LocalizedSchema } from '../api/error.schema.ts';
import { outcomeStatuses } from '../decision/outcome-status.ts';

// Requests and responses of publication (发布): the public results pages and Excel, the
// certificate verification page, the applicant's own result, and the organizer's
// publication tab (publish, certificates, corrections after publication).

const IdSchema = z.string().min(1).max(100);

export const ResultsSlugParamsSchema = z.strictObject({ slug: z.string().min(1).max(64) });
export const ResultsTrackParamsSchema = z.strictObject({ slug: z.string().min(1).max(64), trackId: z.string().min(1).max(64) });
/** Anything up to 200 characters is looked up (a malformed serial answers "unknown"); it is a query, not a path segment, so no router limit applies first. */
export const VerifyQuerySchema = z.strictObject({ serial: z.string().max(200) });
export const ProgramSerialParamsSchema = z.strictObject({ programId: IdSchema, serial: z.string().min(1).max(200) });

export const TierNameSchema = z.object({ id: z.string(), name: z.string(), nameEn: z.string().nullable() });
export type TierName = z.infer<typeof TierNameSchema>;

/** One winner as the public sees it: no scores, no numbers, no contacts. */
export const PublicResultEntrySchema = z.object({ title: z.string(), organization: z.string(), unit: z.string().nullable() });

export const PublicCorrectionSchema = z.object({
  at: z.number(),
  trackId: z.string(),
  trackName: z.string(),
  trackNameEn: z.string().nullable(),
  title: z.string(),
  organization: z.string(),
  from: TierNameSchema.nullable(),
  to: TierNameSchema.nullable(),
  reason: z.string(),
});
export type PublicCorrection = z.infer<typeof PublicCorrectionSchema>;

export const PublicResultsSchema = z.object({
  program: z.object({ slug: z.string(), name: z.string(), nameEn: z.string().nullable(), year: z.number(), organizers: z.array(z.string()) }),
  publishedAt: z.number(),
  tracks: z.array(z.object({
    id: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    tiers: z.array(TierNameSchema.extend({ entries: z.array(PublicResultEntrySchema) })),
  })),
  programAwards: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string().nullable(), winners: z.array(z.string()) })),
  corrections: z.array(PublicCorrectionSchema),
  /**
   * The audit chain's head as signed into the anchors file at publication (审计链 #seq hash):
   * printed, it is a witness outside the server that the log held this much then. null for a
   * publication made before anchors existed, or when the anchor could not be written.
   */
  auditAnchor: z.object({ seq: z.number().int(), hash: z.string(), at: z.number() }).nullable(),
});
export type PublicResults = z.infer<typeof PublicResultsSchema>;

/** Whether a program's results are out, for the call page's link. */
export const ResultsStatusSchema = z.object({ published: z.boolean(), publishedAt: z.number().nullable() });

export const certificateStatuses = ['valid', 'revoked', 'unknown'] as const;

export const CertificateVerificationSchema = z.object({
  serial: z.string(),
  status: z.enum(certificateStatuses),
  /** False when the text cannot be a serial at all (wrong shape or check character). */
  wellFormed: z.boolean(),
  certificate: z.object({
    title: z.string(),
    titleEn: z.string().nullable(),
    organization: z.string(),
    /** Empty for a program award (优秀组织奖), which has no project. */
    project: z.string(),
    programSlug: z.string(),
    programName: z.string(),
    programNameEn: z.string().nullable(),
    trackName: z.string(),
    trackNameEn: z.string().nullable(),
    tierName: z.string(),
    tierNameEn: z.string().nullable(),
    issuedAt: z.number(),
  }).nullable(),
  revokedAt: z.number().nullable(),
  revokeReason: z.string().nullable(),
  /** The certificate issued in its place after a correction, if any. */
  replacedBy: z.string().nullable(),
});
export type CertificateVerification = z.infer<typeof CertificateVerificationSchema>;

export const MyResultSchema = z.object({
  applicationId: z.string(),
  published: z.boolean(),
  publishedAt: z.number().nullable(),
  programSlug: z.string(),
  programName: z.string(),
  trackId: z.string(),
  trackName: z.string(),
  trackNameEn: z.string().nullable(),
  /** Null before publication, and when the application won no tier. */
  tier: TierNameSchema.nullable(),
  certificate: z.object({ serial: z.string(), issuedAt: z.number(), verifyUrl: z.string() }).nullable(),
});
export type MyResult = z.infer<typeof MyResultSchema>;

export const PublicationItemSchema = z.object({
  applicationId: z.string(),
  number: z.string(),
  title: z.string(),
  organization: z.string(),
  trackId: z.string(),
  trackName: z.string(),
  rank: z.number().nullable(),
  score: z.number().nullable(),
  tier: TierNameSchema.nullable(),
  status: z.string(),
  /** The valid certificate, once published. */
  serial: z.string().nullable(),
});
export type PublicationItem = z.infer<typeof PublicationItemSchema>;

export const PublicationOverviewSchema = z.object({
  outcomeStatus: z.enum(outcomeStatuses),
  /** Whether publish may happen now; else why not (both languages). */
  canPublish: z.boolean(),
  refusal: LocalizedSchema.nullable(),
  publishedAt: z.number().nullable(),
  items: z.array(PublicationItemSchema),
  tracks: z.array(z.object({ id: z.string(), name: z.string(), tiers: z.array(TierNameSchema) })),
  programAwards: z.array(z.object({ awardId: z.string(), name: z.string(), unitName: z.string(), serial: z.string().nullable() })),
  corrections: z.array(PublicCorrectionSchema.extend({ applicationId: z.string(), by: z.string() })),
  certificates: z.object({ valid: z.number(), revoked: z.number() }),
  /** The public results page. */
  resultsPath: z.string(),
});
export type PublicationOverview = z.infer<typeof PublicationOverviewSchema>;

export const PublishResultSchema = z.object({ awarded: z.number(), notAwarded: z.number(), certificates: z.number(), publishedAt: z.number() });
export type PublishResult = z.infer<typeof PublishResultSchema>;

/** A change after publication: the new tier (null: no award) and the reason shown publicly. */
export const CorrectionRequestSchema = z.strictObject({
  applicationId: IdSchema,
  toTierId: z.string().max(64).nullable(),
  /** Checked by the service, so a missing reason is a field error with its own message. */
  reason: z.string().max(1000).optional(),
});
export type CorrectionRequest = z.infer<typeof CorrectionRequestSchema>;

export const CorrectionResultSchema = z.object({ revoked: z.array(z.string()), issued: z.string().nullable() });

export const PublicationProgramParamsSchema = z.strictObject({ programId: IdSchema });
