import { Input, Space } from 'antd';
import type { Field } from '@lvping/domain/form/form-template.schema.ts';
import { normalizeCreditCode } from '@lvping/domain/form/credit-code.ts';
import type { FieldProps } from '../context.ts';
import { CreditCodeCheck } from '../credit-code-check.tsx';
import { ReadValue } from '../read-value.tsx';

type CreditCodeField = Extract<Field, { kind: 'creditCode' }>;

/** Upper-cases and drops spaces as it is typed; says who registered the code once it checks out. */
export function CreditCodeFieldInput({ path, value, onChange, readOnly, invalid }: FieldProps<CreditCodeField>) {
  const code = typeof value === 'string' ? value : '';
  if (readOnly) return <ReadValue testId={`field-${path}`}>{code && <span className="lv-mono">{code}</span>}</ReadValue>;
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
      <Input
        value={code}
        onChange={(e) => onChange(normalizeCreditCode(e.target.value))}
        status={invalid ? 'error' : undefined}
        className="lv-mono"
        style={{ maxWidth: 320 }}
        placeholder="91350100M000100Y43"
        autoComplete="off"
        spellCheck={false}
        data-testid={`field-${path}`}
      />
      <CreditCodeCheck value={code} problems={false} testId={`check-${path}`} />
    </Space>
  );
}
