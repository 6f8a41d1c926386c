import { Space, Tag } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import type { RuleCounts, ScreeningOutcome } from '../api/screening.api.ts';
import { useI18n } from '../i18n/i18n.tsx';

export const ruleColor = { pass: 'green', fail: 'red', unknown: 'default' } as const;
export const ruleIcon = { pass: <CheckCircleOutlined />, fail: <CloseCircleOutlined />, unknown: <QuestionCircleOutlined /> };
const outcomeColor: Record<ScreeningOutcome, string> = { pass: 'green', fail: 'red', return: 'orange' };

/** A rule's outcome: 符合 / 不符合 / 无法判断. */
export function RuleTag({ status }: { status: keyof typeof ruleColor }) {
  const { t } = useI18n();
  return (
    <Tag color={ruleColor[status]} icon={ruleIcon[status]} data-testid="rule-status" data-status={status}>
      {t(`sc.rule.${status}`)}
    </Tag>
  );
}

/** How many rules passed, failed or could not be judged (zeros left out). */
export function RuleCountTags({ counts }: { counts: RuleCounts }) {
  const keys = (['fail', 'unknown', 'pass'] as const).filter((k) => counts[k] > 0);
  if (keys.length === 0) return <span>—</span>;
  return (
    <Space size={2} data-testid="rule-counts" data-fail={counts.fail}>
      {keys.map((k) => (
        <Tag key={k} color={ruleColor[k]} icon={ruleIcon[k]}>
          {counts[k]}
        </Tag>
      ))}
    </Space>
  );
}

export function OutcomeTag({ outcome }: { outcome: ScreeningOutcome | null }) {
  const { t } = useI18n();
  if (!outcome) return <span>—</span>;
  return (
    <Tag color={outcomeColor[outcome]} data-testid="screening-outcome" data-outcome={outcome}>
      {t(`sc.outcome.${outcome}`)}
    </Tag>
  );
}
