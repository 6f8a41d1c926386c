import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { App, Button, Result, Spin } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { isApiError } from '../../api/client.ts';

/** /register/confirm?token=…: the emailed sign-up link. Creates the account, signs in, continues. */
export default function RegisterConfirmPage() {
  const { t, lang } = useI18n();
  const { confirmRegistration } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [failure, setFailure] = useState<string | null>(token ? null : t('register.confirmFailed'));
  // The token works once: React's development double effect must not spend it twice.
  const sent = useRef(false);

  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    confirmRegistration(token).then(
      ({ me, next }) => {
        message.success(t('register.welcome', { name: me.displayName }));
        navigate(next ?? '/', { replace: true });
      },
      (e: unknown) => setFailure(isApiError(e) ? e.localized[lang] : t('register.confirmFailed')),
    );
  }, [token, confirmRegistration, navigate, message, t, lang]);

  if (failure) {
    return (
      <Result
        status="warning"
        title={t('register.confirmFailed')}
        subTitle={failure}
        data-testid="register-confirm-failed"
        extra={<Link to="/register"><Button type="primary">{t('register.confirmAgain')}</Button></Link>}
      />
    );
  }
  return <Result icon={<Spin />} title={t('register.confirming')} />;
}
