import { useEffect, useRef, useState } from 'react';
import { Alert, Progress, Space, Typography } from 'antd';
import { jobsApi, type JobView } from '../api/jobs.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from './api-error.tsx';
import '../i18n/jobs.ts';

const finished = (j: JobView) => j.status === 'succeeded' || j.status === 'dead';

/**
 * A background job's progress bar (an export, a certificate ZIP, a solve): polls
 * GET /api/jobs/:jobId until the job is done or dead, showing its progress and its error.
 * `onDone` gets the finished job once (e.g. to offer its result's file).
 */
export function JobProgress({ jobId, onDone, pollMs = 1000 }: { jobId: string; onDone?: (job: JobView) => void; pollMs?: number }) {
  const { t } = useI18n();
  const text = useErrorText();
  const [job, setJob] = useState<JobView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const j = await jobsApi.get(jobId);
        if (!live) return;
        setJob(j);
        setError(null);
        if (finished(j)) onDoneRef.current?.(j);
        else timer = setTimeout(() => void poll(), pollMs);
      } catch (e) {
        if (!live) return;
        setError(e);
        // A dropped connection is retried more slowly; the job goes on regardless.
        timer = setTimeout(() => void poll(), pollMs * 3);
      }
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [jobId, pollMs]);

  if (!job) {
    return error ? <Alert type="error" showIcon title={`${t('job.loadFailed')}：${text(error)}`} data-testid="job-progress-error" /> : <Progress percent={0} status="active" data-testid="job-progress" data-status="loading" />;
  }
  const percent = job.status === 'succeeded' ? 100 : job.progress && job.progress.total > 0 ? Math.floor((job.progress.done / job.progress.total) * 100) : 0;
  const status = job.status === 'succeeded' ? 'success' : job.status === 'dead' ? 'exception' : 'active';
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="job-progress" data-status={job.status} data-percent={percent}>
      <Progress percent={percent} status={status} />
      <Typography.Text type="secondary">
        {t(`job.${job.status}`)}
        {job.progress && job.status !== 'succeeded' ? ` · ${t('job.progress', { done: job.progress.done, total: job.progress.total })}` : ''}
      </Typography.Text>
      {job.status === 'dead' && <Alert type="error" showIcon title={t('job.failed', { error: job.error ?? '' })} data-testid="job-progress-failed" />}
      {job.status !== 'dead' && job.error && <Alert type="warning" showIcon title={t('job.retrying', { error: job.error })} />}
      {error !== null && <Typography.Text type="warning">{t('job.loadFailed')}</Typography.Text>}
    </Space>
  );
}
