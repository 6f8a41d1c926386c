import { Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { NeedFieldsInput } from '@lvping/domain/needs/need.schema.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { fieldOptions } from './need-shared.tsx';

// The need's fields as a form. Names are the request's paths, so the server's field errors
// (fields.budget.max, fields.indicators.1.target) land on their fields.

export type NeedFormValues = Omit<NeedFieldsInput, 'deadline'> & { deadline?: Dayjs };

export const toFormValues = (f: NeedFieldsInput): NeedFormValues => ({ ...f, deadline: f.deadline ? dayjs(f.deadline) : undefined });
export const toFields = (v: NeedFormValues): NeedFieldsInput => ({
  ...v,
  description: v.description ?? '',
  funded: !!v.funded,
  deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : '',
  indicators: (v.indicators ?? []).map((i) => ({ ...i, unit: i.unit ?? '', direction: i.direction ?? 'atLeast' })),
});

export const emptyNeed: NeedFormValues = {
  problem: '', description: '', fieldId: '', indicators: [{ name: '', target: 0, unit: '', direction: 'atLeast' }],
  budget: { min: 0, max: 0 }, funded: false, contact: { name: '', phone: '', email: '' },
};

export function NeedFormFields({ disabled }: { disabled?: boolean }) {
  const { t, lang } = useI18n();
  return (
    <>
      <Form.Item name="problem" label={t('nd.problem')} extra={t('nd.problemHelp')} rules={[{ required: true, message: t('nd.problem') }]}>
        <Input maxLength={100} showCount disabled={disabled} data-testid="need-problem" />
      </Form.Item>
      <Form.Item name="description" label={t('nd.description')}>
        <Input.TextArea rows={4} maxLength={5000} disabled={disabled} data-testid="need-description" />
      </Form.Item>
      <Form.Item name="fieldId" label={t('nd.field')} rules={[{ required: true, message: t('nd.field') }]}>
        <Select options={fieldOptions(lang)} disabled={disabled} data-testid="need-field" />
      </Form.Item>
      <Form.Item label={t('nd.indicators')} required>
        <Form.List name="indicators">
          {(items, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {items.map((item, i) => (
                <Space key={item.key} align="start" wrap data-testid={`need-indicator-${i}`}>
                  <Form.Item name={[item.name, 'name']} style={{ marginBottom: 0 }}><Input placeholder={t('nd.indicatorName')} disabled={disabled} data-testid={`need-indicator-name-${i}`} /></Form.Item>
                  <Form.Item name={[item.name, 'direction']} style={{ marginBottom: 0 }} initialValue="atLeast">
                    <Select style={{ width: 100 }} disabled={disabled} options={[{ value: 'atLeast', label: t('nd.atLeast') }, { value: 'atMost', label: t('nd.atMost') }]} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'target']} style={{ marginBottom: 0 }}><InputNumber placeholder={t('nd.indicatorTarget')} disabled={disabled} data-testid={`need-indicator-target-${i}`} /></Form.Item>
                  <Form.Item name={[item.name, 'unit']} style={{ marginBottom: 0 }}><Input style={{ width: 90 }} placeholder={t('nd.indicatorUnit')} disabled={disabled} data-testid={`need-indicator-unit-${i}`} /></Form.Item>
                  {!disabled && items.length > 1 && <MinusCircleOutlined onClick={() => remove(item.name)} />}
                </Space>
              ))}
              {!disabled && <Button icon={<PlusOutlined />} onClick={() => add({ name: '', target: 0, unit: '', direction: 'atLeast' })} data-testid="need-indicator-add">{t('nd.addIndicator')}</Button>}
            </Space>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={t('nd.budget')} required>
        <Space>
          <Form.Item name={['budget', 'min']} noStyle><InputNumber min={0} addonBefore={t('nd.budgetMin')} disabled={disabled} data-testid="need-budget-min" /></Form.Item>
          <Form.Item name={['budget', 'max']} style={{ marginBottom: 0 }}><InputNumber min={0} addonBefore={t('nd.budgetMax')} disabled={disabled} data-testid="need-budget-max" /></Form.Item>
        </Space>
      </Form.Item>
      <Form.Item name="deadline" label={t('nd.deadline')} rules={[{ required: true, message: t('nd.deadline') }]}>
        <DatePicker disabled={disabled} data-testid="need-deadline" />
      </Form.Item>
      <Form.Item name="funded" valuePropName="checked">
        <Checkbox disabled={disabled} data-testid="need-funded">{t('nd.funded')}</Checkbox>
      </Form.Item>
      <Card size="small" title={t('nd.contact')} style={{ marginBottom: 16 }}>
        <Form.Item name={['contact', 'name']} label={t('nd.contactName')}><Input disabled={disabled} data-testid="need-contact-name" /></Form.Item>
        <Form.Item name={['contact', 'phone']} label={t('nd.contactPhone')}><Input disabled={disabled} data-testid="need-contact-phone" /></Form.Item>
        <Form.Item name={['contact', 'email']} label={t('nd.contactEmail')}><Input disabled={disabled} data-testid="need-contact-email" /></Form.Item>
      </Card>
    </>
  );
}
