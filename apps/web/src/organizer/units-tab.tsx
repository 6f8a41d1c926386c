import { useState } from 'react';
import { App, Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { ProgramDetail } from '../api/programs.api.ts';
import { recommenderApi, unitsApi, type Unit } from '../api/recommendation.api.ts';
import { DownloadButton } from '../shell/download-button.tsx';
import { useRegions } from '../form-renderer/reference.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { InviteLinkButton } from '../recommender/invite-link.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { UnitEdit } from './unit-edit.tsx';
import { UnitImport } from './unit-import.tsx';
import { UnitInvite } from './unit-invite.tsx';
import '../i18n/recommend.ts';

function Contact({ unit, role }: { unit: Unit; role: 'leader' | 'liaison' }) {
  const c = unit.contacts.find((x) => x.role === role);
  if (!c) return <span>—</span>;
  return <span>{c.name}{c.phone && <Typography.Text type="secondary"> {c.phone}</Typography.Text>}</span>;
}

function Quotas({ unit }: { unit: Unit }) {
  return (
    <Space size={[4, 4]} wrap style={{ maxWidth: 360 }}>
      {unit.quotas.map((q) => (
        <Tooltip key={q.trackId} title={q.trackName}>
          <Tag color={q.limit !== null && q.left === 0 ? 'red' : q.short > 0 ? 'orange' : 'default'} data-testid={`unit-quota-${q.trackId}`} data-used={q.used} data-left={q.left ?? ''}>
            {q.trackName.replace(/^.*（(.+?)(领域)?）$/, '$1').slice(0, 8)} {q.limit === null ? q.used : `${q.used}/${q.limit}`}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

/** 推荐单位: the program's units with contacts, administrators and quota per track; import, invite, edit, links. */
export function UnitsTab({ program }: { program: ProgramDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const regions = useRegions();
  const [load, reload, replace] = useLoad(() => unitsApi.list(program.id), [program.id]);
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState<Unit | null>(null);
  const list = load.state === 'ok' ? load.data : null;
  const city = list?.unitKind === 'city';

  const columns: ColumnsType<Unit> = [
    { key: 'name', title: city ? t('unit.city') : t('unit.name'), render: (_, u) => <Space size={4} wrap><span data-testid="unit-row-name">{u.name}</span>{u.fromDefinition && <Tag>{t('unit.fromDefinition')}</Tag>}</Space> },
    { key: 'channels', title: t('unit.channels'), render: (_, u) => u.channels.map((c) => <Tag key={c.id} color="green">{c.name}</Tag>) },
    { key: 'region', title: t('unit.region'), render: (_, u) => (u.regionCode ? (regions?.formatRegion(u.regionCode) ?? u.regionCode) : '—') },
    {
      key: 'contacts',
      title: `${t('unit.leader')} / ${t('unit.liaison')}`,
      render: (_, u) => (
        <Space orientation="vertical" size={0}>
          <Contact unit={u} role="leader" />
          <Contact unit={u} role="liaison" />
        </Space>
      ),
    },
    {
      key: 'admins',
      title: t('unit.admins'),
      render: (_, u) => (
        <Space orientation="vertical" size={0}>
          {u.adminEmails.map((e) => <span key={e}>{e}</span>)}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('unit.members', { n: u.members })}{u.pendingInvitations > 0 && ` · ${t('unit.pending', { n: u.pendingInvitations })}`}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'quota', title: t('unit.quota'), render: (_, u) => <Quotas unit={u} /> },
    {
      key: 'actions',
      title: t('unit.actions'),
      render: (_, u) => (
        <Space size={4} orientation="vertical">
          <Button size="small" icon={<EditOutlined />} disabled={!program.canConfigure} onClick={() => setEditing(u)} data-testid={`unit-edit-${u.name}`}>{t('unit.edit')}</Button>
          <InviteLinkButton unitId={u.id} unitName={u.name} size="small" />
          <DownloadButton size="small" href={recommenderApi.summaryHref(u.id, 'xlsx')} filename={`${program.definition.name}-${u.name}-${t('sum.title')}.xlsx`} data-testid={`unit-summary-${u.name}`}>{t('sum.title')}</DownloadButton>
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="units-tab">
      <Space wrap className="lv-filters">
        {program.canConfigure && <UnitImport programId={program.id} onImported={() => reload()} />}
        {program.canConfigure && <UnitInvite programId={program.id} selected={selected} onSent={() => reload()} />}
        <DownloadButton href={recommenderApi.programSummaryHref(program.id)} filename={`${program.definition.name}-${t('sum.title')}.xlsx`} data-testid="units-summary-all">{t('sum.all')}</DownloadButton>
        {list && <Typography.Text type="secondary">{t('unit.total', { n: list.units.length })}{list.stacking && ` · ${t('unit.stacking')}`}</Typography.Text>}
      </Space>
      {load.state === 'error' ? (
        <ApiErrorAlert error={load.error} title={t('unit.loadFailed')} onRetry={reload} />
      ) : (
        <Table<Unit>
          rowKey="id"
          size="middle"
          loading={load.state === 'loading'}
          columns={columns}
          dataSource={list?.units ?? []}
          scroll={{ x: 'max-content' }}
          rowSelection={program.canConfigure ? { selectedRowKeys: selected, onChange: (k) => setSelected(k.map(String)) } : undefined}
          pagination={{ hideOnSinglePage: true, pageSize: 50 }}
          locale={{ emptyText: t('unit.empty') }}
          onRow={(u) => ({ 'data-testid': 'unit-row', 'data-unit': u.name }) as object}
          data-testid="units-table"
        />
      )}
      {editing && list && (
        <UnitEdit
          unit={editing}
          channels={list.channels}
          onClose={() => setEditing(null)}
          onSaved={(u) => {
            replace({ ...list, units: list.units.map((x) => (x.id === u.id ? u : x)) });
            setEditing(null);
            message.success(t('unit.saved', { name: u.name }));
          }}
          reloadUnit={async () => {
            const fresh = await unitsApi.list(program.id);
            replace(fresh);
            return fresh.units.find((x) => x.id === editing.id);
          }}
        />
      )}
    </div>
  );
}
