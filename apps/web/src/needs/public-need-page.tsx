import { Link, useParams } from 'react-router-dom';
import { Button, Card, Descriptions, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorPage } from '../shell/api-error.tsx';
import { formatDateTime } from '../shell/shanghai.ts';
import { useLoad } from '../shell/use-load.ts';
import { needsApi } from './needs.api.ts';
import { fieldName } from './need-shared.tsx';
import '../i18n/needs.ts';

/** /needs/:needId — one published need, never its contact; a link to its 揭榜挂帅 call when it has one. */
export default function PublicNeedPage() {
  const { needId = '' } = useParams();
  const { t, lang } = useI18n();
  const [load, reload] = useLoad(() => needsApi.publicOne(needId), [needId]);
  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 8 }} />;
  if (load.state === 'error') return <ApiErrorPage error={load.error} onRetry={() => reload()} />;
  const n = load.data;
  return (
    <Card className="lv-block" data-testid="public-need-detail"
      title={<Space wrap>{n.fields.problem}<Tag color={n.open ? 'green' : 'default'} data-testid="public-need-state">{n.open ? t('nd.open') : t('nd.closed')}</Tag></Space>}
      extra={n.program && <Link to={`/programs/${n.program.slug}`}><Button type="primary" data-testid="public-need-program">{t('nd.openProgram')}</Button></Link>}>
      {n.fields.description && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{n.fields.description}</Typography.Paragraph>}
      <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('nd.organization')}>{n.organizationName}</Descriptions.Item>
        <Descriptions.Item label={t('nd.field')}>{fieldName(n.fields.fieldId, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('nd.budget')}>{t('nd.budgetRange', { min: n.fields.budget.min, max: n.fields.budget.max })}{n.fields.funded ? ` · ${t('nd.fundedYes')}` : ''}</Descriptions.Item>
        <Descriptions.Item label={t('nd.deadline')}>{n.fields.deadline} 24:00</Descriptions.Item>
        {n.publishedAt && <Descriptions.Item label={t('nd.published')}>{formatDateTime(n.publishedAt)}</Descriptions.Item>}
      </Descriptions>
      <Table size="small" rowKey="name" pagination={false} dataSource={n.fields.indicators} data-testid="public-need-indicators"
        columns={[
          { key: 'name', title: t('nd.indicatorName'), dataIndex: 'name' },
          { key: 'target', title: t('nd.indicatorTarget'), render: (_, i) => `${i.direction === 'atMost' ? '≤' : '≥'} ${i.target}${i.unit}` },
        ]} />
    </Card>
  );
}
