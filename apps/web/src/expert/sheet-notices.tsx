import { Alert, Statistic, Typography } from 'antd';
import type { SheetView } from '../api/expert-review.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatDateTime } from '../shell/shanghai.ts';
import type { Rubric } from '@lvping/domain/review/rubric.schema.ts';
import { failedGateNames, formatPoints, type LiveTotal } from './scoring-model.ts';

/** The weighted total as it stands (out of 100), how many criteria are scored, and failed gates. */
export function SheetTotalBar({ total, rubric }: { total: LiveTotal; rubric: Rubric }) {
  const { t, lang } = useI18n();
  const failed = total.failedGates.length > 0;
  return (
    <div
      className={failed ? 'lv-sheet-total lv-sheet-total-failed' : 'lv-sheet-total'}
      data-testid="sheet-total"
      data-total={total.total ?? ''}
      data-partial={total.partial}
      data-scored={total.scored}
    >
      <Statistic title={t('ss.total')} value={failed || total.scored === 0 ? '—' : formatPoints(total.partial)} suffix={<span className="lv-total-suffix">/ 100</span>} />
      <Typography.Text type={failed ? 'danger' : 'secondary'} style={{ fontSize: 12 }} data-testid="sheet-total-note">
        {failed ? t('ss.gateFailed', { names: failedGateNames(rubric, total, lang) }) : t('ss.scored', { n: total.scored, of: rubric.criteria.length })}
      </Typography.Text>
    </div>
  );
}

/** 已提交（已锁定）, or the organizer's reason when a submitted sheet was unlocked. */
export function SheetStateBanner({ view }: { view: SheetView }) {
  const { t } = useI18n();
  if (view.status === 'submitted') {
    const time = view.submittedAt ? formatDateTime(view.submittedAt) : '';
    return (
      <Alert
        type="success"
        showIcon
        className="lv-block"
        data-testid="sheet-locked"
        title={t('ss.lockedTitle')}
        description={view.total === null ? t('ss.lockedTextGate', { time }) : t('ss.lockedText', { time, total: formatPoints(view.total) })}
      />
    );
  }
  if (view.unlockReason) {
    return <Alert type="warning" showIcon className="lv-block" data-testid="sheet-unlocked" title={t('ss.unlockedTitle', { reason: view.unlockReason })} description={t('ss.unlockedText')} />;
  }
  return null;
}
