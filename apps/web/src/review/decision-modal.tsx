import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, type ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { ScreeningDecisionRequestSchema } from '@lvping/domain/screening/screening.schema.ts';
import { isApiError } from '../api/client.ts';
import { screeningApi, type Decision, type ScreeningOutcome, type ScreeningView } from '../api/screening.api.ts';
import { clearChanged } from '../forms/clear-changed.ts';
import { useFormErrors } from '../forms/use-form-errors.ts';
import { zodRule } from '../forms/zod-form.ts';
import { useI18n } from '../i18n/i18n.tsx';

const [passOption, failOption, returnOption] = ScreeningDecisionRequestSchema.options;
const [passShape, failShape, returnShape] = [passOption.shape, failOption.shape, returnOption.shape];
const fieldNames = ['note', 'reason', 'comments', 'resubmitBy'] as const;
const titles = { pass: 'sc.passTitle', fail: 'sc.failTitle', return: 'sc.returnTitle' } as const;

type Props = {
  view: ScreeningView;
  outcome: ScreeningOutcome;
  /** Organizers may set a new deadline with a return. */
  mayExtend: boolean;
  onDone: (v: ScreeningView) => void;
  onStale: () => void;
  onClose: () => void;
};

/** The decision's own form: a note (required when a rule failed), a reason (≥5), or comments and an optional new deadline. */
export function DecisionModal({ view, outcome, mayExtend, onDone, onStale, onClose }: Props) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm();
  const errors = useFormErrors(form, fieldNames);
  const [busy, setBusy] = useState(false);
  const ruleFailed = view.ruleSummary.fail > 0;

  const submit = async () => {
    errors.clear();
    let v: Record<string, unknown>;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const text = (k: string) => String(v[k] ?? '').trim();
    const body: Decision =
      outcome === 'pass'
        ? { outcome, baseRevision: view.revision, ...(text('note') ? { note: text('note') } : {}) }
        : outcome === 'fail'
          ? { outcome, baseRevision: view.revision, reason: text('reason') }
          : { outcome, baseRevision: view.revision, comments: text('comments'), ...(v.resubmitBy ? { resubmitBy: (v.resubmitBy as Dayjs).format('YYYY-MM-DD HH:mm') } : {}) };
    setBusy(true);
    try {
      onDone(await screeningApi.decide(view.applicationId, body));
    } catch (e) {
      if (isApiError(e) && (e.code === 'STALE_REVISION' || e.code === 'CONFLICT') && e.fields.length === 0) onStale();
      errors.show(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t(titles[outcome])}
      okText={t('sc.confirm')}
      cancelText={t('apply.cancel')}
      cancelButtonProps={{ 'data-testid': 'decision-cancel' } as ButtonProps}
      okButtonProps={{ danger: outcome === 'fail', loading: busy, 'data-testid': 'decision-confirm' } as ButtonProps}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="decision-modal"
    >
      {errors.formError && <Alert type="error" showIcon title={errors.formError} style={{ marginBottom: 12 }} data-testid="decision-error" data-code={errors.formErrorCode ?? undefined} />}
      <Form form={form} layout="vertical" onValuesChange={(changed) => {
          errors.clear();
          clearChanged(form, changed);
        }}>
        {outcome === 'pass' && (
          <Form.Item
            name="note"
            label={ruleFailed ? t('sc.passNoteRequired') : t('sc.passNoteOptional')}
            rules={[...(ruleFailed ? [{ required: true, whitespace: true, message: t('sc.passNote') }] : []), zodRule(passShape.note, lang)]}
          >
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} showCount data-testid="decision-note" />
          </Form.Item>
        )}
        {outcome === 'fail' && (
          <Form.Item name="reason" label={t('sc.failReason')} extra={t('sc.failHint')} rules={[zodRule(failShape.reason, lang)]}>
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} showCount data-testid="decision-reason" />
          </Form.Item>
        )}
        {outcome === 'return' && (
          <>
            <Form.Item name="comments" label={t('sc.returnComments')} extra={t('sc.returnHint')} rules={[zodRule(returnShape.comments, lang)]}>
              <Input.TextArea autoSize={{ minRows: 4 }} maxLength={5000} showCount data-testid="decision-comments" />
            </Form.Item>
            {mayExtend && (
              <Form.Item name="resubmitBy" label={t('sc.resubmitBy')} extra={t('sc.resubmitByHint')}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 240 }} data-testid="decision-resubmit-by" />
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
