import type { NotifyMessages } from './notify.zh-CN.ts';

export const notifyEn: NotifyMessages = {
  'bell.title': 'Notifications',
  'bell.unread': '{n} unread',
  'bell.empty': 'No notifications',
  'bell.readAll': 'Mark all read',
  'bell.open': 'Open',
  'bell.markRead': 'Mark read',
  'bell.loadMore': 'Load more',
  'bell.failed': 'Could not load notifications',
};
