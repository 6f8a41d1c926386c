import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined, LinkOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { ExpertListItem } from '../api/experts.api.ts';
import type { useI18n } from '../i18n/i18n.tsx';
import { ExpertStatusTag } from './expert-status-tag.tsx';

type Ctx = {
  t: ReturnType<typeof useI18n>['t'];
  formatRegion: (code: string) => string;
  /** Set when the table shows each expert's standing on a program. */
  program: { id: string; tracks: { id: string; name: string }[] } | null;
  onEdit: (e: ExpertListItem) => void;
};

const MAX_TAGS = 3;

function Tags({ items, color }: { items: string[]; color?: string }) {
  if (items.length === 0) return <span>—</span>;
  const shown = items.slice(0, MAX_TAGS);
  return (
    <Space size={[4, 4]} wrap style={{ maxWidth: 280 }}>
      {shown.map((x) => <Tag key={x} color={color}>{x}</Tag>)}
      {items.length > MAX_TAGS && <Tooltip title={items.slice(MAX_TAGS).join('、')}><Tag>+{items.length - MAX_TAGS}</Tag></Tooltip>}
    </Space>
  );
}

/** The pool table's columns; with a program, each row's invitation to it. */
export function expertColumns({ t, formatRegion, program, onEdit }: Ctx): ColumnsType<ExpertListItem> {
  const columns: ColumnsType<ExpertListItem> = [
    {
      key: 'name',
      title: t('ex.name'),
      fixed: 'left',
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          <Space size={4}>
            <Typography.Text strong data-testid="expert-row-name">{e.name}</Typography.Text>
            {e.userId && <Tooltip title={t('ex.linked')}><LinkOutlined style={{ color: '#1f8f4e' }} data-testid="expert-linked" /></Tooltip>}
          </Space>
          {e.title && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.title}</Typography.Text>}
        </Space>
      ),
    },
    {
      key: 'org',
      title: t('ex.orgName'),
      render: (_, e) => (
        <Space orientation="vertical" size={0} style={{ maxWidth: 260 }}>
          <span>{e.orgName}</span>
          {e.orgParentGroup && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.orgParentGroup}</Typography.Text>}
        </Space>
      ),
    },
    { key: 'region', title: t('ex.region'), render: (_, e) => (e.regionCode ? formatRegion(e.regionCode) : '—') },
    { key: 'fields', title: t('ex.fields'), render: (_, e) => <Tags items={e.fieldRefs.map((f) => f.name)} color="green" /> },
    { key: 'keywords', title: t('ex.keywords'), render: (_, e) => <Tags items={e.keywords} /> },
    {
      key: 'contact',
      title: t('ex.contact'),
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          <span data-testid="expert-row-email">{e.email}</span>
          {e.phone && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.phone}</Typography.Text>}
        </Space>
      ),
    },
  ];
  if (program) {
    columns.push({
      key: 'invitation',
      title: t('ex.invitation'),
      render: (_, e) => {
        const inv = e.invitation;
        if (!inv) return <Typography.Text type="secondary" data-testid="expert-status-tag" data-status="none">{t('ex.status.none')}</Typography.Text>;
        const track = inv.trackId ? (program.tracks.find((tr) => tr.id === inv.trackId)?.name ?? inv.trackId) : null;
        return (
          <Space orientation="vertical" size={0}>
            <ExpertStatusTag status={inv.status} />
            {track && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{track}</Typography.Text>}
          </Space>
        );
      },
    });
  }
  columns.push({
    key: 'actions',
    title: t('ex.actions'),
    fixed: 'right',
    render: (_, e) => <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(e)} data-testid={`expert-edit-${e.email}`}>{t('ex.edit')}</Button>,
  });
  return columns;
}
