import { useMemo } from 'react';
import { Card, Col, Row, Space, Statistic } from 'antd';
import '../i18n/deals.ts';
import { useI18n, type AnyMessageKey } from '../i18n/i18n.tsx';
import { EChart, type ChartOption } from '../organizer/echart.tsx';
import { ApiErrorPage } from '../shell/api-error.tsx';
import { DownloadButton } from '../shell/download-button.tsx';
import { useLoad } from '../shell/use-load.ts';
import { dealsApi, type MatchDashboard } from './deals.api.ts';

type Group = MatchDashboard['byKind'];

/** Bars of amounts (万元) with the deal counts beside, one category per group. */
function barOption(rows: Group, amountLabel: string, countLabel: string): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [amountLabel, countLabel] },
    grid: { left: 48, right: 48, bottom: 64, top: 40 },
    xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0, rotate: rows.length > 4 ? 30 : 0 } },
    yAxis: [{ type: 'value', name: amountLabel }, { type: 'value', name: countLabel, minInterval: 1 }],
    series: [
      { name: amountLabel, type: 'bar', data: rows.map((r) => r.amountWan) },
      { name: countLabel, type: 'bar', yAxisIndex: 1, data: rows.map((r) => r.deals) },
    ],
  };
}

/** /deals/dashboard — the catalog organizer's matchmaking figures (deal.read), with charts and the Excel export. */
export default function MatchDashboardPage() {
  const { t } = useI18n();
  const [load, reload] = useLoad(() => dealsApi.dashboard(), []);
  const d = load.state === 'ok' ? load.data : null;
  const charts = useMemo(() => (d ? ([['byProgram', d.byProgram], ['byField', d.byField], ['byRegion', d.byRegion]] as const) : []), [d]);
  const pie = useMemo<ChartOption | null>(() => (d ? {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: d.byKind.map((k) => ({ name: k.label, value: k.amountWan })) }],
  } : null), [d]);
  if (load.state === 'error') return <ApiErrorPage error={load.error} onRetry={reload} />;
  if (!d) return <Card loading />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="match-dashboard">
      <Card className="lv-block" title={t('db.title')} extra={<DownloadButton href={dealsApi.exportPath} filename="对接成效统计.xlsx" data-testid="dashboard-export">{t('db.export')}</DownloadButton>}>
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}><Statistic title={t('db.matches')} value={d.matches ? d.matches.interests : t('db.noMatches')} suffix={d.matches ? <small>{t('db.mutual', { n: d.matches.mutual })}</small> : undefined} data-testid="dashboard-matches" /></Col>
          <Col xs={12} md={6}><Statistic title={t('db.meetings')} value={d.meetings.requested} suffix={<small>{t('db.meetingsDetail', d.meetings)}</small>} data-testid="dashboard-meetings" /></Col>
          <Col xs={12} md={4}><div data-testid="dashboard-deals"><Statistic title={t('db.deals')} value={d.deals.confirmed} suffix={<small>{t('db.pending', { n: d.deals.pending })}</small>} /></div></Col>
          <Col xs={12} md={4}><div data-testid="dashboard-amount"><Statistic title={t('db.amount')} value={d.deals.amountWan} precision={d.deals.amountWan % 1 ? 4 : 0} /></div></Col>
          <Col xs={12} md={4}><div data-testid="dashboard-commission"><Statistic title={t('db.commission')} value={d.deals.commissionWan} /></div></Col>
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}><Card className="lv-block" title={t('db.byKind')}>{pie && <EChart option={pie} testId="chart-by-kind" />}</Card></Col>
        {charts.map(([key, rows]) => (
          <Col xs={24} lg={12} key={key}>
            <Card className="lv-block" title={t(`db.${key}` as AnyMessageKey)}>
              <EChart option={barOption(rows, t('db.amount'), t('db.dealsCount'))} testId={`chart-${key}`} />
              <ul data-testid={`table-${key}`} style={{ margin: 0, paddingLeft: 18 }}>
                {rows.map((r) => <li key={r.key}>{r.label}：{r.deals} · {r.amountWan}</li>)}
              </ul>
            </Card>
          </Col>
        ))}
      </Row>
    </Space>
  );
}
