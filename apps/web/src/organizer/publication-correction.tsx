import { useState } from 'react';
import { App, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { publicationApi, type PublicationItem, type PublicationOverview } from '../api/publication.api.ts';
import { isApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';

/** 更正: a result changed after publication, with the reason the public page shows. */
export function PublicationCorrection({ programId, item, tracks, onClose, onDone }: {
  programId: string; item: PublicationItem; tracks: PublicationOverview['tracks']; onClose: () => void; onDone: () => void;
}) {
  const { t, pick } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [toTier, setToTier] = useState<string>(item.tier?.id ?? '');
  const [reason, setReason] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const tiers = tracks.find((tr) => tr.id === item.trackId)?.tiers ?? [];
  const save = async () => {
    setBusy(true);
    setFieldErrors({});
    try {
      const r = await publicationApi.correct(programId, { applicationId: item.applicationId, toTierId: toTier || null, reason });
      message.success(t('pub.corrected', { revoked: r.revoked.length, issued: r.issued ? t('pub.issued', { serial: r.issued }) : '' }));
      onDone();
    } catch (e) {
      if (isApiError(e) && e.fields.length) setFieldErrors(Object.fromEntries(e.fields.map((f) => [f.path, pick(f.message)])));
      else message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('pub.correctTitle', { title: item.title })} onCancel={onClose} onOk={save} confirmLoading={busy} okText={t('pub.correctSave')} okButtonProps={{ 'data-testid': 'correction-save' } as ButtonProps}>
      <Form layout="vertical">
        <Form.Item label={t('pub.correctTo')} validateStatus={fieldErrors.toTierId ? 'error' : undefined} help={fieldErrors.toTierId}>
          <Select value={toTier} onChange={setToTier} data-testid="correction-tier"
            options={[...tiers.map((x) => ({ value: x.id, label: x.name })), { value: '', label: t('pub.none') }]} />
        </Form.Item>
        <Form.Item label={t('pub.correctReason')} required validateStatus={fieldErrors.reason ? 'error' : undefined} help={fieldErrors.reason}>
          <Input.TextArea rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="correction-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
