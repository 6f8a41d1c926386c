// The notification bell's messages: loaded with the bell (lazily, for signed-in users), never with the first page.
// notify.en.ts must match these keys.
export const notifyZhCN = {
  'bell.title': '通知',
  'bell.unread': '{n} 条未读',
  'bell.empty': '暂无通知',
  'bell.readAll': '全部标为已读',
  'bell.open': '查看',
  'bell.markRead': '标为已读',
  'bell.loadMore': '加载更多',
  'bell.failed': '通知加载失败',
} as const;

export type NotifyMessageKey = keyof typeof notifyZhCN;
export type NotifyMessages = Record<NotifyMessageKey, string>;
