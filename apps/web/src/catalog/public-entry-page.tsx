import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Input, Skeleton, Space, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n.tsx';
import { errorLine } from '../needs/need-shared.tsx';
import { useSession } from '../session/session.tsx';
import { ApiErrorPage } from '../shell/api-error.tsx';
import { DownloadButton } from '../shell/download-button.tsx';
import { useLoad } from '../shell/use-load.ts';
import { catalogApi, catalogFiles } from './catalog.api.ts';
import { EntryFields, EntryHistory } from './catalog-shared.tsx';
import '../i18n/catalog.ts';

/** /catalog/:entryId — a technology's approved version and its history; suspended or retired: the reason only. */
export default function PublicEntryPage() {
  const { entryId = '' } = useParams();
  const { t, lang } = useI18n();
  const [load, reload] = useLoad(() => catalogApi.publicEntry(entryId), [entryId]);
  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 10 }} />;
  if (load.state === 'error') return <ApiErrorPage error={load.error} onRetry={() => reload()} />;
  const e = load.data;
  return (
    <Card className="lv-block" data-testid="catalog-entry" data-status={e.status}
      title={<Space direction="vertical" size={0}><Link to="/catalog">{t('cat.title')}</Link><span data-testid="catalog-entry-name">{e.fields?.name ?? ''}</span></Space>}
      extra={e.fields && <DownloadButton href={catalogFiles.pdf(e.id)} filename={`${e.fields.name}.pdf`} icon={<FilePdfOutlined />} data-testid="catalog-entry-pdf">{t('cat.pdf')}</DownloadButton>}>
      {e.status !== 'published' && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="catalog-entry-status"
          message={t(e.status === 'suspended' ? 'cat.suspendedNotice' : 'cat.retiredNotice')} description={e.statusReason ? `${t('cat.reason')}：${e.statusReason}` : undefined} />
      )}
      <Typography.Paragraph>
        <Typography.Text type="secondary">{t('cat.owner')}：</Typography.Text><span data-testid="catalog-entry-owner">{e.organizationName}</span>
        <Typography.Text type="secondary">{'\u3000'}{t('cat.region')}：</Typography.Text>{e.regionName}
        {e.programName && <><Typography.Text type="secondary">{'\u3000'}{t('cat.program')}：</Typography.Text>{e.programName}</>}
      </Typography.Paragraph>
      {e.fields && <EntryFields fields={e.fields} fieldName={e.fieldName?.[lang]} testId="catalog-entry-fields" />}
      {e.status === 'published' && <ContactRequest entryId={e.id} />}
      <Typography.Title level={5} style={{ marginTop: 24 }}>{t('cat.history')}</Typography.Title>
      <EntryHistory items={e.history} testId="catalog-entry-history" />
    </Card>
  );
}

function ContactRequest({ entryId }: { entryId: string }) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!user) return <Alert style={{ marginTop: 16 }} type="info" message={<Link to="/login">{t('cat.signInToContact')}</Link>} />;
  const send = async () => {
    try {
      await catalogApi.requestContact(entryId, text);
      message.success(t('cat.contactSent'));
      setText('');
      setError(null);
    } catch (e) {
      setError(errorLine(e, lang));
    }
  };
  return (
    <Card size="small" style={{ marginTop: 16 }} title={t('cat.contactRequest')}>
      <Typography.Paragraph type="secondary">{t('cat.contactRequestHelp')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
      <Input.TextArea rows={3} maxLength={1000} value={text} onChange={(ev) => setText(ev.target.value)} data-testid="catalog-contact-message" />
      <Button style={{ marginTop: 8 }} onClick={() => void send()} data-testid="catalog-contact-send">{t('cat.contactRequest')}</Button>
    </Card>
  );
}
