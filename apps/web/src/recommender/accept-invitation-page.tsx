import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Result, Space, Typography } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { inviteApi, type AcceptResult } from '../api/recommendation.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import '../i18n/recommend.ts';

/** /recommendation/accept?token= — a unit administrator signs in (with the invited address) and accepts. */
export default function AcceptInvitationPage() {
  const { t } = useI18n();
  const { user, refresh } = useSession();
  const location = useLocation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<AcceptResult | null>(null);

  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await inviteApi.accept(token);
      // The new recommender grant opens 推荐管理: read the session again so the menu shows it.
      await refresh();
      setDone(r);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Card data-testid="accept-done">
        <Result
          status="success"
          title={t('accept.doneTitle', { unit: done.unitName })}
          subTitle={t('accept.doneText', { program: done.programName })}
          extra={
            <Link to="/recommender">
              <Button type="primary" data-testid="accept-to-area">{t('accept.toArea')}</Button>
            </Link>
          }
        />
      </Card>
    );
  }

  return (
    <Card style={{ maxWidth: 560, margin: '24px auto' }} data-testid="accept-invitation">
      <Typography.Title level={3}>{t('accept.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('accept.text')}</Typography.Paragraph>
      {!token ? (
        <Alert type="error" showIcon title={t('accept.noToken')} data-testid="accept-no-token" />
      ) : !user ? (
        <Space wrap>
          <Link to="/login" state={{ from: location }}>
            <Button type="primary" data-testid="accept-sign-in">{t('accept.signIn')}</Button>
          </Link>
          <Link to="/register" state={{ from: location }}>
            <Button data-testid="accept-register">{t('accept.register')}</Button>
          </Link>
        </Space>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('accept.as', { email: user.email })}</Typography.Text>
          {error !== null && <ApiErrorAlert error={error} />}
          <Button type="primary" size="large" icon={<CheckCircleOutlined />} loading={busy} onClick={() => void accept()} data-testid="accept-invitation-button">
            {t('accept.button')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
