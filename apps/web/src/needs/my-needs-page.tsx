import { Link } from 'react-router-dom';
import { Button, Card, Empty, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { can } from '@lvping/domain/access/roles.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { formatDateTime } from '../shell/shanghai.ts';
import { useLoad } from '../shell/use-load.ts';
import { needsApi, type NeedView } from './needs.api.ts';
import { fieldName, NeedStatusTag } from './need-shared.tsx';
import '../i18n/needs.ts';

/** /needs/mine — the needs I posted; the catalog organizer also finds the review queue here. */
export default function MyNeedsPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const [load, reload] = useLoad(() => needsApi.mine(), []);
  const reviewer = !!user && can({ userId: user.id, grants: user.grants }, 'catalog.manage');
  return (
    <Card className="lv-block" title={t('nd.mineTitle')} data-testid="my-needs"
      extra={<Space>
        {reviewer && <Link to="/needs/review"><Button data-testid="needs-review-link">{t('nd.reviewQueue')}</Button></Link>}
        <Link to="/needs/new"><Button type="primary" icon={<PlusOutlined />} data-testid="need-new">{t('nd.post')}</Button></Link>
      </Space>}>
      <Typography.Paragraph type="secondary">{t('nd.mineIntro')}</Typography.Paragraph>
      {load.state === 'error' && <ApiErrorAlert error={load.error} title={t('nd.loadFailed')} onRetry={reload} />}
      <Table<NeedView> rowKey="id" loading={load.state === 'loading'} dataSource={load.state === 'ok' ? load.data.items : []} pagination={false}
        locale={{ emptyText: <Empty description={t('nd.none')} /> }}
        columns={[
          { key: 'problem', title: t('nd.problem'), render: (_, n) => <Link to={`/needs/mine/${n.id}`} data-testid={`my-need-${n.id}`}>{n.fields.problem}</Link> },
          { key: 'field', title: t('nd.filterField'), render: (_, n) => fieldName(n.fields.fieldId, lang) },
          { key: 'status', title: t('nd.status'), render: (_, n) => <NeedStatusTag status={n.status} testId={`my-need-status-${n.id}`} /> },
          { key: 'deadline', title: t('nd.deadline'), render: (_, n) => n.fields.deadline },
          { key: 'updated', title: '', render: (_, n) => <Typography.Text type="secondary">{formatDateTime(n.updatedAt)}</Typography.Text> },
        ]} />
    </Card>
  );
}
