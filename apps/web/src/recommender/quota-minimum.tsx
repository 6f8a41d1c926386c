import { Progress, Typography } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * A minimum (河南: at least 3 per track) is a target the unit works towards, not an error: a
 * progress line on the unit's page, green once met. It says nothing on each candidate's page.
 */
export function MinimumProgress({ used, min }: { used: number; min: number }) {
  const { t } = useI18n();
  const met = used >= min;
  return (
    <div className="lv-quota-min" data-testid="quota-min" data-met={met ? 'true' : 'false'}>
      <Typography.Text type={met ? 'success' : 'secondary'} style={{ fontSize: 12 }}>
        {met ? t('rec.minMet', { min }) : t('rec.minProgress', { min, used, n: min - used })}
      </Typography.Text>
      <Progress percent={Math.min(100, Math.round((used / Math.max(1, min)) * 100))} showInfo={false} size="small" status={met ? 'success' : 'normal'} />
    </div>
  );
}
