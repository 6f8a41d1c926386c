import { useState } from 'react';
import { App, Button, Card, Table, Tag } from 'antd';
import { assignmentApi, type AssignmentView, type PairRule } from '../api/assignment.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatDateTime } from '../shell/shanghai.ts';
import { refusalText, rowsByApplication, type Candidate } from './assignment-model.ts';

const kindColor = { pin: 'purple', ban: 'red', override: 'orange' } as const;

/** 组合规则: the pins, bans and overridden 回避 of the program, each with its reason, removable. */
export function AssignmentRules({ programId, view, candidates, onView }: { programId: string; view: AssignmentView; candidates: Candidate[]; onView: (v: AssignmentView) => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  if (view.rules.length === 0) return null;
  const numberOf = new Map(rowsByApplication(view).map((r) => [r.applicationId, r.number]));
  const nameOf = new Map(candidates.map((c) => [c.expertId, c.name]));
  const key = (r: PairRule) => `${r.applicationId}:${r.expertId}`;

  const remove = async (r: PairRule) => {
    setBusy(key(r));
    try {
      onView(await assignmentApi.deleteRule(programId, view.roundId, { applicationId: r.applicationId, expertId: r.expertId }));
      void message.success(t('as.ruleDeleted'));
    } catch (e) {
      void message.error(refusalText(e, pick, t('error.unknown')));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card size="small" title={t('as.rules')} className="lv-block">
      <Table
        rowKey={key}
        size="small"
        pagination={false}
        dataSource={view.rules}
        data-testid="assignment-rules"
        columns={[
          { key: 'number', title: t('as.number'), render: (_, r) => numberOf.get(r.applicationId) ?? r.applicationId },
          { key: 'expert', title: t('as.reviewers'), render: (_, r) => nameOf.get(r.expertId) ?? r.expertId },
          { key: 'kind', render: (_, r) => <Tag color={kindColor[r.kind]}>{t(`as.rule.${r.kind}`)}</Tag> },
          { key: 'reason', title: t('as.reason'), dataIndex: 'reason' },
          { key: 'at', render: (_, r) => formatDateTime(r.createdAt) },
          { key: 'remove', render: (_, r) => <Button size="small" loading={busy === key(r)} onClick={() => void remove(r)}>{t('as.unpin')}</Button> },
        ]}
      />
    </Card>
  );
}
