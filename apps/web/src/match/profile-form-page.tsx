import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { creditProductKinds, investmentStageNames, investmentStages, matchProfileKinds } from '@lvping/domain/match/match-profile.schema.ts';
import { isApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorPage } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { matchApi, type MatchProfileInput, type MatchProfileKind } from './match.api.ts';
import { fieldOptions, provinceOptions } from './match-shared.tsx';

type Values = Record<string, unknown>;

/** /match/apply/:kind — apply for an investor's, bank's or buyer's profile, or edit mine (it is reviewed again). */
export default function ProfileFormPage() {
  const { kind: raw } = useParams();
  const kind = (matchProfileKinds as readonly string[]).includes(raw ?? '') ? (raw as MatchProfileKind) : null;
  const { t, lang, pick } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [load] = useLoad(() => matchApi.mine(), []);
  const existing = load.state === 'ok' ? load.data.profiles.find((p) => p.kind === kind) : undefined;

  useEffect(() => {
    if (load.state !== 'ok') return;
    if (existing) form.setFieldsValue(existing.profile as unknown as Values);
    else if (kind === 'bank') form.setFieldsValue({ products: [{ kind: 'green_credit', amountMin: 0, amountMax: 0 }] });
  }, [load.state, existing, kind, form]);

  if (!kind) return <ApiErrorPage error={{}} />;
  if (load.state === 'error') return <ApiErrorPage error={load.error} />;

  const submit = async (values: Values) => {
    setBusy(true);
    setFormError(null);
    try {
      await matchApi.apply({ ...values, kind } as MatchProfileInput);
      message.success(t('mt.submitted'));
      navigate('/match');
    } catch (e) {
      if (isApiError(e) && e.fields.length) {
        const known = new Set(form.getFieldsError().map((f) => f.name.join('.')));
        const rest = e.fields.filter((f) => !known.has(f.path));
        form.setFields(e.fields.filter((f) => known.has(f.path)).map((f) => ({ name: f.path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)), errors: [f.message[lang]] })));
        setFormError(rest.length ? rest.map((f) => `${f.path}: ${f.message[lang]}`).join('；') : null);
      } else setFormError(isApiError(e) ? pick(e.localized) : String(e));
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, message: t('mt.required') }];
  const kindName = t(`mt.kind.${kind}`);
  return (
    <Card className="lv-block" title={t('mt.formTitle', { kind: kindName })} data-testid="match-profile-form" loading={load.state === 'loading'}>
      <Typography.Paragraph type="secondary">{t('mt.formIntro')}</Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} data-testid="match-form-error" style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ fieldIds: [], regions: [], description: '' }} style={{ maxWidth: 760 }}>
        <Form.Item name="orgName" label={t('mt.orgName')} rules={required}><Input data-testid="mp-orgName" maxLength={200} /></Form.Item>
        <Space wrap align="start">
          <Form.Item name={['contact', 'name']} label={`${t('mt.contact')} · ${t('mt.contactName')}`} rules={required}><Input data-testid="mp-contact-name" /></Form.Item>
          <Form.Item name={['contact', 'phone']} label={t('mt.contactPhone')} rules={required}><Input data-testid="mp-contact-phone" /></Form.Item>
          <Form.Item name={['contact', 'email']} label={t('mt.contactEmail')} rules={required}><Input data-testid="mp-contact-email" /></Form.Item>
        </Space>
        <Form.Item name="fieldIds" label={t('mt.fields')} extra={t('mt.fieldsHint')}>
          <Select mode="multiple" options={fieldOptions(lang)} data-testid="mp-fieldIds" allowClear />
        </Form.Item>
        <Form.Item name="regions" label={t('mt.regions')} extra={t('mt.regionsHint')}>
          <Select mode="multiple" options={provinceOptions()} data-testid="mp-regions" optionFilterProp="label" allowClear />
        </Form.Item>
        {kind === 'investor' && (
          <>
            <Form.Item name="stages" label={t('mt.stages')} rules={required}>
              <Select mode="multiple" data-testid="mp-stages" options={investmentStages.map((s) => ({ value: s, label: pick(investmentStageNames[s]) }))} />
            </Form.Item>
            <Space align="start">
              <Form.Item name="ticketMin" label={`${t('mt.ticket')} · ${t('mt.ticketMin')}`} rules={required}><InputNumber min={0} precision={0} data-testid="mp-ticketMin" /></Form.Item>
              <Form.Item name="ticketMax" label={t('mt.ticketMax')} rules={required}><InputNumber min={0} precision={0} data-testid="mp-ticketMax" /></Form.Item>
            </Space>
          </>
        )}
        {kind === 'buyer' && (
          <Form.Item name="needText" label={t('mt.needText')} extra={t('mt.needTextHint')} rules={required}>
            <Input.TextArea rows={4} maxLength={2000} showCount data-testid="mp-needText" />
          </Form.Item>
        )}
        {kind === 'bank' && (
          <Form.List name="products">
            {(items, { add, remove }) => (
              <Card size="small" title={t('mt.products')} style={{ marginBottom: 16 }}>
                {items.map((item, i) => (
                  <Card key={item.key} size="small" type="inner" title={t('mt.product', { n: i + 1 })} style={{ marginBottom: 8 }}
                    extra={items.length > 1 && <Button type="link" danger onClick={() => remove(item.name)}>{t('mt.removeProduct')}</Button>}>
                    <Space wrap align="start">
                      <Form.Item name={[item.name, 'name']} label={t('mt.productName')} rules={required}><Input data-testid={`mp-product-${i}-name`} /></Form.Item>
                      <Form.Item name={[item.name, 'kind']} label={t('mt.productKind')} rules={required}>
                        <Select style={{ width: 160 }} data-testid={`mp-product-${i}-kind`} options={creditProductKinds.map((k) => ({ value: k, label: t(`mt.productKind.${k}`) }))} />
                      </Form.Item>
                      <Form.Item name={[item.name, 'amountMin']} label={`${t('mt.productAmount')} · ${t('mt.ticketMin')}`} rules={required}><InputNumber min={0} precision={0} /></Form.Item>
                      <Form.Item name={[item.name, 'amountMax']} label={t('mt.ticketMax')} rules={required}><InputNumber min={0} precision={0} /></Form.Item>
                      <Form.Item name={[item.name, 'rateNote']} label={t('mt.rateNote')}><Input /></Form.Item>
                    </Space>
                    <Form.Item name={[item.name, 'fieldIds']} label={t('mt.fields')}><Select mode="multiple" options={fieldOptions(lang)} allowClear /></Form.Item>
                    <Form.Item name={[item.name, 'regions']} label={t('mt.regions')}><Select mode="multiple" options={provinceOptions()} optionFilterProp="label" allowClear /></Form.Item>
                  </Card>
                ))}
                <Button onClick={() => add({ kind: 'green_credit', amountMin: 0, amountMax: 0, fieldIds: [], regions: [] })} data-testid="mp-add-product">{t('mt.addProduct')}</Button>
              </Card>
            )}
          </Form.List>
        )}
        <Form.Item name="description" label={t('mt.description')}><Input.TextArea rows={3} maxLength={2000} showCount data-testid="mp-description" /></Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="mp-submit">{t('mt.submit')}</Button>
          <Link to="/match"><Button>{t('mt.cancel')}</Button></Link>
        </Space>
      </Form>
    </Card>
  );
}
