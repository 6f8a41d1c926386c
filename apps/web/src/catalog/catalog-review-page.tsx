import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, Drawer, Input, Modal, Select, Space, Table, Tabs, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n.tsx';
import { errorLine } from '../needs/need-shared.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { DownloadButton } from '../shell/download-button.tsx';
import { useLoad } from '../shell/use-load.ts';
import { catalogApi, catalogFiles, type CatalogEntryDetail, type CatalogFieldsInput, type CatalogProgram } from './catalog.api.ts';
import { CatalogStatusTag, EntryFields, EntryHistory } from './catalog-shared.tsx';
import { EntryTable } from './my-entries-page.tsx';
import '../i18n/catalog.ts';

/** /catalog/review — the catalog organizer: pending versions, every entry (suspend / retire / reinstate), winners from published results. */
export default function CatalogReviewPage() {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  return (
    <Card className="lv-block" title={t('cat.review')} data-testid="catalog-review"
      extra={<DownloadButton href={catalogFiles.allXlsx} filename="绿色技术推广目录（内部）.xlsx" icon={<FileExcelOutlined />} data-testid="catalog-export-all">{t('cat.exportAll')}</DownloadButton>}>
      <Tabs destroyOnHidden items={[
        { key: 'review', label: <span data-testid="catalog-tab-review">{t('cat.tabReview')}</span>, children: <Entries key={tick} status="review" onOpen={setOpen} /> },
        { key: 'all', label: <span data-testid="catalog-tab-all">{t('cat.tabEntries')}</span>, children: <AllEntries key={tick} onOpen={setOpen} /> },
        { key: 'programs', label: <span data-testid="catalog-tab-programs">{t('cat.tabPrograms')}</span>, children: <Programs /> },
      ]} />
      {open && <ReviewDrawer entryId={open} onClose={() => { setOpen(null); setTick((n) => n + 1); }} />}
    </Card>
  );
}

function Entries({ status, onOpen }: { status: string; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const [load, reload] = useLoad(() => catalogApi.list(status), [status]);
  if (load.state === 'error') return <ApiErrorAlert error={load.error} title={t('cat.loadFailed')} onRetry={reload} />;
  return (
    <div data-testid={`catalog-list-${status || 'all'}`} onClickCapture={(ev) => {
      const a = (ev.target as HTMLElement).closest('a[data-testid^="catalog-open-"]');
      if (!a) return;
      ev.preventDefault();
      onOpen(a.getAttribute('data-testid')!.slice('catalog-open-'.length));
    }}>
      <EntryTable items={load.state === 'ok' ? load.data.items : []} loading={load.state === 'loading'} link={(e) => `/catalog/entries/${e.id}/edit`} action={t('cat.open')} />
    </div>
  );
}

function AllEntries({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState('');
  const statuses = ['invited', 'draft', 'pending', 'published', 'suspended', 'retired'] as const;
  return (
    <>
      <Select allowClear placeholder={t('cat.status')} style={{ width: 180, marginBottom: 12 }} value={status || undefined} onChange={(v) => setStatus(v ?? '')}
        options={statuses.map((s) => ({ value: s, label: t(`cat.st.${s}`) }))} data-testid="catalog-status-filter" />
      <Entries status={status} onOpen={onOpen} />
    </>
  );
}

function ReviewDrawer({ entryId, onClose }: { entryId: string; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [load, reload, set] = useLoad(() => catalogApi.get(entryId), [entryId]);
  const [ask, setAsk] = useState<null | 'reject' | 'suspend' | 'retire' | 'reinstate'>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = async (what: () => Promise<CatalogEntryDetail>, done: string) => {
    try {
      set(await what());
      message.success(done);
      setAsk(null);
      setText('');
      setError(null);
    } catch (e) {
      setError(errorLine(e, lang));
    }
  };
  const e = load.state === 'ok' ? load.data : null;
  const pending = e?.latest.status === 'pending' ? e.latest : null;
  const confirm = () => {
    if (!e || !ask) return;
    if (ask === 'reject') void act(() => catalogApi.reject(e.id, pending!.version, text), t('cat.rejected'));
    else void act(() => catalogApi.adjust(e.id, ask, text), t('cat.adjusted'));
  };
  return (
    <Drawer open width={760} onClose={onClose} title={e ? <Space>{String(e.latest.fields.name ?? '')}<CatalogStatusTag status={e.status} testId="review-entry-status" /></Space> : null} data-testid="catalog-review-drawer">
      {load.state === 'error' && <ApiErrorAlert error={load.error} onRetry={reload} />}
      {error && !ask && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {e && (
        <>
          <Typography.Paragraph type="secondary">{t('cat.owner')}：{e.organization.name}{e.program ? `\u3000${t('cat.program')}：${e.program.name}` : ''}</Typography.Paragraph>
          <Space wrap style={{ marginBottom: 16 }}>
            {pending && <Button type="primary" onClick={() => void act(() => catalogApi.approve(e.id, pending.version), t('cat.approved'))} data-testid="review-approve">{t('cat.approve')} {t('cat.version', { n: pending.version })}</Button>}
            {pending && <Button danger onClick={() => setAsk('reject')} data-testid="review-reject">{t('cat.reject')}</Button>}
            {e.status === 'published' && <Button onClick={() => setAsk('suspend')} data-testid="review-suspend">{t('cat.suspend')}</Button>}
            {(e.status === 'published' || e.status === 'suspended') && <Button danger onClick={() => setAsk('retire')} data-testid="review-retire">{t('cat.retire')}</Button>}
            {(e.status === 'suspended' || e.status === 'retired') && e.publishedVersion && <Button onClick={() => setAsk('reinstate')} data-testid="review-reinstate">{t('cat.reinstate')}</Button>}
          </Space>
          {pending && pending.fields.benefits ? <EntryFields fields={pending.fields as unknown as CatalogFieldsInput} testId="review-fields" /> : e.versions.length > 0 && (
            <Typography.Paragraph type="secondary">{t('cat.version', { n: e.latest.version })}：{t(`cat.vst.${e.latest.status}`)}</Typography.Paragraph>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('cat.history')}</Typography.Title>
          <EntryHistory items={e.history} />
        </>
      )}
      <Modal open={!!ask} title={ask ? t(`cat.${ask}`) : ''} onCancel={() => setAsk(null)} onOk={confirm} okButtonProps={{ danger: ask !== 'reinstate', 'data-testid': 'review-confirm' } as never}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Input.TextArea rows={4} placeholder={ask === 'reject' ? t('cat.rejectNote') : t('cat.adjustReason')} value={text} onChange={(ev) => setText(ev.target.value)} data-testid="review-reason" />
      </Modal>
    </Drawer>
  );
}

function Programs() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [load, reload] = useLoad(() => catalogApi.programs(), []);
  if (load.state === 'error') return <ApiErrorAlert error={load.error} title={t('cat.loadFailed')} onRetry={reload} />;
  const invite = async (p: CatalogProgram) => {
    const r = await catalogApi.importWinners(p.id);
    message.success(t('cat.imported', { n: r.added, m: r.alreadyInCatalog }));
    reload();
  };
  return (
    <Table<CatalogProgram> rowKey="id" loading={load.state === 'loading'} pagination={false} dataSource={load.state === 'ok' ? load.data.items : []} locale={{ emptyText: t('cat.none') }}
      columns={[
        { key: 'name', title: t('cat.programName'), render: (_, p) => <Link to={`/organizer/programs/${p.id}`}>{p.name}</Link> },
        { key: 'awarded', title: t('cat.awarded'), dataIndex: 'awarded' },
        { key: 'in', title: t('cat.inCatalog'), dataIndex: 'inCatalog' },
        { key: 'act', title: '', render: (_, p) => <Button onClick={() => void invite(p)} disabled={p.awarded === p.inCatalog} data-testid={`catalog-import-${p.id}`}>{t('cat.import')}</Button> },
      ]} />
  );
}
