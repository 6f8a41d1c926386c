import { useState } from 'react';
import { Alert, Button, Checkbox, Modal, Radio, Space, Typography } from 'antd';
import { MailOutlined } from '@ant-design/icons';
import { unitsApi, type InvitationsResult } from '../api/recommendation.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';

/** Emails the administrators of the selected units (or of all units) an invitation to act for them. */
export function UnitInvite({ programId, selected, onSent }: { programId: string; selected: string[]; onSent: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState<'selected' | 'all'>('all');
  const [resend, setResend] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<InvitationsResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const useSelected = scope === 'selected' && selected.length > 0;

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await unitsApi.invite(programId, { ...(useSelected ? { unitIds: selected } : {}), resend }));
      onSent();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const start = () => {
    setScope(selected.length ? 'selected' : 'all');
    setResult(null);
    setError(null);
    setOpen(true);
  };

  return (
    <>
      <Button icon={<MailOutlined />} onClick={start} data-testid="units-invite">
        {t('invite.button')}
      </Button>
      <Modal
        open={open}
        title={t('invite.title')}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        footer={[
          <Button key="close" onClick={() => setOpen(false)} data-testid="units-invite-close">{t('unit.close')}</Button>,
          <Button key="send" type="primary" loading={busy} onClick={() => void send()} data-testid="units-invite-send">{t('invite.send')}</Button>,
        ]}
      >
        <Typography.Paragraph type="secondary">{t('invite.text')}</Typography.Paragraph>
        <Space orientation="vertical">
          <Radio.Group value={scope} onChange={(e) => setScope(e.target.value as 'selected' | 'all')}>
            <Radio value="selected" disabled={selected.length === 0} data-testid="invite-scope-selected">{t('invite.scopeSelected', { n: selected.length })}</Radio>
            <Radio value="all" data-testid="invite-scope-all">{t('invite.scopeAll')}</Radio>
          </Radio.Group>
          <Checkbox checked={resend} onChange={(e) => setResend(e.target.checked)} data-testid="invite-resend">{t('invite.resend')}</Checkbox>
        </Space>
        {error !== null && <div style={{ marginTop: 12 }}><ApiErrorAlert error={error} /></div>}
        {result && (
          <Alert
            style={{ marginTop: 12 }}
            type={result.failed.length ? 'warning' : 'success'}
            showIcon
            data-testid="invite-result"
            data-sent={result.sent}
            title={t('invite.result', { sent: result.sent, skipped: result.skipped })}
            description={result.failed.length ? t('invite.failed', { emails: result.failed.join('、') }) : undefined}
          />
        )}
      </Modal>
    </>
  );
}
