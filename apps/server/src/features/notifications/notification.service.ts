import { AppError, type InAppNotification } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { countUnread, insertNotification, listNotificationsOf, markAllRead, markRead, type NotificationRow } from './notification.repository.ts';

// A notice reaches a user twice: in the app (written with the change it announces) and by
// email (a `mail` job, features/jobs/mail-job.ts enqueueMail: a slow or failing mail server
// never undoes the change nor holds up the request).

export type Notice = { userId: string; kind: string; title: string; body: string; link: string | null };

export async function addNotice(trx: Db, notice: Notice, now: number): Promise<void> {
  await insertNotification(trx, { id: newId(), user_id: notice.userId, kind: notice.kind, title: notice.title, body: notice.body, link: notice.link, created_at: now, read_at: null });
}

const toNotification = (r: NotificationRow): InAppNotification => ({
  id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: r.created_at, readAt: r.read_at,
});

export async function listMyNotifications(deps: Deps, actor: Actor, q: { unread?: '1' | '0'; limit: number; before?: number }) {
  const rows = await listNotificationsOf(deps.db, actor.userId, { unreadOnly: q.unread === '1', limit: q.limit, before: q.before });
  return { unread: await countUnread(deps.db, actor.userId), items: rows.map(toNotification) };
}

export async function myUnreadCount(deps: Deps, actor: Actor) {
  return { unread: await countUnread(deps.db, actor.userId) };
}

/** Someone else's notification id is a 404, like one that does not exist. */
export async function readNotification(deps: Deps, actor: Actor, id: string) {
  if (!(await markRead(deps.db, actor.userId, id, deps.now()))) throw new AppError('NOT_FOUND');
  return myUnreadCount(deps, actor);
}

export async function readAllNotifications(deps: Deps, actor: Actor) {
  await markAllRead(deps.db, actor.userId, deps.now());
  return myUnreadCount(deps, actor);
}
