import { useState } from 'react';
import { Button, Input, Segmented, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { QueueFilters, ScreeningState } from '../api/screening.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { RegionPrefixFilter } from '../organizer/region-prefix-filter.tsx';
import { screeningStates } from './queue-filters.ts';

type Props = { filters: QueueFilters; tracks: { id: string; name: string }[]; onChange: (patch: Partial<QueueFilters>) => void };

/** Track, screening state, region and a search: what the queue shows. */
export function QueueFilterBar({ filters, tracks, onChange }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState(filters.q ?? '');
  const search = () => onChange({ q: text.trim() || undefined });
  return (
    <Space wrap className="lv-filters">
      <Select
        value={filters.trackId}
        onChange={(trackId: string) => onChange({ trackId })}
        options={tracks.map((tr) => ({ value: tr.id, label: tr.name }))}
        style={{ minWidth: 260 }}
        data-testid="queue-track"
        aria-label={t('q.track')}
      />
      <Segmented<ScreeningState>
        value={filters.state ?? 'pending'}
        onChange={(state) => onChange({ state })}
        options={screeningStates.map((s) => ({ value: s, label: <span data-testid={`queue-state-${s}`}>{t(`q.state.${s}`)}</span> }))}
        data-testid="queue-state"
      />
      <RegionPrefixFilter value={filters.region} onChange={(region) => onChange({ region })} testId="queue-region" minWidth={220} />
      <Space.Compact style={{ width: 300 }}>
        <Input
          value={text}
          allowClear
          placeholder={t('q.search')}
          onChange={(e) => {
            setText(e.target.value);
            if (!e.target.value) onChange({ q: undefined });
          }}
          onPressEnter={search}
          data-testid="queue-q"
        />
        <Button icon={<SearchOutlined />} onClick={search} aria-label={t('q.search')} data-testid="queue-q-submit" />
      </Space.Compact>
    </Space>
  );
}
