import { useMemo, type ReactNode } from 'react';
import { Card, Col, Empty, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { applicationStatusNames, type ApplicationStatus } from '@lvping/domain/application/application-api.schema.ts';
import { dashboardApi, type CountRow, type Dashboard } from '../api/dashboard.api.ts';
import type { ProgramDetail } from '../api/programs.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { DownloadButton } from '../shell/download-button.tsx';
import { formatDateTime } from '../shell/shanghai.ts';
import { useLoad } from '../shell/use-load.ts';
import { EChart, type ChartOption } from './echart.tsx';
import { BAR_ROW_HEIGHT, localizedDashboard, wrappedAxisLabel } from './stats-labels.ts';
import '../i18n/review.ts';

const palette = ['#1f8f4e', '#3b82c4', '#f0a020', '#d9534f', '#8e6cc0', '#2bb5a8', '#e66fa0', '#7a8a80', '#b8860b', '#5470c6'];

/** 先导技术榜（电子信息领域） → 电子信息领域: the part that tells tracks of one group apart (the tooltip has the whole name). */
const shortLabel = (label: string) => /^.+?（(.+)）$/.exec(label)?.[1] ?? label;

function statusesIn(rows: CountRow[]): string[] {
  const seen = new Set<string>();
  rows.forEach((r) => Object.keys(r.byStatus).forEach((s) => seen.add(s)));
  return [...seen];
}

/** Charts of a dashboard, built once per answer and language. */
function useOptions(d: Dashboard, name: (s: string) => string, t: ReturnType<typeof useI18n>['t']) {
  return useMemo(() => {
    const bar = (rows: CountRow[]): ChartOption => ({
      color: palette,
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => r.label).reverse(), axisLabel: wrappedAxisLabel(160) },
      series: [{ type: 'bar', name: t('dash.count'), data: rows.map((r) => r.total).reverse(), barMaxWidth: 18 }],
    });
    const statuses = statusesIn(d.byTrack);
    const byTrack: ChartOption = {
      color: palette,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      // Many tracks: slanted, whole (containLabel makes the room); few: level, wrapped at the column's width.
      xAxis: { type: 'category', data: d.byTrack.map((r) => r.label), axisLabel: { interval: 0, formatter: shortLabel, ...(d.byTrack.length > 6 ? { rotate: 30 } : wrappedAxisLabel(110)) } },
      yAxis: { type: 'value', minInterval: 1 },
      series: statuses.map((s) => ({ type: 'bar', stack: 'total', name: name(s), data: d.byTrack.map((r) => r.byStatus[s] ?? 0), barMaxWidth: 36 })),
    };
    const byChannel: ChartOption = {
      color: palette,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0, type: 'scroll' },
      // Labels kept inside the canvas (aligned to its edge) and wrapped, so a long channel name is not cut at the border.
      series: [{ type: 'pie', radius: ['30%', '55%'], center: ['50%', '45%'], label: { alignTo: 'edge', edgeDistance: 8, minMargin: 4, width: 110, overflow: 'break', lineHeight: 14 }, labelLine: { length: 8, length2: 0 }, data: d.byChannel.map((r) => ({ name: r.label, value: r.total })) }],
    };
    const daily: ChartOption = {
      color: palette,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: d.daily.map((x) => x.date), boundaryGap: false },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'line', name: t('dash.submitted'), data: d.daily.map((x) => x.submitted), smooth: true, areaStyle: { opacity: 0.08 } },
        { type: 'line', name: t('dash.resubmitted'), data: d.daily.map((x) => x.resubmitted), smooth: true },
      ],
    };
    return { byTrack, byChannel, daily, byRegion: bar(d.byRegion), byUnit: d.byUnit ? bar(d.byUnit.slice(0, 30)) : null };
  }, [d, name, t]);
}

function ChartCard({ title, empty, children }: { title: string; empty: boolean; children: ReactNode }) {
  return (
    <Card title={title} size="small" className="lv-block">
      {empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : children}
    </Card>
  );
}

function Charts({ d: raw, def }: { d: Dashboard; def: ProgramDetail['definition'] }) {
  const { lang, t, pick } = useI18n();
  const d = useMemo(
    () => localizedDashboard(raw, def, lang === 'en', { direct: t('dash.channel.direct'), noUnit: t('dash.channel.noUnit'), unassigned: t('dash.channel.unassigned'), notUnit: t('dash.notUnit') }),
    [raw, def, lang, t],
  );
  const name = useMemo(() => (s: string) => (s in applicationStatusNames ? pick(applicationStatusNames[s as ApplicationStatus]) : s), [pick]);
  const o = useOptions(d, name, t);
  return (
    <Row gutter={16}>
      <Col xs={24}><ChartCard title={t('dash.byTrack')} empty={d.total === 0}><EChart option={o.byTrack} height={360} testId="chart-track-status" /></ChartCard></Col>
      <Col xs={24} lg={10}><ChartCard title={t('dash.byChannel')} empty={d.byChannel.length === 0}><EChart option={o.byChannel} testId="chart-channel" /></ChartCard></Col>
      <Col xs={24} lg={14}><ChartCard title={t('dash.daily')} empty={d.daily.length === 0}><EChart option={o.daily} testId="chart-daily" /></ChartCard></Col>
      <Col xs={24} lg={12}><ChartCard title={t('dash.byRegion')} empty={d.byRegion.length === 0}><EChart option={o.byRegion} height={Math.max(240, d.byRegion.length * BAR_ROW_HEIGHT)} testId="chart-region" /></ChartCard></Col>
      {o.byUnit && d.byUnit && (
        <Col xs={24} lg={12}><ChartCard title={t('dash.byUnit')} empty={d.byUnit.length === 0}><EChart option={o.byUnit} height={Math.max(240, Math.min(30, d.byUnit.length) * BAR_ROW_HEIGHT)} testId="chart-unit" /></ChartCard></Col>
      )}
    </Row>
  );
}

/** 统计: counts by track × status, channel, province and unit, submissions per day; the Excel export. Loaded alone with ECharts. */
export default function StatsTab({ program }: { program: ProgramDetail }) {
  const { t } = useI18n();
  const [load, reload] = useLoad(() => dashboardApi.get(program.id), [program.id]);
  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 8 }} />;
  if (load.state === 'error') return <ApiErrorAlert error={load.error} title={t('dash.failed')} onRetry={reload} />;
  const d = load.data;
  return (
    <div data-testid="stats-tab" data-total={d.total}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }}>
        <Space size={32} wrap>
          <Statistic title={t('dash.total')} value={d.total} data-testid="stats-total" />
          <Typography.Text type="secondary">{t('dash.generated', { time: formatDateTime(d.generatedAt) })}</Typography.Text>
        </Space>
        <DownloadButton href={dashboardApi.exportHref(program.id)} filename={`${program.slug}-stats.xlsx`} icon={<FileExcelOutlined />} data-testid="stats-export">
          {t('dash.export')}
        </DownloadButton>
      </Space>
      <Charts d={d} def={program.definition} />
    </div>
  );
}
