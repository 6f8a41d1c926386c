import { Button, Card, Form, Input, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { catalogIpKinds } from '@lvping/domain/catalog/catalog-fields.schema.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { CatalogFieldsInput } from './catalog.api.ts';
import { fieldOptions, ipName } from './catalog-shared.tsx';

// The entry's fields as a form. Names are the request's paths, so the server's field errors
// (fields.cases.0.year, fields.contact.phone) land on their fields.

/** A prefill or earlier version as form values, with the repeating parts at least one row long. */
export function toFormValues(f: Record<string, unknown>): Partial<CatalogFieldsInput> {
  const v = f as Partial<CatalogFieldsInput>;
  return {
    ...v,
    benefits: { energySavedTce: v.benefits?.energySavedTce ?? null, co2ReducedT: v.benefits?.co2ReducedT ?? null, others: v.benefits?.others ?? [] },
    cases: v.cases?.length ? v.cases : [{ name: '', place: '', year: new Date().getFullYear(), description: '' }],
    ip: v.ip ?? { kind: 'granted_patents', detail: '' },
  };
}

export function EntryFormFields({ tracks, disabled }: { tracks: { id: string; name: string }[]; disabled?: boolean }) {
  const { t, lang } = useI18n();
  return (
    <>
      <Form.Item name="name" label={t('cat.name')} rules={[{ required: true, message: t('cat.name') }]}>
        <Input maxLength={100} showCount disabled={disabled} data-testid="entry-name" />
      </Form.Item>
      <Form.Item name="fieldId" label={t('cat.field')} rules={[{ required: true, message: t('cat.selectField') }]}>
        <Select options={fieldOptions(lang, tracks)} disabled={disabled} data-testid="entry-field" />
      </Form.Item>
      <Form.Item name="scope" label={t('cat.scope')}><Input.TextArea rows={3} maxLength={2000} disabled={disabled} data-testid="entry-scope" /></Form.Item>
      <Form.Item name="process" label={t('cat.process')}><Input.TextArea rows={4} maxLength={5000} disabled={disabled} data-testid="entry-process" /></Form.Item>
      <Form.Item name="parameters" label={t('cat.parameters')}><Input.TextArea rows={3} maxLength={3000} disabled={disabled} data-testid="entry-parameters" /></Form.Item>
      <Card size="small" title={t('cat.benefits')} style={{ marginBottom: 16 }}>
        <Space wrap>
          <Form.Item name={['benefits', 'energySavedTce']} label={t('cat.energySaved')}><InputNumber min={0} style={{ width: 200 }} disabled={disabled} data-testid="entry-energy" /></Form.Item>
          <Form.Item name={['benefits', 'co2ReducedT']} label={t('cat.co2Reduced')}><InputNumber min={0} style={{ width: 200 }} disabled={disabled} data-testid="entry-co2" /></Form.Item>
        </Space>
        <Form.List name={['benefits', 'others']}>
          {(items, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {items.map((item, i) => (
                <Space key={item.key} align="start" wrap data-testid={`entry-benefit-${i}`}>
                  <Form.Item name={[item.name, 'name']} style={{ marginBottom: 0 }}><Input placeholder={t('cat.benefitName')} disabled={disabled} /></Form.Item>
                  <Form.Item name={[item.name, 'value']} style={{ marginBottom: 0 }}><InputNumber placeholder={t('cat.benefitValue')} disabled={disabled} /></Form.Item>
                  <Form.Item name={[item.name, 'unit']} style={{ marginBottom: 0 }}><Input style={{ width: 100 }} placeholder={t('cat.benefitUnit')} disabled={disabled} /></Form.Item>
                  {!disabled && <MinusCircleOutlined onClick={() => remove(item.name)} />}
                </Space>
              ))}
              {!disabled && <Button icon={<PlusOutlined />} onClick={() => add({ name: '', value: 0, unit: '' })} data-testid="entry-benefit-add">{t('cat.addBenefit')}</Button>}
            </Space>
          )}
        </Form.List>
      </Card>
      <Form.Item label={t('cat.cases')} required>
        <Form.List name="cases">
          {(items, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {items.map((item, i) => (
                <Card size="small" key={item.key} data-testid={`entry-case-${i}`} extra={!disabled && items.length > 1 && <MinusCircleOutlined onClick={() => remove(item.name)} />}>
                  <Space wrap align="start">
                    <Form.Item name={[item.name, 'name']} label={t('cat.caseName')}><Input style={{ width: 260 }} disabled={disabled} data-testid={`entry-case-name-${i}`} /></Form.Item>
                    <Form.Item name={[item.name, 'place']} label={t('cat.casePlace')}><Input style={{ width: 180 }} disabled={disabled} data-testid={`entry-case-place-${i}`} /></Form.Item>
                    <Form.Item name={[item.name, 'year']} label={t('cat.caseYear')}><InputNumber min={1990} max={2100} disabled={disabled} data-testid={`entry-case-year-${i}`} /></Form.Item>
                  </Space>
                  <Form.Item name={[item.name, 'description']} label={t('cat.caseDescription')} style={{ marginBottom: 0 }}><Input.TextArea rows={2} maxLength={1000} disabled={disabled} /></Form.Item>
                </Card>
              ))}
              {!disabled && <Button icon={<PlusOutlined />} onClick={() => add({ name: '', place: '', year: new Date().getFullYear(), description: '' })} data-testid="entry-case-add">{t('cat.addCase')}</Button>}
            </Space>
          )}
        </Form.List>
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name={['ip', 'kind']} label={t('cat.ip')}>
          <Select style={{ width: 180 }} disabled={disabled} data-testid="entry-ip" options={catalogIpKinds.map((k) => ({ value: k, label: ipName(k, lang) }))} />
        </Form.Item>
        <Form.Item name={['ip', 'detail']} label={t('cat.ipDetail')}><Input style={{ width: 320 }} disabled={disabled} data-testid="entry-ip-detail" /></Form.Item>
        <Form.Item name="trl" label={t('cat.trl')} rules={[{ required: true, message: t('cat.trl') }]}>
          <Select style={{ width: 140 }} disabled={disabled} data-testid="entry-trl" options={Array.from({ length: 9 }, (_, i) => ({ value: i + 1, label: `TRL ${i + 1}` }))} />
        </Form.Item>
      </Space>
      <Card size="small" title={t('cat.contact')} style={{ marginBottom: 16 }}>
        <Space wrap>
          <Form.Item name={['contact', 'name']} label={t('cat.contactName')}><Input disabled={disabled} data-testid="entry-contact-name" /></Form.Item>
          <Form.Item name={['contact', 'phone']} label={t('cat.contactPhone')}><Input disabled={disabled} data-testid="entry-contact-phone" /></Form.Item>
          <Form.Item name={['contact', 'email']} label={t('cat.contactEmail')}><Input disabled={disabled} data-testid="entry-contact-email" /></Form.Item>
        </Space>
      </Card>
    </>
  );
}
