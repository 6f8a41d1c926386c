import { Card, Col, Descriptions, Row, Skeleton, Table } from 'antd';
import type { ProgramDetail } from '../api/programs.api.ts';
import { unitsApi } from '../api/recommendation.api.ts';
import { deadlinesApi } from '../api/screening.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { formatEnd } from '../shell/shanghai.ts';
import { useLoad } from '../shell/use-load.ts';
import { ExtensionForm } from './extension-form.tsx';
import '../i18n/review.ts';

/** 截止时间: the call's and the recommendation's deadlines, the units' extensions, and extending one application or unit. */
export function DeadlinesTab({ program }: { program: ProgramDetail }) {
  const { t } = useI18n();
  const recommends = !!program.definition.recommendation;
  const [load, reload] = useLoad(async () => {
    const [deadlines, units] = await Promise.all([deadlinesApi.program(program.id), recommends ? unitsApi.list(program.id) : Promise.resolve(null)]);
    return { deadlines, units: units?.units.map((u) => ({ id: u.id, name: u.name })) ?? [] };
  }, [program.id]);

  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 6 }} />;
  if (load.state === 'error') return <ApiErrorAlert error={load.error} title={t('dl.failed')} onRetry={reload} />;
  const { deadlines, units } = load.data;
  const nameOf = (id: string) => units.find((u) => u.id === id)?.name ?? id;
  return (
    <div data-testid="deadlines-tab">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        className="lv-block"
        items={[
          { key: 'call', label: t('dl.call'), children: <span data-testid="deadline-call">{formatEnd(deadlines.callClosesAt)}</span> },
          ...(recommends ? [{ key: 'rec', label: t('dl.recommendation'), children: <span data-testid="deadline-recommendation">{formatEnd(deadlines.recommendationClosesAt)}</span> }] : []),
        ]}
      />
      {recommends && (
        <Card size="small" title={t('dl.unitExtensions')} className="lv-block">
          <Table
            rowKey="unitId"
            size="small"
            pagination={false}
            dataSource={deadlines.units}
            locale={{ emptyText: t('dl.noUnitExtensions') }}
            data-testid="unit-extensions"
            columns={[
              { key: 'unit', title: t('dl.unit'), render: (_, u) => nameOf(u.unitId) },
              { key: 'until', title: t('dl.until'), render: (_, u) => formatEnd(u.until) },
            ]}
          />
        </Card>
      )}
      {program.canConfigure && (
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <ExtensionForm programId={program.id} kind="application" onDone={() => reload()} />
          </Col>
          {recommends && (
            <Col xs={24} lg={12}>
              <ExtensionForm programId={program.id} kind="unit" units={units} onDone={() => reload()} />
            </Col>
          )}
        </Row>
      )}
    </div>
  );
}
