import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, Empty, Progress, Skeleton, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { CheckOutlined, EditOutlined, EyeOutlined, StopOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { myAssignmentsApi, type MyAssignment } from '../api/assignment.api.ts';
import { expertReviewApi } from '../api/expert-review.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert, useErrorText } from '../shell/api-error.tsx';
import { formatEnd } from '../shell/shanghai.ts';
import { useLoad } from '../shell/use-load.ts';
import { AssignmentConflictModal } from './assignment-conflict-modal.tsx';
import { assignmentStep, formatPoints, groupAssignments, type AssignmentGroup } from './scoring-model.ts';
import './scoring.css';
import '../i18n/assign.ts';
import '../i18n/scoring.ts';

const sheetColor = { none: 'default', draft: 'processing', submitted: 'success' } as const;

/** The sheet's state: 未开始 / 草稿 / 已提交 · 85 分, and the organizer's reason when it was unlocked. */
function SheetTag({ x }: { x: MyAssignment }) {
  const { t } = useI18n();
  if (x.status === 'declined') return null;
  const text = x.sheet === 'submitted' && x.total !== null ? t('mr.sheet.submittedTotal', { total: formatPoints(x.total) }) : t(`mr.sheet.${x.sheet}`);
  return (
    <Space orientation="vertical" size={2}>
      <Tag color={sheetColor[x.sheet]} data-testid="my-assignment-sheet" data-sheet={x.sheet} data-total={x.total ?? undefined}>
        {text}
      </Tag>
      {x.unlockReason && x.sheet !== 'submitted' && (
        <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="my-assignment-unlocked">
          {t('mr.unlocked', { reason: x.unlockReason })}
        </Typography.Text>
      )}
    </Space>
  );
}

function GroupCard({ group, actions }: { group: AssignmentGroup; actions: (x: MyAssignment) => ReactNode }) {
  const { t } = useI18n();
  const percent = group.assigned ? Math.round((group.submitted / group.assigned) * 100) : 0;
  const columns: ColumnsType<MyAssignment> = [
    { key: 'number', title: t('mr.col.number'), render: (_, x) => <Typography.Text strong className="lv-nowrap">{x.applicationNumber}</Typography.Text> },
    {
      key: 'subject',
      title: t('mr.col.subject'),
      render: (_, x) => (
        <Space orientation="vertical" size={0}>
          <span data-testid="my-assignment-subject">{x.blind ? (x.title ?? '—') : (x.orgName ?? '—')}</span>
          {!x.blind && x.title && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{x.title}</Typography.Text>}
        </Space>
      ),
    },
    { key: 'track', title: t('mr.col.track'), dataIndex: 'trackName' },
    { key: 'round', title: t('mr.col.round'), dataIndex: 'roundName', responsive: ['lg'] },
    { key: 'due', title: t('mr.col.due'), render: (_, x) => <span className="lv-nowrap">{x.dueAt ? formatEnd(x.dueAt) : '—'}</span>, responsive: ['md'] },
    {
      key: 'sheet',
      title: t('mr.col.sheet'),
      render: (_, x) =>
        x.status === 'declined' ? (
          <Tag color="red" data-testid="my-assignment-status" data-status="declined">{t('mr.declined')}</Tag>
        ) : (
          <SheetTag x={x} />
        ),
    },
    { key: 'actions', title: t('mr.col.actions'), render: (_, x) => actions(x) },
  ];
  return (
    <Card
      className="lv-block"
      data-testid="my-review-group"
      data-program={group.programId}
      data-round={group.roundId}
      title={
        <Space wrap size={8}>
          <span>{group.programName}</span>
          <Typography.Text type="secondary">{group.roundName}</Typography.Text>
          {group.blind && <Tag color="purple">{t('mr.blind')}</Tag>}
        </Space>
      }
      extra={<Typography.Text type="secondary" className="lv-nowrap">{group.dueAt ? t('mr.due', { time: formatEnd(group.dueAt) }) : t('mr.noDue')}</Typography.Text>}
    >
      <div className="lv-round-progress" data-testid="round-progress" data-submitted={group.submitted} data-assigned={group.assigned}>
        <Typography.Text>{t('mr.progress', { submitted: group.submitted, assigned: group.assigned })}</Typography.Text>
        <Progress percent={percent} size="small" status={group.assigned > 0 && group.submitted === group.assigned ? 'success' : 'active'} />
      </div>
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={group.items}
        pagination={group.items.length > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 'max-content' }}
        onRow={(x) => ({ 'data-testid': 'my-assignment', 'data-number': x.applicationNumber, 'data-status': x.status, 'data-confirmed': String(x.confirmed), 'data-sheet': x.sheet }) as object}
        data-testid="my-assignments-table"
      />
    </Card>
  );
}

/**
 * /expert/assignments — 我的评审: what I was assigned, by program and round, with each round's
 * progress. Before reading an application the expert confirms having no conflict with it, or
 * declares one (the slot goes to another expert); once confirmed, 评分 opens the workspace.
 */
export default function MyAssignmentsPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const [load, reload, replace] = useLoad(() => myAssignmentsApi.list(), []);
  const [declaring, setDeclaring] = useState<MyAssignment | null>(null);
  const groups = useMemo(() => (load.state === 'ok' ? groupAssignments(load.data.items) : []), [load]);

  const patch = (id: string, change: Partial<MyAssignment>) => {
    if (load.state === 'ok') replace({ items: load.data.items.map((x) => (x.id === id ? { ...x, ...change } : x)) });
  };

  const declared = (id: string) => {
    patch(id, { status: 'declined' });
    setDeclaring(null);
    void message.success(t('ma.declared'));
  };

  const confirm = (x: MyAssignment) =>
    modal.confirm({
      title: t('mr.confirmTitle', { number: x.applicationNumber }),
      content: t('mr.confirmText', { org: x.orgName ?? x.title ?? x.applicationNumber }),
      okText: t('mr.confirmOk'),
      cancelText: t('mr.confirmCancel'),
      okButtonProps: { 'data-testid': 'confirm-no-conflict-ok' } as ButtonProps,
      onOk: async () => {
        try {
          await expertReviewApi.confirm(x.id);
        } catch (e) {
          void message.error(errorText(e));
          throw e;
        }
        patch(x.id, { confirmed: true });
        void message.success(t('mr.confirmed'));
      },
    });

  const actions = (x: MyAssignment) => {
    const step = assignmentStep(x);
    if (step === 'declined') return null;
    if (step === 'confirm') {
      return (
        <Space wrap size={4}>
          <Button size="small" type="primary" ghost icon={<CheckOutlined />} onClick={() => confirm(x)} data-testid="my-assignment-confirm">
            {t('mr.confirm')}
          </Button>
          <Button size="small" danger icon={<StopOutlined />} onClick={() => setDeclaring(x)} data-testid="my-assignment-declare">
            {t('ma.declare')}
          </Button>
        </Space>
      );
    }
    return (
      <Link to={`/expert/assignments/${encodeURIComponent(x.id)}`}>
        <Button size="small" type={step === 'score' ? 'primary' : 'default'} icon={step === 'score' ? <EditOutlined /> : <EyeOutlined />} data-testid="my-assignment-score">
          {step === 'view' ? t('mr.view') : x.sheet === 'draft' ? t('mr.continue') : t('mr.score')}
        </Button>
      </Link>
    );
  };

  return (
    <div data-testid="my-assignments">
      <Typography.Title level={3}>{t('mr.title')}</Typography.Title>
      <Alert type="info" showIcon title={t('mr.text')} className="lv-block" />
      {load.state === 'loading' && <Skeleton active paragraph={{ rows: 6 }} />}
      {load.state === 'error' && <ApiErrorAlert error={load.error} title={t('ma.loadFailed')} onRetry={reload} />}
      {load.state === 'ok' && groups.length === 0 && (
        <Card>
          <Empty description={t('ma.empty')} data-testid="my-assignments-empty" />
        </Card>
      )}
      {groups.map((g) => (
        <GroupCard key={g.key} group={g} actions={actions} />
      ))}
      {declaring && <AssignmentConflictModal item={declaring} onClose={() => setDeclaring(null)} onDone={() => declared(declaring.id)} />}
    </div>
  );
}
