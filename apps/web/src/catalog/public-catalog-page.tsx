import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, Empty, Input, InputNumber, List, Pagination, Select, Space, Tag, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { DownloadButton } from '../shell/download-button.tsx';
import { useLoad } from '../shell/use-load.ts';
import { catalogApi, catalogFiles, type CatalogSearchQuery } from './catalog.api.ts';
import { fieldOptions, Highlighted } from './catalog-shared.tsx';
import '../i18n/catalog.ts';

// The region filter carries the GB/T 2260 table (~25 KB compressed) and antd's Cascader: it
// follows the list rather than holding it up.
const RegionCascader = lazy(() => import('../form-renderer/fields/region-field.tsx').then((m) => ({ default: m.RegionCascader })));

const PAGE_SIZE = 20;
const TRL = Array.from({ length: 9 }, (_, i) => ({ value: i + 1, label: `TRL ${i + 1}` }));

/** /catalog — the public catalog: Chinese full-text search, filters by field, region, TRL and benefit; highlighted, ranked results. */
export default function PublicCatalogPage() {
  const { t, lang } = useI18n();
  const [q, setQ] = useState<CatalogSearchQuery>({ page: 1, pageSize: PAGE_SIZE });
  const [load, reload] = useLoad(() => catalogApi.search(q), [JSON.stringify(q)]);
  const set = (patch: Partial<CatalogSearchQuery>) => setQ((cur) => ({ ...cur, page: 1, ...patch }));
  return (
    <Card className="lv-block" title={t('cat.title')} data-testid="public-catalog"
      extra={<DownloadButton href={catalogFiles.publicXlsx} filename="绿色技术推广目录.xlsx" icon={<FileExcelOutlined />} data-testid="catalog-export">{t('cat.export')}</DownloadButton>}>
      <Typography.Paragraph type="secondary">{t('cat.intro')}</Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
        <Input.Search allowClear enterButton placeholder={t('cat.search')} onSearch={(v) => set({ q: v.trim() || undefined })} data-testid="catalog-search" />
        <Space wrap>
          <Select allowClear placeholder={t('cat.field')} style={{ width: 220 }} options={fieldOptions(lang)} value={q.field} onChange={(v) => set({ field: v })} data-testid="catalog-filter-field" />
          <div style={{ width: 240 }}><Suspense fallback={null}><RegionCascader level="county" anyLevel value={q.region} onChange={(v) => set({ region: v })} testId="catalog-filter-region" /></Suspense></div>
          <Select allowClear placeholder={t('cat.trlMin')} style={{ width: 120 }} options={TRL} value={q.trlMin} onChange={(v) => set({ trlMin: v })} data-testid="catalog-filter-trl-min" />
          <Select allowClear placeholder={t('cat.trlMax')} style={{ width: 120 }} options={TRL} value={q.trlMax} onChange={(v) => set({ trlMax: v })} data-testid="catalog-filter-trl-max" />
          <InputNumber min={0} placeholder={t('cat.co2Min')} style={{ width: 220 }} value={q.co2Min} onChange={(v) => set({ co2Min: v ?? undefined })} data-testid="catalog-filter-co2" />
        </Space>
      </Space>
      {load.state === 'error' && <ApiErrorAlert error={load.error} title={t('cat.loadFailed')} onRetry={reload} />}
      <List loading={load.state === 'loading'} dataSource={load.state === 'ok' ? load.data.items : []}
        header={load.state === 'ok' ? <Typography.Text type="secondary" data-testid="catalog-total">{t('cat.total', { n: load.data.total })}</Typography.Text> : null}
        locale={{ emptyText: <Empty description={t('cat.none')} /> }}
        renderItem={(it) => (
          <List.Item data-testid="catalog-result" data-entry={it.id}>
            <List.Item.Meta
              title={<Space wrap><Link to={`/catalog/${it.id}`} data-testid={`catalog-result-${it.id}`}><Highlighted segments={it.name} /></Link>
                <Tag>{it.fieldName[lang]}</Tag><Tag color="blue">TRL {it.trl}</Tag></Space>}
              description={<Space direction="vertical" size={2}>
                <Typography.Text type="secondary"><Highlighted segments={it.snippet} /></Typography.Text>
                <span>{it.organizationName} · {it.regionName}
                  {it.co2ReducedT !== null && ` · ${t('cat.co2', { n: it.co2ReducedT })}`}
                  {it.energySavedTce !== null && ` · ${t('cat.energy', { n: it.energySavedTce })}`}</span>
              </Space>} />
          </List.Item>
        )} />
      {load.state === 'ok' && load.data.total > PAGE_SIZE && (
        <Pagination style={{ marginTop: 16 }} current={q.page} pageSize={PAGE_SIZE} total={load.data.total} showSizeChanger={false} onChange={(page) => setQ((cur) => ({ ...cur, page }))} />
      )}
    </Card>
  );
}
