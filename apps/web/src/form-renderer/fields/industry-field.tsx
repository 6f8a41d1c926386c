import { useMemo } from 'react';
import { Spin, TreeSelect } from 'antd';
import type { Field } from '@lvping/domain/form/form-template.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FieldProps } from '../context.ts';
import { ReadValue } from '../read-value.tsx';
import { industryTree, useIndustries } from '../reference.ts';

type IndustryField = Extract<Field, { kind: 'industry' }>;

/** GB/T 4754 (or 战略性新兴产业分类) as a searchable tree; codes coarser than the field's level stay closed. */
export function IndustryFieldInput({ field, path, value, onChange, readOnly, invalid }: FieldProps<IndustryField>) {
  const { t } = useI18n();
  const industries = useIndustries();
  const tree = useMemo(() => (industries ? industryTree(industries, field.scheme, field.level) : []), [industries, field.scheme, field.level]);
  const codes = (Array.isArray(value) ? value : value ? [value] : []).filter((c): c is string => typeof c === 'string');

  if (readOnly) {
    const names = codes.map((c) => `${c} ${industries?.industryByCode(c, field.scheme)?.name ?? ''}`.trim());
    return <ReadValue testId={`field-${path}`}>{names.join('；')}</ReadValue>;
  }
  if (!industries) return <Spin size="small" />;
  return (
    <TreeSelect
      treeData={tree}
      value={field.multiple ? codes : codes[0]}
      multiple={field.multiple}
      onChange={(v: string | string[] | undefined) => onChange(field.multiple ? (Array.isArray(v) && v.length ? v : undefined) : v)}
      // A code prefix ("2614"), the 门类 letter form ("C26") or part of the name, as the hint promises.
      showSearch={{ filterTreeNode: (input, node) => {
        const hit = industries.industryByCode(String(node.value), field.scheme);
        return hit ? industries.industryMatches(hit, input) : false;
      } }}
      allowClear
      placeholder={t('fr.industryPlaceholder')}
      status={invalid ? 'error' : undefined}
      style={{ width: '100%', maxWidth: 560 }}
      listHeight={360}
      data-testid={`field-${path}`}
    />
  );
}
