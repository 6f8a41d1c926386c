import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Segmented, Skeleton, Space, Table, Typography } from 'antd';
import { jobsApi, type AdminJob, type JobStatus } from '../api/jobs.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorPage, useErrorText } from '../shell/api-error.tsx';
import { formatDateTime } from '../shell/shanghai.ts';
import { useLoad } from '../shell/use-load.ts';
import '../i18n/jobs.ts';

const statuses: JobStatus[] = ['dead', 'queued', 'running', 'succeeded'];

/** /admin/jobs — the platform admin's view of the job queue: dead letters first, queued again or discarded (audited). */
export default function JobsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const text = useErrorText();
  const [status, setStatus] = useState<JobStatus>('dead');
  const [more, setMore] = useState<AdminJob[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [load, reload] = useLoad(() => jobsApi.list({ status }), [status]);

  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 8 }} />;
  if (load.state === 'error') return <ApiErrorPage error={load.error} onRetry={reload} />;
  const items = [...load.data.items, ...more];
  const refresh = () => { setMore([]); reload(); };

  const act = async (job: AdminJob, action: 'retry' | 'discard') => {
    setBusy(job.id);
    try {
      if (action === 'retry') await jobsApi.retry(job.id);
      else await jobsApi.discard(job.id);
      message.success(t(action === 'retry' ? 'jobs.retried' : 'jobs.discarded'));
      refresh();
    } catch (e) {
      message.error(text(e));
    } finally {
      setBusy(null);
    }
  };
  const loadMore = async () => {
    const last = items.at(-1);
    if (!last) return;
    try {
      const next = await jobsApi.list({ status, before: last.updatedAt });
      setMore((m) => [...m, ...next.items]);
    } catch (e) {
      message.error(text(e));
    }
  };

  return (
    <Card title={t('jobs.title')} data-testid="jobs-page" extra={<Button onClick={refresh} data-testid="jobs-refresh">{t('jobs.refresh')}</Button>}>
      <Alert type="info" showIcon title={t('jobs.hint')} style={{ marginBottom: 12 }} />
      <Segmented<JobStatus> value={status} data-testid="jobs-status" style={{ marginBottom: 12 }}
        onChange={(s) => { setMore([]); setStatus(s); }}
        options={statuses.map((s) => ({ value: s, label: `${t(`job.${s}`)} (${load.data.counts[s]})` }))} />
      <Table<AdminJob> rowKey="id" dataSource={items} pagination={false} size="small" locale={{ emptyText: t('jobs.empty') }} scroll={{ x: true }}
        onRow={(j) => ({ 'data-testid': 'job-row', 'data-kind': j.kind } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('jobs.kind'), dataIndex: 'kind', width: 140 },
          { title: t('jobs.summary'), dataIndex: 'summary' },
          { title: t('jobs.attempts'), width: 90, render: (_, j) => `${j.attempts} / ${j.maxAttempts}` },
          { title: t('jobs.error'), dataIndex: 'error', render: (e: string | null) => (e ? <Typography.Text type="danger" style={{ whiteSpace: 'pre-wrap' }}>{e}</Typography.Text> : '—') },
          { title: status === 'queued' ? t('jobs.runAt') : t('jobs.updatedAt'), width: 170, render: (_, j) => formatDateTime(status === 'queued' ? j.runAt : j.updatedAt) },
          ...(status === 'dead' ? [{
            title: t('jobs.actions'), width: 190, render: (_: unknown, j: AdminJob) => (
              <Space>
                <Button size="small" type="primary" loading={busy === j.id} onClick={() => void act(j, 'retry')} data-testid="job-retry">{t('jobs.retry')}</Button>
                <Popconfirm title={t('jobs.discardConfirm')} onConfirm={() => void act(j, 'discard')}>
                  <Button size="small" danger disabled={busy === j.id} data-testid="job-discard">{t('jobs.discard')}</Button>
                </Popconfirm>
              </Space>
            ),
          }] : []),
        ]} />
      {load.data.items.length >= 50 && <Button style={{ marginTop: 12 }} onClick={() => void loadMore()}>{t('jobs.more')}</Button>}
    </Card>
  );
}
