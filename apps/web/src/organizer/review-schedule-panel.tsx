import { Alert, Skeleton } from 'antd';
import { reviewScheduleAdminApi } from '../api/review-schedule-admin.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { scheduleMode } from './review-schedule-model.ts';
import { RoadshowTimetable } from './review-schedule-timetable.tsx';
import { VisitSchedule } from './review-schedule-visits.tsx';
import '../i18n/schedule.ts';

/**
 * 评审安排 of one round, for its organizer: in a site-visit round each application's visit (date,
 * team, address, the team's report); in a roadshow round (or one timed like it) the timetable by
 * panel and each panel's members; in any other round, a note that there is nothing to schedule.
 */
export function ReviewSchedulePanel({ programId, roundId }: { programId: string; roundId: string }) {
  const { t } = useI18n();
  const [load, reload, replace] = useLoad(() => reviewScheduleAdminApi.schedule(programId, roundId), [programId, roundId]);

  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 6 }} />;
  if (load.state === 'error') return <ApiErrorAlert error={load.error} title={t('sch.loadFailed')} onRetry={() => reload()} />;
  const schedule = load.data;
  const mode = scheduleMode(schedule);
  return (
    <div data-testid="sched-panel" data-round={schedule.roundId} data-kind={schedule.kind ?? ''} data-mode={mode}>
      {mode === 'none' && <Alert type="info" showIcon title={t('sch.none')} data-testid="sched-none" />}
      {mode === 'visit' && <VisitSchedule programId={programId} schedule={schedule} onSchedule={replace} />}
      {mode === 'slot' && <RoadshowTimetable programId={programId} schedule={schedule} onSchedule={replace} onReload={() => reload()} />}
    </div>
  );
}
