import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Popconfirm, Space, Table, Tag, Tooltip, Typography, type ButtonProps } from 'antd';
import { CheckOutlined, NotificationOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { applicationStatusNames } from '@lvping/domain/application/application-api.schema.ts';
import { screeningApi, type BulkResult, type QueueFilters, type QueueItem } from '../api/screening.api.ts';
import { useRegions } from '../form-renderer/reference.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert, useErrorText } from '../shell/api-error.tsx';
import { formatDateTime } from '../shell/shanghai.ts';
import { applicationStatusColor } from '../shell/status.ts';
import { useLoad } from '../shell/use-load.ts';
import { BulkResults } from './bulk-results.tsx';
import { QueueFilterBar } from './queue-filter-bar.tsx';
import { queueFromParams, queueToParams } from './queue-filters.ts';
import { OutcomeTag, RuleCountTags } from './tags.tsx';

type Props = {
  programId: string;
  tracks: { id: string; name: string }[];
  /** Where one application's screening page is, from here. */
  hrefOf: (applicationId: string) => string;
  canRelease: boolean;
  /** Parameters of the page around the queue (the organizer's ?tab=screening). */
  extraParams?: Record<string, string>;
};

/** A track's screening queue: filters, several selected and passed at once, reasons released per track. */
export function ScreeningQueue({ programId, tracks, hrefOf, canRelease, extraParams = {} }: Props) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const text = useErrorText();
  const regions = useRegions();
  const [params, setParams] = useSearchParams();
  const filters = queueFromParams(params, tracks[0]?.id ?? '');
  const [load, reload] = useLoad(() => screeningApi.queue(programId, filters), [programId, filters]);
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState<'bulk' | 'release' | null>(null);
  // The numbers are kept with the results: the passed ones leave this queue when it reloads.
  const [results, setResults] = useState<{ passed: number; results: BulkResult[]; numbers: Record<string, string> } | null>(null);
  const items = load.state === 'ok' ? load.data.items : [];

  const update = (patch: Partial<QueueFilters>) => {
    setSelected([]);
    setParams(queueToParams({ ...filters, page: undefined, ...patch }, extraParams), { replace: true });
  };

  const bulkPass = async () => {
    setBusy('bulk');
    try {
      const numbers = Object.fromEntries(items.filter((i) => selected.includes(i.id)).map((i) => [i.id, i.number]));
      setResults({ ...(await screeningApi.bulkPass(programId, selected)), numbers });
      setSelected([]);
      reload();
    } catch (e) {
      message.error(text(e));
    } finally {
      setBusy(null);
    }
  };

  const release = async () => {
    setBusy('release');
    try {
      const r = await screeningApi.release(programId, { trackId: filters.trackId });
      message.success(t('q.releaseDone', { n: r.released }));
      reload();
    } catch (e) {
      message.error(text(e));
    } finally {
      setBusy(null);
    }
  };

  const columns: ColumnsType<QueueItem> = [
    {
      key: 'number',
      title: t('appl.number'),
      render: (_, a) => (
        <Link to={hrefOf(a.id)} className="lv-mono" data-testid={`queue-open-${a.number}`}>
          {a.number}
        </Link>
      ),
    },
    { key: 'org', title: t('appl.organization'), render: (_, a) => <><div>{a.organizationName}</div><Typography.Text type="secondary" className="lv-mono">{a.creditCode}</Typography.Text></> },
    { key: 'region', title: t('orgz.region'), render: (_, a) => regions?.formatRegion(a.regionCode) ?? a.regionCode },
    { key: 'submitted', title: t('my.submittedAt'), render: (_, a) => (a.submittedAt ? formatDateTime(a.submittedAt) : '—') },
    { key: 'rules', title: t('q.rules'), render: (_, a) => <RuleCountTags counts={a.ruleSummary} /> },
    { key: 'checklist', title: t('q.checklist'), render: (_, a) => `${a.checklist.checked}/${a.checklist.total}` },
    { key: 'status', title: t('appl.status'), render: (_, a) => <Tag color={applicationStatusColor[a.status]} data-testid="queue-status" data-status={a.status}>{pick(applicationStatusNames[a.status])}</Tag> },
    {
      key: 'outcome',
      title: t('q.outcome'),
      render: (_, a) => (
        <Space size={4}>
          <OutcomeTag outcome={a.outcome} />
          {a.outcome === 'fail' && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.releasedAt ? t('q.released') : t('q.notReleased')}</Typography.Text>}
        </Space>
      ),
    },
  ];

  const selectable = (a: QueueItem) => load.state === 'ok' && a.status === load.data.screenableStatus && a.outcome === null;
  return (
    <div data-testid="screening-queue">
      <QueueFilterBar key={filters.trackId} filters={filters} tracks={tracks} onChange={update} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Popconfirm title={t('q.bulkConfirm', { n: selected.length })} onConfirm={() => void bulkPass()} okButtonProps={{ 'data-testid': 'bulk-pass-confirm' } as ButtonProps} cancelButtonProps={{ 'data-testid': 'bulk-pass-cancel' } as ButtonProps} cancelText={t('apply.cancel')} disabled={selected.length === 0}>
          <Button type="primary" icon={<CheckOutlined />} disabled={selected.length === 0} loading={busy === 'bulk'} data-testid="bulk-pass">
            {t('q.bulkPass', { n: selected.length })}
          </Button>
        </Popconfirm>
        {canRelease && (
          <Popconfirm title={t('q.releaseConfirm')} onConfirm={() => void release()} okButtonProps={{ 'data-testid': 'release-confirm' } as ButtonProps} cancelButtonProps={{ 'data-testid': 'release-cancel' } as ButtonProps} cancelText={t('apply.cancel')}>
            <Button icon={<NotificationOutlined />} loading={busy === 'release'} data-testid="release-reasons">
              {t('q.release')}
            </Button>
          </Popconfirm>
        )}
        {load.state === 'ok' && (
          <Tooltip title={t('q.waitingFor', { status: pick(applicationStatusNames[load.data.screenableStatus]) })}>
            <Typography.Text type="secondary">{t('q.waitingFor', { status: pick(applicationStatusNames[load.data.screenableStatus]) })}</Typography.Text>
          </Tooltip>
        )}
      </Space>
      {load.state === 'error' ? (
        <ApiErrorAlert error={load.error} title={t('q.failed')} onRetry={reload} />
      ) : (
        <Table<QueueItem>
          rowKey="id"
          size="middle"
          loading={load.state === 'loading'}
          columns={columns}
          dataSource={items}
          scroll={{ x: 'max-content' }}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys.map(String)),
            getCheckboxProps: (a) => ({ disabled: !selectable(a), 'data-testid': `queue-select-${a.number}` }) as object,
          }}
          pagination={{
            current: filters.page ?? 1,
            pageSize: 20,
            total: load.state === 'ok' ? load.data.total : 0,
            showTotal: (n) => t('q.total', { n }),
            onChange: (page) => setParams(queueToParams({ ...filters, page }, extraParams), { replace: true }),
          }}
          data-testid="queue-table"
        />
      )}
      {results && <BulkResults results={results} numbers={results.numbers} onClose={() => setResults(null)} />}
      {tracks.length === 0 && <Alert type="info" showIcon title={t('rv.noPrograms')} />}
    </div>
  );
}
