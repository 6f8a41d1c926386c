import { useMemo, type ReactNode } from 'react';
import { FilePdfOutlined } from '@ant-design/icons';
import { applicationFiles, type ApplicationDetail } from '../api/applications.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { FormAnswers } from '../form-renderer/answers.ts';
import type { FileAdapter } from '../form-renderer/context.ts';
import { FormRenderer } from '../form-renderer/form-renderer.tsx';
import { DownloadButton } from '../shell/download-button.tsx';
import { ApplicationHeader } from './application-header.tsx';
import { StatusTimeline } from './status-timeline.tsx';
import { WithdrawButton } from './withdraw-button.tsx';

/** A submitted (or otherwise closed) application: read-only, its history, the PDF, and withdrawal while allowed. */
export function ApplicationView({ detail, onChanged, actions, below }: { detail: ApplicationDetail; onChanged?: (d: ApplicationDetail) => void; actions?: ReactNode; below?: ReactNode }) {
  const { t } = useI18n();
  const files = useMemo<FileAdapter>(() => ({ href: (f) => applicationFiles.file(detail.id, f.id) }), [detail.id]);
  const extra = (
    <>
      {actions}
      <DownloadButton href={applicationFiles.pdf(detail.id)} filename={`${detail.number}.pdf`} icon={<FilePdfOutlined />} data-testid="download-pdf">
        {t('appl.downloadPdf')}
      </DownloadButton>
      {detail.canWithdraw && onChanged && <WithdrawButton detail={detail} onDone={onChanged} />}
    </>
  );
  return (
    <div data-testid="application-view">
      <ApplicationHeader detail={detail} extra={extra} />
      {below}
      <StatusTimeline timeline={detail.timeline} />
      <FormRenderer template={detail.form} answers={detail.answers as FormAnswers} readOnly files={files} />
    </div>
  );
}
