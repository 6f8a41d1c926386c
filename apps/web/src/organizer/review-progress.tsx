import { useEffect } from 'react';
import { Button, Card, Col, Progress, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { reviewApi, type ProgressExpert, type RoundProgress } from '../api/review.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { formatEnd } from '../shell/shanghai.ts';
import { useLoad } from '../shell/use-load.ts';
import { ReviewProgressChart } from './review-progress-chart.tsx';
import { ReviewReminders } from './review-reminders.tsx';
import { pagedOver, type RoundInfo } from './review-rounds-model.ts';
import { ReviewSheets } from './review-sheets.tsx';

/** Experts submit while the organizer watches: the numbers are read again this often while the page is in view. */
const REFRESH_MS = 30_000;

const zh = new Intl.Collator('zh-CN');

function Totals({ progress }: { progress: RoundProgress }) {
  const { t } = useI18n();
  const { assigned, confirmed, started, submitted } = progress.totals;
  const pct = assigned ? Math.round((submitted / assigned) * 1000) / 10 : 0;
  return (
    <Card size="small" title={t('rd.progress')} className="lv-block" data-testid="review-totals"
      data-assigned={assigned} data-confirmed={confirmed} data-started={started} data-submitted={submitted}
      extra={progress.dueAt !== null && <Typography.Text type="secondary" data-testid="review-due">{t('rd.dueAt', { time: formatEnd(progress.dueAt) })}</Typography.Text>}>
      <Progress
        percent={pct}
        success={{ percent: pct }}
        format={() => t('rd.submittedOf', { submitted, assigned })}
        data-testid="review-progress-bar"
      />
      <Row gutter={[24, 12]} style={{ marginTop: 12 }}>
        {([['assigned', assigned], ['confirmed', confirmed], ['started', started], ['submitted', submitted]] as const).map(([k, v]) => (
          <Col key={k} xs={12} md={6}>
            <Statistic title={t(`rd.total.${k}`)} value={v} data-testid={`review-total-${k}`} data-value={v} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function Experts({ experts }: { experts: ProgressExpert[] }) {
  const { t } = useI18n();
  const num = (k: 'assigned' | 'started' | 'submitted') => ({
    key: k,
    title: t(`rd.total.${k}`),
    dataIndex: k,
    width: 110,
    sorter: (a: ProgressExpert, b: ProgressExpert) => a[k] - b[k],
  });
  const columns: ColumnsType<ProgressExpert> = [
    {
      key: 'name',
      title: t('rd.expert'),
      sorter: (a, b) => zh.compare(a.name, b.name),
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{e.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.email}</Typography.Text>
        </Space>
      ),
    },
    num('assigned'),
    num('started'),
    num('submitted'),
    {
      key: 'left',
      title: t('rd.left'),
      width: 110,
      sorter: (a, b) => a.assigned - a.submitted - (b.assigned - b.submitted),
      render: (_, e) => e.assigned - e.submitted,
    },
    {
      key: 'late',
      title: t('rd.state'),
      width: 120,
      sorter: (a, b) => Number(a.late) - Number(b.late),
      render: (_, e) =>
        e.late ? <Tag color="red" data-testid="review-expert-late">{t('rd.late')}</Tag>
          : e.submitted === e.assigned ? <Tag color="success">{t('rd.done')}</Tag>
          : <Tag>{t('rd.inProgress')}</Tag>,
    },
  ];
  return (
    <Card size="small" title={t('rd.experts')} className="lv-block">
      <Table<ProgressExpert>
        rowKey="expertId"
        size="small"
        columns={columns}
        dataSource={experts}
        pagination={pagedOver(experts.length, 50)}
        locale={{ emptyText: t('rd.noAssignments') }}
        onRow={(e) => ({ 'data-testid': 'review-expert-row', 'data-email': e.email, 'data-late': e.late, 'data-submitted': e.submitted, 'data-assigned': e.assigned }) as object}
        data-testid="review-experts"
      />
    </Card>
  );
}

/** 进度 and 提醒 of one round, from one read of its progress (kept fresh while shown). */
export function ReviewProgressPanel({ programId, round, section }: { programId: string; round: RoundInfo; section: 'progress' | 'reminders' }) {
  const { t } = useI18n();
  const [load, reload] = useLoad(() => reviewApi.progress(programId, round.id), [programId, round.id]);

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 6 }} />;
  if (load.state === 'error') return <ApiErrorAlert error={load.error} title={t('rd.progressFailed')} onRetry={reload} />;
  const progress = load.data;
  const refresh = (
    <Button icon={<ReloadOutlined />} onClick={() => reload()} data-testid="review-refresh">{t('rd.refresh')}</Button>
  );

  if (section === 'reminders') return <ReviewReminders programId={programId} round={round} progress={progress} onChanged={() => reload()} />;
  return (
    <div data-testid="review-progress">
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>{refresh}</div>
      <Totals progress={progress} />
      {progress.tracks.length > 0 && <ReviewProgressChart tracks={progress.tracks} />}
      <Experts experts={progress.experts} />
      <ReviewSheets programId={programId} sheets={progress.sheets} onUnlocked={() => reload()} />
    </div>
  );
}
