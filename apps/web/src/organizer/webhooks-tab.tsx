import { useState } from 'react';
import { App, Alert, Button, Card, Collapse, Empty, Popconfirm, Skeleton, Space, Tag, Typography, type ButtonProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { webhookEventNames } from '@lvping/domain/webhook/webhook-events.ts';
import type { ProgramDetail } from '../api/programs.api.ts';
import { webhooksApi, type WebhookEndpoint, type WebhookEvent } from '../api/webhooks.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import '../i18n/webhooks.ts';
import { ApiErrorAlert, useErrorText } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { WebhookDeliveries } from './webhooks-deliveries.tsx';
import { WebhookForm } from './webhooks-form.tsx';
import { WebhookSecret } from './webhooks-secret.tsx';

// The receiver's check, as the README gives it.
const verifySnippet = `import { createHmac, timingSafeEqual } from 'node:crypto';

// rawBody: the request body exactly as received (a string), before any JSON parsing
function verify(secret, rawBody, headers) {
  const { t, v1 } = Object.fromEntries(headers['x-lvping-signature'].split(',').map((p) => p.split('=')));
  if (Math.abs(Date.now() / 1000 - Number(t)) > 300) return false; // older than 5 minutes
  const expected = createHmac('sha256', secret).update(\`\${t}.\${rawBody}\`).digest();
  const given = Buffer.from(v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}`;

/** 推送: the program's webhook endpoints, each with its delivery log; the secret shown once; how receivers verify. */
export function WebhooksTab({ program }: { program: ProgramDetail }) {
  const { t, pick } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const programId = program.id;
  const [load, reload] = useLoad(() => webhooksApi.list(programId), [programId]);
  const [editing, setEditing] = useState<WebhookEndpoint | 'new' | null>(null);
  const [secret, setSecret] = useState<string | null>(null);

  const act = async (run: () => Promise<unknown>) => {
    try {
      await run();
      reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const submit = async (v: { url: string; events: WebhookEvent[] }) => {
    if (editing === 'new') setSecret((await webhooksApi.create(programId, v)).secret);
    else if (editing) await webhooksApi.update(programId, editing.id, v);
    setEditing(null);
    reload();
  };

  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 4 }} />;
  if (load.state === 'error') return <ApiErrorAlert error={load.error} title={t('wh.loadFailed')} onRetry={() => reload()} />;
  const endpoints = load.data.endpoints;

  return (
    <div data-testid="webhooks-tab">
      <Typography.Paragraph type="secondary">{t('wh.intro')}</Typography.Paragraph>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} className="lv-block" data-testid="webhook-add">{t('wh.add')}</Button>
      {!endpoints.length && <Empty description={t('wh.empty')} />}
      {endpoints.map((e) => (
        <Card
          key={e.id}
          size="small"
          className="lv-block"
          data-testid="webhook-endpoint"
          data-url={e.url}
          data-active={e.active}
          title={<Space wrap><Typography.Text code copyable>{e.url}</Typography.Text>{e.active ? <Tag color="success">{t('wh.active')}</Tag> : <Tag>{t('wh.disabled')}</Tag>}</Space>}
          extra={
            <Space wrap>
              <Button size="small" onClick={() => setEditing(e)} data-testid="webhook-edit">{t('wh.edit')}</Button>
              <Button size="small" onClick={() => void act(() => webhooksApi.update(programId, e.id, { active: !e.active }))} data-testid="webhook-toggle">
                {e.active ? t('wh.disable') : t('wh.enable')}
              </Button>
              <Popconfirm title={t('wh.rotateConfirm')} okButtonProps={{ 'data-testid': 'webhook-rotate-confirm' } as ButtonProps} onConfirm={() => void act(async () => setSecret((await webhooksApi.rotate(programId, e.id)).secret))}>
                <Button size="small" data-testid="webhook-rotate">{t('wh.rotate')}</Button>
              </Popconfirm>
              <Popconfirm title={t('wh.deleteConfirm')} okButtonProps={{ 'data-testid': 'webhook-delete-confirm' } as ButtonProps} onConfirm={() => void act(() => webhooksApi.remove(programId, e.id))}>
                <Button size="small" danger data-testid="webhook-delete">{t('wh.delete')}</Button>
              </Popconfirm>
            </Space>
          }
        >
          <Space wrap className="lv-block">
            {e.events.map((ev) => <Tag key={ev} title={ev}>{pick(webhookEventNames[ev])}</Tag>)}
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="webhook-counts">
            {t('wh.counts', e.counts)} · {t('wh.secretHint', { hint: e.secretHint })}
          </Typography.Paragraph>
          <Collapse size="small" items={[{ key: 'log', label: <span data-testid="webhook-log-open">{t('wh.log')}</span>, children: <WebhookDeliveries programId={programId} endpoint={e} onChanged={() => reload()} /> }]} />
        </Card>
      ))}
      <Card size="small" title={t('wh.verifyTitle')} className="lv-block">
        <Alert type="info" showIcon title={t('wh.verifyText')} className="lv-block" />
        <Typography.Paragraph copyable={{ text: verifySnippet }} style={{ marginBottom: 0 }}>
          <pre style={{ fontSize: 12, margin: 0, overflow: 'auto' }} data-testid="webhook-verify-snippet">{verifySnippet}</pre>
        </Typography.Paragraph>
      </Card>
      <WebhookForm open={editing !== null} endpoint={editing === 'new' ? null : editing} onSubmit={submit} onClose={() => setEditing(null)} />
      <WebhookSecret secret={secret} onClose={() => setSecret(null)} />
    </div>
  );
}
