import { Tag } from 'antd';
import { applicationStatusNames, type ApplicationDetail } from '@lvping/domain/application/application-api.schema.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { applicationStatusColor } from '../shell/status.ts';

/**
 * The application's status as its applicant reads it. A revision sent back after a return reads
 * 已重新提交 while it waits for screening again: the stored status (submitted, or endorsed when
 * the unit's endorsement stands) would say 已提交 or 已推荐, which is not what the applicant did.
 */
export function ApplicationStatusTag({ detail }: { detail: Pick<ApplicationDetail, 'status' | 'resubmitted'> }) {
  const { t, pick } = useI18n();
  const resubmitted = !!detail.resubmitted && (detail.status === 'submitted' || detail.status === 'endorsed');
  return (
    <Tag color={applicationStatusColor[detail.status]} data-testid="application-status" data-status={detail.status} data-resubmitted={resubmitted ? 'true' : undefined}>
      {resubmitted ? t('appl.resubmitted') : pick(applicationStatusNames[detail.status])}
    </Tag>
  );
}
