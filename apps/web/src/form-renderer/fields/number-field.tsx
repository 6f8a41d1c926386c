import { InputNumber, Space } from 'antd';
import type { Field } from '@lvping/domain/form/form-template.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { textIn } from '../../i18n/text-in.tsx';
import type { FieldProps } from '../context.ts';
import { ReadValue } from '../read-value.tsx';

type NumberField = Extract<Field, { kind: 'number' }>;

/**
 * A number with its unit after the box. No min/max on the input itself: antd would silently clamp
 * what was typed, while the validation message says what is wrong and keeps the typed value.
 */
export function NumberFieldInput({ field, path, value, onChange, readOnly, invalid }: FieldProps<NumberField>) {
  const { lang } = useI18n();
  const n = typeof value === 'number' ? value : null;
  const unit = textIn(lang, field.unit, field.unitEn);
  if (readOnly) {
    return (
      <ReadValue testId={`field-${path}`} empty={n === null}>
        {n} {unit}
      </ReadValue>
    );
  }
  const input = (
    <InputNumber
      value={n}
      onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
      status={invalid ? 'error' : undefined}
      step={field.integer ? 1 : undefined}
      style={{ width: 220 }}
      data-testid={`field-${path}`}
    />
  );
  if (!field.unit) return input;
  return (
    <Space.Compact>
      {input}
      <Space.Addon>{unit}</Space.Addon>
    </Space.Compact>
  );
}
