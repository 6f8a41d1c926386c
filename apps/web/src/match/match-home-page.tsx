import { Link } from 'react-router-dom';
import { App, Button, Card, Empty, List, Popconfirm, Space, Typography } from 'antd';
import { matchProfileKinds } from '@lvping/domain/match/match-profile.schema.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert, useErrorText } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { matchApi } from './match.api.ts';
import { ProfileStatusTag } from './match-shared.tsx';

/** /match — my profiles (apply for one of each kind), my technologies and needs, each to its matches. */
export default function MatchHomePage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [load, reload] = useLoad(() => matchApi.mine(), []);
  const data = load.state === 'ok' ? load.data : null;
  const withdraw = async (id: string) => {
    try {
      await matchApi.withdraw(id);
      reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const missing = matchProfileKinds.filter((k) => !data?.profiles.some((p) => p.kind === k));
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="match-home">
      <Card className="lv-block" title={t('mt.homeTitle')}
        extra={<Space>
          <Link to="/match/interests"><Button data-testid="match-interests-link">{t('mt.interests')}</Button></Link>
          {data?.organizer && <Link to="/match/review"><Button data-testid="match-review-link">{t('mt.review')}</Button></Link>}
        </Space>}>
        <Typography.Paragraph type="secondary">{t('mt.homeIntro')}</Typography.Paragraph>
        {load.state === 'error' && <ApiErrorAlert error={load.error} title={t('mt.loadFailed')} onRetry={reload} />}
      </Card>
      <Card className="lv-block" title={t('mt.myProfiles')} loading={load.state === 'loading'}
        extra={<Space wrap>{missing.map((k) => (
          <Link key={k} to={`/match/apply/${k}`}><Button data-testid={`match-apply-${k}`}>{t('mt.apply', { kind: t(`mt.kind.${k}`) })}</Button></Link>
        ))}</Space>}>
        <List data-testid="match-profiles" locale={{ emptyText: <Empty description={t('mt.noProfiles')} /> }} dataSource={data?.profiles ?? []}
          renderItem={(p) => (
            <List.Item data-testid={`match-profile-${p.kind}`} actions={[
              p.status === 'approved' && <Link key="m" to={`/match/profiles/${p.id}`} data-testid={`match-profile-matches-${p.kind}`}>{t('mt.viewMatches')}</Link>,
              <Link key="e" to={`/match/apply/${p.kind}`} data-testid={`match-profile-edit-${p.kind}`}>{t('mt.edit')}</Link>,
              (p.status === 'approved' || p.status === 'pending') && (
                <Popconfirm key="w" title={t('mt.withdrawConfirm')} onConfirm={() => withdraw(p.id)}>
                  <Button type="link" danger size="small" data-testid={`match-profile-withdraw-${p.kind}`}>{t('mt.withdraw')}</Button>
                </Popconfirm>
              ),
            ].filter(Boolean)}>
              <List.Item.Meta
                title={<Space>{p.orgName}<Typography.Text type="secondary">{t(`mt.kind.${p.kind}`)}</Typography.Text><ProfileStatusTag status={p.status} testId={`match-profile-status-${p.kind}`} /></Space>}
                description={p.reviewNote ? t('mt.reviewNote', { note: p.reviewNote }) : undefined} />
            </List.Item>
          )} />
      </Card>
      <Card className="lv-block" title={t('mt.myEntries')} loading={load.state === 'loading'}>
        <List data-testid="match-entries" locale={{ emptyText: t('mt.none') }} dataSource={data?.entries.filter((x) => x.status === 'published') ?? []}
          renderItem={(x) => (
            <List.Item actions={[<Link key="m" to={`/match/entries/${x.entryId}`} data-testid={`match-entry-${x.entryId}`}>{t('mt.viewMatches')}</Link>]}>{x.name}</List.Item>
          )} />
      </Card>
      <Card className="lv-block" title={t('mt.myNeeds')} loading={load.state === 'loading'}>
        <List data-testid="match-needs" locale={{ emptyText: t('mt.none') }} dataSource={data?.needs.filter((x) => x.status === 'published') ?? []}
          renderItem={(x) => (
            <List.Item actions={[<Link key="m" to={`/match/needs/${x.needId}`} data-testid={`match-need-${x.needId}`}>{t('mt.viewMatches')}</Link>]}>{x.problem}</List.Item>
          )} />
      </Card>
    </Space>
  );
}
