import { App, Alert, Button, Input, Modal, Space } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n.tsx';

/** The signing secret, right after creation or rotation: the only time it is shown. */
export function WebhookSecret({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const copy = async () => {
    await navigator.clipboard.writeText(secret ?? '');
    void message.success(t('wh.copied'));
  };
  return (
    <Modal open={!!secret} title={t('wh.secretTitle')} onCancel={onClose} closable={false} maskClosable={false}
      footer={<Button type="primary" onClick={onClose} data-testid="webhook-secret-done">{t('wh.done')}</Button>}>
      <Alert type="warning" showIcon title={t('wh.secretOnce')} className="lv-block" />
      <Space.Compact style={{ width: '100%' }}>
        <Input readOnly value={secret ?? ''} data-testid="webhook-secret" style={{ fontFamily: 'monospace' }} />
        <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="webhook-secret-copy">{t('wh.copy')}</Button>
      </Space.Compact>
    </Modal>
  );
}
