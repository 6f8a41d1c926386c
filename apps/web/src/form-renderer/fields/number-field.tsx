import { InputNumber, Space } from 'antd';
import type { Field } from '@lvping/domain/form/form-template.schema.ts';
import type { FieldProps } from '../context.ts';
import { ReadValue } from '../read-value.tsx';

type NumberField = Extract<Field, { kind: 'number' }>;

/**
 * A number with its unit after the box. No min/max on the input itself: antd would silently clamp
 * what was typed, while the validation message says what is wrong and keeps the typed value.
 */
export function NumberFieldInput({ field, path, value, onChange, readOnly, invalid }: FieldProps<NumberField>) {
  const n = typeof value === 'number' ? value : null;
  if (readOnly) {
    return (
      <ReadValue testId={`field-${path}`} empty={n === null}>
        {n} {field.unit}
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
      <Space.Addon>{field.unit}</Space.Addon>
    </Space.Compact>
  );
}
