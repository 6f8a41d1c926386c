import { Card, Empty, Typography } from 'antd';
import type { RuleResult, ScreeningView } from '../api/screening.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { RuleCountTags, RuleTag, ruleIcon } from './tags.tsx';

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
          {/* A rule over a repeating group: which items counted, and why the others did not. */}
          {r.items && r.items.length > 0 && (
            <ul className="lv-rule-items" data-testid="rule-items">
              {r.items.map((item) => (
                <li key={item.index} data-testid="rule-item" data-status={item.status}>
                  <Typography.Text type={item.status === 'pass' ? 'success' : 'secondary'}>{ruleIcon[item.status]}</Typography.Text> <Typography.Text type={item.status === 'fail' ? 'danger' : undefined}>{pick(item.reason)}</Typography.Text>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </Card>
  );
}
