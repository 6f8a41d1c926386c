import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Breadcrumb, Button, Card, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { applicationStatusNames } from '@lvping/domain/application/application-api.schema.ts';
import { recommenderApi, type Candidate } from '../api/recommendation.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useRegions } from '../form-renderer/reference.ts';
import { ApiErrorPage } from '../shell/api-error.tsx';
import { formatDateTime } from '../shell/shanghai.ts';
import { applicationStatusColor } from '../shell/status.ts';
import { useLoad } from '../shell/use-load.ts';
import { InviteLinkButton } from './invite-link.tsx';
import { NominationTag } from './nomination-tag.tsx';
import { QuotaGrid } from './quota-meter.tsx';
import { UnitSummaryCard } from './unit-summary-card.tsx';
import './recommender.css';
import '../i18n/work.ts';
import '../i18n/recommend.ts';

/** /recommender/units/:unitId — the unit's candidates (submitted applications naming it) and its quota. */
export default function UnitPage() {
  const { unitId = '' } = useParams();
  const { t, pick } = useI18n();
  const regions = useRegions();
  const [track, setTrack] = useState<string | undefined>();
  const [load, reload, replace] = useLoad(() => recommenderApi.candidates(unitId), [unitId]);

  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 8 }} />;
  if (load.state === 'error') return <ApiErrorPage error={load.error} onRetry={() => reload()} />;
  const { unit, items } = load.data;
  const shown = track ? items.filter((c) => c.trackId === track) : items;

  const columns: ColumnsType<Candidate> = [
    { key: 'number', title: t('appl.number'), render: (_, c) => <span className="lv-mono">{c.number}</span> },
    { key: 'org', title: t('appl.organization'), render: (_, c) => <><div>{c.organizationName}</div><Typography.Text type="secondary" className="lv-mono">{c.creditCode}</Typography.Text></> },
    { key: 'track', title: t('orgz.track'), dataIndex: 'trackName' },
    { key: 'region', title: t('orgz.region'), render: (_, c) => regions?.formatRegion(c.regionCode) ?? c.regionCode },
    { key: 'submitted', title: t('my.submittedAt'), render: (_, c) => (c.submittedAt ? formatDateTime(c.submittedAt) : '—') },
    { key: 'status', title: t('appl.status'), render: (_, c) => <Tag color={applicationStatusColor[c.applicationStatus]}>{pick(applicationStatusNames[c.applicationStatus])}</Tag> },
    { key: 'nomination', title: t('rec.nomination'), render: (_, c) => <NominationTag status={c.nomination.status} /> },
    {
      key: 'open',
      title: '',
      render: (_, c) => (
        <Link to={`/recommender/candidates/${c.applicationId}`}>
          <Button size="small" type={c.nomination.status === 'pending' ? 'primary' : 'default'} data-testid={`candidate-${c.number}`}>
            {c.nomination.status === 'pending' ? t('rec.view') : t('my.view')}
          </Button>
        </Link>
      ),
    },
  ];

  return (
    <div data-testid="recommender-unit">
      <Breadcrumb className="lv-breadcrumb" items={[{ title: <Link to="/recommender">{t('nav.recommender')}</Link> }, { title: unit.name }]} />
      <Card
        className="lv-unit-card"
        title={unit.name}
        extra={<InviteLinkButton unitId={unit.id} unitName={unit.name} />}
      >
        <Typography.Paragraph type="secondary">
          {t('rec.program')}：<Link to={`/programs/${unit.programSlug}`}>{unit.programName}</Link>
        </Typography.Paragraph>
        <QuotaGrid quotas={unit.quotas} scoped={unit.scopedQuotas} />
      </Card>
      <UnitSummaryCard unit={unit} items={items} onChanged={replace} />
      <Card title={t('rec.candidates')}>
        <Space className="lv-filters" wrap>
          <Select
            allowClear
            placeholder={t('rec.allTracks')}
            value={track}
            onChange={setTrack}
            options={unit.quotas.map((q) => ({ value: q.trackId, label: q.trackName }))}
            style={{ minWidth: 260 }}
            data-testid="candidates-track"
          />
        </Space>
        <Table<Candidate>
          rowKey="applicationId"
          size="middle"
          columns={columns}
          dataSource={shown}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('rec.noCandidates') }}
          pagination={{ hideOnSinglePage: true, pageSize: 50 }}
          data-testid="candidates-table"
        />
      </Card>
    </div>
  );
}
