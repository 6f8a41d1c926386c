import { Checkbox, Input, Radio, Select, Space } from 'antd';
import type { Field } from '@lvping/domain/form/form-template.schema.ts';
import { OTHER_VALUE } from '@lvping/domain/form/form-refs.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Fragment } from 'react';
import { textIn } from '../../i18n/text-in.tsx';
import type { FieldProps } from '../context.ts';
import { ReadValue } from '../read-value.tsx';

type ChoiceField = Extract<Field, { kind: 'choice' }>;
type Other = { other: string };

// A single choice answers 'value' or { other: '…' }; a multiple one a list of those.
const isOther = (v: unknown): v is Other => typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Other).other === 'string';
/** Up to this many options read best as radios/checkboxes; more become a searchable select. */
const INLINE_MAX = 8;

function picked(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

export function ChoiceFieldInput({ field, path, value, onChange, readOnly, invalid }: FieldProps<ChoiceField>) {
  const { lang, t } = useI18n();
  const items = picked(value);
  const other = items.find(isOther);
  const keys = items.map((v) => (isOther(v) ? OTHER_VALUE : String(v)));
  const otherLabel = textIn(lang, field.otherLabel, field.otherLabelEn);
  const options = [
    ...field.options.map((o) => ({ value: o.value, label: textIn(lang, o.label, o.labelEn), text: lang === 'en' && o.labelEn ? o.labelEn : o.label })),
    ...(field.allowOther ? [{ value: OTHER_VALUE, label: otherLabel, text: lang === 'en' ? field.otherLabelEn : field.otherLabel }] : []),
  ];

  if (readOnly) {
    const labels = items.map((v) => (isOther(v) ? <>{otherLabel}：{v.other}</> : (options.find((o) => o.value === v)?.label ?? String(v))));
    return <ReadValue testId={`field-${path}`}>{labels.map((l, i) => <Fragment key={i}>{i > 0 && '；'}{l}</Fragment>)}</ReadValue>;
  }

  /** From the chosen keys back to the answer, keeping the 其他 text already typed. */
  const choose = (chosen: string[]) => {
    const answer = chosen.map((k) => (k === OTHER_VALUE ? { other: other?.other ?? '' } : k));
    onChange(field.multiple ? answer : answer[0]);
  };
  const setOther = (text: string) => {
    onChange(field.multiple ? items.map((v) => (isOther(v) ? { other: text } : v)) : { other: text });
  };

  const inline = options.length <= INLINE_MAX;
  let control;
  if (!inline) {
    control = (
      <Select
        mode={field.multiple ? 'multiple' : undefined}
        value={field.multiple ? keys : keys[0]}
        options={options}
        showSearch={{ optionFilterProp: 'text' }}
        allowClear
        placeholder={t('fr.select')}
        status={invalid ? 'error' : undefined}
        style={{ width: '100%', maxWidth: 480 }}
        onChange={(v: string | string[] | undefined) => choose(v === undefined ? [] : Array.isArray(v) ? v : [v])}
      />
    );
  } else if (field.multiple) {
    control = <Checkbox.Group options={options} value={keys} onChange={(v) => choose(v.map(String))} />;
  } else {
    control = <Radio.Group options={options} value={keys[0]} onChange={(e) => choose([String(e.target.value)])} />;
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={`field-${path}`}>
      {control}
      {other && (
        <Input
          value={other.other}
          onChange={(e) => setOther(e.target.value)}
          placeholder={t('fr.otherPlaceholder')}
          prefix={<span className="lv-other-prefix">{otherLabel}</span>}
          status={invalid ? 'error' : undefined}
          style={{ maxWidth: 480 }}
          data-testid={`field-${path}-other`}
          autoFocus
        />
      )}
    </Space>
  );
}
