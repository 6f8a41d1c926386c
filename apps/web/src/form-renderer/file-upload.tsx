import { useRef, useState } from 'react';
import { App, Button, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, LoadingOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { FileRef } from '@lvping/domain/form/form-template.schema.ts';
import { isApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { acceptsFile, formatBytes } from './answers.ts';
import { useRenderer } from './context.ts';
import { ReadValue } from './read-value.tsx';

type Props = {
  /** The answer path the server files the upload under (`attachments.license`, `pledge.stamp`). */
  fieldPath: string;
  testId: string;
  accept: readonly string[];
  maxSizeMB: number;
  multiple: boolean;
  maxFiles?: number;
  files: FileRef[];
  onChange: (files: FileRef[]) => void;
  readOnly: boolean;
};

/** Upload to the application's files endpoint, then list what is uploaded with download links. */
export function FileUpload({ fieldPath, testId, accept, maxSizeMB, multiple, maxFiles, files, onChange, readOnly }: Props) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const { files: adapter } = useRenderer();
  const [pending, setPending] = useState<string[]>([]);
  // Several uploads may finish in any order: each adds to the latest list, not the one it started with.
  const latest = useRef(files);
  latest.current = files;

  const allowed = accept.length ? accept.join('、') : t('fr.anyType');
  const full = multiple ? maxFiles !== undefined && files.length + pending.length >= maxFiles : false;

  const check = (file: File) => {
    if (!acceptsFile(accept, file.name, file.type)) {
      message.error(t('fr.fileWrongType', { name: file.name, accept: allowed }));
      return Upload.LIST_IGNORE;
    }
    if (file.size > maxSizeMB * 1024 * 1024) {
      message.error(t('fr.fileTooBig', { name: file.name, size: maxSizeMB }));
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const upload = async (file: File) => {
    if (!adapter?.upload) return;
    setPending((p) => [...p, file.name]);
    try {
      const ref = await adapter.upload(fieldPath, file);
      latest.current = multiple ? [...latest.current, ref] : [ref];
      onChange(latest.current);
    } catch (e) {
      message.error(`${t('fr.uploadFailed', { name: file.name })}${isApiError(e) ? `：${pick(e.localized)}` : ''}`);
    } finally {
      setPending((p) => p.filter((n, i) => n !== file.name || p.indexOf(n) !== i));
    }
  };

  const list = files.map((f) => (
    <div key={f.id} className="lv-file-row" data-testid={`file-${fieldPath}`}>
      <PaperClipOutlined />
      {adapter ? (
        <a href={adapter.href(f)} target="_blank" rel="noreferrer">
          {f.name}
        </a>
      ) : (
        <span>{f.name}</span>
      )}
      <Typography.Text type="secondary">{formatBytes(f.size)}</Typography.Text>
      {!readOnly && (
        <Button
          type="text"
          size="small"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('fr.removeFile')}
          onClick={() => onChange(files.filter((x) => x.id !== f.id))}
        />
      )}
    </div>
  ));

  if (readOnly) return <ReadValue testId={testId} empty={files.length === 0}>{list}</ReadValue>;
  return (
    <div data-testid={testId}>
      <Space wrap align="center">
        <Upload
          accept={accept.join(',')}
          multiple={multiple}
          showUploadList={false}
          disabled={!adapter?.upload || full}
          beforeUpload={check}
          customRequest={({ file }) => void upload(file as File)}
        >
          <Button icon={<UploadOutlined />} disabled={!adapter?.upload || full}>
            {files.length && !multiple ? t('fr.replaceFile') : t('fr.upload')}
          </Button>
        </Upload>
        <Typography.Text type="secondary">
          {adapter?.upload ? t('fr.uploadHint', { accept: allowed, size: maxSizeMB }) : t('fr.noUploadInPreview')}
          {multiple && maxFiles ? ` ${t('fr.maxFiles', { max: maxFiles })}` : ''}
        </Typography.Text>
      </Space>
      {list}
      {pending.map((name, i) => (
        <div key={`${name}-${i}`} className="lv-file-row">
          <LoadingOutlined /> {name} <Typography.Text type="secondary">{t('fr.uploading')}</Typography.Text>
        </div>
      ))}
    </div>
  );
}
