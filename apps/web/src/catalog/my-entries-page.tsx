import { Link } from 'react-router-dom';
import { Card, Table, Typography } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { catalogApi, type CatalogEntrySummary } from './catalog.api.ts';
import { CatalogStatusTag } from './catalog-shared.tsx';
import '../i18n/catalog.ts';

/** /catalog/mine — the owner's entries: invitations to opt in, drafts, published ones to update. */
export default function MyEntriesPage() {
  const { t } = useI18n();
  const [load, reload] = useLoad(() => catalogApi.mine(), []);
  return (
    <Card className="lv-block" title={t('cat.mine')} data-testid="catalog-mine">
      <Typography.Paragraph type="secondary">{t('cat.mineIntro')}</Typography.Paragraph>
      {load.state === 'error' && <ApiErrorAlert error={load.error} title={t('cat.loadFailed')} onRetry={reload} />}
      <EntryTable items={load.state === 'ok' ? load.data.items : []} loading={load.state === 'loading'} link={(e) => `/catalog/entries/${e.id}/edit`} action={t('cat.edit')} />
    </Card>
  );
}

export function EntryTable({ items, loading, link, action }: { items: CatalogEntrySummary[]; loading: boolean; link: (e: CatalogEntrySummary) => string; action: string }) {
  const { t, lang } = useI18n();
  return (
    <Table<CatalogEntrySummary> rowKey="id" loading={loading} dataSource={items} pagination={{ pageSize: 50, hideOnSinglePage: true }} locale={{ emptyText: t('cat.none') }}
      onRow={(e) => ({ 'data-testid': `catalog-row-${e.id}` }) as never}
      columns={[
        { key: 'name', title: t('cat.name'), render: (_, e) => <Link to={link(e)} data-testid={`catalog-open-${e.id}`}>{e.name || '—'}</Link> },
        { key: 'org', title: t('cat.owner'), dataIndex: 'organizationName' },
        { key: 'program', title: t('cat.program'), render: (_, e) => e.programName ?? '—' },
        { key: 'status', title: t('cat.status'), render: (_, e) => <CatalogStatusTag status={e.status} testId={`catalog-status-${e.id}`} /> },
        { key: 'pending', title: t('cat.versions'), render: (_, e) => [e.publishedVersion && t('cat.version', { n: e.publishedVersion }), e.pendingVersion && `${t('cat.vst.pending')}：${t('cat.version', { n: e.pendingVersion })}`].filter(Boolean).join(' · ') || '—' },
        { key: 'at', title: t('cat.updatedAt'), render: (_, e) => new Date(e.updatedAt).toLocaleDateString(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' }) },
        { key: 'act', title: '', render: (_, e) => <Link to={link(e)}>{action}</Link> },
      ]} />
  );
}
