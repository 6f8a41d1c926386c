import type { ReactNode } from 'react';
import { Typography } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';

/** How an answer reads in a read-only form: the value, or a grey 未填写. */
export function ReadValue({ children, empty, testId }: { children?: ReactNode; empty?: boolean; testId?: string }) {
  const { t } = useI18n();
  const isEmpty = empty ?? (children === undefined || children === null || children === '');
  return (
    <div className="lv-read-value" data-testid={testId}>
      {isEmpty ? <Typography.Text type="secondary">{t('fr.notFilled')}</Typography.Text> : children}
    </div>
  );
}
