import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, Empty, Input, List, Select, Space, Tag, Typography } from 'antd';
import { RegionCascader } from '../form-renderer/fields/region-field.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { needsApi } from './needs.api.ts';
import { fieldName, fieldOptions, indicatorLine } from './need-shared.tsx';
import '../i18n/needs.ts';

type Filters = { fieldId?: string; region?: string; funded?: '1' | '0'; state?: 'open' | 'closed'; q?: string };

/** /needs — published needs for anyone: filters by field, region, funding and state; no contacts. */
export default function PublicNeedsPage() {
  const { t, lang } = useI18n();
  const [f, setF] = useState<Filters>({ state: 'open' });
  const [load, reload] = useLoad(() => needsApi.publicList({ ...f, limit: 100 }), [f]);
  const set = (patch: Filters) => setF((cur) => ({ ...cur, ...patch }));
  return (
    <Card className="lv-block" title={t('nd.publicTitle')} data-testid="public-needs">
      <Typography.Paragraph type="secondary">{t('nd.publicIntro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select allowClear placeholder={t('nd.filterField')} style={{ width: 220 }} options={fieldOptions(lang)} value={f.fieldId} onChange={(v) => set({ fieldId: v })} data-testid="needs-filter-field" />
        <div style={{ width: 240 }}><RegionCascader level="city" anyLevel value={f.region} onChange={(v) => set({ region: v })} testId="needs-filter-region" /></div>
        <Select allowClear placeholder={t('nd.filterFunded')} style={{ width: 150 }} value={f.funded} onChange={(v) => set({ funded: v })} data-testid="needs-filter-funded"
          options={[{ value: '1', label: t('nd.fundedYes') }, { value: '0', label: t('nd.fundedNo') }]} />
        <Select allowClear placeholder={t('nd.filterState')} style={{ width: 120 }} value={f.state} onChange={(v) => set({ state: v })} data-testid="needs-filter-state"
          options={[{ value: 'open', label: t('nd.open') }, { value: 'closed', label: t('nd.closed') }]} />
        <Input.Search allowClear placeholder={t('nd.search')} style={{ width: 240 }} onSearch={(q) => set({ q: q || undefined })} data-testid="needs-search" />
      </Space>
      {load.state === 'error' && <ApiErrorAlert error={load.error} title={t('nd.loadFailed')} onRetry={reload} />}
      <List loading={load.state === 'loading'} dataSource={load.state === 'ok' ? load.data.items : []}
        header={load.state === 'ok' ? <Typography.Text type="secondary" data-testid="needs-total">{t('nd.total', { n: load.data.total })}</Typography.Text> : null}
        locale={{ emptyText: <Empty description={t('nd.none')} /> }}
        renderItem={(n) => (
          <List.Item data-testid="public-need" data-need={n.id}>
            <List.Item.Meta
              title={<Space wrap><Link to={`/needs/${n.id}`} data-testid={`public-need-${n.id}`}>{n.fields.problem}</Link>
                <Tag color={n.open ? 'green' : 'default'}>{n.open ? t('nd.open') : t('nd.closed')}</Tag>
                {n.fields.funded && <Tag color="gold">{t('nd.fundedYes')}</Tag>}</Space>}
              description={<Space direction="vertical" size={2}>
                <span>{n.organizationName} · {fieldName(n.fields.fieldId, lang)} · {t('nd.budgetRange', { min: n.fields.budget.min, max: n.fields.budget.max })} · {t('nd.deadlineOn', { date: n.fields.deadline })}</span>
                <Typography.Text type="secondary">{n.fields.indicators.map(indicatorLine).join('；')}</Typography.Text>
              </Space>} />
          </List.Item>
        )} />
    </Card>
  );
}
