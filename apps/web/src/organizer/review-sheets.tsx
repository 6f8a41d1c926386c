import { useState } from 'react';
import { App, Button, Card, Table, Tag, Typography } from 'antd';
import { UnlockOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { reviewApi, type ProgressSheet } from '../api/review.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';
import { ReasonModal } from '../shell/reason-modal.tsx';
import { formatDateTime } from '../shell/shanghai.ts';
import { fixed, pagedOver } from './review-rounds-model.ts';

const statusColor: Record<ProgressSheet['status'], string> = { none: 'default', draft: 'processing', submitted: 'success' };
const zh = new Intl.Collator('zh-CN');

/** 评分表: every published review of the round, its state and total; a submitted one may be unlocked with a reason. */
export function ReviewSheets({ programId, sheets, onUnlocked }: { programId: string; sheets: ProgressSheet[]; onUnlocked: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [unlocking, setUnlocking] = useState<ProgressSheet | null>(null);
  const rows = [...sheets].sort((a, b) => (a.applicationNumber < b.applicationNumber ? -1 : a.applicationNumber > b.applicationNumber ? 1 : zh.compare(a.expertName, b.expertName)));

  const columns: ColumnsType<ProgressSheet> = [
    { key: 'number', title: t('rd.number'), dataIndex: 'applicationNumber', sorter: (a, b) => (a.applicationNumber < b.applicationNumber ? -1 : a.applicationNumber > b.applicationNumber ? 1 : 0) },
    { key: 'expert', title: t('rd.expert'), dataIndex: 'expertName', sorter: (a, b) => zh.compare(a.expertName, b.expertName) },
    {
      key: 'status',
      title: t('rd.sheetStatus'),
      filters: (['none', 'draft', 'submitted'] as const).map((s) => ({ text: t(`rd.sheet.${s}`), value: s })),
      onFilter: (v, s) => s.status === v,
      render: (_, s) => <Tag color={statusColor[s.status]} data-testid="review-sheet-status">{t(`rd.sheet.${s.status}`)}</Tag>,
    },
    { key: 'total', title: t('rd.sheetTotal'), sorter: (a, b) => (a.total ?? -1) - (b.total ?? -1), render: (_, s) => (s.total === null ? '—' : fixed(s.total)) },
    { key: 'at', title: t('rd.submittedAt'), render: (_, s) => (s.submittedAt === null ? '—' : formatDateTime(s.submittedAt)) },
    {
      key: 'actions',
      width: 110,
      render: (_, s) =>
        s.status === 'submitted' && (
          <Button size="small" icon={<UnlockOutlined />} onClick={() => setUnlocking(s)} data-testid="review-sheet-unlock">{t('rd.unlock')}</Button>
        ),
    },
  ];

  return (
    <Card size="small" title={t('rd.sheets')} className="lv-block">
      <Table<ProgressSheet>
        rowKey="assignmentId"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={pagedOver(rows.length, 50)}
        locale={{ emptyText: t('rd.noAssignments') }}
        onRow={(s) => ({ 'data-testid': 'review-sheet-row', 'data-assignment': s.assignmentId, 'data-number': s.applicationNumber, 'data-expert': s.expertName, 'data-status': s.status }) as object}
        data-testid="review-sheets"
      />
      {unlocking && (
        <ReasonModal
          title={t('rd.unlockTitle')}
          intro={
            <Typography.Paragraph>
              {t('rd.unlockIntro', { number: unlocking.applicationNumber, name: unlocking.expertName, total: unlocking.total === null ? '—' : fixed(unlocking.total) })}
            </Typography.Paragraph>
          }
          label={t('rd.unlockReason')}
          requiredMessage={t('rd.reasonRequired')}
          placeholder={t('rd.unlockPlaceholder')}
          okText={t('rd.unlock')}
          danger
          testId="review-unlock"
          errorText={errorText}
          onClose={() => setUnlocking(null)}
          onSubmit={async (reason) => {
            await reviewApi.unlock(programId, unlocking.assignmentId, reason);
            void message.success(t('rd.unlocked', { number: unlocking.applicationNumber, name: unlocking.expertName }));
            setUnlocking(null);
            onUnlocked();
          }}
        />
      )}
    </Card>
  );
}
