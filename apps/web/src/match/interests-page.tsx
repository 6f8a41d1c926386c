import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Segmented, Space, Table, Typography } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert, useErrorText } from '../shell/api-error.tsx';
import { formatDateTime } from '../shell/shanghai.ts';
import { useLoad } from '../shell/use-load.ts';
import { useSession } from '../session/session.tsx';
import { can } from '@lvping/domain/access/roles.ts';
import { matchApi, type InterestPair } from './match.api.ts';
import { CounterpartCard, InterestTag, TechnologyCard } from './match-shared.tsx';

/** /match/interests — the interests I sent and received; the other side's contact once both agree. */
export default function InterestsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const organizer = !!user && can({ userId: user.id, grants: user.grants }, 'catalog.manage');
  const [all, setAll] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [load, reload] = useLoad(() => matchApi.interests(all), [all]);
  const key = (p: InterestPair) => `${p.technology.entryId}:${p.counterpart.type}:${p.counterpart.id}`;
  const act = async (p: InterestPair, withdraw: boolean) => {
    setBusy(key(p));
    const req = { entryId: p.technology.entryId, counterpartType: p.counterpart.type, counterpartId: p.counterpart.id };
    try {
      const r = withdraw ? await matchApi.withdrawInterest(req) : await matchApi.express(req);
      if (!withdraw && r.interest.status === 'mutual') message.success(t('mt.mutualDone'));
      reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card className="lv-block" title={t('mt.inboxTitle')} data-testid="match-interests"
      extra={organizer && <Segmented value={all ? 'all' : 'mine'} onChange={(v) => setAll(v === 'all')} data-testid="match-interests-scope"
        options={[{ value: 'mine', label: t('mt.interests') }, { value: 'all', label: t('mt.inboxAll') }]} />}>
      <Typography.Paragraph type="secondary">{t('mt.inboxIntro')}</Typography.Paragraph>
      {load.state === 'error' && <ApiErrorAlert error={load.error} title={t('mt.loadFailed')} onRetry={reload} />}
      <Table<InterestPair> rowKey={key} loading={load.state === 'loading'} dataSource={load.state === 'ok' ? load.data.items : []} pagination={false}
        locale={{ emptyText: <Empty description={t('mt.none')} /> }}
        onRow={(_, i) => ({ 'data-testid': `interest-row-${i}` } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { key: 'tech', title: t('mt.technology'), render: (_, p) => <TechnologyCard tech={p.technology} /> },
          { key: 'cp', title: t('mt.counterpart'), render: (_, p) => <CounterpartCard c={p.counterpart} /> },
          { key: 'state', title: t('mt.state'), render: (_, p, i) => (
            <Space direction="vertical" size={4}>
              <InterestTag i={p.interest} mySide={p.mySide} testId={`interest-state-${i}`} />
              {p.introducedAt && <Typography.Text type="secondary">{formatDateTime(p.introducedAt)}</Typography.Text>}
            </Space>
          ) },
          { key: 'contact', title: t('mt.otherContact'), render: (_, p, i) => p.contact
            ? (
              <Descriptions size="small" column={1} data-testid={`interest-contact-${i}`}>
                <Descriptions.Item label={t('mt.orgName')}>{p.contact.organization}</Descriptions.Item>
                <Descriptions.Item label={t('mt.contactName')}>{p.contact.name}</Descriptions.Item>
                <Descriptions.Item label={t('mt.contactPhone')}>{p.contact.phone}</Descriptions.Item>
                <Descriptions.Item label={t('mt.contactEmail')}>{p.contact.email}</Descriptions.Item>
              </Descriptions>
            )
            : <Typography.Text type="secondary">{t('mt.contactHidden')}</Typography.Text> },
          { key: 'act', title: '', render: (_, p, i) => {
            if (!p.mySide) return null;
            const mine = p.mySide === 'technology' ? p.interest.technology : p.interest.counterpart;
            return mine
              ? <Button size="small" loading={busy === key(p)} onClick={() => act(p, true)} data-testid={`interest-withdraw-${i}`}>{t('mt.withdrawInterest')}</Button>
              : <Button size="small" type="primary" loading={busy === key(p)} onClick={() => act(p, false)} data-testid={`interest-express-${i}`}>{t('mt.express')}</Button>;
          } },
        ]} />
    </Card>
  );
}
