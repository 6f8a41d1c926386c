import { useState, type ReactNode } from 'react';
import { Button, Space, type ButtonProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { downloadJobFile, jobDownloadUrl, type JobFile, type JobStarted, type JobView } from '../api/jobs.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert } from './api-error.tsx';
import { JobProgress } from './job-progress.tsx';
import '../i18n/jobs.ts';

/**
 * A large export made by a background job: the click queues it (`start` answers 202 with the
 * job), the bar follows the job, and when it is done the browser downloads the file (a link to
 * it stays, in case the download was blocked or is wanted again).
 */
export function JobExportButton({ start, children, testId, ...button }: { start: () => Promise<JobStarted>; children: ReactNode; testId: string } & Omit<ButtonProps, 'onClick' | 'loading'>) {
  const { t } = useI18n();
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [running, setRunning] = useState(false);
  const [file, setFile] = useState<JobFile['file'] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setStarting(true);
    setError(null);
    setFile(null);
    try {
      const started = await start();
      setJobId(started.jobId);
      setRunning(true);
    } catch (e) {
      setError(e);
    } finally {
      setStarting(false);
    }
  };
  const onDone = (job: JobView) => {
    setRunning(false);
    const done = job.status === 'succeeded' ? (job.result as JobFile | null)?.file : null;
    if (!done) return;
    setFile(done);
    downloadJobFile(job.id, done.name);
  };
  return (
    <div data-testid={testId}>
      <Button {...button} loading={starting || running} onClick={() => void run()} data-testid={`${testId}-start`}>{children}</Button>
      {jobId && (
        <div style={{ maxWidth: 420, marginTop: 8 }}>
          <JobProgress key={jobId} jobId={jobId} onDone={onDone} />
          {file && jobId && (
            <Space style={{ marginTop: 4 }}>
              <a href={jobDownloadUrl(jobId)} download={file.name} data-testid={`${testId}-file`}>
                <DownloadOutlined /> {t('job.download', { name: file.name })}
              </a>
            </Space>
          )}
        </div>
      )}
      {error !== null && <ApiErrorAlert error={error} />}
    </div>
  );
}
