import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Field } from '@lvping/domain/form/form-template.schema.ts';
import type { FieldProps } from '../context.ts';
import { ReadValue } from '../read-value.tsx';

type DateField = Extract<Field, { kind: 'date' }>;

const formats = { day: 'YYYY-MM-DD', month: 'YYYY-MM', year: 'YYYY' } as const;
const pickers = { day: 'date', month: 'month', year: 'year' } as const;

/** Dates are stored as text at the field's precision: 2015-06-18, 2016-03 (起止年月) or 2020. */
export function DateFieldInput({ field, path, value, onChange, readOnly, invalid }: FieldProps<DateField>) {
  const format = formats[field.precision];
  const text = typeof value === 'string' ? value : '';
  const parsed = text ? dayjs(text, format) : null;
  if (readOnly) return <ReadValue testId={`field-${path}`}>{text}</ReadValue>;

  // Compare at the field's precision, as the server does: 2020-05 is within a minimum of 2020-05-20.
  const cut = format.length;
  const disabledDate = (d: Dayjs) => {
    const s = d.format(format);
    return (!!field.min && s < field.min.slice(0, cut)) || (!!field.max && s > field.max.slice(0, cut));
  };
  return (
    <DatePicker
      picker={pickers[field.precision]}
      format={format}
      value={parsed && parsed.isValid() ? parsed : null}
      onChange={(d) => onChange(d ? d.format(format) : undefined)}
      disabledDate={field.min || field.max ? disabledDate : undefined}
      status={invalid ? 'error' : undefined}
      data-testid={`field-${path}`}
    />
  );
}
