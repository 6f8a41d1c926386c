import { Typography } from 'antd';
import { assignmentApi, type AssignmentView, type PairRuleKind } from '../api/assignment.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ReasonModal } from '../shell/reason-modal.tsx';
import { refusalText } from './assignment-model.ts';

export type RuleTarget = { applicationId: string; expertId: string; kind: PairRuleKind; /** "A-0001 · 张三" */ label: string };

/** 锁定 / 排除 / 解除回避 of one pair, always with a reason (it goes to the audit log). */
export function AssignmentRuleModal({ programId, round, target, onClose, onDone }: { programId: string; round: string; target: RuleTarget; onClose: () => void; onDone: (v: AssignmentView) => void }) {
  const { t, pick } = useI18n();
  return (
    <ReasonModal
      title={t(`as.ruleTitle.${target.kind}`, { pair: target.label })}
      intro={<Typography.Paragraph type="secondary">{t(`as.ruleText.${target.kind}`)}</Typography.Paragraph>}
      label={t('as.reason')}
      requiredMessage={t('as.reasonRequired')}
      danger={target.kind !== 'pin'}
      testId="rule"
      errorText={(e) => refusalText(e, pick, t('error.unknown'))}
      onSubmit={async (reason) => onDone(await assignmentApi.setRule(programId, round, { applicationId: target.applicationId, expertId: target.expertId, kind: target.kind, reason }))}
      onClose={onClose}
    />
  );
}
