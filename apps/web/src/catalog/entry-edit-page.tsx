import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Skeleton, Space, Typography } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import { applyServerErrors } from '../needs/need-shared.tsx';
import { ApiErrorPage } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { catalogApi, type CatalogEntryDetail, type CatalogFieldsInput } from './catalog.api.ts';
import { CatalogStatusTag, EntryHistory } from './catalog-shared.tsx';
import { EntryFormFields, toFormValues } from './entry-form.tsx';
import '../i18n/catalog.ts';

/** /catalog/entries/:entryId/edit — the owner opts in, completes and submits the entry; later updates are new versions. */
export default function EntryEditPage() {
  const { entryId = '' } = useParams();
  const [load, reload] = useLoad(() => catalogApi.get(entryId), [entryId]);
  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 10 }} />;
  if (load.state === 'error') return <ApiErrorPage error={load.error} onRetry={() => reload()} />;
  return <EntryEditor key={entryId} initial={load.data} />;
}

function EntryEditor({ initial }: { initial: CatalogEntryDetail }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CatalogFieldsInput>();
  const [entry, setEntry] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = entry.latest;
  const run = async (what: () => Promise<CatalogEntryDetail>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      const next = await what();
      setEntry(next);
      message.success(done);
    } catch (e) {
      setError(applyServerErrors(form, e, lang, 'fields.'));
    } finally {
      setBusy(false);
    }
  };
  const submit = () => run(() => catalogApi.submit(entry.id, form.getFieldsValue(true) as CatalogFieldsInput), t('cat.submitted'));
  return (
    <Card className="lv-block" data-testid="catalog-editor"
      title={<Space><Link to="/catalog/mine">{t('cat.mine')}</Link><span>/</span><span>{(latest.fields.name as string) || '—'}</span><CatalogStatusTag status={entry.status} testId="entry-status" /></Space>}
      extra={entry.publishedVersion && entry.status === 'published' ? <Link to={`/catalog/${entry.id}`} data-testid="entry-public-link">{t('cat.viewPublic')}</Link> : null}>
      <Typography.Paragraph type="secondary">{t('cat.owner')}：{entry.organization.name}{entry.program ? `\u3000${t('cat.program')}：${entry.program.name}` : ''}</Typography.Paragraph>
      {entry.status === 'invited' && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('cat.optInHelp')}
          action={<Button type="primary" loading={busy} onClick={() => void run(() => catalogApi.optIn(entry.id), t('cat.optedIn'))} data-testid="entry-opt-in">{t('cat.optIn')}</Button>} />
      )}
      {latest.status === 'pending' && entry.publishedVersion && <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="entry-pending-note" message={t('cat.pendingNote', { n: latest.version, p: entry.publishedVersion })} />}
      {latest.status === 'rejected' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="entry-rejected-note" message={t('cat.rejectedNote', { n: latest.version, note: latest.reviewNote ?? '' })} />}
      {entry.statusReason && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={`${t('cat.reason')}：${entry.statusReason}`} />}
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={error} data-testid="entry-error" />}
      <Form form={form} layout="vertical" initialValues={toFormValues(latest.fields)} onValuesChange={() => setError(null)}>
        <EntryFormFields tracks={entry.tracks} disabled={!entry.canEdit} />
      </Form>
      {entry.canEdit && <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="entry-submit">{t('cat.submit')}</Button>}
      <Typography.Title level={5} style={{ marginTop: 24 }}>{t('cat.history')}</Typography.Title>
      <EntryHistory items={entry.history} testId="entry-history" />
    </Card>
  );
}
