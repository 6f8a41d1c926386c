// The status events an organizer's endpoint may subscribe to, with what each body's `data`
// carries (webhook-api.schema.ts describes them for OpenAPI).
export const webhookEvents = [
  'application.submitted',
  'application.endorsed',
  'application.screened',
  'review.round_result',
  'outcome.decided',
  'outcome.published',
] as const;
export type WebhookEvent = (typeof webhookEvents)[number];
