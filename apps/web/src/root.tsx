import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, theme as antdTheme, type ThemeConfig } from 'antd';
import type { Locale } from 'antd/es/locale';
// The ES module build of the locale (antd/locale/* is CommonJS and drags CommonJS copies of the
// pickers' locales into the first chunk); English is fetched only when someone picks it.
import zhCN from 'antd/es/locale/zh_CN';
import { BrowserRouter } from 'react-router-dom';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import { SessionProvider, useSession } from './session/session.tsx';
import { PageSpinner } from './shell/app-shell.tsx';
import { AppRoutes } from './routes.tsx';

export const lvTheme: ThemeConfig = {
  algorithm: antdTheme.defaultAlgorithm,
  token: {
    colorPrimary: '#1f8f4e',
    colorLink: '#1f8f4e',
    borderRadius: 8,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', headerHeight: 60, footerBg: 'transparent' },
  },
};

// Only when the session cannot be read (antd's Result and its illustrations are a chunk of their own).
const SessionError = lazy(() => import('./shell/session-error.tsx'));

function useAntdLocale(): Locale {
  const { lang } = useI18n();
  const [en, setEn] = useState<Locale | null>(null);
  useEffect(() => {
    if (lang === 'en' && !en) void import('antd/es/locale/en_US').then((m) => setEn(m.default));
  }, [lang, en]);
  return lang === 'en' && en ? en : zhCN;
}

function Localized({ children }: { children: ReactNode }) {
  const locale = useAntdLocale();
  return (
    <ConfigProvider locale={locale} theme={lvTheme} button={{ autoInsertSpace: false }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** Nothing renders until we know who is asking: guards must not redirect on a guess. */
function SessionGate() {
  const { status, refresh } = useSession();
  if (status === 'loading') return <PageSpinner />;
  if (status === 'error') {
    return (
      <Suspense fallback={<PageSpinner />}>
        <SessionError onRetry={() => void refresh()} />
      </Suspense>
    );
  }
  return <AppRoutes />;
}

export function Root() {
  return (
    <I18nProvider>
      <Localized>
        <SessionProvider>
          <BrowserRouter>
            <SessionGate />
          </BrowserRouter>
        </SessionProvider>
      </Localized>
    </I18nProvider>
  );
}
