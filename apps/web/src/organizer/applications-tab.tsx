import { Link, useSearchParams } from 'react-router-dom';
import { useState } from 'react';
import { Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined, SearchOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { applicationStatuses, applicationStatusNames } from '@lvping/domain/application/application-api.schema.ts';
import { applicationFiles, applicationsApi, type ApplicationFilters, type ApplicationStatus, type ApplicationSummary } from '../api/applications.api.ts';
import type { ProgramDetail } from '../api/programs.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { RegionPrefixFilter } from './region-prefix-filter.tsx';
import { useRegions } from '../form-renderer/reference.ts';
import { textIn, userText } from '../i18n/text-in.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { JobExportButton } from '../shell/job-export-button.tsx';
import { formatDateTime } from '../shell/shanghai.ts';
import { applicationStatusColor } from '../shell/status.ts';
import { useLoad } from '../shell/use-load.ts';
import { filtersFromParams, filtersToParams } from './filters.ts';

/** 申报: the program's applications, filtered by track, status, region and a search, paged, exportable. */
export function ApplicationsTab({ program }: { program: ProgramDetail }) {
  const { t, pick, lang } = useI18n();
  const regions = useRegions();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const [load, reload] = useLoad(() => applicationsApi.forProgram(program.id, filters), [program.id, filters]);

  const update = (patch: Partial<ApplicationFilters>) => {
    // Any new filter starts again at page 1.
    const next = { ...filters, page: undefined, ...patch };
    setParams(filtersToParams(next, { tab: 'applications' }), { replace: true });
  };

  const columns: ColumnsType<ApplicationSummary> = [
    {
      key: 'number',
      title: t('appl.number'),
      render: (_, a) => (
        <Link to={`/organizer/programs/${program.id}/applications/${a.id}`} className="lv-mono" data-testid={`row-${a.id}`}>
          {a.number}
        </Link>
      ),
    },
    { key: 'org', title: t('appl.organization'), render: (_, a) => <><div>{userText(lang, a.organizationName)}</div><Typography.Text type="secondary" className="lv-mono">{a.creditCode}</Typography.Text></> },
    {
      key: 'track',
      title: t('orgz.track'),
      // The server sends the Chinese name; the definition here has the English one.
      render: (_, a) => {
        const tr = program.definition.tracks.find((x) => x.id === a.trackId);
        return tr ? textIn(lang, tr.name, tr.nameEn) : textIn(lang, a.trackName);
      },
    },
    { key: 'region', title: t('orgz.region'), render: (_, a) => textIn(lang, regions?.formatRegion(a.regionCode) ?? a.regionCode ?? '') },
    {
      key: 'status',
      title: t('appl.status'),
      render: (_, a) => <Tag color={applicationStatusColor[a.status]}>{pick(applicationStatusNames[a.status])}</Tag>,
    },
    { key: 'submitted', title: t('my.submittedAt'), render: (_, a) => (a.submittedAt ? formatDateTime(a.submittedAt) : '—') },
  ];

  return (
    <div data-testid="applications-tab">
      <Space wrap className="lv-filters">
        <Select
          allowClear
          placeholder={t('orgz.allTracks')}
          value={filters.trackId}
          onChange={(v: string | undefined) => update({ trackId: v })}
          options={program.definition.tracks.map((tr) => ({ value: tr.id, label: lang === 'en' && tr.nameEn ? tr.nameEn : tr.name }))}
          style={{ minWidth: 220 }}
          data-testid="filter-track"
        />
        <Select
          allowClear
          placeholder={t('orgz.allStatuses')}
          value={filters.status}
          onChange={(v: ApplicationStatus | undefined) => update({ status: v })}
          // Drafts are their applicants' alone: the server lists none and refuses the filter.
          options={applicationStatuses.filter((s) => s !== 'draft').map((s) => ({ value: s, label: pick(applicationStatusNames[s]) }))}
          style={{ minWidth: 160 }}
          data-testid="filter-status"
        />
        <RegionPrefixFilter value={filters.region} onChange={(region) => update({ region })} testId="filter-region" minWidth={240} />
        <SearchBox value={filters.q} onSearch={(q) => update({ q })} placeholder={t('orgz.search')} />
        {/* A job: thousands of rows take a while, so the bar follows it and the file downloads when ready. */}
        <JobExportButton start={() => applicationFiles.startExport(program.id, filters)} icon={<FileExcelOutlined />} testId="export-xlsx">
          {t('orgz.exportXlsx')}
        </JobExportButton>
      </Space>
      {load.state === 'error' ? (
        <ApiErrorAlert error={load.error} title={t('orgz.applicationsFailed')} onRetry={reload} />
      ) : (
        <Table<ApplicationSummary>
          rowKey="id"
          size="middle"
          loading={load.state === 'loading'}
          columns={columns}
          dataSource={load.state === 'ok' ? load.data.items : []}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: filters.page ?? 1,
            pageSize: filters.pageSize ?? 20,
            total: load.state === 'ok' ? load.data.total : 0,
            showSizeChanger: true,
            showTotal: (n) => t('orgz.total', { n }),
            onChange: (page, pageSize) => setParams(filtersToParams({ ...filters, page, pageSize }, { tab: 'applications' }), { replace: true }),
          }}
          data-testid="applications-table"
        />
      )}
    </div>
  );
}

/** The full-text search: runs on Enter or the button; `filter-q` is the input itself. */
function SearchBox({ value, onSearch, placeholder }: { value?: string; onSearch: (q: string | undefined) => void; placeholder: string }) {
  const [text, setText] = useState(value ?? '');
  const run = () => onSearch(text.trim() || undefined);
  return (
    <Space.Compact style={{ width: 300 }}>
      <Input
        value={text}
        allowClear
        placeholder={placeholder}
        onChange={(e) => {
          setText(e.target.value);
          // Clearing the box shows everything again at once.
          if (!e.target.value) onSearch(undefined);
        }}
        onPressEnter={run}
        data-testid="filter-q"
      />
      <Button icon={<SearchOutlined />} onClick={run} aria-label={placeholder} data-testid="filter-q-submit" />
    </Space.Compact>
  );
}
