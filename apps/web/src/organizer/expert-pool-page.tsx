import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { App, Breadcrumb, Button, Card, Space, Table, Typography } from 'antd';
import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { expertFiles, expertsApi, type ExpertListItem, type ExpertProfile, type ExpertQuery } from '../api/experts.api.ts';
import { useRegions } from '../form-renderer/reference.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { mayEnter, areaByKey } from '../shell/areas.ts';
import { DownloadButton } from '../shell/download-button.tsx';
import { useLoad } from '../shell/use-load.ts';
import { expertColumns } from './expert-columns.tsx';
import { ExpertEdit } from './expert-edit.tsx';
import { fieldGroups } from './expert-field-options.ts';
import { ExpertFilterBar } from './expert-filter-bar.tsx';
import { expertQueryFromParams, expertQueryToParams, withoutPaging } from './expert-filters.ts';
import { ExpertImport, ExpertTemplateButton } from './expert-import.tsx';
import { ExpertInvite } from './expert-invite.tsx';
import { loadInvitablePrograms } from './expert-programs.ts';
import './organizer.css';
import '../i18n/work.ts';
import '../i18n/expert.ts';

/** /organizer/experts — 专家库: the platform's experts, searched and filtered; import, export, edit, invite to a program. */
export default function ExpertPoolPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const regions = useRegions();
  const [params, setParams] = useSearchParams();
  const query = expertQueryFromParams(params);
  const [load, reload] = useLoad(() => expertsApi.list(query), [query]);
  const [fieldsLoad] = useLoad(() => expertsApi.fields(), []);
  const [programsLoad] = useLoad(() => loadInvitablePrograms(user), [user?.id]);
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState<ExpertProfile | 'new' | null>(null);

  const fields = useMemo(() => fieldGroups(fieldsLoad.state === 'ok' ? fieldsLoad.data.fields : []), [fieldsLoad]);
  const programs = programsLoad.state === 'ok' ? programsLoad.data : [];
  const program = programs.find((p) => p.id === query.programId) ?? null;
  const setQuery = (next: ExpertQuery) => setParams(expertQueryToParams(next), { replace: true });
  // Any new filter starts again at page 1.
  const update = (patch: Partial<ExpertQuery>) => setQuery({ ...query, page: undefined, ...patch });
  const list = load.state === 'ok' ? load.data : null;

  const columns = expertColumns({ t, program, formatRegion: (c) => regions?.formatRegion(c) ?? c, onEdit: (e) => setEditing(e) });

  return (
    <div data-testid="expert-pool">
      {user && mayEnter(user, areaByKey('organizer')) && (
        <Breadcrumb className="lv-breadcrumb" items={[{ title: <Link to="/organizer">{t('nav.organizer')}</Link> }, { title: t('ex.pageTitle') }]} />
      )}
      <Card>
        <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 8 }} wrap align="start">
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>{t('ex.pageTitle')}</Typography.Title>
            <Typography.Text type="secondary">{t('ex.pageText')}</Typography.Text>
          </div>
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="experts-create">{t('ex.create')}</Button>
            <ExpertImport onImported={() => reload()} />
            <ExpertTemplateButton />
            <DownloadButton href={expertFiles.export(withoutPaging(query))} filename="专家库.xlsx" icon={<FileExcelOutlined />} data-testid="experts-export">
              {t('ex.export')}
            </DownloadButton>
            <ExpertInvite
              expertIds={selected}
              programs={programs}
              programId={query.programId}
              onSent={(programId) => {
                setSelected([]);
                // Show the invited experts' standing on that program.
                if (programId !== query.programId) update({ programId, status: undefined });
                else reload();
              }}
            />
          </Space>
        </Space>
        <ExpertFilterBar query={query} onChange={update} fields={fields} programs={programs} />
        {load.state === 'error' ? (
          <ApiErrorAlert error={load.error} title={t('ex.loadFailed')} onRetry={reload} />
        ) : (
          <Table<ExpertListItem>
            rowKey="id"
            size="middle"
            loading={load.state === 'loading'}
            columns={columns}
            dataSource={list?.items ?? []}
            scroll={{ x: 'max-content' }}
            rowSelection={{ selectedRowKeys: selected, preserveSelectedRowKeys: true, onChange: (keys) => setSelected(keys.map(String)) }}
            pagination={{
              current: query.page ?? 1,
              pageSize: query.pageSize ?? 20,
              total: list?.total ?? 0,
              showSizeChanger: true,
              showTotal: (n) => t('ex.total', { n }),
              onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
            }}
            locale={{ emptyText: t('ex.empty') }}
            onRow={(e) => ({ 'data-testid': 'expert-row', 'data-email': e.email, 'data-name': e.name }) as object}
            data-testid="experts-table"
            data-total={list?.total}
          />
        )}
      </Card>
      {editing && (
        <ExpertEdit
          expert={editing === 'new' ? null : editing}
          fields={fields}
          onClose={() => setEditing(null)}
          onSaved={(e, created) => {
            setEditing(null);
            message.success(t(created ? 'ex.created' : 'ex.saved', { name: e.name }));
            reload();
          }}
          onDeleted={(e) => {
            setEditing(null);
            setSelected((s) => s.filter((id) => id !== e.id));
            message.success(t('ex.deleted', { name: e.name }));
            reload();
          }}
        />
      )}
    </div>
  );
}
