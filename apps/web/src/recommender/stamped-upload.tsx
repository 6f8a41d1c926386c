import { useState } from 'react';
import { App, Button, Space, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { recommenderApi } from '../api/recommendation.api.ts';
import type { FileRef } from '../api/applications.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';

const ACCEPT = ['.pdf', '.jpg', '.jpeg', '.png'];
const MAX_MB = 10;

/** The stamped 推荐意见 page: checked here for type and size, then uploaded; the server sniffs it again. */
export function StampedUpload({ applicationId, value, onChange }: { applicationId: string; value?: FileRef | null; onChange?: (f: FileRef) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const text = useErrorText();
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    const ext = file.name.slice(file.name.lastIndexOf('.')).toLowerCase();
    if (!ACCEPT.includes(ext)) return message.error(t('fr.fileWrongType', { name: file.name, accept: ACCEPT.join('、') }));
    if (file.size > MAX_MB * 1024 * 1024) return message.error(t('fr.fileTooBig', { name: file.name, size: MAX_MB }));
    setBusy(true);
    try {
      onChange?.(await recommenderApi.uploadStamped(applicationId, file));
    } catch (e) {
      message.error(`${t('fr.uploadFailed', { name: file.name })}：${text(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="stamped">
      <Upload
        accept={ACCEPT.join(',')}
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} data-testid="stamped-upload">
          {value ? t('fr.replaceFile') : t('rec.stampedUpload')}
        </Button>
      </Upload>
      {value && (
        <Typography.Text data-testid="stamped-file">
          <PaperClipOutlined />{' '}
          <a href={recommenderApi.fileHref(applicationId, value.id)} target="_blank" rel="noreferrer">
            {value.name}
          </a>
        </Typography.Text>
      )}
    </Space>
  );
}
