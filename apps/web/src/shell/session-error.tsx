import { Button, Result } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';

// Its own chunk (root.tsx loads it only when the session cannot be read): antd's Result brings
// large SVG illustrations the first page should not carry.
export default function SessionError({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Result
      status="warning"
      title={t('app.sessionError')}
      subTitle={t('app.sessionErrorHint')}
      extra={
        <Button type="primary" onClick={onRetry}>
          {t('app.retry')}
        </Button>
      }
    />
  );
}
