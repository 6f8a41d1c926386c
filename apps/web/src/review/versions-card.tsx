import { useState } from 'react';
import { Card, Empty, Select, Space, Table, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { screeningApi, type VersionCompare } from '../api/screening.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { formatDateTime } from '../shell/shanghai.ts';
import { useLoad } from '../shell/use-load.ts';
import { OutcomeTag } from './tags.tsx';

type Change = VersionCompare['changes'][number];

/** Every submitted version, and what changed between two of them (field by field, old → new). */
export function VersionsCard({ applicationId, versionCount }: { applicationId: string; versionCount: number }) {
  const { t, lang } = useI18n();
  const [versions, reloadVersions] = useLoad(() => screeningApi.versions(applicationId), [applicationId, versionCount]);
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  const items = versions.state === 'ok' ? versions.data.items : [];
  const last = items.at(-1)?.versionNo ?? 0;
  const chosen = pair ?? (items.length >= 2 ? { from: items[items.length - 2].versionNo, to: last } : null);
  const [diff, reloadDiff] = useLoad(
    () => (chosen ? screeningApi.compare(applicationId, chosen.from, chosen.to) : Promise.resolve(null)),
    [applicationId, chosen?.from, chosen?.to],
  );
  const options = items.map((v) => ({ value: v.versionNo, label: t('sc.versionN', { n: v.versionNo }) }));

  return (
    <Card title={t('sc.versions')} className="lv-block" data-testid="screening-versions">
      {versions.state === 'error' && <ApiErrorAlert error={versions.error} onRetry={reloadVersions} />}
      {versions.state === 'ok' && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {items.map((v) => (
        <div key={v.versionNo} className="lv-rule" data-testid="version-item" data-version={v.versionNo}>
          <Space>
            <Typography.Text strong>{t('sc.versionN', { n: v.versionNo })}</Typography.Text>
            <Typography.Text type="secondary">{formatDateTime(v.submittedAt)}</Typography.Text>
            <OutcomeTag outcome={v.outcome} />
          </Space>
        </div>
      ))}
      {chosen && (
        <>
          <Space wrap style={{ margin: '12px 0' }}>
            <Typography.Text strong>{t('sc.compare')}</Typography.Text>
            <Select value={chosen.from} options={options} onChange={(from: number) => setPair({ ...chosen, from })} style={{ width: 120 }} data-testid="compare-from" aria-label={t('sc.compareFrom')} />
            <ArrowRightOutlined />
            <Select value={chosen.to} options={options} onChange={(to: number) => setPair({ ...chosen, to })} style={{ width: 120 }} data-testid="compare-to" aria-label={t('sc.compareTo')} />
          </Space>
          {diff.state === 'error' && <ApiErrorAlert error={diff.error} onRetry={reloadDiff} />}
          <Table<Change>
            rowKey="path"
            size="small"
            loading={diff.state === 'loading'}
            pagination={false}
            dataSource={diff.state === 'ok' && diff.data ? diff.data.changes : []}
            locale={{ emptyText: t('sc.noChanges') }}
            data-testid="compare-table"
            onRow={(c) => ({ 'data-path': c.path }) as object}
            columns={[
              { key: 'field', title: t('sc.field'), width: '26%', render: (_, c) => (lang === 'en' && c.labelEn ? c.labelEn : c.label) },
              { key: 'before', title: t('sc.before'), render: (_, c) => <div className="lv-diff-before" data-testid="diff-before">{c.before || t('sc.empty')}</div> },
              { key: 'after', title: t('sc.after'), render: (_, c) => <div className="lv-diff-after" data-testid="diff-after">{c.after || t('sc.empty')}</div> },
            ]}
          />
        </>
      )}
    </Card>
  );
}
