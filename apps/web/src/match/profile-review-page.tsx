import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Descriptions, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { investmentStageNames, type MatchProfileStatus } from '@lvping/domain/match/match-profile.schema.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorPage, useErrorText } from '../shell/api-error.tsx';
import { ReasonModal } from '../shell/reason-modal.tsx';
import { formatDateTime } from '../shell/shanghai.ts';
import { useLoad } from '../shell/use-load.ts';
import { matchApi, type MatchProfileView } from './match.api.ts';
import { fieldName, ProfileStatusTag, regionName } from './match-shared.tsx';

/** /match/review — the catalog organizer reviews profiles: approve (grants the role) or reject with a reason. */
export default function ProfileReviewPage() {
  const { t, lang, pick } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [status, setStatus] = useState<MatchProfileStatus>('pending');
  const [rejecting, setRejecting] = useState<MatchProfileView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [load, reload] = useLoad(() => matchApi.queue(status), [status]);
  if (load.state === 'error') return <ApiErrorPage error={load.error} onRetry={reload} />;

  const approve = async (p: MatchProfileView) => {
    setBusy(p.id);
    try {
      await matchApi.review(p.id, 'approve');
      message.success(t('mt.approved'));
      reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card className="lv-block" title={t('mt.reviewTitle')} data-testid="match-review"
      extra={<Segmented value={status} onChange={(v) => setStatus(v as MatchProfileStatus)} data-testid="match-review-status"
        options={(['pending', 'approved', 'rejected', 'withdrawn'] as const).map((s) => ({ value: s, label: t(`mt.status.${s}`) }))} />}>
      <Typography.Paragraph type="secondary">{t('mt.reviewIntro')}</Typography.Paragraph>
      <List loading={load.state === 'loading'} dataSource={load.state === 'ok' ? load.data.items : []} locale={{ emptyText: <Empty description={t('mt.none')} /> }}
        renderItem={(p) => {
          const f = p.profile;
          return (
            <List.Item key={p.id} data-testid={`review-profile-${p.id}`}
              actions={[
                <Link key="m" to={`/match/profiles/${p.id}`}>{t('mt.previewMatches')}</Link>,
                ...(p.status === 'pending' ? [
                  <Button key="a" type="primary" size="small" loading={busy === p.id} onClick={() => approve(p)} data-testid={`review-approve-${p.id}`}>{t('mt.approve')}</Button>,
                  <Button key="r" danger size="small" onClick={() => setRejecting(p)} data-testid={`review-reject-${p.id}`}>{t('mt.reject')}</Button>,
                ] : []),
              ]}>
              <List.Item.Meta title={<Space>{p.orgName}<Tag color="green">{t(`mt.kind.${p.kind}`)}</Tag><ProfileStatusTag status={p.status} /></Space>}
                description={`${t('mt.applicant')}：${p.applicant.displayName}（${p.applicant.email}） · ${t('mt.submittedAt')} ${formatDateTime(p.updatedAt)}`} />
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('mt.contact')}>{f.contact.name} · {f.contact.phone} · {f.contact.email}</Descriptions.Item>
                <Descriptions.Item label={t('mt.fields')}>{f.fieldIds.map((x) => fieldName(x, lang)).join('、') || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('mt.regions')}>{f.regions.map(regionName).join('、') || t('mt.nationwide')}</Descriptions.Item>
                {f.kind === 'investor' && <Descriptions.Item label={t('mt.stages')}>{f.stages.map((s) => pick(investmentStageNames[s])).join('、')} · {t('mt.ticketRange', { min: f.ticketMin, max: f.ticketMax })}</Descriptions.Item>}
                {f.kind === 'bank' && <Descriptions.Item label={t('mt.products')}>{f.products.map((x) => `${x.name}（${t(`mt.productKind.${x.kind}`)}，${t('mt.amountRange', { min: x.amountMin, max: x.amountMax })}）`).join('；')}</Descriptions.Item>}
                {f.kind === 'buyer' && <Descriptions.Item label={t('mt.needText')}>{f.needText}</Descriptions.Item>}
                {f.description && <Descriptions.Item label={t('mt.description')}>{f.description}</Descriptions.Item>}
                {p.reviewNote && <Descriptions.Item label={t('mt.rejectNote')}>{p.reviewNote}</Descriptions.Item>}
              </Descriptions>
            </List.Item>
          );
        }} />
      {rejecting && (
        <ReasonModal title={t('mt.reject')} intro={rejecting.orgName} label={t('mt.rejectNote')} requiredMessage={t('mt.required')} danger okText={t('mt.reject')}
          testId="review-reject" errorText={errorText}
          onSubmit={async (note) => {
            await matchApi.review(rejecting.id, 'reject', note);
            message.success(t('mt.rejected'));
            setRejecting(null);
            reload();
          }}
          onClose={() => setRejecting(null)} />
      )}
    </Card>
  );
}
