import { useState } from 'react';
import { Alert, Button, Card, Input, Popconfirm, Space, Typography } from 'antd';
import type { ApplicationDetail } from '../api/applications.api.ts';
import { feedsApi } from '../api/feeds.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert, useErrorText } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import '../i18n/lifecycle.ts';

/** A fed application (推荐 from a program that feeds this one): its applicant confirms or declines. */
export function FeedConfirmCard({ detail, onChanged }: { detail: Pick<ApplicationDetail, 'id' | 'status'>; onChanged: (d: ApplicationDetail) => void }) {
  const { t } = useI18n();
  const text = useErrorText();
  const fed = detail.status === 'fed';
  const [load, reload] = useLoad(() => (fed ? feedsApi.ofApplication(detail.id) : Promise.resolve(null)), [detail.id, fed]);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<'confirm' | 'decline' | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!fed) return null;
  if (load.state === 'error') return <ApiErrorAlert error={load.error} title={t('fd.title')} onRetry={reload} />;
  const f = load.state === 'ok' ? load.data : null;
  if (!f || f.state !== 'pending') return null;
  const act = async (what: 'confirm' | 'decline') => {
    setBusy(what);
    setError(null);
    try {
      onChanged(what === 'confirm' ? await feedsApi.confirm(detail.id) : await feedsApi.decline(detail.id, reason.trim() || undefined));
    } catch (e) {
      setError(e);
      setBusy(null);
    }
  };
  return (
    <Card title={t('fd.title')} className="lv-block" data-testid="feed-confirm-card">
      <Typography.Paragraph>
        {t('fd.body', { source: f.sourceProgramName, number: f.sourceNumber, unit: f.unitName, target: f.targetProgramName, count: f.mappedFields.length })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('fd.opinion', { opinion: f.opinion })}</Typography.Paragraph>
      <Space wrap>
        <Popconfirm title={t('fd.confirmQ')} onConfirm={() => void act('confirm')} okText={t('fd.confirm')} cancelText={t('apply.cancel')}>
          <Button type="primary" loading={busy === 'confirm'} disabled={busy !== null} data-testid="feed-confirm">{t('fd.confirm')}</Button>
        </Popconfirm>
        <Input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('fd.reason')} maxLength={2000} style={{ width: 260 }} data-testid="feed-decline-reason" />
        <Button danger loading={busy === 'decline'} disabled={busy !== null} onClick={() => void act('decline')} data-testid="feed-decline">{t('fd.decline')}</Button>
      </Space>
      {error !== null && <Alert type="error" showIcon style={{ marginTop: 12 }} title={text(error)} data-testid="feed-error" />}
    </Card>
  );
}
