import { Alert, Button, Result } from 'antd';
import { isApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** The server's error in the current language (with its code, which helps when reporting it). */
export function useErrorText(): (e: unknown) => string {
  const { t, pick } = useI18n();
  return (e) => (isApiError(e) ? pick(e.localized) : t('error.unknown'));
}

/** A failed load, said plainly, with a retry. */
export function ApiErrorAlert({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const { t } = useI18n();
  const text = useErrorText();
  const code = isApiError(error) ? error.code : null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="api-error"
      data-code={code ?? undefined}
      title={title ?? text(error)}
      description={title ? text(error) : code && code !== 'NETWORK' ? t('error.code', { code, status: isApiError(error) ? error.status : 0 }) : undefined}
      action={onRetry && <Button onClick={() => onRetry()}>{t('app.retry')}</Button>}
    />
  );
}

/** A whole page that could not load: 404 reads as "not found", anything else as an error. */
export function ApiErrorPage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const text = useErrorText();
  const status = isApiError(error) ? error.status : 0;
  return (
    <Result
      status={status === 404 ? '404' : status === 403 ? '403' : 'warning'}
      title={status === 404 ? t('error.notFoundTitle') : status === 403 ? t('area.forbiddenTitle') : t('error.loadFailed')}
      subTitle={<span data-testid="api-error" data-code={isApiError(error) ? error.code : undefined}>{text(error)}</span>}
      extra={onRetry && <Button onClick={() => onRetry()}>{t('app.retry')}</Button>}
    />
  );
}
