import { Modal, Table, Tag, type ButtonProps } from 'antd';
import type { BulkResult } from '../api/screening.api.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** What a bulk pass did, application by application: passed, or why not (left for an individual decision). */
export function BulkResults({ results, numbers, onClose }: { results: { passed: number; results: BulkResult[] }; numbers: Record<string, string>; onClose: () => void }) {
  const { t, pick } = useI18n();
  const numberOf = (id: string) => numbers[id] ?? id;
  return (
    <Modal
      open
      title={t('q.bulkResultTitle', { passed: results.passed, total: results.results.length })}
      onCancel={onClose}
      onOk={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      okButtonProps={{ 'data-testid': 'bulk-results-close' } as ButtonProps}
      width={720}
    >
      <Table<BulkResult>
        rowKey="applicationId"
        size="small"
        pagination={false}
        dataSource={results.results}
        data-testid="bulk-results"
        onRow={(r) => ({ 'data-ok': r.ok, 'data-id': r.applicationId }) as object}
        columns={[
          { key: 'number', title: t('appl.number'), render: (_, r) => <span className="lv-mono">{numberOf(r.applicationId)}</span> },
          {
            key: 'result',
            title: t('q.outcome'),
            render: (_, r) => (r.ok ? <Tag color="green">{t('q.bulkOk')}</Tag> : <Tag color="red">{r.error?.code}</Tag>),
          },
          { key: 'message', title: '', render: (_, r) => (r.error ? pick(r.error.message) : '') },
        ]}
      />
    </Modal>
  );
}
