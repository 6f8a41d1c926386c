import { useState } from 'react';
import { Button, Input, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { ExpertQuery } from '../api/experts.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { fieldSelectOptions, type FieldGroups } from './expert-field-options.ts';
import type { ExpertStatusFilter } from './expert-filters.ts';
import type { InvitableProgram } from './expert-programs.ts';
import { RegionPrefixFilter } from './region-prefix-filter.tsx';
import '../i18n/expert.ts';

/** A text filter that applies on Enter or the button; clearing it shows everything again at once. `testId` is the input itself. */
function TextFilter({ value, onApply, placeholder, width, testId }: { value?: string; onApply: (v: string | undefined) => void; placeholder: string; width: number; testId: string }) {
  const [text, setText] = useState(value ?? '');
  const apply = () => onApply(text.trim() || undefined);
  return (
    <Space.Compact style={{ width }}>
      <Input
        value={text}
        allowClear
        placeholder={placeholder}
        onChange={(e) => {
          setText(e.target.value);
          if (!e.target.value) onApply(undefined);
        }}
        onPressEnter={apply}
        data-testid={testId}
      />
      <Button icon={<SearchOutlined />} onClick={apply} aria-label={placeholder} data-testid={`${testId}-submit`} />
    </Space.Compact>
  );
}

type Props = {
  query: ExpertQuery;
  onChange: (patch: Partial<ExpertQuery>) => void;
  fields: FieldGroups;
  programs: readonly InvitableProgram[];
};

const statuses: ExpertStatusFilter[] = ['invited', 'accepted', 'declined', 'none'];

/** Search (name, organization, keywords, bio) and the field, region and title filters; with a program, who stands where on it. */
export function ExpertFilterBar({ query, onChange, fields, programs }: Props) {
  const { t } = useI18n();
  return (
    <Space wrap className="lv-filters" data-testid="expert-filters">
      <TextFilter value={query.q} onApply={(q) => onChange({ q })} placeholder={t('ex.search')} width={300} testId="expert-q" />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('ex.allFields')}
        value={query.field}
        onChange={(field: string | undefined) => onChange({ field })}
        options={fieldSelectOptions(fields, { catalogue: t('ex.fieldsCatalogue'), track: t('ex.fieldsTrack') })}
        style={{ width: 260 }}
        data-testid="expert-field"
      />
      <RegionPrefixFilter value={query.region} onChange={(region) => onChange({ region })} testId="expert-region" minWidth={220} />
      <TextFilter value={query.title} onApply={(title) => onChange({ title })} placeholder={t('ex.titleFilter')} width={180} testId="expert-title" />
      <Select
        allowClear
        placeholder={t('ex.programFilter')}
        value={query.programId}
        onChange={(programId: string | undefined) => onChange({ programId, status: programId ? query.status : undefined })}
        options={programs.map((p) => ({ value: p.id, label: p.name }))}
        style={{ width: 260 }}
        data-testid="expert-program"
      />
      {query.programId && (
        <Select
          allowClear
          placeholder={t('ex.allStatuses')}
          value={query.status}
          onChange={(status: ExpertStatusFilter | undefined) => onChange({ status })}
          options={statuses.map((s) => ({ value: s, label: t(`ex.status.${s}`) }))}
          style={{ width: 140 }}
          data-testid="expert-status"
        />
      )}
    </Space>
  );
}
