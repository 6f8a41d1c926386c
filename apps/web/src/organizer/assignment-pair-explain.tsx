import { Alert, Skeleton, Space, Tag, Typography } from 'antd';
import { assignmentApi } from '../api/assignment.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { conflictKindName } from './assignment-model.ts';

type Pair = { programId: string; round: string; applicationId: string; expertId: string };

/** The popover's content: why the pair scores what it does (shared terms, fields) and what blocks it. Loaded when opened. */
export function PairExplain({ programId, round, applicationId, expertId }: Pair) {
  const { t } = useI18n();
  const [load, reload] = useLoad(() => assignmentApi.explain(programId, round, applicationId, expertId), [programId, round, applicationId, expertId]);
  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 3 }} style={{ width: 320 }} />;
  if (load.state === 'error') return <ApiErrorAlert error={load.error} title={t('as.explainFailed')} onRetry={reload} />;
  const x = load.data;
  return (
    <Space orientation="vertical" size={8} style={{ maxWidth: 380 }} data-testid="pair-explain">
      <Typography.Text strong data-testid="pair-explain-score">{t('as.explainScore', { text: x.textScore, bonus: x.fieldBonus, total: x.affinity })}</Typography.Text>
      {x.rule && <Tag color="purple">{t(`as.rule.${x.rule}`)}</Tag>}
      <div>
        <Typography.Text type="secondary">{t('as.sharedTerms')}</Typography.Text>
        <div data-testid="pair-shared-terms">
          {x.sharedTerms.length === 0 ? t('as.none') : x.sharedTerms.slice(0, 20).map((s) => <Tag key={s.term} style={{ marginTop: 4 }}>{s.term} · {s.weight}</Tag>)}
        </div>
      </div>
      <div>
        <Typography.Text type="secondary">{t('as.fieldMatch')}</Typography.Text>
        <div data-testid="pair-field-match">{x.fieldMatch.length === 0 ? t('as.none') : x.fieldMatch.map((f) => <Tag key={f} color="green" style={{ marginTop: 4 }}>{f}</Tag>)}</div>
      </div>
      <div>
        <Typography.Text type="secondary">{t('as.conflicts')}</Typography.Text>
        {x.conflicts.length === 0 ? (
          <div data-testid="pair-conflicts" data-count={0}>{t('as.noConflicts')}</div>
        ) : (
          <Space orientation="vertical" size={4} style={{ display: 'flex' }} data-testid="pair-conflicts" data-count={x.conflicts.length}>
            {x.conflicts.map((c, i) => <Alert key={i} type="error" showIcon title={conflictKindName(t, c.kind)} description={c.detail} />)}
          </Space>
        )}
      </div>
    </Space>
  );
}
