import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Breadcrumb, Card, Skeleton, Tabs, Tag, Typography } from 'antd';
import { programsApi } from '../api/programs.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorPage } from '../shell/api-error.tsx';
import { statusColor } from '../shell/status.ts';
import { useLoad } from '../shell/use-load.ts';
import { ApplicationsTab } from './applications-tab.tsx';
import { DefinitionTab } from './definition-tab.tsx';
import { OverviewTab } from './overview-tab.tsx';
import './organizer.css';
import '../i18n/work.ts';

const tabs = ['overview', 'definition', 'applications'] as const;
type TabKey = (typeof tabs)[number];

/** /organizer/programs/:programId — 概览 / 定义 / 申报 of one program. */
export default function ProgramAdminPage() {
  const { programId = '' } = useParams();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [load, reload, replace] = useLoad(() => programsApi.get(programId), [programId]);
  const tab: TabKey = (tabs as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as TabKey) : 'overview';

  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 8 }} />;
  if (load.state === 'error') return <ApiErrorPage error={load.error} onRetry={() => reload()} />;
  const program = load.data;

  return (
    <div data-testid="program-admin">
      <Breadcrumb
        className="lv-breadcrumb"
        items={[{ title: <Link to="/organizer">{t('nav.organizer')}</Link> }, { title: program.definition.name }]}
      />
      <Card className="lv-block">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {program.definition.name}{' '}
          <Tag color={statusColor[program.status]} data-testid="program-status" style={{ verticalAlign: 'middle' }}>
            {t(`status.${program.status}`)}
          </Tag>
        </Typography.Title>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'overview' ? {} : { tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'overview', label: <span data-testid="tab-overview">{t('orgz.tabOverview')}</span>, children: <OverviewTab program={program} onChanged={replace} /> },
            {
              key: 'definition',
              label: <span data-testid="tab-definition">{t('orgz.tabDefinition')}</span>,
              children: <DefinitionTab program={program} onSaved={replace} onReload={() => reload(true)} />,
            },
            { key: 'applications', label: <span data-testid="tab-applications">{t('orgz.tabApplications')}</span>, children: <ApplicationsTab program={program} /> },
          ]}
        />
      </Card>
    </div>
  );
}
