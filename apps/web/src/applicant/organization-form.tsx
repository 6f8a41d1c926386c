import { useState } from 'react';
import { Alert, Button, Form, Input, Radio, Select } from 'antd';
import { OrganizationInputSchema, type Organization } from '@lvping/domain/application/application-api.schema.ts';
import { normalizeCreditCode } from '@lvping/domain/form/credit-code.ts';
import { organizationOwnerships, organizationOwnershipNames } from '@lvping/domain/recommendation/reach.ts';
import { organizationsApi } from '../api/applications.api.ts';
import { parseForm, zodRule } from '../forms/zod-form.ts';
import { useFormErrors } from '../forms/use-form-errors.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { CreditCodeCheck } from '../form-renderer/credit-code-check.tsx';
import { RegionCascader } from '../form-renderer/fields/region-field.tsx';

const fieldNames = ['name', 'creditCode', 'regionCode', 'kind', 'ownership', 'address', 'contactName', 'contactPhone', 'contactEmail'] as const;

/**
 * Registers the applying organization (申报单位): the credit code is checked as it is typed, the
 * region is picked from GB/T 2260. The server also refuses a code someone else has registered.
 */
export function OrganizationForm({ onCreated, submitLabel }: { onCreated: (org: Organization) => void; submitLabel?: string }) {
  const { t, lang, pick } = useI18n();
  const [form] = Form.useForm();
  const errors = useFormErrors(form, fieldNames);
  const [busy, setBusy] = useState(false);
  const creditCode = (Form.useWatch('creditCode', form) as string | undefined) ?? '';
  const shape = OrganizationInputSchema.shape;

  const onFinish = async (values: Record<string, unknown>) => {
    errors.clear();
    const parsed = parseForm(OrganizationInputSchema, values);
    if ('fields' in parsed) return errors.showFields(parsed.fields);
    setBusy(true);
    try {
      onCreated(await organizationsApi.create(parsed.data));
    } catch (e) {
      errors.show(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ kind: 'enterprise' }} data-testid="org-form">
      {errors.formError && <Alert type="error" showIcon title={errors.formError} style={{ marginBottom: 16 }} data-testid="org-error" />}
      <Form.Item name="name" label={t('org.name')} rules={[zodRule(shape.name, lang)]} required>
        <Input data-testid="org-name" placeholder={t('org.namePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="creditCode"
        label={t('org.creditCode')}
        rules={[zodRule(shape.creditCode, lang)]}
        required
        normalize={(v: string) => normalizeCreditCode(v ?? '')}
        extra={<CreditCodeCheck value={creditCode} testId="org-creditCode-check" />}
        validateTrigger="onBlur"
      >
        <Input data-testid="org-creditCode" className="lv-mono" autoComplete="off" spellCheck={false} placeholder="91350100M000100Y43" />
      </Form.Item>
      <Form.Item name="regionCode" label={t('org.region')} rules={[zodRule(shape.regionCode, lang)]} required>
        <RegionField />
      </Form.Item>
      <Form.Item name="kind" label={t('org.kind')}>
        <Radio.Group
          data-testid="org-kind"
          options={[
            { value: 'enterprise', label: t('org.kind.enterprise') },
            { value: 'organization', label: t('org.kind.organization') },
          ]}
        />
      </Form.Item>
      <Form.Item name="ownership" label={t('org.ownership')} extra={t('org.ownershipHint')}>
        <Select allowClear data-testid="org-ownership" options={organizationOwnerships.map((o) => ({ value: o, label: pick(organizationOwnershipNames[o]) }))} style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item name="address" label={t('org.address')} rules={[zodRule(shape.address, lang)]}>
        <Input data-testid="org-address" />
      </Form.Item>
      <Form.Item name="contactName" label={t('org.contactName')} rules={[zodRule(shape.contactName, lang)]} required>
        <Input data-testid="org-contactName" />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('org.contactPhone')} rules={[zodRule(shape.contactPhone, lang)]} required>
        <Input data-testid="org-contactPhone" inputMode="tel" />
      </Form.Item>
      <Form.Item name="contactEmail" label={t('org.contactEmail')} rules={[zodRule(shape.contactEmail, lang)]} required>
        <Input data-testid="org-contactEmail" inputMode="email" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="org-submit">
        {submitLabel ?? t('org.submit')}
      </Button>
    </Form>
  );
}

/** The region cascader as a Form control (value/onChange injected by Form.Item). */
function RegionField({ value, onChange }: { value?: string; onChange?: (v: string | undefined) => void }) {
  return <RegionCascader value={value} onChange={(v) => onChange?.(v)} level="county" anyLevel block testId="org-region" />;
}
