import { z } from 'zod';
import { webhookEvents, type WebhookEvent } from './webhook-events.ts';

// Requests and responses of an organizer's webhook endpoints and their delivery log, and the
// body of each event as the receiver gets it (the OpenAPI document's `webhooks` are built from
// these, so what is documented is what is validated in the tests).

const IdSchema = z.string().min(1).max(100);

export const WebhookEventSchema = z.enum(webhookEvents);

/** Only the form of the URL here: whether its host may be called is the server's (config, SSRF). */
const UrlSchema = z.string().trim().min(1).max(2000).refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), {
  message: '请输入完整的网址，以 https:// 开头', params: { en: 'Enter a full URL starting with https://' },
});
const EventsSchema = z.array(WebhookEventSchema).min(1).max(webhookEvents.length)
  .refine((a) => new Set(a).size === a.length, { message: '事件不能重复', params: { en: 'An event is listed twice' } });

export const WebhookProgramParamsSchema = z.strictObject({ programId: IdSchema });
export const WebhookEndpointParamsSchema = z.strictObject({ programId: IdSchema, endpointId: IdSchema });
export const WebhookDeliveryParamsSchema = z.strictObject({ programId: IdSchema, endpointId: IdSchema, deliveryId: IdSchema });

export const CreateWebhookEndpointSchema = z.strictObject({ url: UrlSchema, events: EventsSchema });
export type CreateWebhookEndpoint = z.infer<typeof CreateWebhookEndpointSchema>;
export const UpdateWebhookEndpointSchema = z.strictObject({ url: UrlSchema.optional(), events: EventsSchema.optional(), active: z.boolean().optional() });
export type UpdateWebhookEndpoint = z.infer<typeof UpdateWebhookEndpointSchema>;

export const webhookDeliveryStatuses = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

export const WebhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(WebhookEventSchema),
  active: z.boolean(),
  createdAt: z.number(),
  /** The secret's last four characters, to tell which one a receiver holds. */
  secretHint: z.string(),
  counts: z.object({ pending: z.number(), delivered: z.number(), failed: z.number() }),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

export const WebhookEndpointListSchema = z.object({ events: z.array(WebhookEventSchema), endpoints: z.array(WebhookEndpointSchema) });
export type WebhookEndpointList = z.infer<typeof WebhookEndpointListSchema>;

/** Creation and rotation: the only answers that carry the secret. */
export const WebhookEndpointWithSecretSchema = z.object({ endpoint: WebhookEndpointSchema, secret: z.string() });
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecretSchema>;

export const WebhookDeliverySchema = z.object({
  id: z.string(),
  event: WebhookEventSchema,
  status: z.enum(webhookDeliveryStatuses),
  attempts: z.number().int(),
  createdAt: z.number(),
  /** When the next attempt is due (pending only). */
  nextAttemptAt: z.number().nullable(),
  deliveredAt: z.number().nullable(),
  /** The receiver's HTTP status on the last attempt; null when it never answered. */
  lastStatus: z.number().nullable(),
  lastError: z.string().nullable(),
  payload: z.string(),
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

export const WebhookDeliveryQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Older than this creation time (epoch ms): the next page. */
  before: z.coerce.number().int().min(0).optional(),
});
export const WebhookDeliveryListSchema = z.object({ items: z.array(WebhookDeliverySchema) });

// --- The bodies the receiver gets -------------------------------------------------------

const AppRef = { applicationId: z.string(), number: z.string(), trackId: z.string() };
const AppRefSchema = z.object(AppRef);

/** Each event's `data`. The outcome events are written by decision/outcome-approved.ts and publication/publish.service.ts. */
export const webhookEventDataSchemas = {
  'application.submitted': z.object({ ...AppRef, status: z.string().describe('submitted, or endorsed for an endorsed application resubmitted after a return'), resubmission: z.boolean(), submittedAt: z.number() }),
  'application.endorsed': z.object({ ...AppRef, unitId: z.string(), unitName: z.string(), endorsedAt: z.number() }),
  'application.screened': z.object({
    ...AppRef,
    outcome: z.enum(['pass', 'fail']),
    status: z.string().describe('the application status after screening: eligible, or ineligible'),
    versionNo: z.number().int(),
    screenedAt: z.number(),
  }),
  'review.round_result': z.object({
    roundId: z.string(), roundName: z.string(), nextRoundId: z.string(), nextRoundName: z.string(),
    advanced: z.array(AppRefSchema), eliminated: z.array(AppRefSchema), decidedAt: z.number(),
  }),
  'outcome.decided': z.object({
    status: z.literal('approved'),
    /** Which submission to the committee was approved (0 when the organizer finalized without one). */
    submission: z.number().int(),
    approvedAt: z.number(),
    decisions: z.array(z.object({ ...AppRef, tierId: z.string().nullable(), tierName: z.string() })),
  }),
  'outcome.published': z.object({ publishedAt: z.number(), awarded: z.number().int(), notAwarded: z.number().int(), certificates: z.number().int(), resultsUrl: z.string() }),
} satisfies Record<WebhookEvent, z.ZodType>;

/** The whole body of an event: an envelope around its data. `id` is the event's, the same on a redelivery. */
export const webhookBodySchema = <E extends WebhookEvent>(event: E) => z.object({
  id: z.string(),
  event: z.literal(event),
  programId: z.string(),
  occurredAt: z.iso.datetime(),
  data: webhookEventDataSchemas[event] as (typeof webhookEventDataSchemas)[E],
});
