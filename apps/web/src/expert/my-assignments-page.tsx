import { useState } from 'react';
import { Alert, App, Button, Card, Skeleton, Table, Tag, Typography } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { myAssignmentsApi, type AssignmentStatus, type MyAssignment } from '../api/assignment.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { AssignmentConflictModal } from './assignment-conflict-modal.tsx';
import '../i18n/assign.ts';

const statusColor: Record<AssignmentStatus, string> = { draft: 'default', published: 'blue', declined: 'red' };

/** /expert/assignments — 我的评审: what I was assigned, by number and applicant, and 声明回避 before reading any of it. */
export default function MyAssignmentsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [load, reload, replace] = useLoad(() => myAssignmentsApi.list(), []);
  const [declaring, setDeclaring] = useState<MyAssignment | null>(null);

  const declared = (id: string) => {
    if (load.state === 'ok') replace({ items: load.data.items.map((x) => (x.id === id ? { ...x, status: 'declined' as const } : x)) });
    setDeclaring(null);
    void message.success(t('ma.declared'));
  };

  const columns: ColumnsType<MyAssignment> = [
    { key: 'program', title: t('ma.program'), dataIndex: 'programName' },
    { key: 'number', title: t('ma.number'), render: (_, x) => <Typography.Text strong>{x.applicationNumber}</Typography.Text> },
    { key: 'org', title: t('ma.org'), dataIndex: 'orgName' },
    { key: 'track', title: t('ma.track'), dataIndex: 'trackName' },
    {
      key: 'status',
      title: t('ma.status'),
      render: (_, x) => <Tag color={statusColor[x.status]} data-testid="my-assignment-status" data-status={x.status}>{t(`ma.status.${x.status}`)}</Tag>,
    },
    {
      key: 'actions',
      render: (_, x) =>
        x.status === 'published' && (
          <Button size="small" danger icon={<StopOutlined />} onClick={() => setDeclaring(x)} data-testid="my-assignment-declare">
            {t('ma.declare')}
          </Button>
        ),
    },
  ];

  return (
    <div data-testid="my-assignments">
      <Typography.Title level={3}>{t('ma.title')}</Typography.Title>
      <Alert type="info" showIcon title={t('ma.text')} className="lv-block" style={{ marginBottom: 16 }} />
      {load.state === 'loading' && <Skeleton active paragraph={{ rows: 6 }} />}
      {load.state === 'error' && <ApiErrorAlert error={load.error} title={t('ma.loadFailed')} onRetry={reload} />}
      {load.state === 'ok' && (
        <Card>
          <Table
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={load.data.items}
            pagination={load.data.items.length > 50 ? { pageSize: 50 } : false}
            locale={{ emptyText: t('ma.empty') }}
            onRow={(x) => ({ 'data-testid': 'my-assignment', 'data-number': x.applicationNumber, 'data-status': x.status }) as object}
            data-testid="my-assignments-table"
          />
        </Card>
      )}
      {declaring && <AssignmentConflictModal item={declaring} onClose={() => setDeclaring(null)} onDone={() => declared(declaring.id)} />}
    </div>
  );
}
