import { useState } from 'react';
import { Button, Progress } from 'antd';
import { FileZipOutlined } from '@ant-design/icons';
import { publicationApi } from '../api/publication.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';

/** Bulk certificates: the ZIP streams while the server renders, and the bar counts the finished files. */
export function PublicationZip({ programId, count }: { programId: string; count: number }) {
  const { t } = useI18n();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setRunning(true);
    setError(null);
    setProgress({ done: 0, total: count });
    try {
      await publicationApi.certificatesZip(programId, (done, total) => setProgress({ done, total }));
    } catch (e) {
      setError(e);
    } finally {
      setRunning(false);
    }
  };
  const percent = progress && progress.total ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div data-testid="publication-zip">
      <Button icon={<FileZipOutlined />} loading={running} disabled={!count} onClick={run} data-testid="publication-zip-start">{t('pub.zip')}</Button>
      {progress && (
        <div style={{ maxWidth: 420, marginTop: 8 }}>
          <Progress percent={percent} status={error ? 'exception' : percent === 100 ? 'success' : 'active'} data-testid="publication-zip-progress" data-percent={percent} data-done={progress.done} />
          <span data-testid="publication-zip-text">{t('pub.zipProgress', { done: progress.done, total: progress.total })}</span>
        </div>
      )}
      {error !== null && <ApiErrorAlert error={error} />}
    </div>
  );
}
