import { useState } from 'react';
import { App, Button, Card, Checkbox, Form, Input, InputNumber, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { dealKinds, type CommissionRules } from '@lvping/domain/deals/commission.ts';
import '../i18n/deals.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';
import { ApiErrorAlert, useErrorText } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { dealsApi, type Deal } from './deals.api.ts';

/** /deals — my deals (record, confirm), everyone's for the catalog organizer, and the commission rules. */
export default function DealsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { user } = useSession();
  const organizer = !!user?.grants.some((g) => g.role === 'catalog_organizer' || g.role === 'platform_admin');
  const [all, setAll] = useState(false);
  const [load, reload] = useLoad(() => dealsApi.list(all), [all]);
  const [recording, setRecording] = useState(false);
  const act = async (p: Promise<unknown>) => {
    try {
      await p;
      reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="deals-page">
      <Card className="lv-block" title={t('dl.title')} extra={<Space>
        {organizer && <Button onClick={() => setAll(!all)} data-testid="deals-toggle-all">{all ? t('dl.mine') : t('dl.all')}</Button>}
        <Button type="primary" onClick={() => setRecording(true)} data-testid="deal-record">{t('dl.record')}</Button>
      </Space>}>
        <Typography.Paragraph type="secondary">{t('dl.intro')}</Typography.Paragraph>
        {load.state === 'error' && <ApiErrorAlert error={load.error} title={t('dl.loadFailed')} onRetry={reload} />}
        <List<Deal> data-testid="deals-list" loading={load.state === 'loading'} locale={{ emptyText: t('dl.none') }} dataSource={load.state === 'ok' ? load.data.items : []}
          renderItem={(d) => (
            <List.Item data-testid={`deal-${d.id}`} actions={d.awaitingMe ? [
              <Button key="c" type="primary" size="small" data-testid="deal-confirm" onClick={() => void act(dealsApi.confirm(d.id, true))}>{t('dl.confirm')}</Button>,
              <Button key="d" size="small" data-testid="deal-decline" onClick={() => void act(dealsApi.confirm(d.id, false))}>{t('dl.decline')}</Button>,
            ] : []}>
              <List.Item.Meta
                title={<Space wrap>{t(`dl.kind.${d.kind}`)}{d.amountWan !== null && <span data-testid="deal-amount">{t('dl.amount', { amount: d.amountWan })}</span>}<Tag data-testid="deal-status">{t(`dl.status.${d.status}`)}</Tag></Space>}
                description={<>
                  {t('dl.parties', { from: d.recordedBy.name, to: d.counterpart.name })} · {d.date}{d.technologyName ? ` · ${d.technologyName}` : ''}
                  {d.status === 'confirmed' && d.viaPlatform && <div data-testid="deal-commission">{d.commission ? t('dl.commission', { amount: d.commission.commissionWan }) : t('dl.commissionNone')}</div>}
                </>} />
            </List.Item>
          )} />
      </Card>
      <RulesCard />
      {recording && <RecordDealModal onClose={(done) => {
        setRecording(false);
        if (done) {
          message.success(t('dl.recorded'));
          reload();
        }
      }} />}
    </Space>
  );
}

function RecordDealModal({ onClose }: { onClose: (done: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm();
  const [met] = useLoad(() => dealsApi.counterparts(), []);
  const people = met.state === 'ok' ? met.data.items : [];
  const submit = async () => {
    const v = await form.validateFields();
    const who = people.find((p) => p.meetingRequestId === v.met);
    try {
      await dealsApi.record({
        kind: v.kind, amountWan: v.amountWan, date: v.date, viaPlatform: !!v.viaPlatform, note: v.note ?? '',
        ...(who ? { counterpartUserId: who.userId, meetingRequestId: who.meetingRequestId } : { counterpartEmail: v.email }),
      });
      onClose(true);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Modal open title={t('dl.record')} onCancel={() => onClose(false)} onOk={() => void submit()} okButtonProps={{ 'data-testid': 'deal-submit' } as never}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'investment', viaPlatform: true, date: new Date().toISOString().slice(0, 10) }}>
        <Form.Item name="met" label={t('dl.f.counterpart')} extra={t('dl.f.counterpartHint')}>
          <Select allowClear data-testid="deal-f-counterpart" options={people.map((p) => ({ value: p.meetingRequestId, label: `${p.orgName}（${p.name}）${p.technologyName ? ` · ${p.technologyName}` : ''}` }))} />
        </Form.Item>
        <Form.Item name="email" label={t('dl.f.counterpartEmail')}><Input type="email" data-testid="deal-f-email" /></Form.Item>
        <Form.Item name="kind" label={t('dl.f.kind')} rules={[{ required: true }]}>
          <Select data-testid="deal-f-kind" options={dealKinds.map((k) => ({ value: k, label: t(`dl.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="amountWan" label={t('dl.f.amount')} rules={[{ required: true }]}><InputNumber min={0.0001} step={1} style={{ width: '100%' }} data-testid="deal-f-amount" /></Form.Item>
        <Form.Item name="date" label={t('dl.f.date')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}><Input data-testid="deal-f-date" /></Form.Item>
        <Form.Item name="viaPlatform" valuePropName="checked"><Checkbox data-testid="deal-f-via">{t('dl.f.viaPlatform')}</Checkbox></Form.Item>
        <Form.Item name="note" label={t('dl.f.note')}><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}

function RulesCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [load, reload] = useLoad(() => dealsApi.rules(), []);
  const [text, setText] = useState<string | null>(null);
  if (load.state !== 'ok') return null;
  const rules = load.data;
  const save = async () => {
    try {
      await dealsApi.saveRules(JSON.parse(text!) as CommissionRules);
      message.success(t('dl.rulesSaved'));
      setText(null);
      reload();
    } catch (e) {
      message.error(e instanceof SyntaxError ? e.message : errorText(e));
    }
  };
  return (
    <Card className="lv-block" title={t('dl.rules')} extra={rules.canEdit && text === null && <Button onClick={() => setText(JSON.stringify({ rules: rules.rules }, null, 2))} data-testid="rules-edit">{t('dl.rulesEdit')}</Button>}>
      {text !== null ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.TextArea rows={14} value={text} onChange={(e) => setText(e.target.value)} style={{ fontFamily: 'monospace' }} data-testid="rules-json" />
          <Button type="primary" onClick={() => void save()} data-testid="rules-save">{t('dl.save')}</Button>
        </Space>
      ) : (
        <List size="small" data-testid="rules-list" dataSource={rules.rules} renderItem={(r) => (
          <List.Item>
            <Space wrap>
              <strong>{t(`dl.kind.${r.kind}`)}</strong>
              {r.tiers.map((tier, i) => <span key={i}>{tier.upToWan === null ? t('dl.tierRest', { rate: tier.ratePercent }) : t('dl.tier', { upTo: t('dl.upTo', { n: tier.upToWan }), rate: tier.ratePercent })}</span>)}
              {(r.minWan !== null || r.maxWan !== null) && <Typography.Text type="secondary">{t('dl.minmax', { min: r.minWan ?? '—', max: r.maxWan ?? '—' })}</Typography.Text>}
            </Space>
          </List.Item>
        )} />
      )}
    </Card>
  );
}
