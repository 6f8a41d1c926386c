import { useState, type ReactNode } from 'react';
import { Alert, Form, Input, Modal, type ButtonProps } from 'antd';

/**
 * A modal that asks for a written reason (2–500 characters) and submits it; a refusal is shown
 * above the field and the modal stays open. Test ids: `${testId}-modal|-reason|-confirm|-error`.
 */
export function ReasonModal(props: {
  title: ReactNode;
  intro: ReactNode;
  label: string;
  requiredMessage: string;
  placeholder?: string;
  okText?: string;
  danger?: boolean;
  testId: string;
  errorText: (e: unknown) => ReactNode;
  onSubmit: (reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = props.testId;

  const submit = async () => {
    let reason: string;
    try {
      reason = (await form.validateFields()).reason.trim();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(reason);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      onOk={() => void submit()}
      onCancel={props.onClose}
      okButtonProps={{ danger: props.danger, loading: busy, 'data-testid': `${id}-confirm` } as ButtonProps}
      destroyOnHidden
      data-testid={`${id}-modal`}
    >
      {props.intro}
      {error !== null && <Alert type="error" showIcon title={props.errorText(error)} style={{ marginBottom: 12 }} data-testid={`${id}-error`} />}
      <Form form={form} layout="vertical" onValuesChange={() => setError(null)}>
        <Form.Item name="reason" label={props.label} rules={[{ required: true, whitespace: true, min: 2, message: props.requiredMessage }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={500} showCount placeholder={props.placeholder} data-testid={`${id}-reason`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
