import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { CopyOutlined, ImportOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { can, canOnSomeProgram } from '@lvping/domain/access/roles.ts';
import type { ProgramSummary } from '@lvping/domain/program/program-summary.schema.ts';
import { programsApi, type ProgramStatus } from '../api/programs.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { textIn } from '../i18n/text-in.tsx';
import { useSession } from '../session/session.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { statusColor } from '../shell/status.ts';
import { useLoad } from '../shell/use-load.ts';
import { CreateFromTemplate } from './create-from-template.tsx';
import { ImportDefinition } from './import-definition.tsx';
import { CopyProgram } from './copy-program.tsx';
import './organizer.css';
import '../i18n/work.ts';

/** /organizer — the programs I may configure, and (for those allowed) creating new ones. */
export default function OrganizerHomePage() {
  const { lang, t } = useI18n();
  const { user } = useSession();
  const [dialog, setDialog] = useState<'template' | 'copy' | 'import' | null>(null);
  const subject = user ? { userId: user.id, grants: user.grants } : null;
  const mayCreate = can(subject, 'program.create');
  const mayManageExperts = canOnSomeProgram(subject, 'expert.manage');
  // The server decides which programs this user configures (drafts included).
  const [rows, reload] = useLoad(() => programsApi.manageable().then((r) => r.programs), [user?.id]);

  const columns: ColumnsType<ProgramSummary> = [
    {
      key: 'name',
      title: t('orgz.program'),
      render: (_, r) => (
        <Link to={`/organizer/programs/${r.id}`} data-testid={`manage-${r.slug}`}>
          {textIn(lang, r.name, r.nameEn)}
        </Link>
      ),
    },
    { key: 'year', title: t('orgz.year'), dataIndex: 'year', width: 90 },
    {
      key: 'status',
      title: t('appl.status'),
      width: 120,
      render: (_, r) => <Tag color={statusColor[r.status]}>{t(`status.${r.status as ProgramStatus}`)}</Tag>,
    },
    {
      key: 'public',
      title: t('orgz.publicPage'),
      render: (_, r) => <Link to={`/programs/${r.slug}`}>/programs/{r.slug}</Link>,
    },
  ];

  return (
    <Card data-testid="organizer-home">
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.organizer')}
        </Typography.Title>
        <Space wrap>
          {mayManageExperts && (
            <Link to="/organizer/experts">
              <Button icon={<TeamOutlined />} data-testid="open-expert-pool">{t('nav.experts')}</Button>
            </Link>
          )}
          {mayCreate && (
            <>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('template')} data-testid="create-from-template">
                {t('orgz.fromTemplate')}
              </Button>
              <Button icon={<CopyOutlined />} onClick={() => setDialog('copy')} data-testid="copy-program">
                {t('lc.copy')}
              </Button>
              <Button icon={<ImportOutlined />} onClick={() => setDialog('import')} data-testid="import-definition">
                {t('orgz.import')}
              </Button>
            </>
          )}
        </Space>
      </Space>
      {rows.state === 'error' ? (
        <ApiErrorAlert error={rows.error} title={t('orgz.listFailed')} onRetry={reload} />
      ) : (
        <Table<ProgramSummary>
          rowKey="id"
          loading={rows.state === 'loading'}
          columns={columns}
          dataSource={rows.state === 'ok' ? rows.data : []}
          pagination={{ hideOnSinglePage: true, pageSize: 50 }}
          locale={{ emptyText: <Empty description={t('orgz.empty')} /> }}
          data-testid="organizer-programs"
        />
      )}
      {dialog === 'template' && <CreateFromTemplate onClose={() => setDialog(null)} />}
      {dialog === 'copy' && <CopyProgram onClose={() => setDialog(null)} />}
      {dialog === 'import' && <ImportDefinition onClose={() => setDialog(null)} />}
    </Card>
  );
}
