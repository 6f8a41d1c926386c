import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { notificationsApi } from '../api/notifications.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import '../i18n/notify.ts';

const POLL_MS = 60_000;
// The list itself loads on the first click: every page of a signed-in user carries only the bell.
const NotificationDrawer = lazy(() => import('./notification-drawer.tsx').then((m) => ({ default: m.NotificationDrawer })));

/**
 * The header's bell with the unread count. It asks the server on every navigation and every
 * minute (not while the tab is hidden); the drawer lists the notifications and marks them read.
 */
export default function NotificationBell() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const live = useRef(true);

  const refresh = useCallback(async () => {
    try {
      const r = await notificationsApi.unreadCount();
      if (live.current) setUnread(r.unread);
    } catch {
      // A failed count keeps the last one; the next poll tries again.
    }
  }, []);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  useEffect(() => {
    void refresh();
  }, [pathname, refresh]);

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'hidden') void refresh();
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  return (
    <>
      <Badge count={unread} size="small" offset={[-6, 6]} data-testid="notification-count" data-count={unread}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={unread ? `${t('bell.title')} · ${t('bell.unread', { n: unread })}` : t('bell.title')}
          title={t('bell.title')}
          onClick={() => setOpen(true)}
          data-testid="notification-bell"
        />
      </Badge>
      {open && (
        <Suspense fallback={null}>
          <NotificationDrawer onClose={() => setOpen(false)} onUnread={setUnread} />
        </Suspense>
      )}
    </>
  );
}
