import type { ReactNode } from 'react';
import { App as AntApp, Button, ConfigProvider, Result, theme as antdTheme, type ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
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

function Localized({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={lvTheme} button={{ autoInsertSpace: false }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** Nothing renders until we know who is asking: guards must not redirect on a guess. */
function SessionGate() {
  const { status, refresh } = useSession();
  const { t } = useI18n();
  if (status === 'loading') return <PageSpinner />;
  if (status === 'error') {
    return (
      <Result
        status="warning"
        title={t('app.sessionError')}
        subTitle={t('app.sessionErrorHint')}
        extra={
          <Button type="primary" onClick={() => void refresh()}>
            {t('app.retry')}
          </Button>
        }
      />
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
