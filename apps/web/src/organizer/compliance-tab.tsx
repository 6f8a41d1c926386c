import { Alert, Card, Empty, Skeleton, Table, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { ProgramDetail } from '../api/programs.api.ts';
import { unitsApi, type Compliance } from '../api/recommendation.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import '../i18n/recommend.ts';

type UnitRow = Compliance['units'][number];
type ShortRow = Compliance['short'][number];

function Yes({ ok, testId }: { ok: boolean; testId: string }) {
  const { t } = useI18n();
  return ok ? (
    <Tag color="green" icon={<CheckCircleFilled />} data-testid={testId} data-ok="true">{t('comp.yes')}</Tag>
  ) : (
    <Tag icon={<CloseCircleOutlined />} data-testid={testId} data-ok="false">{t('comp.no')}</Tag>
  );
}

/** Units × tracks: endorsements against max and min; for city teams, whether every track was entered. */
function Matrix({ data }: { data: Compliance }) {
  const { t } = useI18n();
  const city = data.unitKind === 'city';
  const columns: ColumnsType<UnitRow> = [
    { key: 'name', title: city ? t('unit.city') : t('unit.name'), fixed: 'left', render: (_, u) => <Typography.Text strong>{u.name}</Typography.Text> },
    ...data.tracks.map((tr) => ({
      key: tr.id,
      title: (
        <span>
          {tr.name}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[tr.min !== null && `${t('comp.min')} ${tr.min}`, tr.max !== null && `${t('comp.max')} ${tr.max}`].filter(Boolean).join(' · ')}
          </Typography.Text>
        </span>
      ),
      render: (_: unknown, u: UnitRow) => {
        const q = u.quotas.find((x) => x.trackId === tr.id);
        if (!q) return '—';
        const color = q.short > 0 ? 'orange' : q.limit !== null && q.left === 0 ? 'red' : q.used > 0 ? 'green' : 'default';
        return (
          <div data-testid="coverage-cell" data-unit={u.name} data-track={tr.id} data-used={q.used}>
            <Tag color={color}>{q.limit === null ? q.used : `${q.used}/${q.limit}`}</Tag>
            {(q.pending > 0 || q.declined > 0) && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[q.pending > 0 && t('comp.pending', { n: q.pending }), q.declined > 0 && t('comp.declined', { n: q.declined })].filter(Boolean).join(' · ')}
              </Typography.Text>
            )}
          </div>
        );
      },
    })),
    ...(city
      ? [
          { key: 'every', title: t('comp.everyTrack'), render: (_: unknown, u: UnitRow) => <Yes ok={u.enteredEveryTrack} testId={`every-track-${u.name}`} /> },
          { key: 'min', title: t('comp.everyMin'), render: (_: unknown, u: UnitRow) => <Yes ok={u.metEveryMinimum} testId={`every-min-${u.name}`} /> },
        ]
      : []),
    { key: 'entered', title: '', render: (_: unknown, u: UnitRow) => <Typography.Text type="secondary">{t('comp.tracksEntered', { n: u.tracksEntered, total: data.tracks.length })}</Typography.Text> },
  ];
  return (
    <Card title={city ? t('comp.coverageTitle') : t('comp.usageTitle')} className="lv-block" data-testid="coverage-matrix">
      {city && <Typography.Paragraph type="secondary">{t('comp.coverageHint')}</Typography.Paragraph>}
      <Table<UnitRow> rowKey="unitId" size="small" columns={columns} dataSource={data.units} pagination={false} scroll={{ x: 'max-content' }} bordered />
    </Card>
  );
}

/** 合规: units short of a minimum, quota used per unit and track, and (河南) the city × track coverage. */
export function ComplianceTab({ program }: { program: ProgramDetail }) {
  const { t } = useI18n();
  const [load, reload] = useLoad(() => unitsApi.compliance(program.id), [program.id]);
  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 6 }} />;
  if (load.state === 'error') return <ApiErrorAlert error={load.error} title={t('comp.loadFailed')} onRetry={reload} />;
  const data = load.data;
  if (data.tracks.length === 0) return <Empty description={t('comp.noRecommendation')} />;
  const shortColumns: ColumnsType<ShortRow> = [
    { key: 'unit', title: t('unit.name'), dataIndex: 'unitName' },
    { key: 'track', title: t('orgz.track'), dataIndex: 'trackName' },
    { key: 'used', title: t('comp.used'), dataIndex: 'used' },
    { key: 'min', title: t('comp.min'), dataIndex: 'min' },
    { key: 'short', title: '', render: (_, r) => <Tag color="orange">{t('comp.short', { n: r.short })}</Tag> },
  ];
  return (
    <div data-testid="compliance-tab">
      {data.unassigned > 0 && <Alert type="info" showIcon className="lv-block" title={t('comp.unassigned', { n: data.unassigned })} data-testid="compliance-unassigned" />}
      <Card title={t('comp.shortTitle')} className="lv-block" data-testid="compliance-short" data-count={data.short.length}>
        {data.short.length === 0 ? (
          <Alert type="success" showIcon title={t('comp.noShort')} />
        ) : (
          <Table<ShortRow> rowKey={(r) => `${r.unitId}-${r.trackId}`} size="small" columns={shortColumns} dataSource={data.short} pagination={{ hideOnSinglePage: true, pageSize: 20 }} />
        )}
      </Card>
      <Matrix data={data} />
    </div>
  );
}
