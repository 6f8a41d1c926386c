import { Card, Typography } from 'antd';
import type { ApplicationDetail } from '../api/applications.api.ts';
import { reviewScheduleApi } from '../api/review-schedule.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatDateTime } from '../shell/shanghai.ts';
import { useLoad } from '../shell/use-load.ts';

/** In review: the site visits and roadshow slots the organizer gave this application (nothing else of the review). */
export function ReviewScheduleCard({ detail }: { detail: Pick<ApplicationDetail, 'id' | 'status'> }) {
  const { t } = useI18n();
  const inReview = ['in_review', 'advanced', 'eliminated', 'candidate'].includes(detail.status);
  const [load] = useLoad(() => (inReview ? reviewScheduleApi.ofApplication(detail.id) : Promise.resolve(null)), [detail.id, inReview]);
  const items = load.state === 'ok' ? load.data?.items ?? [] : [];
  if (!items.length) return null;
  return (
    <Card size="small" className="lv-block" title={t('sched.title')} data-testid="review-schedule">
      {items.map((it) => (
        <div key={it.roundName} data-testid="review-schedule-item">
          <Typography.Text strong>{it.roundName}</Typography.Text>
          {it.visit && <div>{t('sched.visit', { date: it.visit.date, address: it.visit.address })}</div>}
          {it.slot && <div>{t('sched.slot', { time: formatDateTime(it.slot.startsAt), panel: it.slot.panel, place: it.slot.place })}</div>}
          {it.slot && it.timing && <Typography.Text type="secondary">{t('sched.timing', { present: it.timing.presentMinutes, qa: it.timing.qaMinutes })}</Typography.Text>}
        </div>
      ))}
    </Card>
  );
}
