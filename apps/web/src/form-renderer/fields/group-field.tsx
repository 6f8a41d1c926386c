import type { ReactNode } from 'react';
import { Button, Card, Empty, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Field, GroupField } from '@lvping/domain/form/form-template.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { plainTextIn } from '../../i18n/text-in.tsx';
import type { FieldProps } from '../context.ts';

type Item = Record<string, unknown>;

/** A repeating group (成员, 奖项…): each item is a card of the inner fields, added and removed here. */
export function GroupFieldInput({
  field,
  path,
  value,
  onChange,
  readOnly,
  renderInner,
}: FieldProps<GroupField> & { renderInner: (inner: Field, itemPath: string, index: number) => ReactNode }) {
  const { lang, t } = useI18n();
  const items: Item[] = Array.isArray(value) ? (value as Item[]) : [];
  // A plain string (it goes into the button's text); an item label without English falls back to the field's English label.
  const itemLabel = field.itemLabel ? plainTextIn(lang, field.itemLabel, field.itemLabelEn ?? field.labelEn) : plainTextIn(lang, field.label, field.labelEn);
  const atMax = field.maxItems !== undefined && items.length >= field.maxItems;

  const add = () => onChange([...items, {}]);
  const remove = (index: number) => {
    const next = items.filter((_, i) => i !== index);
    onChange(next.length ? next : undefined);
  };

  const limits = [
    field.minItems ? t('fr.minItems', { min: field.minItems }) : null,
    field.maxItems ? t('fr.maxItems', { max: field.maxItems }) : null,
  ].filter(Boolean);

  return (
    <div className="lv-group" data-testid={`field-${path}`}>
      {items.length === 0 && readOnly && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fr.notFilled')} />}
      {items.map((_, index) => (
        <Card
          key={index}
          size="small"
          className="lv-group-item"
          title={t('fr.item', { item: itemLabel, n: index + 1 })}
          data-testid={`item-${path}.${index}`}
          extra={
            !readOnly && (
              <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={() => remove(index)} data-testid={`remove-${path}.${index}`}>
                {t('fr.removeItem')}
              </Button>
            )
          }
        >
          {field.fields.map((inner) => renderInner(inner, `${path}.${index}.${inner.id}`, index))}
        </Card>
      ))}
      {!readOnly && (
        <div className="lv-group-add">
          <Button icon={<PlusOutlined />} onClick={add} disabled={atMax} data-testid={`add-${path}`}>
            {t('fr.addItem', { item: itemLabel })}
          </Button>
          {limits.length > 0 && <Typography.Text type="secondary">{limits.join('，')}</Typography.Text>}
        </div>
      )}
    </div>
  );
}
