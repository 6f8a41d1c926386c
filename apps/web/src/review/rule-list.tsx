import { Card, Empty, Typography } from 'antd';
import type { RuleResult, ScreeningView } from '../api/screening.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { RuleCountTags, RuleTag } from './tags.tsx';

/** The track's automatic rules on this application: outcome, what was read, and why. */
export function RuleList({ view }: { view: ScreeningView }) {
  const { t, lang, pick } = useI18n();
  const text = (r: RuleResult) => (lang === 'en' && r.descriptionEn ? r.descriptionEn : r.description);
  return (
    <Card title={t('sc.rules')} extra={<RuleCountTags counts={view.ruleSummary} />} className="lv-block" data-testid="screening-rules">
      {view.rules.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sc.noRules')} />}
      {view.rules.map((r) => (
        <div key={r.ruleId} className="lv-rule" data-testid="screening-rule" data-rule={r.ruleId} data-status={r.status}>
          <RuleTag status={r.status} /> <Typography.Text>{text(r)}</Typography.Text>
          {r.value && (
            <div>
              <Typography.Text type="secondary">{t('sc.ruleValue', { value: r.value })}</Typography.Text>
            </div>
          )}
          {r.reason && (
            <div>
              <Typography.Text type={r.status === 'fail' ? 'danger' : 'secondary'} data-testid="rule-reason">
                {pick(r.reason)}
              </Typography.Text>
            </div>
          )}
        </div>
      ))}
    </Card>
  );
}
