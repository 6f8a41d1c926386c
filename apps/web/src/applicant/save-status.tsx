import { Typography } from 'antd';
import { CheckCircleOutlined, CloudUploadOutlined, ExclamationCircleOutlined, LoadingOutlined, WarningOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';
import { formatClock } from '../shell/shanghai.ts';
import type { SaveStatus } from './use-autosave.ts';

/** 已保存 14:03:27 / 保存中… / 有未保存的修改 / the error: always visible beside the form. */
export function SaveStatusView({ status }: { status: SaveStatus }) {
  const { t } = useI18n();
  const text = useErrorText();
  let body;
  switch (status.kind) {
    case 'saved':
      body = (
        <Typography.Text type="success">
          <CheckCircleOutlined /> {status.at ? t('save.savedAt', { time: formatClock(status.at) }) : t('save.saved')}
          {!!status.problems && (
            <Typography.Text type="warning" data-testid="save-problems">
              {' '}
              {t('save.withProblems', { n: status.problems })}
            </Typography.Text>
          )}
        </Typography.Text>
      );
      break;
    case 'pending':
      body = (
        <Typography.Text type="secondary">
          <CloudUploadOutlined /> {t('save.pending')}
        </Typography.Text>
      );
      break;
    case 'saving':
      body = (
        <Typography.Text type="secondary">
          <LoadingOutlined /> {t('save.saving')}
        </Typography.Text>
      );
      break;
    case 'error':
      body = (
        <Typography.Text type="danger">
          <ExclamationCircleOutlined /> {t('save.failed', { reason: text(status.error) })}
        </Typography.Text>
      );
      break;
    case 'invalid':
      body = (
        <Typography.Text type="warning">
          <ExclamationCircleOutlined /> {t('save.invalid', { n: status.count })}
        </Typography.Text>
      );
      break;
    case 'stale':
      body = (
        <Typography.Text type="warning">
          <WarningOutlined /> {t('save.stale')}
        </Typography.Text>
      );
      break;
  }
  return (
    <div className="lv-save-status" data-testid="save-status" data-state={status.kind} data-problems={status.kind === 'saved' ? (status.problems ?? 0) : undefined} aria-live="polite">
      {body}
    </div>
  );
}
