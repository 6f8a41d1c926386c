import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { z } from 'zod';
import { webhookBodySchema, webhookEventNames, webhookEvents, webhookMaxAttempts, webhookRetryDelaysMs } from '@lvping/domain';

// The OpenAPI 3.1 `webhooks` of the document: each event's body as JSON Schema (from the same
// zod schemas the tests check deliveries against) and the headers that come with it.

const header = (name: string, description: string) => ({ name, in: 'header', required: true, description, schema: { type: 'string' } });

const retries = webhookRetryDelaysMs.map((ms) => (ms < 3600_000 ? `${ms / 60_000} min` : `${ms / 3600_000} h`)).join(', ');

type Webhooks = NonNullable<Extract<NonNullable<FastifyDynamicSwaggerOptions['openapi']>, { webhooks?: unknown }>['webhooks']>;

export function webhookDocs(): Webhooks {
  return Object.fromEntries(webhookEvents.map((event) => {
    const { $schema: _drop, ...schema } = z.toJSONSchema(webhookBodySchema(event), { target: 'draft-2020-12', io: 'output' });
    return [event, {
      post: {
        tags: ['webhooks'],
        operationId: `webhook.${event}`,
        summary: `${webhookEventNames[event]['zh-CN']} / ${webhookEventNames[event].en}`,
        description: `Sent to each active endpoint subscribed to \`${event}\`. Verify \`X-Lvping-Signature\` (HMAC-SHA256 of "<timestamp>.<raw body>" with the endpoint's secret) before trusting it; `
          + `deduplicate on the body's \`id\`. Any 2xx within 10 s counts as delivered; otherwise retried after ${retries} (${webhookMaxAttempts} attempts), then failed.`,
        parameters: [
          header('X-Lvping-Event', `The event name: ${event}`),
          header('X-Lvping-Delivery', 'The delivery id (the same on retries)'),
          header('X-Lvping-Timestamp', 'Unix seconds when this attempt was signed'),
          header('X-Lvping-Signature', 't=<timestamp>,v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>'),
        ],
        requestBody: { required: true, content: { 'application/json': { schema } } },
        responses: { '2XX': { description: 'Received. Anything else (or no answer within 10 s) is retried.' } },
      },
    }];
  })) as Webhooks;
}
