import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Input, Space, Tag, Typography } from 'antd';
import { consequenceNames, objectionStatusNames, rulingNames } from '@lvping/domain/publicity/objection.schema.ts';
import { publicityApi, type ObjectionPublicStatus } from '../api/publicity.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';
import { formatDateTime } from '../shell/shanghai.ts';
import '../i18n/publicity.ts';

/** /objections/status?receipt=… — an objection's status and ruling by its receipt number; nothing about who filed it. */
export default function ObjectionStatusPage() {
  const { t, pick } = useI18n();
  const text = useErrorText();
  const [params, setParams] = useSearchParams();
  const [receipt, setReceipt] = useState(params.get('receipt') ?? '');
  const [result, setResult] = useState<ObjectionPublicStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const lookup = async (no: string) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await publicityApi.status(no.trim()));
      setParams({ receipt: no.trim() }, { replace: true });
    } catch (e) {
      setError(text(e));
    } finally {
      setBusy(false);
    }
  };
  // A link from the receipt or the email opens with the number filled in and looked up.
  useEffect(() => {
    const initial = params.get('receipt');
    if (initial) void lookup(initial);
  }, []);

  return (
    <div className="lv-call" data-testid="objection-status-page">
      <Card title={t('obj.statusTitle')}>
        <Space.Compact style={{ width: '100%', maxWidth: 480 }}>
          <Input value={receipt} onChange={(e) => setReceipt(e.target.value)} placeholder={t('obj.receiptInput')} data-testid="status-receipt" onPressEnter={() => void lookup(receipt)} />
          <Button type="primary" loading={busy} onClick={() => void lookup(receipt)} data-testid="status-lookup">{t('obj.lookup')}</Button>
        </Space.Compact>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} data-testid="status-error" />}
        {result && (
          <Descriptions column={1} bordered size="small" style={{ marginTop: 16 }} data-testid="status-result">
            <Descriptions.Item label={t('pub.pageTitle')}>{result.programName} · {result.publicityTitle}</Descriptions.Item>
            <Descriptions.Item label={t('obj.project')}>{result.applicationNumber} {result.applicationTitle}</Descriptions.Item>
            <Descriptions.Item label={t('obj.filedAt')}>{formatDateTime(result.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('obj.status')}><Tag data-testid="status-value" data-status={result.status}>{pick(objectionStatusNames[result.status])}</Tag></Descriptions.Item>
            {result.ruling && <Descriptions.Item label={t('obj.ruling')}><span data-testid="status-ruling">{pick(rulingNames[result.ruling])}</span></Descriptions.Item>}
            {result.consequence && <Descriptions.Item label={t('obj.consequence')}>{pick(consequenceNames[result.consequence])}</Descriptions.Item>}
            {result.rulingReason && <Descriptions.Item label={t('obj.rulingReason')}><Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{result.rulingReason}</Typography.Text></Descriptions.Item>}
            {result.ruledAt && <Descriptions.Item label={t('obj.ruledAt')}>{formatDateTime(result.ruledAt)}</Descriptions.Item>}
          </Descriptions>
        )}
      </Card>
    </div>
  );
}
