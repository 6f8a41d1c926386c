import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { DeadlineExtensionRequestSchema } from '@lvping/domain/screening/screening.schema.ts';
import { applicationsApi } from '../api/applications.api.ts';
import { deadlinesApi, type DeadlineResult } from '../api/screening.api.ts';
import { clearChanged } from '../forms/clear-changed.ts';
import { useFormErrors } from '../forms/use-form-errors.ts';
import { zodRule } from '../forms/zod-form.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatEnd } from '../shell/shanghai.ts';

const fieldNames = ['target', 'until', 'reason'] as const;
type Values = { target?: string; until?: Dayjs; remove?: boolean; reason?: string };
type Props = { programId: string; kind: 'application' | 'unit'; units?: { id: string; name: string }[]; onDone: () => void };

/** Extends one application's, or one unit's, deadline (or removes the extension), with the reason the audit log keeps. */
export function ExtensionForm({ programId, kind, units = [], onDone }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, fieldNames);
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const remove = Form.useWatch('remove', form);

  const search = async (q: string) => {
    const r = await applicationsApi.forProgram(programId, { q: q.trim() || undefined, pageSize: 20 });
    setOptions(r.items.map((a) => ({ value: a.id, label: `${a.number} ${a.organizationName}` })));
  };

  const submit = async (v: Values) => {
    errors.clear();
    const body = { until: v.remove ? null : v.until!.format('YYYY-MM-DD HH:mm'), reason: (v.reason ?? '').trim() };
    setBusy(true);
    try {
      const r: DeadlineResult = kind === 'application' ? await deadlinesApi.extendApplication(v.target!, body) : await deadlinesApi.extendUnit(programId, v.target!, body);
      message.success(r.override === null ? t('dl.removed', { time: formatEnd(r.deadline) }) : t('dl.done', { time: formatEnd(r.deadline) }));
      form.resetFields();
      onDone();
    } catch (e) {
      errors.show(e);
    } finally {
      setBusy(false);
    }
  };

  const id = `ext-${kind}`;
  return (
    <Card size="small" title={t(kind === 'application' ? 'dl.appTitle' : 'dl.unitTitle')} className="lv-block" data-testid={id}>
      {errors.formError && <Alert type="error" showIcon title={errors.formError} style={{ marginBottom: 12 }} data-testid={`${id}-error`} />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} onValuesChange={(changed) => {
          errors.clear();
          clearChanged(form, changed);
        }} style={{ maxWidth: 560 }}>
        <Form.Item name="target" label={t(kind === 'application' ? 'dl.application' : 'dl.unit')} rules={[{ required: true, message: t(kind === 'application' ? 'dl.applicationPlaceholder' : 'dl.unit') }]}>
          {kind === 'application' ? (
            <Select showSearch={{ filterOption: false, onSearch: (q) => void search(q) }} onFocus={() => options.length === 0 && void search('')} options={options} placeholder={t('dl.applicationPlaceholder')} data-testid={`${id}-target`} />
          ) : (
            <Select showSearch={{ optionFilterProp: 'label' }} options={units.map((u) => ({ value: u.id, label: u.name }))} data-testid={`${id}-target`} />
          )}
        </Form.Item>
        <Form.Item name="until" label={t('dl.untilLabel')} rules={[{ required: !remove, message: t('dl.untilRequired') }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabled={!!remove} style={{ width: 240 }} data-testid={`${id}-until`} />
        </Form.Item>
        <Form.Item name="remove" valuePropName="checked">
          <Checkbox data-testid={`${id}-remove`}>{t('dl.remove')}</Checkbox>
        </Form.Item>
        <Form.Item name="reason" label={t('dl.reason')} extra={t('dl.reasonHint')} rules={[zodRule(DeadlineExtensionRequestSchema.shape.reason, lang)]}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} showCount data-testid={`${id}-reason`} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid={`${id}-submit`}>{t('dl.submit')}</Button>
      </Form>
    </Card>
  );
}
