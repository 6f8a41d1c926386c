import { Typography } from 'antd';
import type { Field } from '@lvping/domain/form/form-template.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { textIn } from '../../i18n/text-in.tsx';
import { useRenderer, type FieldProps } from '../context.ts';

type ComputedField = Extract<Field, { kind: 'computed' }>;

/** A derived value (computeDerived): never typed in, shown with its unit or — while inputs are missing. */
export function ComputedFieldValue({ field, path }: FieldProps<ComputedField>) {
  const { lang, t } = useI18n();
  const { derived } = useRenderer();
  const v = derived[path];
  return (
    <div className="lv-computed" data-testid={`field-${path}`}>
      <span className="lv-computed-value">{v === null || v === undefined ? '—' : <>{v}{field.unit && <> {textIn(lang, field.unit, field.unitEn)}</>}</>}</span>
      <Typography.Text type="secondary" className="lv-computed-hint">
        {t('fr.computedHint')}
      </Typography.Text>
    </div>
  );
}
