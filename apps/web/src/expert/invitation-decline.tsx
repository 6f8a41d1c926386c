import { useState } from 'react';
import { Button, Input, Modal, Typography, type ButtonProps } from 'antd';
import { CloseCircleOutlined } from '@ant-design/icons';
import { expertInvitationsApi, type MyExpertInvitation } from '../api/experts.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import '../i18n/expert.ts';

/** Declining, with an optional reason the organizer reads. */
export function InvitationDecline({ token, onDeclined }: { token: string; onDeclined: (r: MyExpertInvitation) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const decline = async () => {
    setBusy(true);
    setError(null);
    try {
      onDeclined(await expertInvitationsApi.decline({ token, reason: reason.trim() || undefined }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="large" icon={<CloseCircleOutlined />} onClick={() => setOpen(true)} data-testid="invitation-decline">{t('exi.decline')}</Button>
      <Modal open={open} title={t('exi.declineTitle')} onCancel={() => setOpen(false)} onOk={() => void decline()} okText={t('exi.declineConfirm')} cancelText={t('apply.cancel')}
        okButtonProps={{ danger: true, loading: busy, 'data-testid': 'invitation-decline-confirm' } as ButtonProps} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t('exi.declineText')}</Typography.Paragraph>
        <Input.TextArea rows={3} maxLength={500} showCount value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('exi.declineReason')} data-testid="invitation-decline-reason" />
        {error !== null && <div style={{ marginTop: 12 }}><ApiErrorAlert error={error} /></div>}
      </Modal>
    </>
  );
}
