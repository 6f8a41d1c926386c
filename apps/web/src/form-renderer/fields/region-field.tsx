import { useMemo } from 'react';
import { Cascader, Spin } from 'antd';
import type { Field } from '@lvping/domain/form/form-template.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FieldProps } from '../context.ts';
import { ReadValue } from '../read-value.tsx';
import { textIn } from '../../i18n/text-in.tsx';
import { regionCascaderPath, regionOptions, useRegions, type CascaderOption } from '../reference.ts';

type RegionField = Extract<Field, { kind: 'region' }>;
type RegionLevel = RegionField['level'];

/** The GB/T 2260 cascader alone, shared by the form field and the organization form. */
export function RegionCascader(props: {
  value?: string;
  onChange: (code: string | undefined) => void;
  level: RegionLevel;
  /** Allow stopping above `level` (an organization's registered region may be a city). */
  anyLevel?: boolean;
  invalid?: boolean;
  testId?: string;
  /** Fill the width of the container instead of stopping at 480 px. */
  block?: boolean;
}) {
  const { lang, t } = useI18n();
  const regions = useRegions();
  const options = useMemo(() => (regions ? regionOptions(regions, props.level) : []), [regions, props.level]);
  if (!regions) return <Spin size="small" />;
  return (
    <Cascader
      options={options}
      value={props.value ? regionCascaderPath(regions, props.value) : undefined}
      onChange={(path) => props.onChange(path?.length ? String(path[path.length - 1]) : undefined)}
      changeOnSelect={props.anyLevel}
      // GB/T 2260 names exist in Chinese only: in English mode they come marked as such.
      displayRender={(labels: string[]) => textIn(lang, labels.join(' / '))}
      showSearch={{ filter: (input: string, path: CascaderOption[]) => path.some((o) => o.label.includes(input)) }}
      placeholder={t(`fr.regionPlaceholder.${props.level}`)}
      status={props.invalid ? 'error' : undefined}
      style={{ width: '100%', maxWidth: props.block ? undefined : 480 }}
      data-testid={props.testId}
      allowClear
    />
  );
}

export function RegionFieldInput({ field, path, value, onChange, readOnly, invalid }: FieldProps<RegionField>) {
  const { lang } = useI18n();
  const regions = useRegions();
  const code = typeof value === 'string' ? value : undefined;
  if (readOnly) {
    return <ReadValue testId={`field-${path}`}>{code && textIn(lang, regions?.formatRegion(code) ?? code)}</ReadValue>;
  }
  return <RegionCascader value={code} onChange={onChange} level={field.level} invalid={invalid} testId={`field-${path}`} />;
}
