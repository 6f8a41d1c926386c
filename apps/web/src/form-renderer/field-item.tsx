import { Form } from 'antd';
import type { Field } from '@lvping/domain/form/form-template.schema.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { errorsAt, getAt, pickLocalized, type FieldPlace } from './answers.ts';
import { textIn } from '../i18n/text-in.tsx';
import { useRenderer } from './context.ts';
import { ChoiceFieldInput } from './fields/choice-field.tsx';
import { ComputedFieldValue } from './fields/computed-field.tsx';
import { CreditCodeFieldInput } from './fields/credit-code-field.tsx';
import { DateFieldInput } from './fields/date-field.tsx';
import { DeclarationFieldInput } from './fields/declaration-field.tsx';
import { FileFieldInput } from './fields/file-field.tsx';
import { GroupFieldInput } from './fields/group-field.tsx';
import { IndustryFieldInput } from './fields/industry-field.tsx';
import { NumberFieldInput } from './fields/number-field.tsx';
import { RegionFieldInput } from './fields/region-field.tsx';
import { SignatureFieldInput } from './fields/signature-field.tsx';
import { TextFieldInput } from './fields/text-field.tsx';
import { TrlFieldInput } from './fields/trl-field.tsx';
import { YearTableFieldInput } from './fields/year-table-field.tsx';

type Props = { field: Field; place: FieldPlace; path: string; readOnly: boolean };

/** One field: hidden while its visibleIf does not hold, else label, help, the input and its errors. */
export function FieldItem({ field, place, path, readOnly }: Props) {
  const { lang } = useI18n();
  const { state, set, errors } = useRenderer();
  if (!state.fieldVisible(field, place)) return null;

  const value = getAt(state.answers, path);
  // A group's inner fields and a table's cells show their own errors; other kinds show those below them too.
  const own = errorsAt(errors, path, field.kind !== 'group' && field.kind !== 'yearTable');
  const messages = [...new Set(own.map((e) => pickLocalized(lang, e.message)))];
  const invalid = messages.length > 0;
  const common = { path, value, readOnly, invalid, onChange: (v: unknown) => set(path, v) };

  let input;
  switch (field.kind) {
    case 'text': input = <TextFieldInput field={field} {...common} />; break;
    case 'number': input = <NumberFieldInput field={field} {...common} />; break;
    case 'date': input = <DateFieldInput field={field} {...common} />; break;
    case 'choice': input = <ChoiceFieldInput field={field} {...common} />; break;
    case 'yearTable': input = <YearTableFieldInput field={field} {...common} />; break;
    case 'region': input = <RegionFieldInput field={field} {...common} />; break;
    case 'industry': input = <IndustryFieldInput field={field} {...common} />; break;
    case 'trl': input = <TrlFieldInput field={field} {...common} />; break;
    case 'creditCode': input = <CreditCodeFieldInput field={field} {...common} />; break;
    case 'file': input = <FileFieldInput field={field} {...common} />; break;
    case 'declaration': input = <DeclarationFieldInput field={field} {...common} />; break;
    case 'signature': input = <SignatureFieldInput field={field} {...common} />; break;
    case 'computed': input = <ComputedFieldValue field={field} {...common} />; break;
    case 'group':
      input = (
        <GroupFieldInput
          field={field}
          {...common}
          renderInner={(inner, itemPath, index) => (
            <FieldItem key={inner.id} field={inner} place={{ section: place.section, group: field, index }} path={itemPath} readOnly={readOnly} />
          )}
        />
      );
      break;
  }

  const help = textIn(lang, field.help, field.helpEn);
  return (
    <div id={`f-${path}`} className={invalid ? 'lv-field lv-field-invalid' : 'lv-field'} data-path={path}>
      <Form.Item
        label={textIn(lang, field.label, field.labelEn)}
        required={field.required && !readOnly && field.kind !== 'computed'}
        validateStatus={invalid ? 'error' : undefined}
        help={invalid ? <span data-testid={`error-${path}`}>{messages.join('；')}</span> : undefined}
        extra={help ? <span className="lv-pre">{help}</span> : undefined}
      >
        {input}
      </Form.Item>
    </div>
  );
}
