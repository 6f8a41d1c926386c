import { Alert } from 'antd';
import { useLocation } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n.tsx';

/** Why a page sent the person to sign in (router state `reason`); only 在线申报 gives one today. */
export type SignInReason = { kind: 'apply'; track: string; trackEn?: string };

/** The login and sign-up pages' note on why they were asked for, and where the person goes next. */
export function SignInReasonNote() {
  const { t, lang } = useI18n();
  const reason = (useLocation().state as { reason?: SignInReason } | null)?.reason;
  if (reason?.kind !== 'apply') return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="sign-in-reason"
      title={t('login.reasonApply', { track: lang === 'en' && reason.trackEn ? reason.trackEn : reason.track })}
    />
  );
}
