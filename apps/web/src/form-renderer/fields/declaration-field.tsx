import { Checkbox } from 'antd';
import type { Field } from '@lvping/domain/form/form-template.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { textIn } from '../../i18n/text-in.tsx';
import type { FieldProps } from '../context.ts';

type DeclarationField = Extract<Field, { kind: 'declaration' }>;

/** 承诺申明: the statement in a bordered box, then the tick the applicant must give. */
export function DeclarationFieldInput({ field, path, value, onChange, readOnly }: FieldProps<DeclarationField>) {
  const { lang } = useI18n();
  return (
    <div className="lv-declaration">
      <div className="lv-declaration-text lv-pre">{textIn(lang, field.text, field.textEn)}</div>
      <Checkbox
        checked={value === true}
        disabled={readOnly}
        onChange={(e) => onChange(e.target.checked ? true : undefined)}
        data-testid={`field-${path}`}
      >
        {textIn(lang, field.checkboxLabel, field.checkboxLabelEn)}
      </Checkbox>
    </div>
  );
}
