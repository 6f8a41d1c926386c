import { Tag } from 'antd';
import { programExpertStatusNames } from '@lvping/domain/expert/expert.schema.ts';
import type { ProgramExpertStatus } from '../api/experts.api.ts';
import { useI18n } from '../i18n/i18n.tsx';

export const expertStatusColor: Record<ProgramExpertStatus, string> = { invited: 'blue', accepted: 'green', declined: 'default' };

/** 已邀请 / 已接受 / 已谢绝, in the current language. */
export function ExpertStatusTag({ status }: { status: ProgramExpertStatus }) {
  const { pick } = useI18n();
  return (
    <Tag color={expertStatusColor[status]} data-testid="expert-status-tag" data-status={status}>
      {pick(programExpertStatusNames[status])}
    </Tag>
  );
}
