import { useMemo } from 'react';
import { Alert, Card, Space, Typography } from 'antd';
import { FilePdfOutlined, PaperClipOutlined } from '@ant-design/icons';
import { expertReviewFiles, type ReviewReading } from '../api/expert-review.api.ts';
import { formatBytes, type FormAnswers } from '../form-renderer/answers.ts';
import type { FileAdapter } from '../form-renderer/context.ts';
import { FormRenderer } from '../form-renderer/form-renderer.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { DownloadButton } from '../shell/download-button.tsx';

/**
 * The application as its reviewer reads it: the form rendered read-only (in a blind round the
 * server has already removed what identifies the applicant), every attachment to download, and
 * the reviewer's 申报书 PDF.
 */
export function ReadingPane({ reading }: { reading: ReviewReading }) {
  const { t } = useI18n();
  const id = reading.assignmentId;
  const files = useMemo<FileAdapter>(() => ({ href: (f) => expertReviewFiles.file(id, f.id) }), [id]);
  return (
    <Card
      title={t('ws.application')}
      className="lv-block lv-reading"
      data-testid="reading"
      extra={
        <DownloadButton href={expertReviewFiles.pdf(id)} filename={`${reading.applicationNumber}.pdf`} icon={<FilePdfOutlined />} size="small" data-testid="download-review-pdf">
          {t('ws.pdf')}
        </DownloadButton>
      }
    >
      {reading.blind && <Alert type="info" showIcon className="lv-block" title={t('ws.blind')} data-testid="reading-blind" />}
      <div className="lv-block" data-testid="reading-files" data-count={reading.files.length}>
        <Typography.Text strong>{t('ws.files', { n: reading.files.length })}</Typography.Text>
        {reading.files.length === 0 ? (
          <div><Typography.Text type="secondary">{t('ws.noFiles')}</Typography.Text></div>
        ) : (
          <Space orientation="vertical" size={0} style={{ display: 'flex' }}>
            {reading.files.map((f) => (
              <div key={f.id} className="lv-reading-file">
                <DownloadButton href={expertReviewFiles.file(id, f.id)} filename={f.name} type="link" size="small" icon={<PaperClipOutlined />} data-testid="reading-file" data-name={f.name}>
                  {f.name}
                </DownloadButton>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatBytes(f.size)}</Typography.Text>
              </div>
            ))}
          </Space>
        )}
      </div>
      <FormRenderer template={reading.form} answers={reading.answers as FormAnswers} readOnly files={files} nav={false} />
    </Card>
  );
}
