import { useState } from 'react';
import { Alert, Button, Space } from 'antd';
import { applicationsApi } from '../api/applications.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';

type Props = {
  applicationId: string;
  /** From the 409's details; null when the server did not say (then it is asked). */
  currentRevision: number | null;
  onReload: () => void;
  onOverwrite: (currentRevision: number) => Promise<boolean>;
};

/**
 * 此申报书已在其他窗口修改: saving stops until the person chooses to load the other version
 * (losing this page's edits) or to overwrite it with this page's — never decided silently.
 */
export function StaleNotice({ applicationId, currentRevision, onReload, onOverwrite }: Props) {
  const { t } = useI18n();
  const text = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const overwrite = async () => {
    setBusy(true);
    setError(null);
    try {
      const rev = currentRevision ?? (await applicationsApi.get(applicationId)).revision;
      await onOverwrite(rev);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Alert
      type="warning"
      showIcon
      className="lv-block"
      data-testid="stale-notice"
      title={t('stale.title')}
      description={
        <>
          <div>{t('stale.text')}</div>
          {error !== null && <div className="lv-error-text">{text(error)}</div>}
          <Space wrap style={{ marginTop: 12 }}>
            <Button onClick={onReload} data-testid="stale-reload">
              {t('stale.reload')}
            </Button>
            <Button type="primary" danger loading={busy} onClick={() => void overwrite()} data-testid="stale-overwrite">
              {t('stale.overwrite')}
            </Button>
          </Space>
        </>
      }
    />
  );
}
