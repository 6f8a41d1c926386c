import { Button, Card, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { committeeApi } from '../api/decisions.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { statusName } from '../organizer/decision-shared.tsx';
import '../i18n/decision.ts';

/** /committee — the programs whose list I review, those awaiting me first. */
export default function CommitteeHomePage() {
  const { t, lang } = useI18n();
  const [load, reload] = useLoad(() => committeeApi.programs(), []);
  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 4 }} />;
  if (load.state === 'error') return <ApiErrorAlert error={load.error} title={t('cm.loadFailed')} onRetry={reload} />;
  const { items } = load.data;
  return (
    <Card className="lv-block" title={t('cm.title')} data-testid="committee-home">
      <Typography.Paragraph type="secondary">{t('cm.intro')}</Typography.Paragraph>
      {items.length === 0 ? <Empty description={t('cm.none')} /> : (
        <List dataSource={items} renderItem={(p) => (
          <List.Item data-testid="committee-program" data-program={p.programId} data-awaiting={p.awaitingMe}
            actions={[<Link key="open" to={`/committee/programs/${p.programId}`}><Button type={p.awaitingMe ? 'primary' : 'default'} data-testid="committee-open">{t('cm.open')}</Button></Link>]}>
            <List.Item.Meta
              title={<Space>{p.programName}{p.awaitingMe && <Tag color="red">{t('cm.awaiting')}</Tag>}</Space>}
              description={<Space wrap><Tag>{statusName(p.status, lang)}</Tag>{p.approvalName}{p.submission > 0 && t('dc.approvals', { n: p.approvals, required: p.approvalsRequired, submission: p.submission })}</Space>} />
          </List.Item>
        )} />
      )}
    </Card>
  );
}
