import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Progress, Result, Select, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { ObjectionInputSchema } from '@lvping/domain/publicity/objection.schema.ts';
import { issuesToFieldErrors } from '@lvping/domain/api/zod-issues.ts';
import { isApiError } from '../api/client.ts';
import { EVIDENCE, publicityApi, type EvidenceFile, type ObjectionReceipt, type PublicPublicity } from '../api/publicity.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';

type Values = { name: string; organization: string; phone: string; email: string; applicationId: string; reasons: string };
const fieldNames = ['name', 'organization', 'phone', 'email', 'applicationId', 'reasons', 'fileIds'] as const;

/**
 * The real-name objection: identity, the project (picked from the list), reasons and evidence
 * uploaded with progress. Checked here with the server's own schema, so messages match; the
 * server's field errors land under their fields; the receipt is shown once filed.
 */
export function ObjectionForm({ publicity }: { publicity: PublicPublicity }) {
  const { t, pick } = useI18n();
  const text = useErrorText();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<EvidenceFile[]>([]);
  const [uploading, setUploading] = useState<{ name: string; percent: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<(ObjectionReceipt & { email: string }) | null>(null);

  if (publicity.state !== 'open') return <Alert type="info" showIcon title={t('obj.notOpen')} data-testid="objection-closed" />;
  if (receipt) {
    return (
      <Result status="success" title={t('obj.receiptTitle')} data-testid="objection-receipt"
        subTitle={<Space direction="vertical"><Typography.Text strong copyable data-testid="receipt-no">{receipt.receiptNo}</Typography.Text><span>{t('obj.receiptHint', { email: receipt.email })}</span></Space>}
        extra={[
          <Button key="status" href={`/objections/status?receipt=${receipt.receiptNo}`} data-testid="receipt-status-link">{t('pub.statusLink')}</Button>,
          <Button key="again" onClick={() => { setReceipt(null); setFiles([]); form.resetFields(); }}>{t('obj.another')}</Button>,
        ]} />
    );
  }

  const showFieldErrors = (fields: { path: string; message: { 'zh-CN': string; en: string } }[]) => {
    form.setFields(fields.filter((f) => (fieldNames as readonly string[]).includes(f.path.split('.')[0])).map((f) => ({ name: f.path.split('.')[0] as keyof Values, errors: [pick(f.message)] })));
  };

  const onUpload = async (file: File) => {
    setError(null);
    if (file.size > EVIDENCE.maxSizeMB * 1024 * 1024) { setError(t('obj.tooBig', { name: file.name, size: EVIDENCE.maxSizeMB })); return; }
    setUploading({ name: file.name, percent: 0 });
    try {
      const f = await publicityApi.uploadEvidence(publicity.id, file, (percent) => setUploading({ name: file.name, percent }));
      setFiles((xs) => [...xs, f]);
    } catch (e) {
      setError(text(e));
    } finally {
      setUploading(null);
    }
  };

  const onSubmit = async () => {
    setError(null);
    const values = form.getFieldsValue(true) as Values;
    const input = { ...values, fileIds: files.map((f) => f.id) };
    const parsed = ObjectionInputSchema.safeParse(input);
    if (!parsed.success) { showFieldErrors(issuesToFieldErrors(parsed.error.issues)); return; }
    setBusy(true);
    try {
      const r = await publicityApi.file(publicity.id, input);
      setReceipt({ ...r, email: values.email });
    } catch (e) {
      if (isApiError(e) && e.fields.length) showFieldErrors(e.fields);
      setError(text(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="lv-block" title={t('obj.formTitle')} data-testid="objection-form">
      <Typography.Paragraph type="secondary">{t('obj.realName')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={() => void onSubmit()}>
        <Form.Item name="name" label={t('obj.name')} required><Input data-testid="obj-name" autoComplete="name" /></Form.Item>
        <Form.Item name="organization" label={t('obj.organization')} required><Input data-testid="obj-organization" autoComplete="organization" /></Form.Item>
        <Form.Item name="phone" label={t('obj.phone')} required><Input data-testid="obj-phone" autoComplete="tel" inputMode="tel" /></Form.Item>
        <Form.Item name="email" label={t('obj.email')} required><Input data-testid="obj-email" autoComplete="email" inputMode="email" /></Form.Item>
        <Form.Item name="applicationId" label={t('obj.application')} required>
          <Select data-testid="obj-application" placeholder={t('obj.pickApplication')} showSearch optionFilterProp="label"
            options={publicity.items.map((i) => ({ value: i.applicationId, label: `${i.number} ${i.title ?? ''} ${i.organization ?? ''}`.trim() }))} />
        </Form.Item>
        <Form.Item name="reasons" label={t('obj.reasons')} extra={t('obj.reasonsHelp')} required><Input.TextArea data-testid="obj-reasons" rows={5} /></Form.Item>
        <Form.Item name="fileIds" label={t('obj.evidence')} extra={t('obj.evidenceHelp', { types: EVIDENCE.accept.join(' '), size: EVIDENCE.maxSizeMB })}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Upload accept={EVIDENCE.accept.join(',')} showUploadList={false} disabled={!!uploading || files.length >= 10}
              beforeUpload={(f) => { void onUpload(f as File); return false; }}>
              <Button icon={<UploadOutlined />} data-testid="obj-upload">{t('obj.upload')}</Button>
            </Upload>
            {uploading && <div data-testid="obj-upload-progress">{t('obj.uploading', { name: uploading.name, percent: uploading.percent })}<Progress percent={uploading.percent} size="small" /></div>}
            {files.map((f) => (
              <Space key={f.id} data-testid="obj-file">
                <span>{f.name}</span>
                <Button size="small" type="link" onClick={() => setFiles((xs) => xs.filter((x) => x.id !== f.id))}>{t('hol.remove')}</Button>
              </Space>
            ))}
          </Space>
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} data-testid="objection-error" style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="obj-submit">{t('obj.submit')}</Button>
      </Form>
    </Card>
  );
}
