import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Popconfirm, Select, Skeleton, Space, Typography } from 'antd';
import { organizationsApi } from '../api/applications.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorPage } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { needsApi, type NeedView } from './needs.api.ts';
import { emptyNeed, NeedFormFields, toFields, toFormValues, type NeedFormValues } from './need-form.tsx';
import { applyServerErrors, NeedStatusTag } from './need-shared.tsx';
import '../i18n/needs.ts';

/** /needs/new and /needs/mine/:needId — draft, edit, submit and close one of my needs. */
export default function NeedEditPage() {
  const { needId } = useParams();
  const [load, reload] = useLoad(async () => ({
    orgs: (await organizationsApi.mine()).organizations,
    need: needId ? await needsApi.get(needId) : null,
  }), [needId]);
  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 10 }} />;
  if (load.state === 'error') return <ApiErrorPage error={load.error} onRetry={() => reload()} />;
  return <NeedEditor key={needId ?? 'new'} orgs={load.data.orgs} initial={load.data.need} />;
}

function NeedEditor({ orgs, initial }: { orgs: { id: string; name: string }[]; initial: NeedView | null }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<NeedFormValues & { organizationId?: string }>();
  const [need, setNeed] = useState<NeedView | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const editable = !need || need.canEdit;

  if (!orgs.length && !need) {
    return <Card className="lv-block" title={t('nd.post')}><Alert type="info" message={t('nd.noOrg')} action={<Link to="/my/organizations/new"><Button>{t('nd.addOrg')}</Button></Link>} /></Card>;
  }

  const run = async (what: () => Promise<NeedView>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      const next = await what();
      setNeed(next);
      message.success(done);
      if (!need) navigate(`/needs/mine/${next.id}`, { replace: true });
    } catch (e) {
      setError(applyServerErrors(form, e, lang, 'fields.'));
    } finally {
      setBusy(false);
    }
  };
  const save = async () => {
    const v = form.getFieldsValue(true);
    const fields = toFields(v);
    await run(() => (need ? needsApi.update(need.id, fields) : needsApi.create(v.organizationId ?? '', fields)), t('nd.saved'));
  };
  const submit = async () => {
    const v = form.getFieldsValue(true);
    await run(async () => {
      const saved = need ? await needsApi.update(need.id, toFields(v)) : await needsApi.create(v.organizationId ?? '', toFields(v));
      setNeed(saved);
      return needsApi.submit(saved.id);
    }, t('nd.submitted'));
  };

  return (
    <Card className="lv-block" data-testid="need-editor"
      title={<Space>{need ? need.fields.problem : t('nd.post')}{need && <NeedStatusTag status={need.status} testId="need-status" />}</Space>}>
      {need?.reviewNote && <Alert type={need.status === 'rejected' ? 'warning' : 'info'} showIcon style={{ marginBottom: 16 }} message={t('nd.reviewNote')} description={need.reviewNote} data-testid="need-review-note" />}
      {need?.program && (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} message={t('nd.program', { name: need.program.name })} data-testid="need-program"
          action={<Space><Link to={`/programs/${need.program.slug}`}><Button size="small">{t('nd.openProgram')}</Button></Link><Link to={`/needs/race/${need.program.programId}`}><Button size="small">{t('nd.race')}</Button></Link></Space>} />
      )}
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={error} data-testid="need-error" />}
      <Form form={form} layout="vertical" initialValues={need ? toFormValues(need.fields) : { ...emptyNeed, organizationId: orgs[0]?.id }} onValuesChange={() => setError(null)}>
        {need ? (
          <Typography.Paragraph><Typography.Text type="secondary">{t('nd.organization')}：</Typography.Text>{need.organization.name}</Typography.Paragraph>
        ) : (
          <Form.Item name="organizationId" label={t('nd.organization')}>
            <Select options={orgs.map((o) => ({ value: o.id, label: o.name }))} data-testid="need-org" />
          </Form.Item>
        )}
        <NeedFormFields disabled={!editable} />
      </Form>
      <Space>
        {editable && <Button onClick={save} loading={busy} data-testid="need-save">{t('nd.save')}</Button>}
        {editable && <Button type="primary" onClick={submit} loading={busy} data-testid="need-submit">{t('nd.submit')}</Button>}
        {need?.canClose && (
          <Popconfirm title={t('nd.closeConfirm')} onConfirm={() => run(() => needsApi.close(need.id), t('nd.closed'))}>
            <Button danger loading={busy} data-testid="need-close">{t('nd.close')}</Button>
          </Popconfirm>
        )}
      </Space>
    </Card>
  );
}
