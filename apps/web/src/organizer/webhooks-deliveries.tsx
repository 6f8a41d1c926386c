import { useState } from 'react';
import { App, Button, Space, Table, Tag, Typography } from 'antd';
import { ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { webhookEventNames } from '@lvping/domain/webhook/webhook-events.ts';
import { webhooksApi, type WebhookDelivery, type WebhookEndpoint } from '../api/webhooks.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert, useErrorText } from '../shell/api-error.tsx';
import { formatDateTime } from '../shell/shanghai.ts';
import { useLoad } from '../shell/use-load.ts';

const statusColor = { pending: 'blue', delivered: 'success', failed: 'error' } as const;

const pretty = (payload: string) => {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
};

/** One endpoint's delivery log, newest first: each row opens to its payload; delivered and failed ones can be sent again. */
export function WebhookDeliveries({ programId, endpoint, onChanged }: { programId: string; endpoint: WebhookEndpoint; onChanged: () => void }) {
  const { t, pick } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [load, reload] = useLoad(() => webhooksApi.deliveries(programId, endpoint.id), [programId, endpoint.id]);
  const [busy, setBusy] = useState<string | null>(null);

  const redeliver = async (d: WebhookDelivery) => {
    setBusy(d.id);
    try {
      await webhooksApi.redeliver(programId, endpoint.id, d.id);
      void message.success(t('wh.redelivered'));
      reload();
      onChanged();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  if (load.state === 'error') return <ApiErrorAlert error={load.error} onRetry={() => reload()} />;
  return (
    <div data-testid="webhook-deliveries">
      <Space className="lv-block">
        <Typography.Text strong>{t('wh.log')}</Typography.Text>
        <Button size="small" icon={<ReloadOutlined />} onClick={() => reload()} data-testid="webhook-deliveries-refresh">{t('wh.refresh')}</Button>
      </Space>
      <Table<WebhookDelivery>
        rowKey="id"
        size="small"
        loading={load.state === 'loading'}
        dataSource={load.state === 'ok' ? load.data.items : []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('wh.logEmpty') }}
        expandable={{ expandedRowRender: (d) => <pre style={{ maxHeight: 320, overflow: 'auto', margin: 0, fontSize: 12, whiteSpace: 'pre-wrap' }} data-testid="webhook-payload">{pretty(d.payload)}</pre> }}
        columns={[
          { key: 'event', title: t('wh.col.event'), render: (_, d) => <span title={d.event}>{pick(webhookEventNames[d.event])}</span> },
          { key: 'time', title: t('wh.col.time'), render: (_, d) => formatDateTime(d.createdAt) },
          { key: 'status', title: t('wh.col.status'), render: (_, d) => <Tag color={statusColor[d.status]} data-testid="webhook-delivery-status">{t(`wh.status.${d.status}`)}</Tag> },
          { key: 'attempts', title: t('wh.col.attempts'), dataIndex: 'attempts' },
          {
            key: 'last', title: t('wh.col.last'),
            render: (_, d) => (d.attempts === 0 ? '—' : d.lastError ? <Typography.Text type="danger" ellipsis={{ tooltip: d.lastError }} style={{ maxWidth: 260 }}>{d.lastStatus ?? t('wh.noAnswer')} · {d.lastError}</Typography.Text> : d.lastStatus),
          },
          { key: 'next', title: t('wh.col.next'), render: (_, d) => (d.nextAttemptAt ? formatDateTime(d.nextAttemptAt) : '—') },
          {
            key: 'actions', title: '',
            render: (_, d) => d.status !== 'pending' && endpoint.active && (
              <Button size="small" icon={<SendOutlined />} loading={busy === d.id} onClick={() => void redeliver(d)} data-testid="webhook-redeliver">{t('wh.redeliver')}</Button>
            ),
          },
        ]}
        onRow={(d) => ({ 'data-testid': 'webhook-delivery-row', 'data-status': d.status, 'data-event': d.event, 'data-attempts': d.attempts }) as object}
      />
    </div>
  );
}
