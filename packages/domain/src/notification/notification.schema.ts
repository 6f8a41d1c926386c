import { z } from 'zod';

// In-app notifications: what the bell in the web app lists. The same events also go out by email.

export const notificationKinds = ['screening.returned', 'screening.ineligible', 'screening.passed'] as const;

export const NotificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** A path in the web app (/applications/…), never an outside address. */
  link: z.string().nullable(),
  createdAt: z.number(),
  readAt: z.number().nullable(),
});
export type InAppNotification = z.infer<typeof NotificationSchema>;

export const NotificationQuerySchema = z.strictObject({
  unread: z.enum(['1', '0']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  /** Older than this (epoch ms), for "load more". */
  before: z.coerce.number().int().positive().optional(),
});
export const NotificationListSchema = z.object({ unread: z.number().int(), items: z.array(NotificationSchema) });
export const UnreadCountSchema = z.object({ unread: z.number().int() });
export const NotificationParamsSchema = z.strictObject({ notificationId: z.string().min(1).max(100) });
