import { useEffect, useState } from 'react';
import { Checkbox, Form, Input, Modal, Space, Typography, type ButtonProps } from 'antd';
import { webhookEventNames, webhookEvents } from '@lvping/domain/webhook/webhook-events.ts';
import { isApiError } from '../api/client.ts';
import type { WebhookEndpoint, WebhookEvent } from '../api/webhooks.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';

type Values = { url: string; events: WebhookEvent[] };
type Props = { open: boolean; endpoint: WebhookEndpoint | null; onSubmit: (v: Values) => Promise<void>; onClose: () => void };

/** The endpoint form: URL and events (Chinese name with the English one and the event's id). The server's field errors show on their fields. */
export function WebhookForm({ open, endpoint, onSubmit, onClose }: Props) {
  const { t, pick } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(endpoint ? { url: endpoint.url, events: endpoint.events } : { url: 'https://', events: [] });
  }, [open, endpoint, form]);

  const save = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
    } catch (e) {
      const fields = isApiError(e) ? e.fields : [];
      const known = fields.filter((f) => f.path === 'url' || f.path.startsWith('events'));
      if (known.length) form.setFields(known.map((f) => ({ name: f.path === 'url' ? 'url' : 'events', errors: [pick(f.message)] })));
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={endpoint ? t('wh.edit') : t('wh.add')}
      okText={t('wh.save')}
      cancelText={t('wh.cancel')}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'webhook-save' } as ButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="webhook-form">
        <Form.Item name="url" label={t('wh.url')} extra={t('wh.urlHint')} rules={[{ required: true, whitespace: true, message: t('wh.urlRequired') }]}>
          <Input data-testid="webhook-url" placeholder="https://example.com/lvping-webhook" autoComplete="off" />
        </Form.Item>
        <Form.Item name="events" label={t('wh.events')} rules={[{ required: true, type: 'array', min: 1, message: t('wh.eventsRequired') }]}>
          <Checkbox.Group style={{ width: '100%' }}>
            <Space orientation="vertical">
              {webhookEvents.map((e) => (
                <Checkbox key={e} value={e} data-testid={`webhook-event-${e}`}>
                  {webhookEventNames[e]['zh-CN']} <Typography.Text type="secondary">{webhookEventNames[e].en} · <code>{e}</code></Typography.Text>
                </Checkbox>
              ))}
            </Space>
          </Checkbox.Group>
        </Form.Item>
        {error && <Typography.Text type="danger" data-testid="webhook-form-error">{error}</Typography.Text>}
      </Form>
    </Modal>
  );
}
