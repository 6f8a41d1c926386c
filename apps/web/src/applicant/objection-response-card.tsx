import { useState } from 'react';
import { Alert, Button, Card, Input, Progress, Space, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { objectionStatusNames } from '@lvping/domain/publicity/objection.schema.ts';
import type { ApplicationDetail } from '../api/applications.api.ts';
import { EVIDENCE, publicityApi, type ApplicantObjection, type EvidenceFile } from '../api/publicity.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';
import { formatDateTime } from '../shell/shanghai.ts';
import { useLoad } from '../shell/use-load.ts';
import '../i18n/publicity.ts';

/** After a decision: the secretariat's requests for a response to an objection, and the answer (text and files). */
export function ObjectionResponseCard({ detail }: { detail: Pick<ApplicationDetail, 'id' | 'status'> }) {
  const { t } = useI18n();
  const decided = ['candidate', 'advanced', 'in_review', 'awarded', 'not_awarded', 'eligible', 'endorsed', 'eliminated'].includes(detail.status);
  const [load, , replace] = useLoad(() => (decided ? publicityApi.mine(detail.id).catch(() => ({ items: [] })) : Promise.resolve({ items: [] })), [detail.id, decided]);
  const items = load.state === 'ok' ? load.data.items : [];
  if (!items.length) return null;
  return (
    <Card size="small" className="lv-block" title={t('obr.title')} data-testid="objection-responses">
      <Space direction="vertical" style={{ width: '100%' }}>
        {items.map((o) => <One key={o.objectionId} applicationId={detail.id} o={o} onDone={(items) => replace({ items })} />)}
      </Space>
    </Card>
  );
}

function One({ applicationId, o, onDone }: { applicationId: string; o: ApplicantObjection; onDone: (items: ApplicantObjection[]) => void }) {
  const { t, pick } = useI18n();
  const text = useErrorText();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<EvidenceFile[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    setError(null);
    setProgress(0);
    try {
      const f = await publicityApi.uploadResponseFile(applicationId, o.objectionId, file, setProgress);
      setFiles((xs) => [...xs, f]);
    } catch (e) {
      setError(text(e));
    } finally {
      setProgress(null);
    }
  };
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      onDone((await publicityApi.respond(applicationId, o.objectionId, body.trim(), files.map((f) => f.id))).items);
    } catch (e) {
      setError(text(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid={`objection-${o.receiptNo}`}>
      <Space wrap><Typography.Text strong>{t('obr.receipt', { no: o.receiptNo })}</Typography.Text><Tag data-testid="objection-response-status">{pick(objectionStatusNames[o.status])}</Tag></Space>
      <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{t('obr.reasons')}：{o.reasons}</Typography.Paragraph>
      {o.events.map((e) => (
        <div key={e.id} data-testid={`obr-event-${e.kind}`}>
          <Typography.Text strong>{t(`pubt.event.${e.kind}`)}</Typography.Text> <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
          <div style={{ whiteSpace: 'pre-wrap' }}>{e.body}</div>
          {e.files.map((f) => <div key={f.id}><a href={publicityApi.myFile(applicationId, o.objectionId, f.id)}>{f.name}</a></div>)}
        </div>
      ))}
      {o.awaitingResponse ? (
        <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
          <Input.TextArea rows={4} value={body} onChange={(e) => setBody(e.target.value)} placeholder={t('obr.answerLabel')} data-testid="obr-body" />
          <Upload accept={EVIDENCE.accept.join(',')} showUploadList={false} beforeUpload={(f) => { void upload(f as File); return false; }}>
            <Button icon={<UploadOutlined />} disabled={progress !== null} data-testid="obr-upload">{t('obr.attach')}</Button>
          </Upload>
          {progress !== null && <Progress percent={progress} size="small" />}
          {files.map((f) => <div key={f.id} data-testid="obr-file">{f.name}</div>)}
          {error && <Alert type="error" showIcon title={error} />}
          <Button type="primary" loading={busy} disabled={body.trim().length < 2} onClick={() => void send()} data-testid="obr-send">{t('obr.answer')}</Button>
        </Space>
      ) : o.status !== 'ruled' && <Typography.Text type="secondary">{t('obr.waiting')}</Typography.Text>}
    </div>
  );
}
