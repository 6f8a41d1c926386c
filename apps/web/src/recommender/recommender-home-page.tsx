import { Link } from 'react-router-dom';
import { Button, Card, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { recommenderApi, type MyUnit } from '../api/recommendation.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { InviteLinkButton } from './invite-link.tsx';
import { QuotaGrid } from './quota-meter.tsx';
import './recommender.css';
import '../i18n/work.ts';
import '../i18n/recommend.ts';

function UnitCard({ unit }: { unit: MyUnit }) {
  const { t } = useI18n();
  return (
    <Card
      className="lv-unit-card"
      data-testid="my-unit"
      data-unit={unit.name}
      title={
        <Space wrap>
          <span>{unit.name}</span>
          {unit.channels.map((c) => (
            <Tag key={c.id} color="green">
              {c.name}
            </Tag>
          ))}
        </Space>
      }
      extra={
        <Space wrap>
          <InviteLinkButton unitId={unit.id} unitName={unit.name} />
          <Link to={`/recommender/units/${unit.id}`}>
            <Button type="primary" icon={<TeamOutlined />} data-testid={`open-unit-${unit.id}`}>
              {t('rec.openCandidates')}
            </Button>
          </Link>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('rec.program')}：<Link to={`/programs/${unit.programSlug}`}>{unit.programName}</Link>
      </Typography.Paragraph>
      <Typography.Title level={5}>{t('rec.quota')}</Typography.Title>
      <QuotaGrid quotas={unit.quotas} scoped={unit.scopedQuotas} />
    </Card>
  );
}

/** /recommender — the units I act for, each with its quota meter per track. */
export default function RecommenderHomePage() {
  const { t } = useI18n();
  const [load, reload] = useLoad(() => recommenderApi.myUnits(), []);
  return (
    <div data-testid="recommender-home">
      <Typography.Title level={3}>{t('rec.myUnits')}</Typography.Title>
      {load.state === 'loading' && <Skeleton active paragraph={{ rows: 6 }} />}
      {load.state === 'error' && <ApiErrorAlert error={load.error} title={t('rec.unitsFailed')} onRetry={reload} />}
      {load.state === 'ok' && load.data.units.length === 0 && (
        <Card>
          <Empty description={t('rec.noUnits')} />
        </Card>
      )}
      {load.state === 'ok' && load.data.units.map((u) => <UnitCard key={u.id} unit={u} />)}
    </div>
  );
}
