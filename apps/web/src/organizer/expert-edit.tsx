import { useState } from 'react';
import { Alert, App, Button, Col, Drawer, Form, Input, Popconfirm, Row, Select, Space } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { CreateExpertRequestSchema, EXPERT_BIO_MAX, UpdateExpertRequestSchema } from '@lvping/domain/expert/expert.schema.ts';
import type { FieldError } from '@lvping/domain/errors.ts';
import { isApiError } from '../api/client.ts';
import { expertsApi, type CreateExpertRequest, type ExpertProfile, type UpdateExpertRequest } from '../api/experts.api.ts';
import { RegionCascader } from '../form-renderer/fields/region-field.tsx';
import { clearChanged } from '../forms/clear-changed.ts';
import { useFormErrors } from '../forms/use-form-errors.ts';
import { parseForm } from '../forms/zod-form.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';
import { fieldSelectOptions, type FieldGroups } from './expert-field-options.ts';
import '../i18n/expert.ts';

const fieldNames = ['name', 'orgName', 'orgCreditCode', 'orgParentGroup', 'regionCode', 'title', 'fields', 'keywords', 'bio', 'email', 'phone'] as const;
type Values = { name: string; orgName: string; orgCreditCode?: string; orgParentGroup?: string; regionCode?: string; title: string; fields: string[]; keywords: string[]; bio: string; email: string; phone?: string };

const empty: Values = { name: '', orgName: '', title: '', fields: [], keywords: [], bio: '', email: '' };

function valuesOf(e: ExpertProfile): Values {
  return {
    name: e.name, orgName: e.orgName, orgCreditCode: e.orgCreditCode ?? '', orgParentGroup: e.orgParentGroup ?? '', regionCode: e.regionCode ?? undefined,
    title: e.title, fields: e.fields, keywords: e.keywords, bio: e.bio, email: e.email, phone: e.phone ?? '',
  };
}

/** `fields.2` and `keywords.5` are problems of the list, shown on its one input. */
const placeFields = (fields: FieldError[]): FieldError[] => fields.map((f) => ({ ...f, path: f.path.replace(/^(fields|keywords)\.\d+$/, '$1') }));

type Props = {
  /** null: a new profile. */
  expert: ExpertProfile | null;
  fields: FieldGroups;
  onSaved: (e: ExpertProfile, created: boolean) => void;
  onDeleted: (e: ExpertProfile) => void;
  onClose: () => void;
};

/** Adds or edits a profile; every problem shows on its field. A save over a newer one is refused (409) and offers to reload it. */
export function ExpertEdit({ expert, fields, onSaved, onDeleted, onClose }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, fieldNames);
  const [base, setBase] = useState(expert);
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState(false);

  const save = async () => {
    errors.clear();
    const values = form.getFieldsValue(true) as Values;
    const parsed = base
      ? parseForm(UpdateExpertRequestSchema, { ...values, baseUpdatedAt: base.updatedAt })
      : parseForm(CreateExpertRequestSchema, { ...values });
    if ('fields' in parsed) return errors.showFields(placeFields(parsed.fields));
    setBusy(true);
    try {
      const saved = base ? await expertsApi.update(base.id, parsed.data as UpdateExpertRequest) : await expertsApi.create(parsed.data as CreateExpertRequest);
      onSaved(saved, !base);
    } catch (e) {
      if (isApiError(e) && e.code === 'STALE_REVISION') setStale(true);
      else if (isApiError(e) && e.fields.length) errors.showFields(placeFields(e.fields));
      else errors.show(e);
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => {
    if (!base) return;
    try {
      const fresh = await expertsApi.get(base.id);
      setBase(fresh);
      form.setFieldsValue(valuesOf(fresh));
      setStale(false);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const remove = async () => {
    if (!base) return;
    try {
      await expertsApi.remove(base.id);
      onDeleted(base);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const footer = (
    <Space style={{ width: '100%', justifyContent: 'space-between' }}>
      {base ? (
        <Popconfirm title={t('ex.deleteConfirm', { name: base.name })} onConfirm={() => void remove()} okButtonProps={{ danger: true }}>
          <Button danger icon={<DeleteOutlined />} data-testid="expert-delete">{t('ex.delete')}</Button>
        </Popconfirm>
      ) : <span />}
      <Space>
        <Button onClick={onClose} data-testid="expert-cancel">{t('apply.cancel')}</Button>
        <Button type="primary" loading={busy} disabled={stale} onClick={() => void save()} data-testid="expert-save">{t('ex.save')}</Button>
      </Space>
    </Space>
  );

  return (
    <Drawer open size={640} title={expert ? t('ex.editTitle', { name: expert.name }) : t('ex.createTitle')} onClose={onClose} footer={footer} destroyOnHidden data-testid="expert-drawer">
      {stale && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('ex.staleTitle')} description={t('ex.staleText')} data-testid="expert-stale"
          action={<Button size="small" onClick={() => void reload()} data-testid="expert-stale-reload">{t('ex.staleReload')}</Button>} />
      )}
      {errors.formError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errors.formError} data-testid="expert-form-error" />}
      <Form form={form} layout="vertical" initialValues={expert ? valuesOf(expert) : empty} onValuesChange={(changed) => {
          errors.clear();
          clearChanged(form, changed);
        }}>
        <Row gutter={12}>
          <Col xs={24} md={10}><Form.Item name="name" label={t('ex.name')} required><Input maxLength={60} data-testid="expert-form-name" /></Form.Item></Col>
          <Col xs={24} md={14}><Form.Item name="title" label={t('ex.title')}><Input maxLength={60} placeholder={t('ex.titlePlaceholder')} data-testid="expert-form-title" /></Form.Item></Col>
        </Row>
        <Form.Item name="orgName" label={t('ex.orgName')} required><Input maxLength={200} data-testid="expert-form-orgName" /></Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="orgCreditCode" label={t('ex.orgCreditCode')} extra={t('ex.orgCreditCodeHint')} normalize={(v: string) => v.toUpperCase()}>
              <Input maxLength={18} className="lv-mono" data-testid="expert-form-orgCreditCode" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="orgParentGroup" label={t('ex.orgParentGroup')} extra={t('ex.orgParentGroupHint')}><Input maxLength={200} data-testid="expert-form-orgParentGroup" /></Form.Item>
          </Col>
        </Row>
        <Form.Item name="regionCode" label={t('ex.region')}>
          <RegionCascader level="county" anyLevel onChange={(code) => form.setFieldValue('regionCode', code)} testId="expert-form-region" block />
        </Form.Item>
        <Form.Item name="fields" label={t('ex.fields')} extra={t('ex.fieldsHint')}>
          <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={fieldSelectOptions(fields, { catalogue: t('ex.fieldsCatalogue'), track: t('ex.fieldsTrack') })} data-testid="expert-form-fields" />
        </Form.Item>
        <Form.Item name="keywords" label={t('ex.keywords')} extra={t('ex.keywordsHint')}>
          <Select mode="tags" tokenSeparators={['、', ',', '，', ';', '；']} open={false} suffixIcon={null} data-testid="expert-form-keywords" />
        </Form.Item>
        <Form.Item name="bio" label={t('ex.bio')}><Input.TextArea rows={4} maxLength={EXPERT_BIO_MAX} showCount data-testid="expert-form-bio" /></Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={14}><Form.Item name="email" label={t('ex.email')} required extra={t('ex.emailHint')}><Input maxLength={254} inputMode="email" data-testid="expert-form-email" /></Form.Item></Col>
          <Col xs={24} md={10}><Form.Item name="phone" label={t('ex.phone')}><Input maxLength={30} data-testid="expert-form-phone" /></Form.Item></Col>
        </Row>
      </Form>
    </Drawer>
  );
}
