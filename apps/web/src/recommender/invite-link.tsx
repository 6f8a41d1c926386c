import { useState } from 'react';
import { App, Button, Modal, Popconfirm, Space, Typography, type ButtonProps } from 'antd';
import { CopyOutlined, LinkOutlined } from '@ant-design/icons';
import { unitsApi, type InviteLink } from '../api/recommendation.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';
import './recommender.css';

/**
 * Makes a unit's link for applicants. The server keeps only its hash, so the link is shown once,
 * with a copy button; making a new one retires the old.
 */
export function InviteLinkButton({ unitId, unitName, size }: { unitId: string; unitName: string; size?: 'small' | 'middle' }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const text = useErrorText();
  const [busy, setBusy] = useState(false);
  const [link, setLink] = useState<InviteLink | null>(null);

  const rotate = async () => {
    setBusy(true);
    try {
      setLink(await unitsApi.rotateLink(unitId));
    } catch (e) {
      message.error(text(e));
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      message.success(t('unit.copied'));
    } catch {
      // Clipboard refused (no permission, insecure origin): the link is selectable in the dialog.
      window.getSelection()?.selectAllChildren(document.querySelector('[data-testid="invite-url"]') ?? document.body);
    }
  };

  return (
    <>
      <Popconfirm title={t('unit.rotateConfirm')} onConfirm={() => void rotate()} okText={t('unit.rotateLink')} cancelText={t('apply.cancel')} okButtonProps={{ 'data-testid': 'rotate-link-confirm' } as ButtonProps} cancelButtonProps={{ 'data-testid': 'rotate-link-cancel' } as ButtonProps}>
        <Button icon={<LinkOutlined />} size={size} loading={busy} data-testid={`rotate-link-${unitId}`}>
          {t('unit.rotateLink')}
        </Button>
      </Popconfirm>
      <Modal
        open={link !== null}
        title={t('unit.linkTitle', { name: unitName })}
        onCancel={() => setLink(null)}
        footer={<Button onClick={() => setLink(null)} data-testid="invite-link-close">{t('unit.close')}</Button>}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('unit.linkOnce')}</Typography.Paragraph>
        <Space.Compact style={{ width: '100%' }}>
          <Typography.Text className="lv-invite-url" data-testid="invite-url" style={{ flex: 1, padding: '4px 8px', border: '1px solid #d9e4dd', borderRadius: '8px 0 0 8px' }}>
            {link?.url}
          </Typography.Text>
          <Button type="primary" icon={<CopyOutlined />} onClick={() => void copy()} data-testid="invite-link-copy">
            {t('unit.copy')}
          </Button>
        </Space.Compact>
      </Modal>
    </>
  );
}
