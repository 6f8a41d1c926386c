import { z } from 'zod';
import { CatalogBenefitSchema, CatalogFieldsSchema, catalogIpKinds } from './catalog-fields.schema.ts';
import { catalogEntryStatuses, catalogVersionStatuses } from './catalog-status.ts';

// Requests and responses of /api/catalog/* (owners and the catalog organizer, signed in) and
// /api/public/catalog/* (anyone: published versions only, never a contact).

const Id = z.string().min(1).max(100);
const Localized = z.object({ 'zh-CN': z.string(), en: z.string() });
const Reason = z.string().trim().min(2).max(1000);
const intParam = (min: number, max: number) => z.coerce.number().int().min(min).max(max).optional();
const numParam = z.coerce.number().finite().min(0).max(1e9).optional();

export const CatalogEntryParamsSchema = z.object({ entryId: Id });
export const CatalogVersionParamsSchema = z.object({ entryId: Id, version: z.coerce.number().int().min(1).max(100_000) });
export const CatalogProgramParamsSchema = z.object({ programId: Id });

export const CatalogSubmitSchema = z.strictObject({ fields: CatalogFieldsSchema });
export const CatalogReasonSchema = z.strictObject({ reason: Reason });
export const CatalogReviewSchema = z.strictObject({ note: z.string().trim().max(1000).optional() });
export const CatalogRejectSchema = z.strictObject({ note: Reason });

export const CatalogImportResultSchema = z.object({ added: z.number().int(), alreadyInCatalog: z.number().int() });

export const CatalogEventKinds = ['invited', 'opted_in', 'submitted', 'approved', 'rejected', 'suspended', 'retired', 'reinstated'] as const;
export const CatalogHistoryItemSchema = z.object({
  kind: z.enum(CatalogEventKinds),
  at: z.number(),
  version: z.number().nullable(),
  reason: z.string().nullable(),
});

export const CatalogVersionSchema = z.object({
  version: z.number(),
  status: z.enum(catalogVersionStatuses),
  /** The owner's working copy (a prefill may be incomplete), exactly as stored. */
  fields: z.record(z.string(), z.unknown()),
  submittedAt: z.number().nullable(),
  reviewedAt: z.number().nullable(),
  reviewNote: z.string().nullable(),
});

/** An entry as its owner and the catalog organizer see it: every version, the contact included. */
export const CatalogEntryDetailSchema = z.object({
  id: z.string(),
  status: z.enum(catalogEntryStatuses),
  statusReason: z.string().nullable(),
  organization: z.object({ id: z.string(), name: z.string(), regionCode: z.string() }),
  program: z.object({ id: z.string(), name: z.string() }).nullable(),
  publishedVersion: z.number().nullable(),
  /** The last version: what the owner edits next, or what is pending review. */
  latest: CatalogVersionSchema,
  versions: z.array(CatalogVersionSchema),
  history: z.array(CatalogHistoryItemSchema),
  /** The program's tracks, for the field choice beside the 2024 catalogue's fields. */
  tracks: z.array(z.object({ id: z.string(), name: z.string() })),
  canEdit: z.boolean(),
  canReview: z.boolean(),
});

export const CatalogEntrySummarySchema = z.object({
  id: z.string(),
  status: z.enum(catalogEntryStatuses),
  name: z.string(),
  organizationName: z.string(),
  programName: z.string().nullable(),
  publishedVersion: z.number().nullable(),
  /** The version waiting for review, if any. */
  pendingVersion: z.number().nullable(),
  updatedAt: z.number(),
});
export const CatalogEntryListSchema = z.object({ items: z.array(CatalogEntrySummarySchema) });
export const CatalogQueueQuerySchema = z.object({ status: z.enum([...catalogEntryStatuses, 'review']).optional() });

export const CatalogProgramListSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), publishedAt: z.number().nullable(), awarded: z.number(), inCatalog: z.number() })),
});

export const CatalogHighlightSchema = z.object({ text: z.string(), hit: z.boolean() });

export const CatalogSearchQuerySchema = z.object({
  q: z.string().max(200).optional(),
  field: z.string().max(100).optional(),
  region: z.string().regex(/^\d{2,6}$/).optional(),
  trlMin: intParam(1, 9),
  trlMax: intParam(1, 9),
  co2Min: numParam,
  energyMin: numParam,
  page: intParam(1, 10_000),
  pageSize: intParam(1, 50),
});
export type CatalogSearchQuery = z.infer<typeof CatalogSearchQuerySchema>;

export const CatalogSearchItemSchema = z.object({
  id: z.string(),
  name: z.array(CatalogHighlightSchema),
  snippet: z.array(CatalogHighlightSchema),
  fieldId: z.string(),
  fieldName: Localized,
  organizationName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  trl: z.number(),
  co2ReducedT: z.number().nullable(),
  energySavedTce: z.number().nullable(),
  score: z.number(),
});
export const CatalogSearchResultSchema = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(CatalogSearchItemSchema),
});

/**
 * An entry as anyone sees it: the approved version without its contact, and the history. A
 * suspended or retired entry shows only that, with the reason (no fields); any other is 404.
 */
export const CatalogPublicEntrySchema = z.object({
  id: z.string(),
  status: z.enum(['published', 'suspended', 'retired']),
  statusReason: z.string().nullable(),
  version: z.number().nullable(),
  /** When the shown version was approved. */
  approvedAt: z.number().nullable(),
  fields: z.strictObject({
    name: z.string(),
    fieldId: z.string(),
    scope: z.string(),
    process: z.string(),
    parameters: z.string(),
    // Response shapes without the input's defaults and transforms (a response is serialised, not parsed).
    benefits: z.object({ energySavedTce: z.number().nullable(), co2ReducedT: z.number().nullable(), others: z.array(CatalogBenefitSchema) }),
    cases: z.array(z.object({ name: z.string(), place: z.string(), year: z.number(), description: z.string() })),
    ip: z.object({ kind: z.enum(catalogIpKinds), detail: z.string() }),
    trl: z.number(),
  }).nullable(),
  fieldName: Localized.nullable(),
  organizationName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  programName: z.string().nullable(),
  history: z.array(CatalogHistoryItemSchema),
});
export type CatalogPublicEntry = z.infer<typeof CatalogPublicEntrySchema>;

/** A signed-in visitor asks the owner to get in touch; the owner gets the message, the visitor no contact. */
export const CatalogContactRequestSchema = z.strictObject({ message: z.string().trim().min(5).max(1000) });
export const CatalogFieldOptionsSchema = z.object({ items: z.array(z.object({ id: z.string(), name: Localized })) });
