import { Input } from 'antd';
import type { Field } from '@lvping/domain/form/form-template.schema.ts';
import { countChars } from '@lvping/domain/form/text-length.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FieldProps } from '../context.ts';
import { ReadValue } from '../read-value.tsx';

type TextField = Extract<Field, { kind: 'text' }>;

const inputMode = { email: 'email', phone: 'tel', url: 'url' } as const;

/** The live 字 counter: "215/200字", red once over the limit. */
function Counter({ count, max, path }: { count: number; max?: number; path: string }) {
  const { t } = useI18n();
  const over = max !== undefined && count > max;
  return (
    <span className={over ? 'lv-count lv-count-over' : 'lv-count'} data-testid={`count-${path}`}>
      {max === undefined ? t('fr.countNoMax', { count }) : t('fr.count', { count, max })}
    </span>
  );
}

export function TextFieldInput({ field, path, value, onChange, readOnly, invalid }: FieldProps<TextField>) {
  const { lang } = useI18n();
  const text = typeof value === 'string' ? value : '';
  if (readOnly) return <ReadValue testId={`field-${path}`}>{text && <span className="lv-pre">{text}</span>}</ReadValue>;

  // countChars is the rule the server applies: whitespace does not count, 𠀀 and 😀 are one 字 each.
  const showCounter = field.multiline || field.maxChars !== undefined;
  const count = {
    strategy: countChars,
    show: showCounter ? ({ count: n }: { count: number }) => <Counter count={n} max={field.maxChars} path={path} /> : false,
  };
  const common = {
    value: text,
    placeholder: lang === 'en' && field.placeholderEn ? field.placeholderEn : field.placeholder,
    status: invalid ? ('error' as const) : undefined,
    count,
    'data-testid': `field-${path}`,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  if (field.multiline) return <Input.TextArea {...common} autoSize={{ minRows: 3, maxRows: 16 }} />;
  return <Input {...common} inputMode={field.format ? inputMode[field.format] : undefined} />;
}
