import { useState, type ReactNode } from 'react';
import { App, Button, type ButtonProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { downloadFile } from '../api/download.ts';
import { useErrorText } from './api-error.tsx';

/** A button that downloads a server file; a failure is shown as the server's message, not a JSON page. */
export function DownloadButton({
  href,
  filename,
  children,
  ...button
}: { href: string; filename: string; children: ReactNode } & Omit<ButtonProps, 'href' | 'onClick' | 'loading'>) {
  const { message } = App.useApp();
  const text = useErrorText();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await downloadFile(href, filename);
    } catch (e) {
      message.error(text(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} {...button} loading={busy} onClick={() => void onClick()}>
      {children}
    </Button>
  );
}
