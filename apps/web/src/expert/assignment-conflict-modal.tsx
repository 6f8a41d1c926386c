import { Typography } from 'antd';
import { myAssignmentsApi, type DeclareConflictResult, type MyAssignment } from '../api/assignment.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';
import { ReasonModal } from '../shell/reason-modal.tsx';

/** 声明回避 of one assignment, with the reason; the slot goes to another expert. */
export function AssignmentConflictModal({ item, onClose, onDone }: { item: MyAssignment; onClose: () => void; onDone: (r: DeclareConflictResult) => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  return (
    <ReasonModal
      title={t('ma.declareTitle', { number: item.applicationNumber })}
      intro={<Typography.Paragraph>{t('ma.declareText', { org: item.orgName ?? item.title ?? item.applicationNumber })}</Typography.Paragraph>}
      label={t('ma.reason')}
      requiredMessage={t('ma.reasonRequired')}
      placeholder={t('ma.reasonPlaceholder')}
      okText={t('ma.declare')}
      danger
      testId="conflict"
      errorText={errorText}
      onSubmit={async (reason) => onDone(await myAssignmentsApi.declareConflict(item.id, reason))}
      onClose={onClose}
    />
  );
}
