import { Select } from 'antd';
import type { Field } from '@lvping/domain/form/form-template.schema.ts';
import { useI18n, type WorkMessageKey } from '../../i18n/i18n.tsx';
import type { FieldProps } from '../context.ts';
import { ReadValue } from '../read-value.tsx';

type TrlField = Extract<Field, { kind: 'trl' }>;
const levels = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/** 技术成熟度 TRL 1–9 (GB/T 22900-2009), each level with what it means. */
export function TrlFieldInput({ path, value, onChange, readOnly, invalid }: FieldProps<TrlField>) {
  const { t } = useI18n();
  const label = (n: number) => `${n} — ${t(`trl.${n}` as WorkMessageKey)}`;
  const level = typeof value === 'number' ? value : undefined;
  if (readOnly) return <ReadValue testId={`field-${path}`}>{level !== undefined && label(level)}</ReadValue>;
  return (
    <Select
      value={level}
      onChange={(v: number | undefined) => onChange(v)}
      options={levels.map((n) => ({ value: n, label: label(n) }))}
      allowClear
      placeholder={t('fr.select')}
      status={invalid ? 'error' : undefined}
      style={{ width: '100%', maxWidth: 560 }}
      data-testid={`field-${path}`}
    />
  );
}
