import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Radio, Space, Table, Tabs, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { needsApi, type JiebangCreated, type NeedView } from './needs.api.ts';
import { applyServerErrors, errorLine, fieldName, indicatorLine } from './need-shared.tsx';
import '../i18n/needs.ts';

/** /needs/review — the catalog organizer's queue (publish / reject with a note) and 揭榜挂帅 programs from published needs. */
export default function NeedReviewPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState<'pending' | 'published'>('pending');
  return (
    <Card className="lv-block" title={t('nd.reviewQueue')} data-testid="need-review">
      <Tabs activeKey={tab} onChange={(k) => setTab(k as 'pending' | 'published')} destroyOnHidden items={[
        { key: 'pending', label: <span data-testid="need-review-tab-pending">{t('nd.pendingTab')}</span>, children: <PendingQueue /> },
        { key: 'published', label: <span data-testid="need-review-tab-published">{t('nd.publishedTab')}</span>, children: <PublishedNeeds /> },
      ]} />
    </Card>
  );
}

function NeedSummary({ n }: { n: NeedView }) {
  const { t, lang } = useI18n();
  return (
    <Space direction="vertical" size={2}>
      <Typography.Text strong>{n.fields.problem}</Typography.Text>
      <Typography.Text type="secondary">{n.organization.name} · {fieldName(n.fields.fieldId, lang)} · {t('nd.budgetRange', { min: n.fields.budget.min, max: n.fields.budget.max })} · {t('nd.deadlineOn', { date: n.fields.deadline })}</Typography.Text>
      <Typography.Text type="secondary">{n.fields.indicators.map(indicatorLine).join('；')}</Typography.Text>
      <Typography.Text type="secondary">{t('nd.contact')}：{n.fields.contact.name} {n.fields.contact.phone} {n.fields.contact.email}</Typography.Text>
    </Space>
  );
}

function PendingQueue() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [load, reload] = useLoad(() => needsApi.queue('pending'), []);
  const [rejecting, setRejecting] = useState<NeedView | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const decide = async (n: NeedView, decision: 'publish' | 'reject') => {
    try {
      await needsApi.review(n.id, { decision, note: decision === 'reject' ? note : '' });
      message.success(decision === 'publish' ? t('nd.published') : t('nd.rejected'));
      setRejecting(null);
      setNote('');
      setError(null);
      reload();
    } catch (e) {
      setError(errorLine(e, lang));
    }
  };
  if (load.state === 'error') return <ApiErrorAlert error={load.error} title={t('nd.loadFailed')} onRetry={reload} />;
  return (
    <>
      <Table<NeedView> rowKey="id" loading={load.state === 'loading'} pagination={false} dataSource={load.state === 'ok' ? load.data.items : []}
        locale={{ emptyText: t('nd.none') }}
        columns={[
          { key: 'need', title: t('nd.problem'), render: (_, n) => <div data-testid={`review-need-${n.id}`}><NeedSummary n={n} /></div> },
          { key: 'act', title: '', width: 200, render: (_, n) => (
            <Space>
              <Button type="primary" onClick={() => decide(n, 'publish')} data-testid={`review-publish-${n.id}`}>{t('nd.publish')}</Button>
              <Button danger onClick={() => { setRejecting(n); setError(null); }} data-testid={`review-reject-${n.id}`}>{t('nd.reject')}</Button>
            </Space>
          ) },
        ]} />
      <Modal open={!!rejecting} title={t('nd.reject')} onCancel={() => setRejecting(null)} onOk={() => rejecting && decide(rejecting, 'reject')} okButtonProps={{ danger: true, 'data-testid': 'review-reject-confirm' } as never}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Input.TextArea rows={4} placeholder={t('nd.rejectNote')} value={note} onChange={(e) => setNote(e.target.value)} data-testid="review-reject-note" />
      </Modal>
    </>
  );
}

type ProgramForm = { name: string; slug: string; opensOn?: Dayjs; solversPerNeed: number; approval: 'none' | 'committee' };

function PublishedNeeds() {
  const { t, lang } = useI18n();
  const [load, reload] = useLoad(() => needsApi.queue('published'), []);
  const [selected, setSelected] = useState<string[]>([]);
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<JiebangCreated | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<ProgramForm>();
  const create = async () => {
    const v = form.getFieldsValue(true);
    setBusy(true);
    setError(null);
    try {
      const r = await needsApi.createProgram({ needIds: selected, name: v.name, slug: v.slug, opensOn: v.opensOn?.format('YYYY-MM-DD'), solversPerNeed: v.solversPerNeed, approval: v.approval });
      setCreated(r);
      setOpen(false);
      setSelected([]);
      reload();
    } catch (e) {
      setError(applyServerErrors(form, e, lang));
    } finally {
      setBusy(false);
    }
  };
  if (load.state === 'error') return <ApiErrorAlert error={load.error} title={t('nd.loadFailed')} onRetry={reload} />;
  return (
    <>
      {created && (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} message={t('nd.created', { n: created.tracks.length })} data-testid="jiebang-created"
          action={<Link to={`/organizer/programs/${created.programId}`}><Button size="small" data-testid="jiebang-open">{t('nd.openCreated')}</Button></Link>} />
      )}
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" disabled={!selected.length} onClick={() => { setOpen(true); setError(null); }} data-testid="jiebang-create">{t('nd.createProgram')}</Button>
        <Typography.Text type="secondary">{t('nd.selectHint')}</Typography.Text>
      </Space>
      <Table<NeedView> rowKey="id" loading={load.state === 'loading'} pagination={false} dataSource={load.state === 'ok' ? load.data.items : []}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (n) => ({ disabled: !!n.program, 'data-testid': `jiebang-pick-${n.id}` } as never) }}
        columns={[
          { key: 'need', title: t('nd.problem'), render: (_, n) => <NeedSummary n={n} /> },
          { key: 'program', title: '', render: (_, n) => n.program && <Link to={`/organizer/programs/${n.program.programId}`}>{n.program.name}</Link> },
        ]} />
      <Modal open={open} title={t('nd.createProgram')} onCancel={() => setOpen(false)} onOk={create} confirmLoading={busy} okButtonProps={{ 'data-testid': 'jiebang-confirm' } as never}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="jiebang-error" />}
        <Form form={form} layout="vertical" initialValues={{ solversPerNeed: 2, approval: 'none', slug: `jbgs-${new Date().getFullYear()}-${Math.random().toString(36).slice(2, 6)}` }}>
          <Form.Item name="name" label={t('nd.programName')}><Input data-testid="jiebang-name" /></Form.Item>
          <Form.Item name="slug" label={t('nd.programSlug')}><Input data-testid="jiebang-slug" /></Form.Item>
          <Form.Item name="opensOn" label={t('nd.opensOn')}><DatePicker /></Form.Item>
          <Form.Item name="solversPerNeed" label={t('nd.solversPerNeed')}><InputNumber min={1} max={10} /></Form.Item>
          <Form.Item name="approval" label={t('nd.approval')}>
            <Radio.Group options={[{ value: 'none', label: t('nd.approvalNone') }, { value: 'committee', label: t('nd.approvalCommittee') }]} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
