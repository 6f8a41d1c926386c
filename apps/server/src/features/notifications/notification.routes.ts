import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { NotificationListSchema, NotificationParamsSchema, NotificationQuerySchema, UnreadCountSchema } from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { requireActor } from '../../http/session.hooks.ts';
import { listMyNotifications, myUnreadCount, readAllNotifications, readNotification } from './notification.service.ts';

export function notificationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  r.get('/api/notifications', { schema: { tags, summary: 'My notifications, newest first', querystring: NotificationQuerySchema, response: { 200: NotificationListSchema } } }, async (req) =>
    listMyNotifications(deps, requireActor(req), req.query));

  r.get('/api/notifications/unread-count', { schema: { tags, summary: 'How many of mine are unread', response: { 200: UnreadCountSchema } } }, async (req) =>
    myUnreadCount(deps, requireActor(req)));

  r.post('/api/notifications/:notificationId/read', { schema: { tags, summary: 'Mark one of mine read', params: NotificationParamsSchema, response: { 200: UnreadCountSchema } } }, async (req) =>
    readNotification(deps, requireActor(req), req.params.notificationId));

  r.post('/api/notifications/read-all', { schema: { tags, summary: 'Mark all of mine read', response: { 200: UnreadCountSchema } } }, async (req) =>
    readAllNotifications(deps, requireActor(req)));
}
