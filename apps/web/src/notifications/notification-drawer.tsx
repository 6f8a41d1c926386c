import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Drawer, Empty, Skeleton, Space, Typography } from 'antd';
import { notificationsApi, type InAppNotification } from '../api/notifications.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { formatDateTime } from '../shell/shanghai.ts';
import { useLoad } from '../shell/use-load.ts';

type Props = { onClose: () => void; onUnread: (n: number) => void };
const PAGE = 30;

function Item({ n, onOpen, onRead }: { n: InAppNotification; onOpen: () => void; onRead: () => void }) {
  const { t } = useI18n();
  const unread = n.readAt === null;
  return (
    <div
      data-testid="notification-item"
      data-id={n.id}
      data-kind={n.kind}
      data-read={!unread}
      style={{ padding: '10px 8px', borderBottom: '1px solid #eef3f0', background: unread ? '#f3faf6' : undefined }}
    >
      <Typography.Text strong={unread}>{n.title}</Typography.Text>
      <div style={{ whiteSpace: 'pre-wrap', margin: '4px 0', color: '#4a5a50' }}>{n.body}</div>
      <Space size={4} wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(n.createdAt)}</Typography.Text>
        {n.link && (
          <Button type="link" size="small" onClick={onOpen} data-testid="notification-open">
            {t('bell.open')}
          </Button>
        )}
        {unread && (
          <Button type="link" size="small" onClick={onRead} data-testid="notification-read">
            {t('bell.markRead')}
          </Button>
        )}
      </Space>
    </div>
  );
}

/** The list behind the bell, newest first: opening one marks it read and follows its link. */
export function NotificationDrawer({ onClose, onUnread }: Props) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [load, reload, replace] = useLoad(() => notificationsApi.list(), []);
  const [more, setMore] = useState<InAppNotification[]>([]);
  const [busy, setBusy] = useState(false);
  const items = load.state === 'ok' ? [...load.data.items, ...more] : [];
  const unread = load.state === 'ok' ? load.data.unread : 0;

  const mark = (ids: string[] | 'all', count: number) => {
    const now = Date.now();
    const touch = (n: InAppNotification) => (ids === 'all' || ids.includes(n.id) ? { ...n, readAt: n.readAt ?? now } : n);
    if (load.state === 'ok') replace({ unread: count, items: load.data.items.map(touch) });
    setMore((m) => m.map(touch));
    onUnread(count);
  };

  const read = async (n: InAppNotification) => {
    if (n.readAt !== null) return;
    try {
      mark([n.id], (await notificationsApi.read(n.id)).unread);
    } catch {
      // Reading it still works; it stays unread and can be marked again.
    }
  };

  const open = async (n: InAppNotification) => {
    await read(n);
    if (n.link?.startsWith('/')) {
      onClose();
      navigate(n.link);
    }
  };

  const readAll = async () => {
    setBusy(true);
    try {
      mark('all', (await notificationsApi.readAll()).unread);
    } finally {
      setBusy(false);
    }
  };

  const loadMore = async () => {
    const last = items.at(-1);
    if (last) setMore([...more, ...(await notificationsApi.list(last.createdAt)).items]);
  };

  return (
    <Drawer
      open
      onClose={onClose}
      title={unread ? `${t('bell.title')} · ${t('bell.unread', { n: unread })}` : t('bell.title')}
      size={420}
      data-testid="notification-drawer"
      extra={
        <Button size="small" disabled={unread === 0} loading={busy} onClick={() => void readAll()} data-testid="notifications-read-all">
          {t('bell.readAll')}
        </Button>
      }
    >
      {load.state === 'loading' && <Skeleton active />}
      {load.state === 'error' && <ApiErrorAlert error={load.error} title={t('bell.failed')} onRetry={reload} />}
      {load.state === 'ok' && items.length === 0 && <Empty description={t('bell.empty')} />}
      {items.map((n) => (
        <Item key={n.id} n={n} onOpen={() => void open(n)} onRead={() => void read(n)} />
      ))}
      {items.length >= PAGE && items.length % PAGE === 0 && (
        <Button block style={{ marginTop: 12 }} onClick={() => void loadMore()} data-testid="notifications-more">
          {t('bell.loadMore')}
        </Button>
      )}
    </Drawer>
  );
}
