import { useMemo } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { Breadcrumb, Card, Col, Row, Skeleton } from 'antd';
import { applicationFiles, applicationsApi } from '../api/applications.api.ts';
import { screeningApi } from '../api/screening.api.ts';
import type { FormAnswers } from '../form-renderer/answers.ts';
import type { FileAdapter } from '../form-renderer/context.ts';
import { FormRenderer } from '../form-renderer/form-renderer.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';
import { ApiErrorAlert, ApiErrorPage } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { ChecklistCard } from './checklist-card.tsx';
import { DecisionCard, RecordView } from './decision-card.tsx';
import { RuleList } from './rule-list.tsx';
import { ScreeningSummary } from './screening-summary.tsx';
import { mayExtend } from './scope.ts';
import { VersionsCard } from './versions-card.tsx';
import './review.css';
import '../i18n/work.ts';
import '../i18n/review.ts';

/**
 * One application's 初筛: /review/programs/:programId/applications/:id for review institutions,
 * /organizer/programs/:programId/screening/:id for organizers (the same page, reached from the program).
 */
export default function ScreeningPage() {
  const { programId = '', id = '' } = useParams();
  const { t } = useI18n();
  const { user } = useSession();
  const organizer = useLocation().pathname.startsWith('/organizer/');
  const [load, reload, replace] = useLoad(() => screeningApi.view(id), [id]);
  const [app, reloadApp] = useLoad(() => applicationsApi.get(id), [id, load.state === 'ok' ? load.data.versionNo : 0]);
  const files = useMemo<FileAdapter>(() => ({ href: (f) => applicationFiles.file(id, f.id) }), [id]);

  const back = organizer
    ? [{ title: <Link to="/organizer">{t('nav.organizer')}</Link> }, { title: <Link to={`/organizer/programs/${programId}?tab=screening`} data-testid="back-to-queue">{t('orgz.program')}</Link> }]
    : [{ title: <Link to="/review">{t('nav.review')}</Link> }, { title: <Link to={`/review/programs/${programId}${load.state === 'ok' ? `?track=${load.data.trackId}` : ''}`} data-testid="back-to-queue">{load.state === 'ok' ? load.data.trackName : t('orgz.program')}</Link> }];

  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 10 }} />;
  if (load.state === 'error') return <ApiErrorPage error={load.error} onRetry={() => reload()} />;
  const view = load.data;

  return (
    <div data-testid="screening-page" data-status={view.status}>
      <Breadcrumb className="lv-breadcrumb" items={[...back, { title: view.number }]} />
      <ScreeningSummary view={view} />
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <RuleList view={view} />
          <ChecklistCard applicationId={view.applicationId} items={view.checklist} editable={view.canDecide} onSaved={(checklist) => replace({ ...view, checklist })} />
          <VersionsCard applicationId={view.applicationId} versionCount={view.versionCount} />
        </Col>
        <Col xs={24} lg={9}>
          <div className="lv-screen-side">
            <DecisionCard view={view} mayExtend={mayExtend(user, view.programId)} onChange={replace} onReload={() => reload()} />
            {view.history.length > 0 && (
              <Card title={t('sc.history')} className="lv-block" size="small" data-testid="screening-history">
                {view.history.map((r) => (
                  <RecordView key={r.versionNo} record={r} testId="history-record" />
                ))}
              </Card>
            )}
          </div>
        </Col>
      </Row>
      <Card title={t('sc.application')} className="lv-block" data-testid="screening-application">
        {app.state === 'loading' && <Skeleton active />}
        {app.state === 'error' && <ApiErrorAlert error={app.error} onRetry={reloadApp} />}
        {app.state === 'ok' && <FormRenderer template={app.data.form} answers={app.data.answers as FormAnswers} readOnly files={files} nav={false} />}
      </Card>
    </div>
  );
}
