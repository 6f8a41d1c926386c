import { useMemo } from 'react';
import { Card, Table } from 'antd';
import type { ProgressTrack } from '../api/review.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { EChart, type ChartOption } from './echart.tsx';

/** 各赛道进度: assigned / started / submitted reviews per track, as bars, with the numbers beside them. */
export function ReviewProgressChart({ tracks }: { tracks: ProgressTrack[] }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const series = (['assigned', 'started', 'submitted'] as const).map((k) => ({
      type: 'bar', name: t(`rd.total.${k}`), data: tracks.map((tr) => tr[k]), barMaxWidth: 28, label: { show: true, position: 'top' },
    }));
    return {
      color: ['#91a7c3', '#f0a020', '#1f8f4e'],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: tracks.map((tr) => tr.trackName), axisLabel: { interval: 0, rotate: tracks.length > 5 ? 30 : 0, width: 100, overflow: 'truncate' } },
      yAxis: { type: 'value', minInterval: 1 },
      series,
    };
  }, [tracks, t]);

  return (
    <Card size="small" title={t('rd.byTrack')} className="lv-block">
      <EChart option={option} height={260} testId="review-track-chart" />
      <Table<ProgressTrack>
        rowKey="trackId"
        size="small"
        pagination={false}
        dataSource={tracks}
        columns={[
          { key: 'track', title: t('rd.track'), dataIndex: 'trackName' },
          { key: 'apps', title: t('rd.applications'), dataIndex: 'applications' },
          { key: 'assigned', title: t('rd.total.assigned'), dataIndex: 'assigned' },
          { key: 'started', title: t('rd.total.started'), dataIndex: 'started' },
          { key: 'submitted', title: t('rd.total.submitted'), dataIndex: 'submitted' },
        ]}
        onRow={(tr) => ({ 'data-testid': 'review-track-row', 'data-track': tr.trackId, 'data-applications': tr.applications, 'data-assigned': tr.assigned, 'data-started': tr.started, 'data-submitted': tr.submitted }) as object}
        data-testid="review-tracks"
      />
    </Card>
  );
}
