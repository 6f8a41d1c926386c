import { useState } from 'react';
import { Alert, Button, Col, Form, Input, Modal, Row, Select, type ButtonProps } from 'antd';
import { UpdateUnitRequestSchema } from '@lvping/domain/recommendation/recommendation.schema.ts';
import type { FieldError } from '@lvping/domain/errors.ts';
import { isApiError } from '../api/client.ts';
import { unitsApi, type Channel, type Unit, type UpdateUnitRequest } from '../api/recommendation.api.ts';
import { RegionCascader } from '../form-renderer/fields/region-field.tsx';
import { clearChanged } from '../forms/clear-changed.ts';
import { useFormErrors } from '../forms/use-form-errors.ts';
import { parseForm } from '../forms/zod-form.ts';
import { useI18n } from '../i18n/i18n.tsx';

const roles = ['leader', 'liaison'] as const;
const fieldNames = ['name', 'regionCode', 'channels', 'adminEmails', 'leaderName', 'leaderPhone', 'liaisonName', 'liaisonPhone'] as const;
type Values = { name: string; regionCode?: string; channels: string[]; adminEmails: string[] } & Record<`${(typeof roles)[number]}${'Name' | 'Phone'}`, string>;

function valuesOf(u: Unit): Values {
  const c = (role: string) => u.contacts.find((x) => x.role === role);
  return {
    name: u.name, regionCode: u.regionCode || undefined, channels: u.channels.map((x) => x.id), adminEmails: u.adminEmails,
    leaderName: c('leader')?.name ?? '', leaderPhone: c('leader')?.phone ?? '', liaisonName: c('liaison')?.name ?? '', liaisonPhone: c('liaison')?.phone ?? '',
  };
}

/** The request, plus where each contact landed so `contacts.1.phone` finds its field again. */
function requestOf(v: Values, base: Unit): { body: Record<string, unknown>; contactRoles: string[] } {
  const contacts = roles.filter((r) => v[`${r}Name`]?.trim() || v[`${r}Phone`]?.trim()).map((role) => ({ role, name: v[`${role}Name`] ?? '', phone: v[`${role}Phone`] ?? '' }));
  return { body: { name: v.name, regionCode: v.regionCode ?? '', channels: v.channels ?? [], contacts, adminEmails: v.adminEmails ?? [], baseUpdatedAt: base.updatedAt }, contactRoles: contacts.map((c) => c.role) };
}

function placeFields(fields: FieldError[], contactRoles: string[]): FieldError[] {
  return fields.map((f) => {
    const c = /^contacts\.(\d+)\.(name|phone)/.exec(f.path);
    if (c) return { ...f, path: `${contactRoles[Number(c[1])]}${c[2] === 'name' ? 'Name' : 'Phone'}` };
    if (f.path.startsWith('adminEmails.')) return { ...f, path: 'adminEmails' };
    return f;
  });
}

type Props = { unit: Unit; channels: Channel[]; onSaved: (u: Unit) => void; onClose: () => void; reloadUnit: () => Promise<Unit | undefined> };

/** Edits a unit; a save over someone else's newer one is refused (409) and offers to reload it. */
export function UnitEdit({ unit, channels, onSaved, onClose, reloadUnit }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, fieldNames);
  const [base, setBase] = useState(unit);
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState(false);

  const save = async () => {
    errors.clear();
    const { body, contactRoles } = requestOf(form.getFieldsValue(true), base);
    const parsed = parseForm(UpdateUnitRequestSchema, body);
    if ('fields' in parsed) return errors.showFields(placeFields(parsed.fields, contactRoles));
    setBusy(true);
    try {
      onSaved(await unitsApi.update(base.id, parsed.data as UpdateUnitRequest));
    } catch (e) {
      if (isApiError(e) && e.code === 'STALE_REVISION') setStale(true);
      else if (isApiError(e) && e.fields.length) errors.showFields(placeFields(e.fields, contactRoles));
      else errors.show(e);
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => {
    const fresh = await reloadUnit();
    if (!fresh) return;
    setBase(fresh);
    form.setFieldsValue(valuesOf(fresh));
    setStale(false);
  };

  return (
    <Modal open title={t('unit.editTitle', { name: unit.name })} width={720} onCancel={onClose} onOk={() => void save()} okText={t('unit.save')} cancelText={t('apply.cancel')}
      cancelButtonProps={{ 'data-testid': 'unit-cancel' } as ButtonProps}
      okButtonProps={{ loading: busy, disabled: stale, 'data-testid': 'unit-save' } as ButtonProps} destroyOnHidden>
      {stale && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('unit.staleTitle')} description={t('unit.staleText')} data-testid="unit-stale"
          action={<Button size="small" onClick={() => void reload()} data-testid="unit-stale-reload">{t('unit.staleReload')}</Button>} />
      )}
      {errors.formError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errors.formError} />}
      <Form form={form} layout="vertical" initialValues={valuesOf(unit)} onValuesChange={(changed) => {
          errors.clear();
          clearChanged(form, changed);
        }}>
        <Form.Item name="name" label={t('unit.name')}><Input maxLength={200} data-testid="unit-name" /></Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="regionCode" label={t('unit.region')}>
              <RegionCascader level="county" anyLevel onChange={(code) => form.setFieldValue('regionCode', code)} testId="unit-region" block />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="channels" label={t('unit.channels')}>
              <Select mode="multiple" options={channels.map((c) => ({ value: c.id, label: c.name }))} data-testid="unit-channels" />
            </Form.Item>
          </Col>
        </Row>
        {roles.map((role) => (
          <Row gutter={12} key={role}>
            <Col xs={24} md={12}><Form.Item name={`${role}Name`} label={`${t(`unit.${role}`)} · ${t('unit.contactName')}`}><Input maxLength={60} data-testid={`unit-${role}-name`} /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item name={`${role}Phone`} label={`${t(`unit.${role}`)} · ${t('unit.contactPhone')}`}><Input maxLength={30} data-testid={`unit-${role}-phone`} /></Form.Item></Col>
          </Row>
        ))}
        <Form.Item name="adminEmails" label={t('unit.admins')} extra={t('unit.adminsHint')}>
          <Select mode="tags" tokenSeparators={[',', '，', ';', ' ']} open={false} suffixIcon={null} data-testid="unit-admins" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
