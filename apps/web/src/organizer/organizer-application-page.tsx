import { Link, useParams } from 'react-router-dom';
import { Breadcrumb, Skeleton } from 'antd';
import { applicationsApi } from '../api/applications.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApplicationView } from '../applicant/application-view.tsx';
import { ApiErrorPage } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import '../applicant/applicant.css';
import '../i18n/work.ts';

/** /organizer/programs/:programId/applications/:id — one application, read-only, as the organizer sees it. */
export default function OrganizerApplicationPage() {
  const { programId = '', id = '' } = useParams();
  const { t } = useI18n();
  const [load, reload] = useLoad(() => applicationsApi.get(id), [id]);
  return (
    <>
      <Breadcrumb
        className="lv-breadcrumb"
        items={[
          { title: <Link to="/organizer">{t('nav.organizer')}</Link> },
          { title: <Link to={`/organizer/programs/${programId}?tab=applications`}>{load.state === 'ok' ? load.data.programName : t('orgz.program')}</Link> },
          { title: load.state === 'ok' ? load.data.number : id },
        ]}
      />
      {load.state === 'loading' && <Skeleton active paragraph={{ rows: 10 }} />}
      {load.state === 'error' && <ApiErrorPage error={load.error} onRetry={() => reload()} />}
      {load.state === 'ok' && <ApplicationView detail={load.data} />}
    </>
  );
}
