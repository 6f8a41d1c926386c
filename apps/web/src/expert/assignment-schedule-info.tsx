import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Progress, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { ReviewReading } from '@lvping/domain/review/review-api.schema.ts';
import { isApiError } from '../api/client.ts';
import { reviewScheduleAdminApi, reviewScheduleFiles, VISIT_REPORT, type FileRef, type RoundTiming } from '../api/review-schedule-admin.api.ts';
import { acceptsFile } from '../form-renderer/answers.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { DownloadButton } from '../shell/download-button.tsx';
import { PlaceText } from '../organizer/review-schedule-place.tsx';
import { slotTimeText } from '../organizer/review-schedule-model.ts';
import '../i18n/schedule.ts';

type Props = {
  assignmentId: string;
  /** From GET /api/review-assignments/:id/application. */
  visit: ReviewReading['visit'];
  slot: ReviewReading['slot'];
  /** The roadshow's minutes (the sheet's `timing`), to show when a slot ends. */
  timing?: RoundTiming | null;
  /** The round's phase kind: site_visit says a visit is expected even before it is scheduled. */
  roundKind?: string | null;
  /** The report was uploaded: reload what holds `visit` so it names the new report. */
  onUploaded?: (file: FileRef) => void;
};

/**
 * What the expert is told of an assignment's schedule: the roadshow slot (time in Beijing time,
 * panel, room or link), or the site visit (date, team, address, the team's report) with the
 * report's upload. Nothing when the round has neither.
 */
export function AssignmentScheduleInfo({ assignmentId, visit, slot, timing, roundKind, onUploaded }: Props) {
  const { t } = useI18n();
  const siteVisit = roundKind === 'site_visit' || !!visit;
  const roadshow = roundKind === 'roadshow' || !!slot;
  if (!siteVisit && !roadshow) return null;
  return (
    <Card size="small" className="lv-block" title={t('sch.info.title')} data-testid="sched-info" data-kind={siteVisit ? 'site_visit' : 'roadshow'}>
      {slot && (
        <Descriptions size="small" column={1} data-testid="sched-info-slot" data-starts={slot.startsAt}>
          <Descriptions.Item label={t('sch.info.slot')}>
            <span data-testid="sched-info-slot-time">{t('sch.info.slotTime', { time: slotTimeText(slot.startsAt, timing) })}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('sch.info.panel')}>
            <span data-testid="sched-info-panel">{slot.panel}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('sch.info.place')}>
            <PlaceText place={slot.place} testId="sched-info-place" />
          </Descriptions.Item>
          {timing && <Descriptions.Item label={t('sch.info.timingLabel')}>{t('sch.info.timing', { present: timing.presentMinutes, qa: timing.qaMinutes })}</Descriptions.Item>}
        </Descriptions>
      )}
      {!slot && roadshow && !siteVisit && <Typography.Text type="secondary" data-testid="sched-info-no-slot">{t('sch.info.noSlot')}</Typography.Text>}
      {visit && <VisitInfo assignmentId={assignmentId} visit={visit} onUploaded={onUploaded} />}
      {!visit && siteVisit && <Typography.Text type="secondary" data-testid="sched-info-no-visit">{t('sch.info.noVisit')}</Typography.Text>}
    </Card>
  );
}

type Visit = NonNullable<ReviewReading['visit']>;

function VisitInfo({ assignmentId, visit, onUploaded }: { assignmentId: string; visit: Visit; onUploaded?: (file: FileRef) => void }) {
  const { t } = useI18n();
  // Shown at once after an upload, until the parent's reload brings the visit that names it.
  const [uploaded, setUploaded] = useState<FileRef | null>(null);
  useEffect(() => setUploaded(null), [visit.report?.id]);
  const report = uploaded ?? visit.report;
  return (
    <Descriptions size="small" column={1} data-testid="sched-info-visit" data-date={visit.date}>
      <Descriptions.Item label={t('sch.info.visitDate')}>
        <span data-testid="sched-info-visit-date">{visit.date}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('sch.info.team')}>
        <span data-testid="sched-info-team">{visit.team}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('sch.info.address')}>
        <span data-testid="sched-info-address">{visit.address}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('sch.info.report')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {report ? (
            <DownloadButton type="link" size="small" style={{ paddingInline: 0 }} href={reviewScheduleFiles.reportOfAssignment(assignmentId, report.id)} filename={report.name} data-testid="sched-info-report" data-file={report.id}>
              {report.name}
            </DownloadButton>
          ) : (
            <Typography.Text type="secondary" data-testid="sched-info-no-report">{t('sch.info.noReport')}</Typography.Text>
          )}
          <ReportUpload
            assignmentId={assignmentId}
            replacing={!!report}
            onUploaded={(f) => {
              setUploaded(f);
              onUploaded?.(f);
            }}
          />
        </Space>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The visit report's upload: checked here for type and size first, the progress while it travels, the server's refusal said as it says it. */
function ReportUpload({ assignmentId, replacing, onUploaded }: { assignmentId: string; replacing: boolean; onUploaded: (f: FileRef) => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const [refused, setRefused] = useState<{ name: string; error: unknown } | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  const accept = VISIT_REPORT.accept.join('、');

  const check = (file: File) => {
    if (!acceptsFile(VISIT_REPORT.accept, file.name, file.type)) {
      setRefused(null);
      void message.error(t('sch.info.wrongType', { name: file.name, accept }));
      return Upload.LIST_IGNORE;
    }
    if (file.size > VISIT_REPORT.maxSizeMB * 1024 * 1024) {
      setRefused(null);
      void message.error(t('sch.info.tooBig', { name: file.name, size: VISIT_REPORT.maxSizeMB }));
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const upload = async (file: File) => {
    setRefused(null);
    setProgress({ name: file.name, percent: 0 });
    const ctl = new AbortController();
    abort.current = ctl;
    try {
      const ref = await reviewScheduleAdminApi.uploadVisitReport(assignmentId, file, {
        signal: ctl.signal,
        onProgress: (percent) => setProgress({ name: file.name, percent }),
      });
      void message.success(t('sch.info.uploaded', { name: ref.name }));
      onUploaded(ref);
    } catch (e) {
      if (!ctl.signal.aborted) setRefused({ name: file.name, error: e });
    } finally {
      if (abort.current === ctl) abort.current = null;
      setProgress(null);
    }
  };

  return (
    <div data-testid="sched-report-upload">
      <Space wrap align="center">
        <Upload accept={VISIT_REPORT.accept.join(',')} showUploadList={false} disabled={!!progress} beforeUpload={check} customRequest={({ file }) => void upload(file as File)}>
          <Button icon={<UploadOutlined />} disabled={!!progress} data-testid="sched-report-button">
            {replacing ? t('sch.info.replace') : t('sch.info.upload')}
          </Button>
        </Upload>
        <Typography.Text type="secondary">{t('sch.info.uploadHint', { accept, size: VISIT_REPORT.maxSizeMB })}</Typography.Text>
      </Space>
      {progress && (
        <div data-testid="sched-report-progress" data-percent={progress.percent}>
          <Typography.Text type="secondary">{t('sch.info.uploading', { name: progress.name })}</Typography.Text>
          <Progress percent={progress.percent} size="small" status="active" />
        </div>
      )}
      {refused && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setRefused(null) }}
          style={{ marginTop: 8 }}
          title={t('sch.info.uploadFailed', { name: refused.name })}
          description={isApiError(refused.error) ? pick(refused.error.localized) : t('error.unknown')}
          data-testid="sched-report-error"
          data-code={isApiError(refused.error) ? refused.error.code : undefined}
        />
      )}
    </div>
  );
}
