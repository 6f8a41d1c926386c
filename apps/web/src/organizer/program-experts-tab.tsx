import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, List, Segmented, Space, Table, Tag, Typography } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { programExpertsApi, type DeclaredConflict, type ProgramExpertItem, type ProgramExpertStatus } from '../api/experts.api.ts';
import type { ProgramDetail } from '../api/programs.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { formatDateTime } from '../shell/shanghai.ts';
import { useLoad } from '../shell/use-load.ts';
import { ExpertStatusTag } from './expert-status-tag.tsx';
import '../i18n/expert.ts';

type Show = 'all' | ProgramExpertStatus;
const shows: Show[] = ['all', 'invited', 'accepted', 'declined'];

async function loadPanel(programId: string) {
  const [experts, conflicts] = await Promise.all([programExpertsApi.list(programId), programExpertsApi.conflicts(programId)]);
  return { items: experts.items, conflicts: conflicts.items };
}

function Conflicts({ items }: { items: DeclaredConflict[] }) {
  const { t } = useI18n();
  return (
    <List
      size="small"
      dataSource={items}
      data-testid="expert-conflicts"
      renderItem={(c) => (
        <List.Item>
          <Space wrap>
            <Tag color="orange">{c.orgName ?? t('ex.conflictApplication', { id: c.applicationId ?? '' })}</Tag>
            <span>{c.reason}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(c.declaredAt)}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** 评审专家: who was invited to the program from the pool, their answer, load, availability and declared 回避. */
export function ProgramExpertsTab({ program }: { program: ProgramDetail }) {
  const { t } = useI18n();
  const [load, reload] = useLoad(() => loadPanel(program.id), [program.id]);
  const [show, setShow] = useState<Show>('all');
  const data = load.state === 'ok' ? load.data : null;
  const count = (s: Show) => (data ? (s === 'all' ? data.items.length : data.items.filter((x) => x.status === s).length) : 0);
  const rows = data ? data.items.filter((x) => show === 'all' || x.status === show) : [];

  const columns: ColumnsType<ProgramExpertItem> = [
    {
      key: 'name',
      title: t('ex.name'),
      render: (_, x) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{x.expert.name}</Typography.Text>
          {x.expert.title && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{x.expert.title}</Typography.Text>}
        </Space>
      ),
    },
    { key: 'org', title: t('ex.orgName'), render: (_, x) => x.expert.orgName },
    { key: 'scope', title: t('ex.scope'), render: (_, x) => x.trackName ?? t('ex.wholeProgram') },
    { key: 'status', title: t('ex.invitation'), render: (_, x) => <ExpertStatusTag status={x.status} /> },
    { key: 'maxLoad', title: t('ex.maxLoad'), render: (_, x) => x.maxLoad ?? t('ex.maxLoadDefault') },
    { key: 'note', title: t('ex.availability'), render: (_, x) => x.availabilityNote ?? '—' },
    { key: 'invitedAt', title: t('ex.invitedAt'), render: (_, x) => formatDateTime(x.invitedAt) },
    { key: 'respondedAt', title: t('ex.respondedAt'), render: (_, x) => (x.respondedAt ? formatDateTime(x.respondedAt) : '—') },
    { key: 'conflicts', title: t('ex.conflicts'), render: (_, x) => (x.declaredConflicts ? <Tag color="orange">{x.declaredConflicts}</Tag> : '—') },
  ];

  return (
    <div data-testid="program-experts">
      <Space wrap className="lv-filters">
        <Segmented<Show>
          value={show}
          onChange={setShow}
          options={shows.map((s) => ({ value: s, label: <span data-testid={`program-experts-${s}`}>{`${s === 'all' ? t('ex.all') : t(`ex.status.${s}`)} ${count(s)}`}</span> }))}
        />
        <Link to={`/organizer/experts?program=${encodeURIComponent(program.id)}&status=none`}>
          <Button icon={<TeamOutlined />} data-testid="program-experts-invite">{t('ex.inviteFromPool')}</Button>
        </Link>
      </Space>
      {load.state === 'error' ? (
        <ApiErrorAlert error={load.error} title={t('ex.programLoadFailed')} onRetry={reload} />
      ) : (
        <Table<ProgramExpertItem>
          rowKey="expertId"
          size="middle"
          loading={load.state === 'loading'}
          columns={columns}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          pagination={{ hideOnSinglePage: true, pageSize: 50 }}
          expandable={{
            rowExpandable: (x) => x.declaredConflicts > 0,
            expandedRowRender: (x) => <Conflicts items={data?.conflicts.filter((c) => c.expertId === x.expertId) ?? []} />,
          }}
          locale={{ emptyText: t('ex.programEmpty') }}
          onRow={(x) => ({ 'data-testid': 'program-expert-row', 'data-email': x.expert.email, 'data-status': x.status }) as object}
          data-testid="program-experts-table"
        />
      )}
    </div>
  );
}
