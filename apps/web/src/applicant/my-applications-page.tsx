import { Link } from 'react-router-dom';
import { Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { applicationStatusNames } from '@lvping/domain/application/application-api.schema.ts';
import { applicationsApi, type ApplicationSummary } from '../api/applications.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { formatDateTime } from '../shell/shanghai.ts';
import { applicationStatusColor } from '../shell/status.ts';
import { useLoad } from '../shell/use-load.ts';
import '../i18n/work.ts';

/** /my/applications — every application of the organizations I registered. */
export default function MyApplicationsPage() {
  const { t, pick } = useI18n();
  const [load, reload] = useLoad(() => applicationsApi.mine(), []);

  const columns: ColumnsType<ApplicationSummary> = [
    {
      key: 'number',
      title: t('appl.number'),
      render: (_, a) => (
        <Link to={`/applications/${a.id}`} className="lv-mono" data-testid={`open-application-${a.id}`}>
          {a.number}
        </Link>
      ),
    },
    {
      key: 'program',
      title: t('my.programTrack'),
      render: (_, a) => (
        <>
          <div>{a.programName}</div>
          <Typography.Text type="secondary">{a.trackName}</Typography.Text>
        </>
      ),
    },
    { key: 'org', title: t('appl.organization'), dataIndex: 'organizationName' },
    {
      key: 'status',
      title: t('appl.status'),
      render: (_, a) => (
        <Tag color={applicationStatusColor[a.status]} data-testid={`status-${a.id}`}>
          {pick(applicationStatusNames[a.status])}
        </Tag>
      ),
    },
    {
      key: 'time',
      title: t('my.time'),
      render: (_, a) => (a.submittedAt ? t('my.submittedOn', { time: formatDateTime(a.submittedAt) }) : t('my.updatedOn', { time: formatDateTime(a.updatedAt) })),
    },
    {
      key: 'open',
      title: '',
      render: (_, a) => (
        <Link to={`/applications/${a.id}`}>
          <Button size="small" type={a.status === 'draft' || a.status === 'returned' ? 'primary' : 'default'}>
            {a.status === 'draft' || a.status === 'returned' ? t('my.continue') : t('my.view')}
          </Button>
        </Link>
      ),
    },
  ];

  return (
    <Card data-testid="my-applications">
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.myApplications')}
        </Typography.Title>
        <Space wrap>
          <Link to="/my/organizations/new">
            <Button icon={<PlusOutlined />} data-testid="new-organization-link">
              {t('my.newOrganization')}
            </Button>
          </Link>
          <Link to="/">
            <Button type="primary">{t('my.findPrograms')}</Button>
          </Link>
        </Space>
      </Space>
      {load.state === 'error' ? (
        <ApiErrorAlert error={load.error} title={t('my.loadFailed')} onRetry={reload} />
      ) : (
        <Table<ApplicationSummary>
          rowKey="id"
          loading={load.state === 'loading'}
          columns={columns}
          dataSource={load.state === 'ok' ? load.data.items : []}
          scroll={{ x: 'max-content' }}
          pagination={{ hideOnSinglePage: true, pageSize: 20 }}
          locale={{ emptyText: <Empty description={t('my.empty')} data-testid="my-applications-empty" /> }}
          data-testid="my-applications-table"
        />
      )}
    </Card>
  );
}
