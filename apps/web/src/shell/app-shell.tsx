import { lazy, Suspense, useEffect, useMemo, type ReactNode } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router-dom';
import { App, Button, Layout, Menu, Space, Spin, type MenuProps } from 'antd';
import {
  AuditOutlined,
  CalendarOutlined,
  FileTextOutlined,
  FlagOutlined,
  HomeOutlined,
  ProjectOutlined,
  SettingOutlined,
  ShareAltOutlined,
  SolutionOutlined,
  TeamOutlined,
  TranslationOutlined,
} from '@ant-design/icons';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';
import { areasFor, selectedMenuKey, type AreaKey } from './areas.ts';
import './shell.css';

// The bell (its polling, drawer and messages) loads after the page, and only for a signed-in user.
const NotificationBell = lazy(() => import('../notifications/notification-bell.tsx'));
// The signed-in user's menu (antd's Dropdown and Avatar) likewise: a visitor never needs it.
const UserMenu = lazy(() => import('./user-menu.tsx'));

const areaIcons: Record<AreaKey, ReactNode> = {
  my: <FileTextOutlined />,
  admin: <SettingOutlined />,
  organizer: <ProjectOutlined />,
  review: <AuditOutlined />,
  recommender: <FlagOutlined />,
  expert: <SolutionOutlined />,
  committee: <TeamOutlined />,
  match: <ShareAltOutlined />,
  meetings: <CalendarOutlined />,
};

export function PageSpinner() {
  const { t } = useI18n();
  return (
    <div className="lv-page-spinner">
      <Spin size="large" description={t('app.loading')} />
    </div>
  );
}

function Logo() {
  return (
    <Link to="/" className="lv-logo" aria-label="绿评 lvping">
      <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
        <rect width="32" height="32" rx="7" fill="#1f8f4e" />
        <path d="M9 21c0-7 5-11 14-12-1 9-5 14-12 14l-2 2-1.5-1.5L9 21zm3-1c3-1 6-4 8-8-3 2-6 5-8 8z" fill="#fff" />
      </svg>
      {/* The brand's Chinese name, not a text to translate: tagged so it reads (and is read aloud) as Chinese. */}
      <span className="lv-logo-zh" lang="zh-CN">绿评</span>
      <span className="lv-logo-en">lvping</span>
    </Link>
  );
}

function LangSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Button
      type="text"
      icon={<TranslationOutlined />}
      data-testid="lang-switch"
      title={t('nav.langSwitchTitle')}
      lang={lang === 'zh-CN' ? 'en' : 'zh-CN'}
      // A click must not take the focus: the field that has it (an autofocused, untouched email box)
      // would blur, and the forms' on-blur validation would greet the reader with "required".
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}
    >
      {t('nav.langSwitch')}
    </Button>
  );
}

export function AppShell() {
  const { user, lost, acknowledgeLost } = useSession();
  const { t } = useI18n();
  const { message } = App.useApp();
  const location = useLocation();

  useEffect(() => {
    if (lost) {
      message.warning(t('nav.sessionLost'));
      acknowledgeLost();
    }
  }, [lost, acknowledgeLost, message, t]);

  // Until a one-time password is replaced there is nowhere else to go, so no areas are offered.
  const shown = useMemo(() => (user?.mustChangePassword ? [] : areasFor(user)), [user]);
  const menuItems: MenuProps['items'] = [
    { key: 'home', icon: <HomeOutlined />, label: <Link to="/">{t('nav.home')}</Link> },
    // Public to everyone, signed in or not: the catalog of green technologies and the posted needs.
    { key: 'catalog', label: <Link to="/catalog" data-testid="menu-catalog">{t('nav.catalog')}</Link> },
    { key: 'needs', label: <Link to="/needs" data-testid="menu-needs">{t('nav.needs')}</Link> },
    ...shown.map((a) => ({
      key: a.key,
      icon: areaIcons[a.key],
      label: (
        <Link to={a.path} data-testid={`nav-${a.key}`}>
          {t(a.label)}
        </Link>
      ),
    })),
  ];

  // A one-time password (the first admin's) must be replaced before anything else.
  if (user?.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }

  return (
    <Layout className="lv-layout">
      <Layout.Header className="lv-header">
        <Logo />
        <Menu
          mode="horizontal"
          className="lv-menu"
          items={menuItems}
          selectedKeys={[selectedMenuKey(location.pathname, shown)]}
          data-testid="main-menu"
        />
        <Space size={4} className="lv-header-right">
          <LangSwitch />
          {user && !user.mustChangePassword && (
            <Suspense fallback={null}>
              <NotificationBell />
            </Suspense>
          )}
          {user ? (
            <Suspense fallback={null}>
              <UserMenu />
            </Suspense>
          ) : (
            <>
              <Link to="/login" state={{ from: location }}>
                <Button type="text" data-testid="nav-login">
                  {t('nav.login')}
                </Button>
              </Link>
              <Link to="/register">
                <Button type="primary" data-testid="nav-register">
                  {t('nav.register')}
                </Button>
              </Link>
            </>
          )}
        </Space>
      </Layout.Header>
      <Layout.Content className="lv-content">
        <Suspense fallback={<PageSpinner />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      <Layout.Footer className="lv-footer">
        {t('app.footer')}
      </Layout.Footer>
    </Layout>
  );
}
