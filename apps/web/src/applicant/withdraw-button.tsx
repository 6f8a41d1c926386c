import { useState } from 'react';
import { App, Button, Input, Modal, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { RollbackOutlined } from '@ant-design/icons';
import { applicationsApi, type ApplicationDetail } from '../api/applications.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';

/** 撤回: asks why (optional, kept in the timeline), then withdraws. */
export function WithdrawButton({ detail, onDone }: { detail: ApplicationDetail; onDone: (d: ApplicationDetail) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const text = useErrorText();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const withdraw = async () => {
    setBusy(true);
    try {
      const next = await applicationsApi.withdraw(detail.id, reason.trim());
      message.success(t('withdraw.done'));
      setOpen(false);
      onDone(next);
    } catch (e) {
      message.error(text(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button danger icon={<RollbackOutlined />} onClick={() => setOpen(true)} data-testid="withdraw-application">
        {t('withdraw.button')}
      </Button>
      <Modal
        open={open}
        title={t('withdraw.title')}
        okText={t('withdraw.ok')}
        okButtonProps={{ danger: true, loading: busy, 'data-testid': 'withdraw-confirm' } as ButtonProps}
        cancelText={t('apply.cancel')}
        onOk={() => void withdraw()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('withdraw.text')}</Typography.Paragraph>
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          showCount
          autoSize={{ minRows: 3 }}
          placeholder={t('withdraw.reason')}
          data-testid="withdraw-reason"
        />
      </Modal>
    </>
  );
}
