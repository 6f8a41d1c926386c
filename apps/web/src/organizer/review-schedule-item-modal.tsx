import { useState, type ReactNode } from 'react';
import { Alert, App, Form, Modal, Typography, type ButtonProps, type FormInstance } from 'antd';
import type { RoundSchedule, ScheduleItem } from '../api/review-schedule-admin.api.ts';
import { clearChanged } from '../forms/clear-changed.ts';
import { useFormErrors } from '../forms/use-form-errors.ts';
import { useI18n } from '../i18n/i18n.tsx';

type Props<V> = {
  /** The stem of the test ids: `<testId>-modal`, `-save`, `-cancel`, `-error`. */
  testId: string;
  form: FormInstance;
  /** The form's fields, where the server's field errors go. */
  fields: readonly string[];
  title: string;
  item: ScheduleItem;
  initialValues: object;
  /** Saves the validated values; resolves to the schedule as the server now holds it. */
  save: (values: V) => Promise<RoundSchedule>;
  savedText: string;
  onClose: () => void;
  onDone: (s: RoundSchedule) => void;
  /** Shown under the application, above the form. */
  note?: ReactNode;
  /** The form's items. */
  children: ReactNode;
};

/**
 * A dialog that sets one application's visit or slot: the application, the form, and the notice
 * that saving tells those concerned. What the server refuses shows on its field, the rest above.
 */
export function ScheduleItemModal<V>({ testId, form, fields, title, item, initialValues, save, savedText, onClose, onDone, note, children }: Props<V>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errors = useFormErrors(form, fields);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    errors.clear();
    let v: V;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      const s = await save(v);
      void message.success(savedText);
      onDone(s);
    } catch (e) {
      errors.show(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      okText={t('sch.save')}
      cancelText={t('sch.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ loading: busy, 'data-testid': `${testId}-save` } as ButtonProps}
      cancelButtonProps={{ 'data-testid': `${testId}-cancel` } as ButtonProps}
      destroyOnHidden
    >
      <div data-testid={`${testId}-modal`}>
        <Typography.Paragraph type="secondary">
          {item.title} · {item.orgName}
        </Typography.Paragraph>
        {note}
        {errors.formError && <Alert type="error" showIcon title={errors.formError} style={{ marginBottom: 12 }} data-testid={`${testId}-error`} data-code={errors.formErrorCode ?? undefined} />}
        <Form
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onValuesChange={(changed) => {
            errors.clear();
            clearChanged(form, changed);
          }}
        >
          {children}
        </Form>
        <Typography.Text type="secondary">{t('sch.notifyHint')}</Typography.Text>
      </div>
    </Modal>
  );
}
