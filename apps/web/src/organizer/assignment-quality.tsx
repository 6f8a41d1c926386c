import type { ReactNode } from 'react';
import { Card, Col, Descriptions, Row, Space, Statistic, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import type { AssignmentRun, AssignmentView } from '../api/assignment.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatDateTime } from '../shell/shanghai.ts';

/** 已证明最优: the solver's optimum was checked by its dual certificate. */
export function CertificateBadge({ run }: { run: AssignmentRun }) {
  const { t } = useI18n();
  return run.optimal ? (
    <Tag color="success" icon={<SafetyCertificateOutlined />} data-testid="certificate" data-optimal="true">{t('as.optimal')}</Tag>
  ) : (
    <Tag color="warning" icon={<WarningOutlined />} data-testid="certificate" data-optimal="false">{t('as.notOptimal')}</Tag>
  );
}

const numbers = (refs: { applicationId: string; number: string }[], testId: string, none: string, label?: (r: { number: string }) => string): ReactNode =>
  refs.length === 0 ? (
    <Typography.Text type="secondary" data-testid={testId} data-count={0}>{none}</Typography.Text>
  ) : (
    <Space size={[4, 4]} wrap data-testid={testId} data-count={refs.length}>
      {refs.map((r) => <Tag key={r.applicationId} color="orange">{label ? label(r) : r.number}</Tag>)}
    </Space>
  );

const fixed = (n: number | null, digits = 1) => (n === null ? '—' : String(Math.round(n * 10 ** digits) / 10 ** digits));

/** 分配质量: how much of the affinity bound the assignment reaches, who is served worst, how even the loads are. */
export function AssignmentQualityCard({ view }: { view: AssignmentView }) {
  const { t } = useI18n();
  const q = view.quality;
  const run = view.run;
  return (
    <Card size="small" title={t('as.quality')} extra={run && <CertificateBadge run={run} />} className="lv-block" data-testid="assignment-quality">
      <Row gutter={[24, 16]}>
        <Col xs={24} md={8}>
          <Statistic
            title={t('as.percent')}
            value={q.percentOfUpperBound ?? '—'}
            suffix={q.percentOfUpperBound === null ? undefined : '%'}
            styles={{ content: { fontSize: 40, color: '#1f8f4e' } }}
            data-testid="quality-percent"
            data-value={q.percentOfUpperBound ?? ''}
          />
          <Typography.Text type="secondary">{t('as.total', { total: q.totalAffinity, bound: q.upperBound })}</Typography.Text>
          {run && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('as.runAt', { time: formatDateTime(run.at), s: fixed(run.seconds, 2), w: run.loadCost })}
              </Typography.Text>
            </div>
          )}
        </Col>
        <Col xs={24} md={16}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
            items={[
              {
                key: 'worst',
                label: t('as.worst'),
                children: q.worstServed ? (
                  <span data-testid="quality-worst">
                    <Typography.Text strong>{q.worstServed.number}</Typography.Text>{' '}
                    {t('as.worstScores', { total: q.worstServed.totalAffinity, scores: q.worstServed.scores.join(' / ') })}
                  </span>
                ) : '—',
              },
              { key: 'p', label: t('as.p1p5'), children: <span data-testid="quality-percentiles">{fixed(q.minAffinityP1)} / {fixed(q.minAffinityP5)}</span> },
              {
                key: 'load',
                label: t('as.load'),
                children: <span data-testid="quality-load">{t('as.loadRange', { min: q.load.min, max: q.load.max, mean: fixed(q.load.mean) })}</span>,
              },
              { key: 'gini', label: t('as.gini'), children: <span data-testid="quality-gini">{fixed(q.load.gini, 3)}</span> },
              { key: 'strong', label: t('as.withoutStrong', { n: q.strongThreshold }), span: 'filled', children: numbers(q.withoutStrong, 'quality-without-strong', t('as.none')) },
              {
                key: 'short',
                label: t('as.short'),
                span: 'filled',
                children: numbers(q.short, 'quality-short', t('as.none'), (r) => {
                  const s = q.short.find((x) => x.number === r.number)!;
                  return t('as.shortItem', { number: s.number, has: s.has, needs: s.needs });
                }),
              },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}
