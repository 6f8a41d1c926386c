import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Breadcrumb, Card, Skeleton, Typography } from 'antd';
import { recommenderApi, type CandidateDetail } from '../api/recommendation.api.ts';
import type { FormAnswers } from '../form-renderer/answers.ts';
import type { FileAdapter } from '../form-renderer/context.ts';
import { FormRenderer } from '../form-renderer/form-renderer.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { ApplicationHeader } from '../applicant/application-header.tsx';
import { ApiErrorPage } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { DecisionPanel } from './decision-panel.tsx';
import { DecisionResult } from './decision-result.tsx';
import { NominationTag } from './nomination-tag.tsx';
import { QuotaMeterView } from './quota-meter.tsx';
import '../applicant/applicant.css';
import './recommender.css';
import '../i18n/work.ts';
import '../i18n/recommend.ts';

function Decide({ detail, onChange, reload }: { detail: CandidateDetail; onChange: (d: CandidateDetail) => void; reload: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <Card className="lv-block" size="small" title={t('rec.quotaOnTrack', { track: detail.quota.trackName })}>
        <QuotaMeterView quota={detail.quota} showMinimum={false} />
      </Card>
      {detail.nomination.status === 'pending' ? (
        <DecisionPanel detail={detail} onDecided={onChange} onRefused={reload} />
      ) : (
        <DecisionResult applicationId={detail.application.id} nomination={detail.nomination} />
      )}
    </>
  );
}

/** /recommender/candidates/:applicationId — one candidate read-only, and the unit's decision on it. */
export default function CandidatePage() {
  const { applicationId = '' } = useParams();
  const { t } = useI18n();
  const [load, reload, replace] = useLoad(() => recommenderApi.candidate(applicationId), [applicationId]);
  const files = useMemo<FileAdapter>(() => ({ href: (f) => recommenderApi.fileHref(applicationId, f.id) }), [applicationId]);

  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 10 }} />;
  if (load.state === 'error') return <ApiErrorPage error={load.error} onRetry={() => reload()} />;
  const detail = load.data;
  const app = detail.application;

  return (
    <div data-testid="candidate-page" data-status={detail.nomination.status}>
      <Breadcrumb
        className="lv-breadcrumb"
        items={[
          { title: <Link to="/recommender">{t('nav.recommender')}</Link> },
          { title: <Link to={`/recommender/units/${detail.nomination.unitId}`} data-testid="back-to-unit">{detail.nomination.unitName}</Link> },
          { title: app.number },
        ]}
      />
      <ApplicationHeader detail={app} extra={<NominationTag status={detail.nomination.status} />} />
      <Decide detail={detail} onChange={replace} reload={() => reload()} />
      <Typography.Title level={4}>{t('rec.application')}</Typography.Title>
      <FormRenderer template={app.form} answers={app.answers as FormAnswers} readOnly files={files} />
    </div>
  );
}
