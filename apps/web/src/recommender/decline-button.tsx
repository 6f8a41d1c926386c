import { useState, type ReactNode } from 'react';
import { Alert, Button, Form, Input, Modal, type ButtonProps } from 'antd';
import { DeclineRequestSchema } from '@lvping/domain/recommendation/recommendation.schema.ts';
import { recommenderApi, type CandidateDetail } from '../api/recommendation.api.ts';
import { clearChanged } from '../forms/clear-changed.ts';
import { useFormErrors } from '../forms/use-form-errors.ts';
import { parseForm, zodRule } from '../forms/zod-form.ts';
import { useI18n } from '../i18n/i18n.tsx';

const fieldNames = ['reason'] as const;
type Done = (d: CandidateDetail) => void;

/** The dialog owns its form, so the form exists only while the dialog is open. */
function DeclineModal({ applicationId, onDone, onClose }: { applicationId: string; onDone: Done; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm();
  const errors = useFormErrors(form, fieldNames);
  const [busy, setBusy] = useState(false);

  const decline = async () => {
    errors.clear();
    const parsed = parseForm(DeclineRequestSchema, form.getFieldsValue());
    if ('fields' in parsed) return errors.showFields(parsed.fields);
    setBusy(true);
    try {
      onDone(await recommenderApi.decline(applicationId, parsed.data.reason));
      onClose();
    } catch (e) {
      errors.show(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('rec.declineTitle')}
      okText={t('rec.decline')}
      okButtonProps={{ danger: true, loading: busy, 'data-testid': 'decline-confirm' } as ButtonProps}
      cancelText={t('apply.cancel')}
      cancelButtonProps={{ 'data-testid': 'decline-cancel' } as ButtonProps}
      onOk={() => void decline()}
      onCancel={onClose}
      destroyOnHidden
    >
      {errors.formError && <Alert type="error" showIcon title={errors.formError} style={{ marginBottom: 12 }} data-testid="decline-error" />}
      <Form form={form} layout="vertical" onValuesChange={(changed) => {
          errors.clear();
          clearChanged(form, changed);
        }}>
        <Form.Item name="reason" label={t('rec.declineReason')} extra={t('rec.declineHint')} rules={[zodRule(DeclineRequestSchema.shape.reason, lang)]} validateTrigger="onBlur">
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={1000} showCount data-testid="decline-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 不予推荐: a reason is required (the applicant reads it). */
export function DeclineButton({ applicationId, onDone, icon }: { applicationId: string; onDone: Done; icon?: ReactNode }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button danger icon={icon} onClick={() => setOpen(true)} data-testid="decline">
        {t('rec.decline')}
      </Button>
      {open && <DeclineModal applicationId={applicationId} onDone={onDone} onClose={() => setOpen(false)} />}
    </>
  );
}
