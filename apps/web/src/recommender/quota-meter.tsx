import { Progress, Space, Typography } from 'antd';
import type { QuotaMeter, ScopedQuotaMeter } from '../api/recommendation.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { MinimumProgress } from './quota-minimum.tsx';

/** One track's quota: used against the limit (or unlimited), places left, and progress towards a minimum. */
export function QuotaMeterView({ quota, title, showMinimum = true }: { quota: QuotaMeter; title?: string; showMinimum?: boolean }) {
  const { t } = useI18n();
  const { used, limit, left, min, short } = quota;
  const exhausted = limit !== null && left === 0;
  return (
    <div className="lv-quota" data-testid={`quota-${quota.trackId}`} data-used={used} data-limit={limit ?? ''} data-left={left ?? ''} data-short={short}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Text strong>{title ?? quota.trackName}</Typography.Text>
        <Typography.Text type={exhausted ? 'danger' : 'secondary'} data-testid="quota-text">
          {limit === null ? `${t('rec.used', { used })} · ${t('rec.unlimited')}` : `${t('rec.usedOf', { used, limit })} · ${exhausted ? t('rec.exhausted') : t('rec.left', { n: left ?? 0 })}`}
        </Typography.Text>
      </Space>
      {limit !== null && (
        <Progress percent={Math.min(100, Math.round((used / Math.max(1, limit)) * 100))} showInfo={false} size="small" status={exhausted ? 'exception' : 'normal'} />
      )}
      {min !== null && showMinimum && <MinimumProgress used={used} min={min} />}
    </div>
  );
}

/** Every track of a unit, then each quota across tracks ("全部领域合计不超过6项"), in a responsive grid. */
export function QuotaGrid({ quotas, scoped = [] }: { quotas: QuotaMeter[]; scoped?: ScopedQuotaMeter[] }) {
  return (
    <div className="lv-quota-grid" data-testid="quota-grid">
      {scoped.map((q) => (
        <QuotaMeterView key={q.ruleId} quota={{ ...q, trackId: `@${q.ruleId}`, trackName: q.label }} />
      ))}
      {quotas.map((q) => (
        <QuotaMeterView key={q.trackId} quota={q} />
      ))}
    </div>
  );
}
