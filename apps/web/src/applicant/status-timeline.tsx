import { Card, Empty, Timeline, Typography } from 'antd';
import { applicationStatusNames, type ApplicationDetail } from '@lvping/domain/application/application-api.schema.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatDateTime } from '../shell/shanghai.ts';

const color = (s: ApplicationDetail['status']) =>
  s === 'withdrawn' || s === 'ineligible' || s === 'declined' || s === 'eliminated' || s === 'not_awarded' ? 'red' : s === 'returned' ? 'orange' : s === 'draft' ? 'gray' : 'green';

/** What happened to the application, oldest first, times in Asia/Shanghai. */
export function StatusTimeline({ timeline }: { timeline: ApplicationDetail['timeline'] }) {
  const { t, pick } = useI18n();
  return (
    <Card title={t('appl.timeline')} className="lv-block" data-testid="status-timeline">
      {timeline.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          items={[...timeline]
            .sort((a, b) => a.at - b.at)
            .map((e, i) => ({
              key: `${e.at}-${i}`,
              color: color(e.status),
              content: (
                <>
                  <Typography.Text type="secondary" className="lv-timeline-time">{formatDateTime(e.at)}</Typography.Text>
                  <Typography.Text strong data-testid="timeline-step" data-status={e.status} data-kind={e.kind}>
                    {e.kind === 'resubmitted' ? t('appl.timelineResubmitted') : pick(applicationStatusNames[e.status])}
                  </Typography.Text>
                  {e.actorName && <Typography.Text type="secondary"> · {e.actorName}</Typography.Text>}
                  {e.note && <div className="lv-pre">{e.note}</div>}
                </>
              ),
            }))}
        />
      )}
    </Card>
  );
}
