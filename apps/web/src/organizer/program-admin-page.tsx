import { lazy, Suspense, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Breadcrumb, Card, Skeleton, Tabs, Tag, Typography } from 'antd';
import { programsApi } from '../api/programs.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { textIn } from '../i18n/text-in.tsx';
import { ApiErrorPage } from '../shell/api-error.tsx';
import { statusColor } from '../shell/status.ts';
import { useLoad } from '../shell/use-load.ts';
import { ApplicationsTab } from './applications-tab.tsx';
import { DefinitionTab } from './definition-tab.tsx';
import { OverviewTab } from './overview-tab.tsx';
import './organizer.css';
import '../i18n/work.ts';
import '../i18n/review.ts';
import '../i18n/rounds.ts';
import '../i18n/decision.ts';
import '../i18n/webhooks.ts';
import '../i18n/publicity.ts';
import '../i18n/publication.ts';
import '../i18n/needs.ts';

// The later tabs are their own chunks (the statistics tab brings ECharts): the page opens on 概览 without them.
const UnitsTab = lazy(() => import('./units-tab.tsx').then((m) => ({ default: m.UnitsTab })));
const ComplianceTab = lazy(() => import('./compliance-tab.tsx').then((m) => ({ default: m.ComplianceTab })));
const ScreeningTab = lazy(() => import('./screening-tab.tsx').then((m) => ({ default: m.ScreeningTab })));
const StatsTab = lazy(() => import('./stats-tab.tsx'));
const DeadlinesTab = lazy(() => import('./deadlines-tab.tsx').then((m) => ({ default: m.DeadlinesTab })));
const ProgramExpertsTab = lazy(() => import('./program-experts-tab.tsx').then((m) => ({ default: m.ProgramExpertsTab })));
const AssignmentTab = lazy(() => import('./assignment-tab.tsx').then((m) => ({ default: m.AssignmentTab })));
const ReviewTab = lazy(() => import('./review-tab.tsx').then((m) => ({ default: m.ReviewTab })));
const DecisionTab = lazy(() => import('./decision-tab.tsx').then((m) => ({ default: m.DecisionTab })));
const WebhooksTab = lazy(() => import('./webhooks-tab.tsx').then((m) => ({ default: m.WebhooksTab })));
const PublicityTab = lazy(() => import('./publicity-tab.tsx').then((m) => ({ default: m.PublicityTab })));
const PublicationTab = lazy(() => import('./publication-tab.tsx').then((m) => ({ default: m.PublicationTab })));
const MilestonesTab = lazy(() => import('../needs/milestones-tab.tsx').then((m) => ({ default: m.MilestonesTab })));

const tabs = ['overview', 'definition', 'applications', 'units', 'compliance', 'screening', 'experts', 'assignment', 'review', 'decisions', 'publicity', 'publication', 'stats', 'deadlines', 'webhooks', 'milestones'] as const;
type TabKey = (typeof tabs)[number];

const later = (node: ReactNode) => <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>{node}</Suspense>;

/** /organizer/programs/:programId — 概览 / 定义 / 申报 of one program. */
export default function ProgramAdminPage() {
  const { programId = '' } = useParams();
  const { lang, t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [load, reload, replace] = useLoad(() => programsApi.get(programId), [programId]);
  const tab: TabKey = (tabs as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as TabKey) : 'overview';

  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 8 }} />;
  if (load.state === 'error') return <ApiErrorPage error={load.error} onRetry={() => reload()} />;
  const program = load.data;
  const recommends = !!program.definition.recommendation;
  // A 揭榜挂帅 program (made from needs) funds its solvers with the tier JIEBANG_TIER_ID: its 赛马 tab.
  const jiebang = program.definition.tracks.some((tr) => tr.awardTiers.some((a) => a.id === 'funded'));
  const label = (key: TabKey, text: string) => <span data-testid={`tab-${key}`}>{text}</span>;

  return (
    <div data-testid="program-admin">
      <Breadcrumb
        className="lv-breadcrumb"
        items={[{ title: <Link to="/organizer">{t('nav.organizer')}</Link> }, { title: textIn(lang, program.definition.name, program.definition.nameEn) }]}
      />
      <Card className="lv-block">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {textIn(lang, program.definition.name, program.definition.nameEn)}{' '}
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
            ...(recommends
              ? [
                  { key: 'units', label: label('units', t('tab.units')), children: later(<UnitsTab program={program} />) },
                  { key: 'compliance', label: label('compliance', t('tab.compliance')), children: later(<ComplianceTab program={program} />) },
                ]
              : []),
            { key: 'screening', label: label('screening', t('tab.screening')), children: later(<ScreeningTab program={program} />) },
            { key: 'experts', label: label('experts', t('tab.experts')), children: later(<ProgramExpertsTab program={program} />) },
            { key: 'assignment', label: label('assignment', t('tab.assignment')), children: later(<AssignmentTab program={program} />) },
            { key: 'review', label: label('review', t('rd.tab')), children: later(<ReviewTab program={program} />) },
            { key: 'decisions', label: label('decisions', t('dc.tab')), children: later(<DecisionTab program={program} />) },
            { key: 'publicity', label: label('publicity', t('pubt.tab')), children: later(<PublicityTab program={program} />) },
            { key: 'publication', label: label('publication', t('pub.tab')), children: later(<PublicationTab program={program} />) },
            { key: 'stats', label: label('stats', t('tab.stats')), children: later(<StatsTab program={program} />) },
            { key: 'deadlines', label: label('deadlines', t('tab.deadlines')), children: later(<DeadlinesTab program={program} />) },
            { key: 'webhooks', label: label('webhooks', t('wh.tab')), children: later(<WebhooksTab program={program} />) },
            ...(jiebang ? [{ key: 'milestones', label: label('milestones', t('ms.tab')), children: later(<MilestonesTab program={program} />) }] : []),
          ]}
        />
      </Card>
    </div>
  );
}
