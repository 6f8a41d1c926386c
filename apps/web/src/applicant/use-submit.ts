import { useState } from 'react';
import { App } from 'antd';
import type { ButtonProps } from 'antd';
import type { FieldError } from '@lvping/domain/errors.ts';
import type { FormTemplate } from '@lvping/domain/form/form-template.schema.ts';
import { applicationsApi, type ApplicationDetail } from '../api/applications.api.ts';
import { isApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { loadValidator } from '../form-renderer/validation.ts';
import { formatEnd } from '../shell/shanghai.ts';

/** Scrolls to the first field marked invalid, once the marks are on screen. */
export function scrollToFirstError(): void {
  requestAnimationFrame(() => {
    const el = document.querySelector('.lv-field-invalid');
    el?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    (el?.querySelector('input, textarea, button') as HTMLElement | null)?.focus({ preventScroll: true });
  });
}

/** After a submission, brings the new status into view (the page is by then the read-only view, a render later). */
function scrollToStatus(): void {
  requestAnimationFrame(() => requestAnimationFrame(() => {
    document.querySelector('[data-testid="application-status"]')?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }));
}

/** Whether an error's path (or a field above it) is on screen; the others are listed above the form. */
export function isPlaced(path: string): boolean {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) if (document.getElementById(`f-${parts.slice(0, n).join('.')}`)) return true;
  return false;
}

type Args = {
  detail: ApplicationDetail;
  template: FormTemplate;
  answers: () => Record<string, unknown>;
  flush: () => Promise<boolean>;
  revision: () => number;
  onErrors: (errors: FieldError[]) => void;
  onSubmitted: (detail: ApplicationDetail) => void;
  onStale: () => void;
};

/**
 * 提交: save what is pending, check the answers as the server will (so the person sees every
 * problem at once without a round trip), confirm (承诺申明, deadline), then submit. The server's
 * field errors are shown by path and the page scrolls to the first.
 */
export function useSubmit({ detail, template, answers, flush, revision, onErrors, onSubmitted, onStale }: Args) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const send = async () => {
    setBusy(true);
    try {
      const next = await applicationsApi.submit(detail.id, revision());
      message.success(t('submit.done'));
      onSubmitted(next);
      scrollToStatus();
    } catch (e) {
      if (isApiError(e) && e.fields.length) {
        onErrors(e.fields);
        scrollToFirstError();
      } else if (isApiError(e) && e.code === 'STALE_REVISION') onStale();
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    setError(null);
    setBusy(true);
    const saved = await flush();
    const validate = await loadValidator();
    const result = validate(template, answers(), { mode: 'submit' });
    setBusy(false);
    if (!result.ok) {
      onErrors(result.errors);
      message.error(t('submit.incomplete', { n: result.errors.length }));
      scrollToFirstError();
      return;
    }
    if (!saved) return message.error(t('submit.saveFirst'));
    modal.confirm({
      title: t('submit.confirmTitle'),
      content: t('submit.confirmText', { deadline: formatEnd(detail.deadline) }),
      okText: t('submit.confirmOk'),
      cancelText: t('submit.confirmCancel'),
      okButtonProps: { 'data-testid': 'submit-confirm' } as ButtonProps,
      onOk: () => send(),
    });
  };

  return { submit, busy, error };
}
