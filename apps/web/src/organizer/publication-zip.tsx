import { FileZipOutlined } from '@ant-design/icons';
import { publicationApi } from '../api/publication.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { JobExportButton } from '../shell/job-export-button.tsx';

/** Bulk certificates: a job renders every PDF into one ZIP, the bar counting the certificates done; then it downloads. */
export function PublicationZip({ programId, count }: { programId: string; count: number }) {
  const { t } = useI18n();
  return (
    <JobExportButton start={() => publicationApi.startCertificatesZip(programId)} icon={<FileZipOutlined />} disabled={!count} testId="publication-zip">
      {t('pub.zip')}
    </JobExportButton>
  );
}
